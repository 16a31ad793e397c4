"""The daily run: bring derived occasions and greeting drafts up to date, find the reminders due, claim each in the
sent-log exactly once, notify, and send each user's one digest e-mail."""

from __future__ import annotations

import datetime
import logging
import uuid
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from doingoai.notifications import services as notifications
from partners.greetings import draft_greetings
from partners.occasions import sync_derived_occasions

from .models import SentReminder
from .scan import Candidate, candidates

logger = logging.getLogger(__name__)


@dataclass
class RunResult:
    day: datetime.date
    found: int = 0
    claimed: int = 0
    notifications: int = 0
    drafted: int = 0
    digests: int = 0


def claim(found: list[Candidate], run: str | None = None) -> list[Candidate]:
    """Insert the sent-log rows of `found` and return the candidates this call inserted — the ones it must deliver.

    The unique constraint (rule, object, occurrence, offset) decides: a row another run inserted first (the same
    beat tick twice, a second worker, yesterday's run) is skipped by the database, never sent again. Notifications
    are created in the same transaction, so a claim and its delivery commit together or not at all.
    """
    if not found:
        return []
    run = run or uuid.uuid4().hex
    occurrences = {candidate.occurrence for candidate in found}
    logged = set(
        SentReminder.objects.filter(occurrence__in=occurrences, rule_id__in={c.rule.pk for c in found})
        .values_list("rule_id", "content_type_id", "object_id", "occurrence", "offset")
    )
    fresh = [candidate for candidate in found if candidate.key not in logged]
    if not fresh:
        return []
    with transaction.atomic():
        SentReminder.objects.bulk_create(
            [
                SentReminder(
                    rule=candidate.rule, content_type_id=candidate.content_type_id, object_id=candidate.obj.pk,
                    occurrence=candidate.occurrence, offset=candidate.offset, due_on=candidate.due_on, run=run,
                    text=candidate.text, recipient_count=len(candidate.recipients),
                )
                for candidate in fresh
            ],
            ignore_conflicts=True, batch_size=500,
        )
        mine = set(
            SentReminder.objects.filter(run=run)
            .values_list("rule_id", "content_type_id", "object_id", "occurrence", "offset")
        )
        claimed = [candidate for candidate in fresh if candidate.key in mine]
        notifications.notify(
            notifications.NewNotification(recipient=user, text=candidate.text, link=candidate.link,
                                          category=candidate.category)
            for candidate in claimed
            for user in candidate.recipients
        )
    return claimed


def dispatch_digests(day: datetime.date) -> int:
    """Queue the digest e-mails of `day` that are still to send (on commit); returns how many were queued."""
    from doingoai.notifications.tasks import send_digest

    ids = notifications.prepare_digests(day)
    for pk in ids:
        transaction.on_commit(lambda pk=pk: send_digest.delay(pk), robust=True)
    return len(ids)


def run_daily(today: datetime.date | None = None) -> RunResult:
    """The whole daily run; safe to run twice, on two workers at once, or again after a failure."""
    today = today or timezone.localdate()
    result = RunResult(day=today)
    sync_derived_occasions()
    result.drafted = len(draft_greetings(today))
    found = candidates(today)
    result.found = len(found)
    claimed = claim(found)
    result.claimed = len(claimed)
    result.notifications = sum(len(candidate.recipients) for candidate in claimed)
    result.digests = dispatch_digests(today)
    logger.info("Reminders for %s: %s due, %s new, %s notifications, %s drafts, %s digests queued.", today,
                result.found, result.claimed, result.notifications, result.drafted, result.digests)
    return result
