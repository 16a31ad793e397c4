"""Views every installation needs whatever its data: the health check."""

from __future__ import annotations

import time

from django.conf import settings
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache


def _check_database() -> dict:
    started = time.monotonic()
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as error:  # noqa: BLE001 - any failure means "not answering", reported, not raised
        return {"ok": False, "error": error.__class__.__name__}
    return {"ok": True, "ms": round((time.monotonic() - started) * 1000, 1)}


def _check_broker() -> dict:
    if not settings.CELERY_BROKER_URL:
        return {"ok": True, "mode": "eager"}
    from doingoai.celery import app

    started = time.monotonic()
    try:
        with app.connection_for_write(url=settings.CELERY_BROKER_URL) as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
    except Exception as error:  # noqa: BLE001
        return {"ok": False, "error": error.__class__.__name__}
    return {"ok": True, "ms": round((time.monotonic() - started) * 1000, 1)}


@never_cache
def healthz(request):
    """200 when the database and the broker answer, 503 when either does not; the JSON says which."""
    checks = {"database": _check_database(), "broker": _check_broker()}
    healthy = all(check["ok"] for check in checks.values())
    # Informative only: a silent worker does not make this web server unhealthy (a load balancer would take it out).
    from doingoai.ops.heartbeat import worker_status

    checks["worker"] = worker_status()
    return JsonResponse({"status": "ok" if healthy else "error", **checks}, status=200 if healthy else 503)
