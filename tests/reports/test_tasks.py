"""Report jobs in the background: dispatched on commit, claimed once, idempotent, failures in plain words, and
the sweeper that never leaves a job "running"."""

from __future__ import annotations

import datetime

import pytest
from django.db import OperationalError
from django.utils import timezone

from doingoai.reports import services, tasks
from doingoai.reports.documents import CATALOGUE
from doingoai.reports.models import ReportJob
from tests import factories
from tests.reports.conftest import pdf_text


@pytest.fixture
def greeting(db):
    occasion = factories.OccasionFactory(title="Quốc khánh Cộng hòa Pháp", month=7, day=14, base_year=1789)
    return factories.GreetingFactory(occasion=occasion, year=2026, recipient="Tổng Lãnh sự quán Pháp")


def new_job(user, greeting, **values) -> ReportJob:
    return ReportJob.objects.create(kind="greeting", title="Thư", parameters={"greeting": greeting.pk},
                                    requested_by=user, **values)


def test_a_request_is_sent_to_a_worker_only_when_the_transaction_commits(world, greeting,
                                                                       django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        job = services.request_report(CATALOGUE["greeting"], {"greeting": greeting.pk}, title="Thư",
                                      by=world.users["staff"])
    assert len(callbacks) == 1
    job.refresh_from_db()
    assert job.status == ReportJob.Status.QUEUED
    callbacks[0]()  # eager in tests: the task runs here
    job.refresh_from_db()
    assert job.status == ReportJob.Status.DONE
    assert "Quốc khánh Cộng hòa Pháp" in pdf_text(job.file.read())
    assert job.pages == 1 and job.size > 1000 and job.data_seconds >= 0 and job.render_seconds > 0


def test_running_the_task_twice_makes_one_file(world, greeting):
    job = new_job(world.users["staff"], greeting)
    tasks.make_report(job.pk)
    job.refresh_from_db()
    first = (job.status, job.file.name, job.attempts, job.finished_at)
    tasks.make_report(job.pk)
    job.refresh_from_db()
    assert (job.status, job.file.name, job.attempts, job.finished_at) == first
    assert first[0] == ReportJob.Status.DONE and first[2] == 1


def test_a_job_already_claimed_by_another_worker_is_left_alone(world, greeting):
    job = new_job(world.users["staff"], greeting, status=ReportJob.Status.RUNNING, attempts=1,
                  heartbeat_at=timezone.now())
    tasks.make_report(job.pk)
    job.refresh_from_db()
    assert job.status == ReportJob.Status.RUNNING and job.attempts == 1 and not job.file


def test_a_record_out_of_scope_fails_in_plain_words(world, greeting):
    job = new_job(world.users["focal_a"], greeting)
    tasks.make_report(job.pk)
    job.refresh_from_db()
    assert job.status == ReportJob.Status.FAILED
    assert job.error_code == ReportJob.Error.OUT_OF_SCOPE
    assert job.error_message and "Traceback" not in job.error_message


def test_an_unexpected_error_is_recorded_for_the_administrators(world, greeting, monkeypatch):
    monkeypatch.setattr(CATALOGUE["greeting"], "gather", lambda parameters, user: 1 / 0)
    job = new_job(world.users["staff"], greeting)
    tasks.make_report(job.pk)
    job.refresh_from_db()
    assert job.status == ReportJob.Status.FAILED and job.error_code == ReportJob.Error.UNEXPECTED
    assert "ZeroDivisionError" in job.error_detail


@pytest.fixture
def eager_retries(monkeypatch):
    """Let eager retries run one after the other instead of raising Retry (a worker would re-run the task)."""
    from doingoai.celery import app

    monkeypatch.setitem(app.conf, "task_eager_propagates", False)


def test_transient_database_errors_are_retried_with_a_small_limit(world, greeting, monkeypatch, eager_retries):
    calls = []

    def flaky(job):
        calls.append(job.attempts)
        if len(calls) < 3:
            raise OperationalError("database is locked")
        return real_make(job)

    real_make = services.make
    monkeypatch.setattr(services, "make", flaky)
    job = new_job(world.users["staff"], greeting)
    tasks.make_report.apply(args=[job.pk], throw=False)
    job.refresh_from_db()
    assert job.status == ReportJob.Status.DONE
    assert calls == [1, 2, 3]


def test_a_database_that_stays_away_fails_the_job_after_the_retries(world, greeting, monkeypatch, eager_retries):
    monkeypatch.setattr(services, "make", lambda job: (_ for _ in ()).throw(OperationalError("gone")))
    job = new_job(world.users["staff"], greeting)
    tasks.make_report.apply(args=[job.pk], throw=False)
    job.refresh_from_db()
    assert job.status == ReportJob.Status.FAILED and job.error_code == ReportJob.Error.DATABASE
    assert job.attempts == tasks.MAX_RETRIES + 1


def test_fonts_missing_fail_the_job_saying_what_to_install(world, greeting, monkeypatch):
    from doingoai import pdf

    def missing():
        raise pdf.FontsMissing("install fonts-liberation2")

    monkeypatch.setattr(pdf, "font_face_css", missing)
    job = new_job(world.users["staff"], greeting)
    tasks.make_report(job.pk)
    job.refresh_from_db()
    assert job.error_code == ReportJob.Error.FONTS_MISSING


def test_a_worker_whose_job_was_taken_away_does_not_overwrite_the_new_attempt(world, greeting, monkeypatch):
    job = new_job(world.users["staff"], greeting)
    real_render = services.pdf.render

    def render_then_lose_the_job(*args, **kwargs):
        result = real_render(*args, **kwargs)
        # Meanwhile the sweeper decided this worker was dead and queued the job again.
        ReportJob.objects.filter(pk=job.pk).update(status=ReportJob.Status.QUEUED)
        return result

    monkeypatch.setattr(services.pdf, "render", render_then_lose_the_job)
    tasks.make_report(job.pk)
    job.refresh_from_db()
    assert job.status == ReportJob.Status.QUEUED and not job.file


def running_job(user, greeting, *, silent_for: int, attempts: int = 1) -> ReportJob:
    heartbeat = timezone.now() - datetime.timedelta(seconds=silent_for)
    return new_job(user, greeting, status=ReportJob.Status.RUNNING, attempts=attempts, heartbeat_at=heartbeat,
                   started_at=heartbeat, progress=40)


def test_the_sweeper_requeues_a_silent_job_and_sends_it_again(world, greeting, settings,
                                                            django_capture_on_commit_callbacks):
    settings.DOINGOAI = {**settings.DOINGOAI, "REPORT_STALE_AFTER_SECONDS": 600, "REPORT_MAX_ATTEMPTS": 2}
    silent = running_job(world.users["staff"], greeting, silent_for=601)
    alive = running_job(world.users["staff"], greeting, silent_for=30)
    with django_capture_on_commit_callbacks(execute=True):
        outcome = services.sweep_stale_jobs()
    assert outcome["retried"] == [silent.pk]
    silent.refresh_from_db()
    alive.refresh_from_db()
    assert silent.status == ReportJob.Status.DONE and silent.attempts == 2  # the eager re-run made it
    assert alive.status == ReportJob.Status.RUNNING


def test_the_sweeper_fails_a_silent_job_that_had_all_its_attempts(world, greeting, settings):
    settings.DOINGOAI = {**settings.DOINGOAI, "REPORT_STALE_AFTER_SECONDS": 600, "REPORT_MAX_ATTEMPTS": 2}
    job = running_job(world.users["staff"], greeting, silent_for=601, attempts=2)
    assert services.sweep_stale_jobs()["failed"] == [job.pk]
    job.refresh_from_db()
    assert job.status == ReportJob.Status.FAILED and job.error_code == ReportJob.Error.WORKER_LOST
    assert job.finished_at is not None


def test_the_sweeper_resends_a_job_queued_too_long(world, greeting, django_capture_on_commit_callbacks):
    job = new_job(world.users["staff"], greeting, heartbeat_at=timezone.now() - datetime.timedelta(hours=2))
    fresh = new_job(world.users["staff"], greeting, heartbeat_at=timezone.now())
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        outcome = services.sweep_stale_jobs()
    assert outcome["resent"] == [job.pk] and len(callbacks) == 1
    fresh.refresh_from_db()
    assert fresh.status == ReportJob.Status.QUEUED


def test_the_beat_task_runs_the_sweeper(world, greeting):
    job = running_job(world.users["staff"], greeting, silent_for=10**6, attempts=9)
    tasks.sweep_stale_jobs()
    job.refresh_from_db()
    assert job.status == ReportJob.Status.FAILED
