"""Celery tasks of report jobs. They take ids, claim with a conditional UPDATE, and are idempotent."""

from __future__ import annotations

import logging

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.db import InterfaceError, OperationalError

from . import services
from .models import ReportJob

logger = logging.getLogger(__name__)

# Errors worth another try: the database went away or was locked for a moment.
TRANSIENT_ERRORS = (OperationalError, InterfaceError)
MAX_RETRIES = 3
TIME_LIMIT = settings.DOINGOAI["REPORT_TIME_LIMIT_SECONDS"]


def backoff(retries: int) -> int:
    """Seconds before retry number `retries + 1`: 5, 20, 80."""
    return 5 * 4**retries


@shared_task(bind=True, acks_late=True, ignore_result=True, max_retries=MAX_RETRIES,
             soft_time_limit=TIME_LIMIT, time_limit=TIME_LIMIT + 30)
def make_report(self, job_id: int) -> None:
    """Make the PDF of report job `job_id`. Does nothing if the job is not queued (done, or another worker has it).

    `acks_late` is safe because the claim makes a second delivery of the same message a no-op; a worker killed
    mid-job leaves the job "running", which `sweep_stale_jobs` retries or fails.
    """
    job = services.claim(job_id)
    if job is None:
        return
    try:
        services.make(job)
    except services.JobTakenAway:
        logger.warning("Report job %s was taken away from this worker; its result is discarded.", job_id)
    except services.ReportFailed as failure:
        services.fail(job, failure.code, failure.detail)
    except SoftTimeLimitExceeded:
        services.fail(job, ReportJob.Error.TIMEOUT, f"Soft time limit of {TIME_LIMIT} s exceeded.")
    except TRANSIENT_ERRORS as error:
        if self.request.retries >= self.max_retries:
            logger.exception("Report job %s: database errors, giving up.", job_id)
            services.fail(job, ReportJob.Error.DATABASE, repr(error))
            return
        logger.warning("Report job %s: %r; retrying.", job_id, error)
        services.release(job)
        raise self.retry(exc=error, countdown=backoff(self.request.retries)) from error
    except Exception as error:  # anything else is a bug: say so plainly, keep the details for the administrators
        logger.exception("Report job %s failed.", job_id)
        services.fail(job, ReportJob.Error.UNEXPECTED, f"{type(error).__name__}: {error}")


@shared_task(ignore_result=True)
def sweep_stale_jobs() -> dict[str, list[int]]:
    """Run by beat every minute: retry or fail jobs whose worker died; re-send jobs whose message was lost."""
    return services.sweep_stale_jobs()
