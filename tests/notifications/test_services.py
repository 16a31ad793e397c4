"""Claiming a digest: one sender wins, a lost claim is taken back, a sent digest is never sent again."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from doingoai.notifications import services
from doingoai.notifications.models import Digest, Notification

pytestmark = pytest.mark.django_db
DAY = datetime.date(2026, 11, 22)


def waiting(user, count=2):
    return services.notify(services.NewNotification(recipient=user, text=f"Nhắc việc {n}", category="activity")
                           for n in range(count))


def test_a_digest_is_sent_once_however_often_it_is_asked(world, mailoutbox):
    waiting(world.users["staff"])
    (digest_id,) = services.prepare_digests(DAY)
    assert services.send_digest(digest_id) == "sent"
    assert services.send_digest(digest_id) == "taken"
    assert services.prepare_digests(DAY) == []
    assert len(mailoutbox) == 1
    assert mailoutbox[0].body.count("- Nhắc việc ") == 2  # each waiting notification once
    assert set(Notification.objects.values_list("email_status", flat=True)) == {"sent"}


def test_a_claim_held_by_a_live_worker_is_left_alone_and_a_lost_one_taken_back(world, mailoutbox):
    waiting(world.users["staff"])
    (digest_id,) = services.prepare_digests(DAY)
    Digest.objects.filter(pk=digest_id).update(status=Digest.Status.SENDING, claimed_at=timezone.now())
    assert services.send_digest(digest_id) == "taken"
    Digest.objects.filter(pk=digest_id).update(claimed_at=timezone.now() - datetime.timedelta(minutes=16))
    assert services.send_digest(digest_id) == "sent"
    assert len(mailoutbox) == 1


def test_users_without_an_address_or_inactive_get_no_digest(world, mailoutbox):
    user = world.users["leader"]
    user.email = ""
    user.save()
    waiting(user)
    assert set(Notification.objects.values_list("email_status", flat=True)) == {"not_needed"}
    inactive = world.users["staff"]
    waiting(inactive)
    inactive.is_active = False
    inactive.save()
    assert services.prepare_digests(DAY) == []
