"""The daily run against a real SMTP server on loopback: one digest per user and day with that user's items, in
Vietnamese; nothing more when run again; a failed SMTP attempt followed by a retry sends once."""

from __future__ import annotations

import datetime

import pytest

from doingoai.notifications.models import DeliveryPreference, Digest, Notification
from doingoai.reminders.models import SentReminder
from doingoai.reminders.services import run_daily
from partners.models import Occasion

from .conftest import TODAY, text_of

pytestmark = pytest.mark.django_db


def run(day=TODAY, capture=None):
    with capture(execute=True):
        return run_daily(day)


def address(world, persona: str) -> str:
    return world.users[persona].email


def test_each_responsible_user_gets_exactly_one_digest_with_their_items(province, smtp,
                                                                          django_capture_on_commit_callbacks):
    world = province.world
    run(capture=django_capture_on_commit_callbacks)
    assert smtp.recipients() == sorted(address(world, persona) for persona in ("staff", "leader", "focal_a", "rep_x"))

    (staff,) = smtp.to(address(world, "staff"))
    body = text_of(staff)
    assert "Quốc khánh nước Cộng hòa Dân chủ Nhân dân Lào" in body and "02/12/2026" in body and "51" in body
    assert "Tỉnh trưởng tỉnh Champasak" in body  # the greeting assigned to this officer
    assert "Thỏa thuận hợp tác với tỉnh Prey Veng giai đoạn 2022–2027" in body
    assert "Bản ghi nhớ hợp tác với tỉnh Champasak về giáo dục" in body
    assert "Đoàn đi thăm tỉnh Champasak" in body
    assert "Tổ chức gặp mặt kiều bào đón Tết" not in body  # the lead agency's focal point answers for it

    (leader,) = smtp.to(address(world, "leader"))
    assert "Tỉnh trưởng tỉnh Champasak" in text_of(leader)
    assert "Đoàn đi thăm" not in text_of(leader)

    (focal,) = smtp.to(address(world, "focal_a"))
    assert "Đoàn đi thăm tỉnh Champasak" in text_of(focal)
    assert "Tổ chức gặp mặt kiều bào đón Tết" in text_of(focal)
    assert "Quốc khánh" not in text_of(focal) and "Thỏa thuận" not in text_of(focal)

    (rep,) = smtp.to(address(world, "rep_x"))
    assert "Hội hữu nghị X (thử)" in text_of(rep)
    assert "Hội hữu nghị Y" not in text_of(rep)

    # Vietnamese, correctly encoded: the subject and the bodies decode to the original diacritics.
    assert "Sở Ngoại vụ Đồng Tháp" in staff["Subject"]
    assert staff.get_body(preferencelist=("plain",)).get_content_charset() == "utf-8"
    html = staff.get_body(preferencelist=("html",)).get_content()
    assert "Quốc khánh nước Cộng hòa Dân chủ Nhân dân Lào" in html
    assert staff["Message-ID"].startswith("<doingoai-digest-")


def test_in_app_notifications_match_the_e_mails(province, smtp, django_capture_on_commit_callbacks):
    world = province.world
    run(capture=django_capture_on_commit_callbacks)
    counts = {persona: Notification.objects.filter(recipient=world.users[persona]).count()
              for persona in ("admin", "staff", "leader", "focal_a", "focal_b", "rep_x", "rep_y")}
    assert counts == {"admin": 0, "staff": 5, "leader": 1, "focal_a": 2, "focal_b": 0, "rep_x": 1, "rep_y": 0}
    assert not Notification.objects.exclude(email_status=Notification.EmailStatus.SENT).exists()


def test_running_the_day_twice_sends_nothing_more(province, smtp, django_capture_on_commit_callbacks):
    run(capture=django_capture_on_commit_callbacks)
    sent, logged, notified = len(smtp.envelopes), SentReminder.objects.count(), Notification.objects.count()
    second = run(capture=django_capture_on_commit_callbacks)
    assert second.claimed == 0
    assert (len(smtp.envelopes), SentReminder.objects.count(), Notification.objects.count()) == (sent, logged, notified)
    # The next day has nothing new either: the next offsets are not due yet.
    run(TODAY + datetime.timedelta(days=1), capture=django_capture_on_commit_callbacks)
    assert len(smtp.envelopes) == sent


def test_items_claimed_after_the_days_digest_wait_for_the_next_day(province, smtp, django_capture_on_commit_callbacks):
    world = province.world
    run(capture=django_capture_on_commit_callbacks)
    from tests import factories

    factories.OccasionFactory(kind=Occasion.Kind.TRADITIONAL, title="Ngày truyền thống Hội hữu nghị Việt Nam – Cu-ba",
                              month=12, day=2, base_year=1960, country=None)
    run(capture=django_capture_on_commit_callbacks)
    assert len(smtp.to(address(world, "staff"))) == 1  # still one e-mail today
    run(TODAY + datetime.timedelta(days=1), capture=django_capture_on_commit_callbacks)
    later = smtp.to(address(world, "staff"))
    assert len(later) == 2
    assert "Cu-ba" in text_of(later[1])


def test_an_smtp_failure_is_retried_and_the_digest_sent_once(province, smtp, django_capture_on_commit_callbacks):
    world = province.world
    smtp.fail_next = 1
    run(capture=django_capture_on_commit_callbacks)
    assert smtp.refused == 1
    assert len(smtp.to(address(world, "staff"))) + len(smtp.to(address(world, "leader"))) + len(
        smtp.to(address(world, "focal_a"))) + len(smtp.to(address(world, "rep_x"))) == 4
    assert sorted(set(smtp.recipients())) == smtp.recipients()  # nobody twice
    assert sorted(Digest.objects.values_list("attempts", flat=True)) == [1, 1, 1, 2]
    assert set(Digest.objects.values_list("status", flat=True)) == {Digest.Status.SENT}


def test_a_digest_that_failed_every_attempt_goes_out_once_when_the_server_is_back(province, smtp,
                                                                                  django_capture_on_commit_callbacks):
    smtp.fail_next = 1000
    run(capture=django_capture_on_commit_callbacks)
    assert smtp.envelopes == []
    assert set(Digest.objects.values_list("status", flat=True)) == {Digest.Status.FAILED}
    smtp.fail_next = 0
    run(capture=django_capture_on_commit_callbacks)  # the next beat tick, or an administrator running it again
    assert len(smtp.envelopes) == 4
    run(capture=django_capture_on_commit_callbacks)
    assert len(smtp.envelopes) == 4
    assert set(Digest.objects.values_list("status", flat=True)) == {Digest.Status.SENT}


def test_a_failed_digest_is_superseded_by_the_next_days_which_carries_its_items(province, smtp,
                                                                               django_capture_on_commit_callbacks):
    world = province.world
    smtp.fail_next = 1000
    run(capture=django_capture_on_commit_callbacks)
    smtp.fail_next = 0
    run(TODAY + datetime.timedelta(days=1), capture=django_capture_on_commit_callbacks)
    (staff,) = smtp.to(address(world, "staff"))
    assert "Quốc khánh nước Cộng hòa Dân chủ Nhân dân Lào" in text_of(staff)
    assert Digest.objects.filter(day=TODAY, status=Digest.Status.SUPERSEDED).count() == 4


def test_delivery_preferences_each_e_mail_and_none(province, smtp, django_capture_on_commit_callbacks):
    world = province.world
    DeliveryPreference.objects.create(user=world.users["staff"], delivery=DeliveryPreference.Delivery.EMAIL)
    DeliveryPreference.objects.create(user=world.users["focal_a"], delivery=DeliveryPreference.Delivery.NONE)
    run(capture=django_capture_on_commit_callbacks)
    assert len(smtp.to(address(world, "staff"))) == 5  # one e-mail per item
    assert smtp.to(address(world, "focal_a")) == []
    assert Notification.objects.filter(recipient=world.users["focal_a"]).count() == 2  # still in the portal
    assert len(smtp.to(address(world, "leader"))) == 1
    run(capture=django_capture_on_commit_callbacks)
    assert len(smtp.to(address(world, "staff"))) == 5


def test_a_permanent_refusal_is_not_retried(province, smtp, django_capture_on_commit_callbacks):
    smtp.fail_next = 1
    smtp.fail_reply = "550 5.1.1 Mailbox unavailable"
    run(capture=django_capture_on_commit_callbacks)
    assert smtp.refused == 1
    assert len(smtp.envelopes) == 3
    failed = Digest.objects.get(status=Digest.Status.FAILED)
    assert failed.attempts == 1 and "550" in failed.last_error
