"""Files attached to any record: stored under random names outside the static root, served only through a view."""

from __future__ import annotations

import uuid
from pathlib import PurePath

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from doingoai.accounts.scope import ScopedQuerySet

from .validation import BY_EXTENSION


def attachment_path(instance: Attachment, filename: str) -> str:
    """A random name: nothing the uploader typed reaches the file system (only an allowed extension)."""
    extension = PurePath(filename).suffix.lower()
    extension = extension if extension in BY_EXTENSION else ""
    return f"attachments/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{extension}"


def parent_model_queryset(model, user) -> models.QuerySet | None:
    """`model.objects.for_user(user)`, or None for a model without scope (its attachments are served to nobody)."""
    manager = getattr(model, "objects", None) if model is not None else None
    if manager is None or not hasattr(manager, "for_user"):
        return None
    return manager.for_user(user)


class AttachmentQuerySet(ScopedQuerySet):
    """Attachments are visible exactly when their parent record is."""

    def for_record(self, record) -> models.QuerySet:
        return self.filter(content_type=ContentType.objects.get_for_model(record), object_id=record.pk)

    def for_user(self, user) -> models.QuerySet:
        if user is None or not user.is_authenticated or not user.is_active:
            return self.none()
        visible = Q(pk__in=[])
        content_types = ContentType.objects.filter(pk__in=self.values("content_type").distinct())
        for content_type in content_types:
            parents = parent_model_queryset(content_type.model_class(), user)
            if parents is not None:
                visible |= Q(content_type=content_type, object_id__in=parents.values("pk"))
        return self.filter(visible)


class Attachment(models.Model):
    """A file uploaded to a record (evidence of progress, a report's annex…), with its original name for display.

    A parent model that has attachments declares `attachments = GenericRelation("files.Attachment")`, so that
    deleting the record deletes its attachments and `prefetch_related("attachments")` works.
    """

    content_type = models.ForeignKey(ContentType, verbose_name=_("record type"), on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField(_("record id"))
    parent = GenericForeignKey("content_type", "object_id")
    # Which upload slot of the parent the file belongs to, when a record has more than one ("evidence", "annex").
    purpose = models.CharField(_("purpose"), max_length=50, blank=True)
    file = models.FileField(_("file"), upload_to=attachment_path, max_length=200)
    original_name = models.CharField(_("file name"), max_length=255)
    mime_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveBigIntegerField(_("size (bytes)"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now)

    objects = AttachmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["uploaded_at", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return self.original_name

    def get_absolute_url(self) -> str:
        return reverse("files:download", args=[self.pk])

    def is_visible_to(self, user) -> bool:
        """Whether `user` may download this file: its parent record is in `type(parent).objects.for_user(user)`."""
        parents = parent_model_queryset(self.content_type.model_class(), user)
        return parents is not None and parents.filter(pk=self.object_id).exists()
