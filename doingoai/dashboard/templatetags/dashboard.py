"""Template helpers of the dashboard: a figure as a link to the list it counts. None of them queries."""

from __future__ import annotations

from django import template
from django.utils.html import format_html

from doingoai.core.templatetags.doingoai import number, usd

register = template.Library()


@register.simple_tag
def figure(data: dict, money: str = "", css: str = "", label: str = ""):
    """`data` ({"count", "url", …}) as a link whose text is the count, or the US$ amount when `money="usd"`.

    The link carries `data-figure-count`: the number of rows the list it opens shows (tests follow every one).
    An optional `label` becomes the link's accessible name next to the number.
    """
    text = usd(data.get("usd", 0)) if money == "usd" else number(data["count"])
    classes = " ".join(part for part in ("figure-link", css, "is-zero" if not data["count"] else "") if part)
    if label:
        return format_html(
            '<a href="{}" class="{}" data-figure-count="{}" aria-label="{}: {}">{}</a>',
            data["url"], classes, data["count"], label, text, text,
        )
    return format_html(
        '<a href="{}" class="{}" data-figure-count="{}">{}</a>', data["url"], classes, data["count"], text
    )


@register.filter
def get_item(mapping, key):
    """`mapping[key]` in a template (labels of choice values); the key itself when missing."""
    try:
        return mapping[key]
    except (KeyError, TypeError):
        return key
