"""`{% pdf_link "greeting" greeting=object.pk %}`: a button to the PDF document of a record, for those who may ask."""

from __future__ import annotations

from urllib.parse import urlencode

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

from doingoai.reports.documents import get_document

register = template.Library()


@register.simple_tag(takes_context=True)
def pdf_link(context, kind: str, **records) -> str:
    """The document's form, pre-filled with the record; nothing when the user's role may not ask for it."""
    document = get_document(kind)
    user = context.get("user")
    if document is None or user is None or not document.available_to(user):
        return ""
    url = reverse("reports:reportjob_create", args=[kind]) + "?" + urlencode(records)
    return format_html(
        '<a class="btn btn-outline-secondary btn-sm d-print-none" href="{}" data-testid="pdf-{}">'
        '<i class="bi bi-file-earmark-pdf" aria-hidden="true"></i> {}</a>',
        url, kind, _("PDF document"),
    )
