"""The daily reminders task, scheduled by django-celery-beat (the "reminders-daily" periodic task, editable in the
admin; created by migration 0002)."""

from __future__ import annotations

import datetime

from celery import shared_task

from . import services


@shared_task(acks_late=True, ignore_result=True)
def run_daily_reminders(day: str | None = None) -> dict:
    """Run the reminders of `day` (ISO date; today by default). Idempotent: the sent-log and the one-digest-a-day
    rule make a second run, or two workers at once, send nothing more — so `acks_late` is safe."""
    result = services.run_daily(datetime.date.fromisoformat(day) if day else None)
    return {"day": result.day.isoformat(), "claimed": result.claimed, "notifications": result.notifications,
            "digests": result.digests}
