"""Attaching uploaded files to records; the only writer of Attachment rows."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import PurePath

from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from .models import Attachment
from .validation import validate_upload


def attach(record, uploaded, *, by, purpose: str = "") -> Attachment:
    """Store one uploaded file for `record` after checking its type, size and content (ValidationError if bad)."""
    file_type = validate_upload(uploaded)
    original_name = PurePath(uploaded.name).name[:255]
    attachment = Attachment(
        content_type=ContentType.objects.get_for_model(record),
        object_id=record.pk,
        purpose=purpose,
        original_name=original_name,
        mime_type=file_type.mime_type,
        size=uploaded.size,
        uploaded_by=by,
    )
    uploaded.seek(0)
    attachment.file.save(original_name, uploaded, save=False)
    try:
        attachment.save()
    except Exception:
        attachment.file.delete(save=False)
        raise
    return attachment


def attach_all(record, files: Iterable, *, by, purpose: str = "") -> list[Attachment]:
    """Attach several files to `record`, all or none (the files of a failed batch are removed from disk too)."""
    attached: list[Attachment] = []
    try:
        with transaction.atomic():
            for uploaded in files:
                attached.append(attach(record, uploaded, by=by, purpose=purpose))
    except Exception:
        for attachment in attached:
            attachment.file.delete(save=False)
        raise
    return attached
