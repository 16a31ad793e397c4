"""A real Celery worker and beat against Redis and the test database deliver the digest to a loopback SMTP server,
once per user, while beat fires the run again and again and the first SMTP attempt fails.

Needs PostgreSQL and Redis (CI sets DATABASE_URL and CELERY_BROKER_URL); skipped otherwise.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django_celery_beat.models import IntervalSchedule, PeriodicTask

from doingoai.notifications.models import Digest

from .conftest import TODAY

ROOT = Path(settings.BASE_DIR)
pytestmark = [
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not (settings.CELERY_BROKER_URL and settings.USING_POSTGRES),
                       reason="needs PostgreSQL and a Redis broker (CELERY_BROKER_URL)"),
]


def database_url() -> str:
    db = connection.settings_dict
    auth = db["USER"] + (f":{db['PASSWORD']}" if db.get("PASSWORD") else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def start(args: list[str], env: dict, log: Path) -> subprocess.Popen:
    handle = log.open("w")
    return subprocess.Popen([sys.executable, "-m", "celery", "-A", "doingoai", *args], cwd=ROOT, env=env,
                            stdout=handle, stderr=subprocess.STDOUT, start_new_session=True)


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def test_worker_and_beat_deliver_one_digest_per_user(province, smtp, tmp_path):
    import redis

    redis.Redis.from_url(settings.CELERY_BROKER_URL).flushdb()  # leftovers of an earlier run on this test db
    every_two_seconds, _created = IntervalSchedule.objects.get_or_create(every=2, period=IntervalSchedule.SECONDS)
    PeriodicTask.objects.update(enabled=False)
    PeriodicTask.objects.create(name="reminders-test", task="doingoai.reminders.tasks.run_daily_reminders",
                                interval=every_two_seconds, kwargs=f'{{"day": "{TODAY.isoformat()}"}}')
    smtp.fail_next = 1  # the first message is refused once: the worker's retry must send it, once
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
        "DOINGOAI_TESTING": "0",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "worker-test-secret-key-not-for-production",
        "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "DJANGO_EMAIL_HOST": "127.0.0.1",
        "DJANGO_EMAIL_PORT": str(settings.EMAIL_PORT),
        "DJANGO_EMAIL_USE_TLS": "0",
        "DOINGOAI_EMAIL_RETRY_SECONDS": "1",
    }
    worker = start(["worker", "--concurrency", "2", "--pool", "prefork", "--without-gossip", "--without-mingle",
                    "--loglevel", "INFO"], env, tmp_path / "worker.log")
    beat = start(["beat", "--max-interval", "1", "--schedule", str(tmp_path / "beat-schedule"),
                  "--loglevel", "INFO"], env, tmp_path / "beat.log")
    expected = sorted(province.world.users[persona].email for persona in ("staff", "leader", "focal_a", "rep_x"))
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and len(smtp.envelopes) < len(expected):
            assert worker.poll() is None, (tmp_path / "worker.log").read_text()
            assert beat.poll() is None, (tmp_path / "beat.log").read_text()
            time.sleep(0.5)
        time.sleep(6)  # beat fires the run three more times
    finally:
        stop(beat)
        stop(worker)
    logs = (tmp_path / "worker.log").read_text()
    assert smtp.recipients() == expected, logs[-4000:]
    assert smtp.refused == 1
    assert "run_daily_reminders" in logs and logs.count("run_daily_reminders") >= 2 * 2  # fired (received) repeatedly
    assert set(Digest.objects.values_list("status", flat=True)) == {Digest.Status.SENT}
    assert "Quốc khánh nước Cộng hòa Dân chủ Nhân dân Lào" in smtp.to(province.world.users["staff"].email)[0] \
        .get_body(preferencelist=("plain",)).get_content()
