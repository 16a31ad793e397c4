"""Killing a worker loses no task, and task outcomes are visible in the admin (django-celery-results)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib import admin
from django.db import connection
from django_celery_results.models import TaskResult

from doingoai.celery import app

ROOT = Path(settings.BASE_DIR)
BROKER = "redis://127.0.0.1:6379/12"


def test_report_jobs_and_reminders_are_not_lost_with_a_killed_worker(settings):
    app.loader.import_default_modules()
    late = {"doingoai.reports.tasks.make_report", "doingoai.reminders.tasks.run_daily_reminders"}
    missing = late - set(app.tasks)
    assert not missing, f"tasks not found (renamed?): {missing}"
    for name in late:
        # Acknowledged after the run: a worker that dies mid-run leaves the message to be delivered again.
        assert app.tasks[name].acks_late, name
    # A pool process killed mid-task puts the message back instead of failing the task.
    assert settings.CELERY_TASK_REJECT_ON_WORKER_LOST is True
    # A whole worker killed: Redis delivers the message again after the visibility timeout, which must be longer
    # than a report job may run (else a running job would be delivered twice; the claim makes that harmless).
    timeout = settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"]
    assert timeout > settings.DOINGOAI["REPORT_TIME_LIMIT_SECONDS"] + 30
    # And a job whose worker died for good is re-sent or failed by the sweeper, every minute.
    sweep = settings.CELERY_BEAT_SCHEDULE["reports-sweep-stale-jobs"]
    assert sweep["task"] == "doingoai.reports.tasks.sweep_stale_jobs" and sweep["schedule"] <= 60


def test_task_outcomes_are_stored_for_the_admin(settings):
    assert settings.CELERY_RESULT_BACKEND == "django-db"
    assert settings.CELERY_TASK_IGNORE_RESULT is False
    assert settings.CELERY_TASK_STORE_ERRORS_EVEN_IF_IGNORED is True
    assert admin.site.is_registered(TaskResult)


@pytest.fixture
def worker(tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: the worker is another process and cannot see the SQLite test database")
    try:
        import redis

        redis.Redis.from_url(BROKER, socket_connect_timeout=2).ping()
    except Exception as error:  # noqa: BLE001
        pytest.skip(f"needs Redis at {BROKER}: {error}")
    queue = f"helper-ops-test-{uuid.uuid4().hex[:8]}"
    params = connection.settings_dict
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://{params['USER']}@{params['HOST'] or '127.0.0.1'}:{params['PORT'] or 5432}/"
                        f"{params['NAME']}",
        "CELERY_BROKER_URL": BROKER,
        "DJANGO_SECRET_KEY": "worker-test",
        "DJANGO_DEBUG": "0",
    }
    log = (tmp_path / "worker.log").open("w")
    process = subprocess.Popen(
        [str(Path(sys.executable).parent / "celery"), "-A", "doingoai", "worker", "--include",
         "tests.ops.worker_tasks", "--queues", queue, "--concurrency", "1", "--hostname", f"{queue}@%h",
         "--loglevel", "INFO"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    yield queue, process, tmp_path / "worker.log"
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
    log.close()


def wait_until(condition, what: str, log: Path, seconds: float = 60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.3)
    pytest.fail(f"timed out waiting for {what}; worker log:\n{log.read_text()[-3000:]}")


@pytest.mark.postgres
@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
@pytest.mark.urls("tests.ops.admin_urls")
def test_a_task_whose_worker_process_is_killed_runs_again_and_its_outcome_is_in_the_admin(worker, tmp_path,
                                                                                         admin_client):
    queue, process, worker_log = worker
    runs = tmp_path / "runs.log"
    with app.connection_for_write(BROKER) as broker:
        result = app.send_task("tests.ops.slow_once", args=[str(runs), 60], queue=queue, connection=broker)

    first = wait_until(lambda: runs.exists() and runs.read_text().strip(), "the first attempt to start", worker_log)
    pool_pid = int(first.split()[2])
    os.kill(pool_pid, signal.SIGKILL)  # the process running the task dies, as under the OOM killer

    wait_until(lambda: "done" in runs.read_text(), "the task to run again and finish", worker_log)
    assert runs.read_text().count("start") == 2
    assert process.poll() is None

    outcome = wait_until(lambda: TaskResult.objects.filter(task_id=result.id, status="SUCCESS").first(),
                         "the outcome to be stored", worker_log)
    assert outcome.task_name == "tests.ops.slow_once"
    assert "done at attempt 2" in outcome.result
    page = admin_client.get("/admin/django_celery_results/taskresult/")
    assert page.status_code == 200
    assert result.id in page.content.decode()
