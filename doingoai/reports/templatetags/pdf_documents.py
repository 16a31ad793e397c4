"""Filters for the PDF documents: Decree 30 dates, sentence-case joins, paragraphs. None of them queries."""

from __future__ import annotations

import datetime

from django import template

from doingoai import pdf

register = template.Library()


@register.filter
def d30(value) -> str:
    """05/01/2026, 05/9/1962: the short date with Decree 30's zero padding (days below 10, months 1 and 2)."""
    if not isinstance(value, datetime.date):
        return ""
    if isinstance(value, datetime.datetime):
        value = value.date()
    return pdf.decree30_date(value)


@register.filter
def lowerfirst(value) -> str:
    """"Về công tác…" → "về công tác…", to continue a sentence with a title."""
    text = str(value or "")
    return text[:1].lower() + text[1:]


@register.filter
def lines(value) -> list[str]:
    """The non-empty lines of a text, each to become a paragraph."""
    return [line.strip() for line in str(value or "").splitlines() if line.strip()]
