"""Every constraint of the reminders and notifications models refuses a violating row, with its message."""

from __future__ import annotations

import datetime

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType

from doingoai.notifications.models import Digest
from doingoai.reminders.models import ReminderRule, SentReminder
from tests import factories
from tests.core.constraints import case

pytestmark = pytest.mark.django_db
DAY = datetime.date(2026, 11, 22)


def second_digest_same_day():
    user = factories.UserFactory(username="digest_twice")
    Digest.objects.create(recipient=user, day=DAY)
    return Digest(recipient=user, day=DAY)


def sent_digest_without_time():
    return Digest(recipient=factories.UserFactory(username="digest_no_time"), day=DAY, status=Digest.Status.SENT)


def second_rule_same_kind():
    ReminderRule.objects.update_or_create(kind="agreement_expiry", occasion_kind="", defaults={"offsets": "90"})
    return ReminderRule(kind="agreement_expiry", offsets="30")


def occasion_kind_on_another_rule():
    ReminderRule.objects.filter(kind="delegation_report").delete()
    return ReminderRule(kind="delegation_report", occasion_kind="new_year", offsets="-1")


def same_reminder_twice():
    rule, _created = ReminderRule.objects.update_or_create(kind="occasion", occasion_kind="", defaults={"offsets": "3"})
    content_type = ContentType.objects.get_for_model(ReminderRule)
    values = {"rule": rule, "content_type": content_type, "object_id": 1, "occurrence": DAY, "offset": 3,
              "due_on": DAY, "run": "a", "text": "Nhắc việc"}
    SentReminder.objects.create(**values)
    return SentReminder(**{**values, "run": "b"})


CONSTRAINT_CASES = [
    case("digest_one_per_user_and_day", second_digest_same_day, "This user already has a digest for this day."),
    case("digest_sent_has_time", sent_digest_without_time, "A sent digest needs the time it was sent."),
    case("reminder_rule_unique_kind", second_rule_same_kind, "There is already a rule for this kind."),
    case("reminder_rule_occasion_kind_only_for_occasions", occasion_kind_on_another_rule,
         "Only occasion reminders can be limited to a kind of occasion."),
    case("reminder_sent_once", same_reminder_twice, "This reminder was already sent."),
]


@pytest.mark.parametrize("constraint", CONSTRAINT_CASES)
def test_constraint_refuses_violating_row(constraint):
    constraint.assert_refused()


def test_every_constraint_of_these_apps_has_a_case():
    declared = {
        constraint.name
        for label in ("notifications", "reminders", "agenda")
        for model in apps.get_app_config(label).get_models()
        for constraint in model._meta.constraints
    }
    assert declared == {param.values[0].name for param in CONSTRAINT_CASES}
