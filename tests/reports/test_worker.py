"""A real Celery worker against Redis and PostgreSQL: request a report over HTTP, poll, download; and a worker
killed in the middle of a job, whose job the sweeper retries (then fails), never leaving it "running".

Runs only where CELERY_BROKER_URL is set and the database is PostgreSQL (CI; see conftest.py).
"""

from __future__ import annotations

import datetime
import http.client
import os
import re
import signal
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pytest
from django.conf import settings
from django.db import connection

from doingoai.celery import app as celery_app
from doingoai.reports import services
from doingoai.reports.documents import CATALOGUE
from doingoai.reports.models import ReportJob
from plans.models import Activity
from tests import factories
from tests.reports.conftest import pdf_text

pytestmark = [pytest.mark.celery_worker, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

WAIT_SECONDS = 120


def database_url() -> str:
    db = connection.settings_dict
    credentials = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{credentials}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def broker(monkeypatch):
    """Tasks of this test process go to Redis instead of running in-process; leftovers are purged first."""
    monkeypatch.setitem(celery_app.conf, "task_always_eager", False)
    celery_app.control.purge()
    yield
    celery_app.control.purge()


@pytest.fixture
def start_worker(broker, media_root, tmp_path):
    """Starts `celery -A doingoai worker` on the test database; every worker started is stopped at the end."""
    started: list[subprocess.Popen] = []
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
        # The worker is not in test mode: tasks really go through the broker there.
        "DOINGOAI_TESTING": "0",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "real-worker-test-key",
        "DJANGO_MEDIA_ROOT": str(media_root),
        "DJANGO_LOG_LEVEL": "WARNING",
    }

    def start() -> subprocess.Popen:
        log = open(tmp_path / f"worker-{len(started)}.log", "wb")  # noqa: SIM115 (closed with the process)
        process = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "doingoai", "worker", "--pool", "solo", "--concurrency", "1",
             "--without-gossip", "--without-mingle", "--loglevel", "WARNING", "-n", f"test{len(started)}@%h"],
            cwd=settings.BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )
        process.log = log
        started.append(process)
        return process

    yield start
    for process in started:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        process.log.close()


def wait_for(predicate, what: str, timeout: float = WAIT_SECONDS, logs: Path | None = None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.05)
    details = "".join(path.read_text(errors="replace")[-3000:] for path in sorted(logs.glob("worker-*.log"))) \
        if logs else ""
    raise AssertionError(f"Timed out waiting for {what}.\n{details}")


class Browser:
    """A minimal HTTP client with a session cookie, talking to the live server over a real socket."""

    def __init__(self, base_url: str, cookies: dict[str, str]):
        parts = urlsplit(base_url)
        self.host, self.port = parts.hostname, parts.port
        self.cookies = dict(cookies)

    def request(self, method: str, path: str, body: dict | None = None, headers: dict | None = None):
        connection_ = http.client.HTTPConnection(self.host, self.port, timeout=30)
        all_headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()), **(headers or {})}
        data = None
        if body is not None:
            data = urlencode(body)
            all_headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection_.request(method, path, body=data, headers=all_headers)
        response = connection_.getresponse()
        content = response.read()
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        connection_.close()
        return response, content


def test_a_real_worker_makes_the_report_requested_over_http(live_server, client, world, start_worker, tmp_path):
    activity = factories.ActivityFactory(content="Đón đoàn Hội Liên hiệp Phụ nữ tỉnh Champasak",
                                         lead_agency=world.agency_a)
    plan = activity.task.plan
    start_worker()
    client.force_login(world.users["focal_a"])
    browser = Browser(live_server.url, {settings.SESSION_COOKIE_NAME: client.cookies[settings.SESSION_COOKIE_NAME].value})

    response, page = browser.request("GET", f"/reports/new/plan/?plan={plan.pk}")
    assert response.status == 200
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1).decode()
    response, _ = browser.request("POST", "/reports/new/plan/", {"plan": plan.pk, "csrfmiddlewaretoken": token})
    assert response.status == 302, response.status
    status_url = response.getheader("Location")

    def finished():
        response, fragment = browser.request("GET", status_url, headers={"HX-Request": "true"})
        assert response.status == 200
        state = re.search(rb'data-status="(\w+)"', fragment).group(1).decode()
        return state if state in ("done", "failed") else None

    assert wait_for(finished, "the worker to make the report", logs=tmp_path) == "done"
    job = ReportJob.objects.get()
    assert job.attempts == 1 and job.status == ReportJob.Status.DONE
    response, content = browser.request("GET", f"/reports/{job.pk}/download/")
    assert response.status == 200 and content.startswith(b"%PDF")
    text = pdf_text(content)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "Đón đoàn Hội Liên hiệp Phụ nữ" in text

    # Another agency's focal point gets nothing, over HTTP too.
    client.force_login(world.users["focal_b"])
    other = Browser(live_server.url, {settings.SESSION_COOKIE_NAME: client.cookies[settings.SESSION_COOKIE_NAME].value})
    assert other.request("GET", f"/reports/{job.pk}/download/")[0].status == 404


def big_plan(world, activities: int = 150):
    """A plan long enough that rendering it takes a few seconds: time to kill the worker in the middle."""
    plan = factories.PlanFactory(number="58/KH-UBND", issued_on=datetime.date(2026, 1, 20))
    tasks = [factories.TaskFactory(plan=plan, number=number) for number in range(1, 8)]
    Activity.objects.bulk_create(
        Activity(task=tasks[index % 7], number=index + 1, lead_agency=world.agency_a, quarter=index % 4 + 1,
                 content=f"Hoạt động giao lưu hữu nghị nhân dân Việt Nam – Lào số {index + 1}",
                 budget_amount=Decimal(10_000_000))
        for index in range(activities)
    )
    return plan


def kill_when_running(process: subprocess.Popen, job: ReportJob, logs: Path) -> None:
    wait_for(lambda: ReportJob.objects.filter(pk=job.pk, status=ReportJob.Status.RUNNING).exists(),
             "the worker to start the job", logs=logs)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=20)


def test_a_killed_worker_leaves_a_job_that_the_sweeper_retries_then_fails(world, start_worker, tmp_path):
    plan = big_plan(world)
    job = services.request_report(CATALOGUE["plan"], {"plan": plan.pk}, title="Kế hoạch", by=world.users["staff"])

    kill_when_running(start_worker(), job, tmp_path)
    job.refresh_from_db()
    assert job.status == ReportJob.Status.RUNNING and job.attempts == 1  # its worker is gone: nobody will finish it

    # The sweeper (run every minute by beat) sees the silent job and queues it again for another worker.
    assert services.sweep_stale_jobs(stale_after=datetime.timedelta(0), max_attempts=2)["retried"] == [job.pk]
    job.refresh_from_db()
    assert job.status == ReportJob.Status.QUEUED

    # That worker dies too: with its attempts used up, the job is marked failed, with a reason.
    kill_when_running(start_worker(), job, tmp_path)
    assert services.sweep_stale_jobs(stale_after=datetime.timedelta(0), max_attempts=2)["failed"] == [job.pk]
    job.refresh_from_db()
    assert job.status == ReportJob.Status.FAILED and job.attempts == 2
    assert job.error_code == ReportJob.Error.WORKER_LOST and job.error_message


def test_a_killed_workers_job_is_finished_by_the_next_worker(world, start_worker, tmp_path):
    plan = big_plan(world)
    job = services.request_report(CATALOGUE["plan"], {"plan": plan.pk}, title="Kế hoạch", by=world.users["staff"])
    kill_when_running(start_worker(), job, tmp_path)
    assert services.sweep_stale_jobs(stale_after=datetime.timedelta(0))["retried"] == [job.pk]

    start_worker()
    wait_for(lambda: ReportJob.objects.filter(pk=job.pk, status=ReportJob.Status.DONE).exists(),
             "the second worker to finish the job", logs=tmp_path)
    job.refresh_from_db()
    assert job.attempts == 2 and job.pages > 5
    assert "Hoạt động giao lưu hữu nghị" in pdf_text(job.file.read())
