"""The worker heartbeat and its entry in /healthz: informative, never a reason for a 503."""

import datetime

import pytest
from django.utils import timezone

from doingoai.ops import tasks
from doingoai.ops.heartbeat import record_heartbeat, worker_status
from doingoai.ops.models import WorkerHeartbeat

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.ops.urls")]


@pytest.fixture
def with_broker(settings, monkeypatch):
    """A production-like configuration: a broker, tasks sent to workers (the broker check itself is stubbed)."""
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:6379/12"
    settings.CELERY_TASK_ALWAYS_EAGER = False
    monkeypatch.setattr("doingoai.core.views._check_broker", lambda: {"ok": True, "ms": 0.1})


def test_embedded_mode_reports_no_worker_to_hear_from(client):
    body = client.get("/healthz").json()
    assert body["status"] == "ok"
    assert body["worker"] == {"ok": True, "mode": "eager"}


def test_no_heartbeat_yet_is_reported_without_failing_the_health_check(client, with_broker):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert response.json()["worker"] == {"ok": False, "error": "no heartbeat yet"}


def test_a_recent_heartbeat_is_reported(client, with_broker):
    tasks.heartbeat.apply()
    worker = client.get("/healthz").json()["worker"]
    assert worker["ok"] is True
    assert worker["age_s"] <= 5
    assert worker["workers"] == 1
    assert worker["hostname"]


def test_a_silent_worker_is_reported_and_the_web_server_stays_healthy(client, with_broker, settings):
    record_heartbeat("celery@web-1")
    WorkerHeartbeat.objects.update(seen_at=timezone.now() - datetime.timedelta(seconds=600))
    response = client.get("/healthz")
    assert response.status_code == 200
    worker = response.json()["worker"]
    assert worker["ok"] is False
    assert worker["hostname"] == "celery@web-1"
    assert worker["age_s"] >= settings.WORKER_HEARTBEAT_STALE_SECONDS
    assert worker["workers"] == 0


def test_each_worker_keeps_one_row_and_the_latest_is_reported(with_broker):
    now = timezone.now()
    record_heartbeat("celery@a", started=True)
    record_heartbeat("celery@b")
    record_heartbeat("celery@a")
    assert WorkerHeartbeat.objects.count() == 2
    assert WorkerHeartbeat.objects.get(hostname="celery@a").started_at >= now
    assert WorkerHeartbeat.objects.get(hostname="celery@b").started_at is None
    status = worker_status()
    assert status["hostname"] == "celery@a" and status["workers"] == 2


def test_a_starting_worker_reports_at_once(with_broker):
    from celery import signals

    class Consumer:
        hostname = "celery@starting"

    signals.worker_ready.send(sender=Consumer())
    assert WorkerHeartbeat.objects.get(hostname="celery@starting").started_at is not None


def test_beat_sends_the_heartbeat_and_drops_it_when_late(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["ops-worker-heartbeat"]
    assert entry["task"] == tasks.heartbeat.name
    assert entry["schedule"] == settings.WORKER_HEARTBEAT_SECONDS
    assert entry["options"]["expires"] == settings.WORKER_HEARTBEAT_SECONDS
    assert settings.WORKER_HEARTBEAT_STALE_SECONDS > 2 * settings.WORKER_HEARTBEAT_SECONDS


def test_a_database_outage_is_reported_in_the_worker_entry(with_broker, monkeypatch):
    from django.db import DatabaseError

    def broken(*args, **kwargs):
        raise DatabaseError("gone")

    monkeypatch.setattr(WorkerHeartbeat.objects, "order_by", broken)
    assert worker_status() == {"ok": False, "error": "DatabaseError"}
