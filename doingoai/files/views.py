"""Serving attachments: only to users who may see the parent record, always as a download."""

from __future__ import annotations

import logging

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe

from .models import Attachment

logger = logging.getLogger(__name__)


@require_safe
@login_required
def download(request, pk: int):
    """The file with its original name; 404 when the parent record is outside the user's scope (or gone)."""
    attachment = get_object_or_404(Attachment.objects.select_related("content_type"), pk=pk)
    if not attachment.is_visible_to(request.user):
        raise Http404
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError:
        logger.error("Attachment %s: stored file %s is missing", attachment.pk, attachment.file.name)
        raise Http404 from None
    response = FileResponse(
        handle, as_attachment=True, filename=attachment.original_name, content_type=attachment.mime_type
    )
    # Never let a browser guess a type, render the file in the portal's origin, or keep it in a shared cache.
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response
