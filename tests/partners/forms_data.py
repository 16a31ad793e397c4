"""Turn a page's forms into the POST data a browser would send, so tests change only what they mean to change."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django import forms
from django.utils import timezone


def _value(value):
    if value is None:
        return ""
    if hasattr(value, "pk"):
        return str(value.pk)
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).strftime("%Y-%m-%dT%H:%M") if timezone.is_aware(value) else value.strftime(
            "%Y-%m-%dT%H:%M")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def form_data(form: forms.BaseForm) -> dict:
    """The values `form` shows, keyed by their (prefixed) input names; unchecked boxes are left out."""
    data = {}
    for name, field in form.fields.items():
        key = form.add_prefix(name)
        value = form[name].value()
        if isinstance(field.widget, forms.CheckboxInput):
            if value:
                data[key] = "on"
        elif isinstance(field, (forms.MultipleChoiceField, forms.ModelMultipleChoiceField)) or isinstance(value, (list, tuple)):
            # A multiple select with nothing chosen sends nothing.
            if value:
                data[key] = [_value(item) for item in value]
        else:
            data[key] = _value(value)
    return data


def formset_data(formset) -> dict:
    data = {}
    management = formset.management_form
    for name in ("INITIAL_FORMS", "MIN_NUM_FORMS", "MAX_NUM_FORMS"):
        data[management.add_prefix(name)] = str(management[name].value())
    # Only the existing rows: the empty extra rows a page shows are not sent (see `add_rows`).
    data[management.add_prefix("TOTAL_FORMS")] = str(len(formset.initial_forms))
    for form in formset.initial_forms:
        data.update(form_data(form))
    return data


def page_data(response) -> dict:
    """Everything the edit or create page in `response` would post back, unchanged."""
    context = response.context
    data = form_data(context["form"])
    for formset in context.get("formsets") or []:
        data.update(formset_data(formset))
    return data


def add_rows(data: dict, prefix: str, rows: list[dict]) -> dict:
    """Append new rows to formset `prefix` in `data` (as "Add a row" does)."""
    total_key = f"{prefix}-TOTAL_FORMS"
    initial_key = f"{prefix}-INITIAL_FORMS"
    data.setdefault(initial_key, "0")
    data.setdefault(f"{prefix}-MIN_NUM_FORMS", "0")
    data.setdefault(f"{prefix}-MAX_NUM_FORMS", "1000")
    index = int(data.get(total_key, data[initial_key]))
    for row in rows:
        for name, value in row.items():
            data[f"{prefix}-{index}-{name}"] = value
        index += 1
    data[total_key] = str(index)
    return data
