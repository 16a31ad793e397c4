"""Shared building blocks of every domain model: time stamps, workflow transitions and their log."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class TimeStampedModel(models.Model):
    """Abstract base: when a record was created and last changed."""

    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    modified_at = models.DateTimeField(_("modified at"), auto_now=True)

    class Meta:
        abstract = True


class InvalidTransition(ValidationError):
    """A status change that the model's workflow does not allow."""


class WorkflowModel(models.Model):
    """Abstract base for models with a `status` and a table of allowed transitions.

    Subclasses declare `TRANSITIONS = {from_status: {to_status, ...}}`; that table is the only place where the
    workflow is written. Services change status through `doingoai.core.services.transition`, never by assignment.
    """

    TRANSITIONS: dict[str, set[str]] = {}

    class Meta:
        abstract = True

    def allowed_transitions(self) -> list[str]:
        return sorted(self.TRANSITIONS.get(self.status, set()), key=self._status_order)

    def can_transition_to(self, status: str) -> bool:
        return status in self.TRANSITIONS.get(self.status, set())

    def check_transition(self, status: str) -> None:
        if not self.can_transition_to(status):
            labels = dict(self._meta.get_field("status").flatchoices)
            raise InvalidTransition(
                _("Cannot change status from “%(from)s” to “%(to)s”.")
                % {"from": labels.get(self.status, self.status), "to": labels.get(status, status)},
                code="invalid_transition",
            )

    @classmethod
    def _status_order(cls, status: str) -> int:
        values = [value for value, _label in cls._meta.get_field("status").flatchoices]
        return values.index(status) if status in values else len(values)


class StateTransition(models.Model):
    """One recorded status change of any workflow record: who, when, from what to what, and why."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    from_status = models.CharField(_("from status"), max_length=32)
    to_status = models.CharField(_("to status"), max_length=32)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), null=True, blank=True, on_delete=models.SET_NULL
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.from_status} → {self.to_status}"
