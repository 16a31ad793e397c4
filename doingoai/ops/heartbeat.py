"""The worker heartbeat: workers record a sign of life; the health check reports the latest one."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import DatabaseError
from django.utils import timezone

from .models import WorkerHeartbeat


def record_heartbeat(hostname: str, *, started: bool = False) -> None:
    """Note that worker `hostname` is alive now (and, with `started`, that it has just started)."""
    now = timezone.now()
    values = {"seen_at": now, **({"started_at": now} if started else {})}
    WorkerHeartbeat.objects.update_or_create(hostname=hostname[:255], defaults=values)


def worker_status(now: datetime.datetime | None = None) -> dict:
    """The "worker" entry of /healthz: informative, it never makes the health check fail.

    In the embedded mode (tasks run in-process) there is no worker to hear from. Otherwise `ok` says whether some
    worker ran the heartbeat task (sent by beat every WORKER_HEARTBEAT_SECONDS) within
    WORKER_HEARTBEAT_STALE_SECONDS, so a false `ok` means no worker, or no beat.
    """
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return {"ok": True, "mode": "eager"}
    now = now or timezone.now()
    stale_after = datetime.timedelta(seconds=settings.WORKER_HEARTBEAT_STALE_SECONDS)
    try:
        latest = WorkerHeartbeat.objects.order_by("-seen_at").first()
        alive = WorkerHeartbeat.objects.filter(seen_at__gte=now - stale_after).count() if latest else 0
    except DatabaseError as error:
        return {"ok": False, "error": error.__class__.__name__}
    if latest is None:
        return {"ok": False, "error": "no heartbeat yet"}
    age = (now - latest.seen_at).total_seconds()
    return {
        "ok": age <= stale_after.total_seconds(),
        "last_seen": latest.seen_at.isoformat(),
        "age_s": round(max(age, 0)),
        "hostname": latest.hostname,
        "workers": alive,
    }
