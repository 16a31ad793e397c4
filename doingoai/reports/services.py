"""Report jobs: request one, claim it, make the PDF, record the outcome, and recover jobs whose worker died.

Every change of a job's status is a conditional UPDATE on (pk, status, attempts): a worker that lost its job to the
sweeper (because it looked dead) cannot overwrite what a newer attempt did.
"""

from __future__ import annotations

import datetime
import logging
import time

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone, translation

from doingoai import pdf

from .documents import Document, get_document
from .models import ReportJob

logger = logging.getLogger(__name__)

# Progress shown while a job runs: claimed, data gathered, HTML ready, layout done, file stored.
PROGRESS = {"claimed": 5, "gathered": 30, "template": 40, "layout": 85, "stored": 95}


class ReportFailed(Exception):
    """A failure with a plain-words reason (a `ReportJob.Error` code)."""

    def __init__(self, code: str, detail: str = ""):
        super().__init__(detail or code)
        self.code = code
        self.detail = detail


class JobTakenAway(Exception):
    """The job is no longer this attempt's: the sweeper re-queued or failed it while this worker was silent."""


def dispatch(job_id: int) -> None:
    """Send the job to a worker once the transaction that created or re-queued it commits.

    `robust`: if the broker is down the job stays queued, and the sweeper sends it again later.
    """
    from .tasks import make_report

    transaction.on_commit(lambda: make_report.delay(job_id), robust=True)


def request_report(document: Document, parameters: dict, *, title: str, by) -> ReportJob:
    """Record a request for `document` with `parameters` and send it to a worker; the caller checked the form."""
    if not document.in_scope(by, parameters):
        raise PermissionDenied
    with transaction.atomic():
        job = ReportJob.objects.create(
            kind=document.kind, title=title[:500], parameters=parameters, requested_by=by,
            heartbeat_at=timezone.now(),
        )
        dispatch(job.pk)
    return job


def claim(job_id: int) -> ReportJob | None:
    """Take a queued job for this worker, or None when another worker has it or it is finished."""
    now = timezone.now()
    claimed = ReportJob.objects.filter(pk=job_id, status=ReportJob.Status.QUEUED).update(
        status=ReportJob.Status.RUNNING, attempts=F("attempts") + 1, started_at=now, heartbeat_at=now,
        progress=PROGRESS["claimed"], error_code="", error_detail="",
    )
    if not claimed:
        return None
    # None as well if the job was deleted in between.
    return ReportJob.objects.select_related("requested_by").filter(pk=job_id).first()


def _mine(job: ReportJob):
    return ReportJob.objects.filter(pk=job.pk, status=ReportJob.Status.RUNNING, attempts=job.attempts)


def touch(job: ReportJob, progress: int) -> None:
    """Record progress and a sign of life; stop the work if the job was taken away meanwhile."""
    if not _mine(job).update(progress=progress, heartbeat_at=timezone.now()):
        raise JobTakenAway(job.pk)


def fail(job: ReportJob, code: str, detail: str = "") -> bool:
    """Mark this attempt's job failed with a reason; False if the job was no longer this attempt's."""
    return bool(_mine(job).update(
        status=ReportJob.Status.FAILED, error_code=code, error_detail=detail[:5000], finished_at=timezone.now()
    ))


def release(job: ReportJob) -> bool:
    """Put this attempt's job back in the queue, for a retry to claim it."""
    return bool(_mine(job).update(status=ReportJob.Status.QUEUED, progress=0, heartbeat_at=timezone.now()))


def make(job: ReportJob) -> None:
    """Gather the data, render the PDF, store it and mark the job done. Raises ReportFailed with a reason."""
    document = get_document(job.kind)
    if document is None:
        raise ReportFailed(ReportJob.Error.UNKNOWN_KIND, job.kind)
    user = job.requested_by
    # Scope is checked again now: the requester's role or the records may have changed since the request.
    if not (user.is_active and document.in_scope(user, job.parameters)):
        raise ReportFailed(ReportJob.Error.OUT_OF_SCOPE)
    stages = {"template": PROGRESS["template"], "layout": PROGRESS["layout"]}
    try:
        with translation.override("vi"):
            started = time.perf_counter()
            context = document.gather(job.parameters, user)
            gathered = time.perf_counter()
            touch(job, PROGRESS["gathered"])
            result = pdf.render(document.template_name, context, on_stage=lambda stage: touch(job, stages[stage]))
    except ObjectDoesNotExist as error:
        raise ReportFailed(ReportJob.Error.OUT_OF_SCOPE, str(error)) from error
    except pdf.FontsMissing as error:
        raise ReportFailed(ReportJob.Error.FONTS_MISSING, str(error)) from error
    job.file.save(f"{document.file_stem(job.parameters)}-{job.pk}.pdf", ContentFile(result.content), save=False)
    finished = _mine(job).update(
        status=ReportJob.Status.DONE, progress=100, file=job.file.name, pages=result.pages,
        size=len(result.content), finished_at=timezone.now(), heartbeat_at=timezone.now(),
        data_seconds=(gathered - started) + result.template_seconds, render_seconds=result.layout_seconds,
    )
    if not finished:
        job.file.delete(save=False)
        raise JobTakenAway(job.pk)


def sweep_stale_jobs(
    *, stale_after: datetime.timedelta | None = None, max_attempts: int | None = None,
    now: datetime.datetime | None = None,
) -> dict[str, list[int]]:
    """Recover jobs nobody is working on: never leave one "running" for ever.

    A running job silent for `stale_after` lost its worker (killed, out of memory, machine restarted): it is put
    back in the queue, or marked failed once it has had `max_attempts`. A job queued that long is sent again, in
    case its message was lost (claiming is conditional, so a duplicate message does nothing).
    """
    config = settings.DOINGOAI
    stale_after = stale_after if stale_after is not None else datetime.timedelta(
        seconds=config["REPORT_STALE_AFTER_SECONDS"])
    max_attempts = max_attempts if max_attempts is not None else config["REPORT_MAX_ATTEMPTS"]
    now = now or timezone.now()
    cutoff = now - stale_after
    outcome: dict[str, list[int]] = {"retried": [], "failed": [], "resent": []}
    silent = Q(heartbeat_at__lte=cutoff) | Q(heartbeat_at__isnull=True)
    running = ReportJob.objects.filter(silent, status=ReportJob.Status.RUNNING)
    for job in running.only("pk", "attempts", "heartbeat_at"):
        same = ReportJob.objects.filter(
            pk=job.pk, status=ReportJob.Status.RUNNING, attempts=job.attempts, heartbeat_at=job.heartbeat_at
        )
        if job.attempts >= max_attempts:
            if same.update(status=ReportJob.Status.FAILED, error_code=ReportJob.Error.WORKER_LOST,
                           error_detail=f"No sign of life since {job.heartbeat_at}; {job.attempts} attempt(s).",
                           finished_at=now):
                outcome["failed"].append(job.pk)
                logger.warning("Report job %s failed: its worker died %s time(s).", job.pk, job.attempts)
        elif same.update(status=ReportJob.Status.QUEUED, progress=0, heartbeat_at=now):
            outcome["retried"].append(job.pk)
            logger.warning("Report job %s re-queued: its worker stopped answering.", job.pk)
            dispatch(job.pk)
    queued = ReportJob.objects.filter(silent, status=ReportJob.Status.QUEUED)
    for job in queued.only("pk", "heartbeat_at"):
        if ReportJob.objects.filter(pk=job.pk, status=ReportJob.Status.QUEUED, heartbeat_at=job.heartbeat_at).update(
            heartbeat_at=now
        ):
            outcome["resent"].append(job.pk)
            dispatch(job.pk)
    return outcome
