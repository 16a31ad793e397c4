"""What the operations code keeps in the database: the last heartbeat of each Celery worker."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class WorkerHeartbeat(models.Model):
    """The last sign of life of one Celery worker: when it started and when it last ran the heartbeat task."""

    hostname = models.CharField(_("worker"), max_length=255, unique=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    seen_at = models.DateTimeField(_("last seen at"))

    class Meta:
        verbose_name = _("worker heartbeat")
        verbose_name_plural = _("worker heartbeats")
        ordering = ["-seen_at"]

    def __str__(self) -> str:
        return self.hostname
