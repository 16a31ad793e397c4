"""Report jobs: a PDF document someone asked for, made in the background, with its status, file and timings."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from doingoai.accounts.scope import ScopedQuerySet
from doingoai.core.models import TimeStampedModel


class ReportJobQuerySet(ScopedQuerySet):
    def for_partner_user(self, user):
        # A partner user sees only the jobs they asked for; the document's own scope is checked again on download.
        return self.filter(requested_by=user)


class ReportJob(TimeStampedModel):
    """One request for a PDF document: queued → running → done | failed, with progress, file, error and timings."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    class Error(models.TextChoices):
        UNKNOWN_KIND = "unknown_kind", _("This kind of document is no longer offered.")
        OUT_OF_SCOPE = "out_of_scope", _(
            "The records this report is about no longer exist, or you may no longer see them."
        )
        FONTS_MISSING = "fonts_missing", _(
            "The server cannot make PDFs: its fonts are not installed. Please tell the administrator "
            "(package fonts-liberation2)."
        )
        TIMEOUT = "timeout", _(
            "Making this report took too long and was stopped. Try a shorter period, or tell the administrator."
        )
        WORKER_LOST = "worker_lost", _(
            "The server stopped while making this report, and trying again did not help. Please request it again."
        )
        DATABASE = "database", _("The database could not be reached several times. Please request the report again.")
        UNEXPECTED = "unexpected", _(
            "An unexpected error stopped this report. The administrators can find the details in the server log."
        )

    FINISHED_STATUSES = (Status.DONE, Status.FAILED)

    kind = models.CharField(_("document"), max_length=32)
    title = models.CharField(_("title"), max_length=500)
    parameters = models.JSONField(_("parameters"), default=dict, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("requested by"), on_delete=models.CASCADE, related_name="report_jobs"
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0, validators=[MaxValueValidator(100)])
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    file = models.FileField(_("file"), upload_to="reports/%Y/%m/", blank=True, max_length=255)
    pages = models.PositiveIntegerField(_("pages"), null=True, blank=True)
    size = models.PositiveIntegerField(_("size (bytes)"), null=True, blank=True)
    error_code = models.CharField(_("error"), max_length=32, choices=Error.choices, blank=True)
    error_detail = models.TextField(_("error details (for administrators)"), blank=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    heartbeat_at = models.DateTimeField(_("last sign of life"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    data_seconds = models.FloatField(_("seconds in queries and templates"), null=True, blank=True)
    render_seconds = models.FloatField(_("seconds in PDF layout"), null=True, blank=True)

    objects = ReportJobQuerySet.as_manager()

    class Meta:
        verbose_name = _("report job")
        verbose_name_plural = _("report jobs")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "heartbeat_at"]), models.Index(fields=["requested_by", "-created_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(progress__lte=100),
                name="report_job_progress_range",
                violation_error_message=_("Progress cannot exceed 100%%."),
            ),
            models.CheckConstraint(
                condition=~Q(status="done") | ~Q(file=""),
                name="report_job_done_has_file",
                violation_error_message=_("A finished report needs its file."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("reports:reportjob_detail", args=[self.pk])

    @property
    def is_finished(self) -> bool:
        return self.status in self.FINISHED_STATUSES

    @property
    def kind_label(self) -> str:
        from .documents import get_document

        document = get_document(self.kind)
        return str(document.label) if document else self.kind

    @property
    def error_message(self) -> str:
        """Why the job failed, in plain words, in the reader's language."""
        return self.get_error_code_display() if self.error_code else ""

    @property
    def duration_seconds(self) -> float | None:
        if self.started_at and self.finished_at:
            return (self.finished_at - self.started_at).total_seconds()
        return None
