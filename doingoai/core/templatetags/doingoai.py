"""Template helpers for money, sort headers and status badges. None of them queries the database."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django import template
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext as _

register = template.Library()

STATUS_COLOURS = {
    # Plans, reports, greetings
    "draft": "secondary", "submitted": "info", "approved": "primary", "in_progress": "primary", "closed": "dark",
    "returned": "warning", "accepted": "success", "sent": "success",
    # Activities
    "not_started": "secondary", "on_track": "primary", "at_risk": "warning", "late": "danger", "done": "success",
    "postponed": "secondary", "cancelled": "dark",
    # Agreements
    "consulting": "info", "approved_to_sign": "primary", "in_force": "success", "expiring": "warning",
    "renewed": "secondary", "amended": "info", "terminated": "dark",
    # Delegations
    "proposed": "secondary", "dossier_submitted": "info", "under_way": "primary", "reported": "success",
    # Aid projects
    "appraising": "info", "rejected": "dark", "implementing": "primary", "completed": "success", "revoked": "danger",
    # Partners
    "active": "success", "dormant": "secondary",
}


def _group(number: Decimal, places: int = 0) -> str:
    """`number` with thousands grouped the Vietnamese way (dots) or the English way (commas)."""
    quantum = Decimal(1).scaleb(-places)
    text = f"{number.quantize(quantum, rounding=ROUND_HALF_UP):,.{places}f}"
    if (get_language() or "vi").startswith("vi"):
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


@register.filter
def vnd(value) -> str:
    """1500000000 → "1.500.000.000 đ"."""
    if value in (None, ""):
        return ""
    return f"{_group(Decimal(value))} đ"


@register.filter
def usd(value) -> str:
    """7200000 → "US$7.200.000"."""
    if value in (None, ""):
        return ""
    return f"US${_group(Decimal(value))}"


@register.filter
def number(value, places: int = 0) -> str:
    if value in (None, ""):
        return ""
    return _group(Decimal(value), int(places))


@register.simple_tag
def status_badge(record, field: str = "status"):
    value = getattr(record, field)
    label = getattr(record, f"get_{field}_display")()
    return format_html('<span class="badge text-bg-{}">{}</span>', STATUS_COLOURS.get(value, "secondary"), label)


@register.simple_tag(takes_context=True)
def sort_header(context, param: str, label: str):
    """A column header that sorts by `param`, toggling direction, keeping the other filters."""
    request = context["request"]
    current = context.get("sort", "")
    query = request.GET.copy()
    query.pop("page", None)
    if current == param:
        query["sort"], arrow, aria = f"-{param}", " ▲", "ascending"
    elif current == f"-{param}":
        query["sort"], arrow, aria = param, " ▼", "descending"
    else:
        query["sort"], arrow, aria = param, "", "none"
    return format_html(
        '<a href="?{}" class="sort-link" aria-sort="{}" title="{}">{}{}</a>',
        query.urlencode(), aria, _("Sort"), label, arrow,
    )


@register.filter
def bs(bound_field):
    """Render a form field with Bootstrap's classes, marking it invalid when it has errors."""
    widget = bound_field.field.widget
    input_type = getattr(widget, "input_type", "")
    if input_type == "checkbox":
        css = "form-check-input"
    elif input_type == "select" or widget.__class__.__name__.endswith("Select"):
        css = "form-select"
    else:
        css = "form-control"
    if bound_field.errors:
        css += " is-invalid"
    existing = widget.attrs.get("class", "")
    return bound_field.as_widget(attrs={"class": f"{existing} {css}".strip()})
