"""No lost updates: after a refused save, keep both people's changes where they do not collide."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django import forms
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import timezone


def _as_data(field: forms.Field, value):
    """`value` as the form would post it (the inverse of the field's cleaning, for simple fields)."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).strftime("%Y-%m-%dT%H:%M")
    if isinstance(value, datetime.date):
        # A month picker posts "2026-09": the widget's own format, when it has one.
        widget_format = getattr(field.widget, "format", None)
        return value.strftime(widget_format) if widget_format else value.isoformat()
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def take_their_changes(form: forms.BaseForm, seen_version: str | None) -> list[str]:
    """After a conflict: a field the user left as it was when they opened the page, but someone else changed since,
    takes the other person's value, so that saving again keeps both people's changes. A field both changed keeps
    the user's value (they have been told, and can compare in the history). Returns the labels of the fields taken.

    What the user saw is the record's historical version with the `modified_at` the form carried.
    """
    instance, cleaned = form.instance, getattr(form, "cleaned_data", None)
    model = type(instance)
    if not (seen_version and instance.pk and cleaned and hasattr(model, "history")):
        return []
    try:
        seen_at = datetime.datetime.fromisoformat(seen_version)
    except ValueError:
        return []
    snapshot = model.history.filter(id=instance.pk, modified_at=seen_at).first()
    current = model._base_manager.filter(pk=instance.pk).first()
    if snapshot is None or current is None:
        return []
    data, taken = form.data.copy(), []
    for name, field in form.fields.items():
        try:
            model_field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if not model_field.concrete or model_field.many_to_many or isinstance(model_field, models.FileField):
            continue
        if name not in cleaned:
            continue
        seen, now = getattr(snapshot, model_field.attname), getattr(current, model_field.attname)
        typed = cleaned[name]
        typed = typed.pk if isinstance(typed, models.Model) else typed
        if seen == now or typed != seen:
            continue
        key = form.add_prefix(name)
        if isinstance(field.widget, forms.CheckboxInput):
            if now:
                data[key] = "on"
            else:
                data.pop(key, None)
        else:
            data[key] = _as_data(field, now)
        taken.append(str(field.label))
    form.data = data
    return taken
