"""Readable change history of a record, from django-simple-history: who changed which field from what to what."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

# Bookkeeping columns every model has; a change in them alone is not news.
IGNORED_FIELDS = {"modified_at", "created_at"}

HISTORY_TYPES = {"+": _("Created"), "~": _("Changed"), "-": _("Deleted")}


@dataclass
class FieldChange:
    label: str
    old: Any
    new: Any


@dataclass
class HistoryEntry:
    at: Any
    user: Any
    kind: str
    reason: str
    changes: list[FieldChange] = field(default_factory=list)


def _display(model: type[models.Model], name: str, value, related: dict) -> Any:
    model_field = model._meta.get_field(name)
    if value in (None, ""):
        return "—"
    if model_field.choices:
        return dict(model_field.flatchoices).get(value, value)
    if isinstance(model_field, models.ForeignKey):
        return related.get((model_field.related_model, value), f"#{value}")
    if isinstance(model_field, models.BooleanField):
        return _("Yes") if value else _("No")
    return value


def history_of(record: models.Model, limit: int = 50) -> list[HistoryEntry]:
    """The last `limit` versions of `record`, newest first, each with its field changes in readable form.

    Foreign keys are shown by name with one query per related model, not one per change.
    """
    model = type(record)
    versions = list(record.history.select_related("history_user").order_by("-history_date", "-history_id")[: limit + 1])
    pairs = []
    for index, version in enumerate(versions[:limit]):
        previous = versions[index + 1] if index + 1 < len(versions) else None
        delta = version.diff_against(previous, excluded_fields=IGNORED_FIELDS) if previous else None
        pairs.append((version, delta.changes if delta else []))

    wanted: dict[type, set] = {}
    for _version, changes in pairs:
        for change in changes:
            model_field = model._meta.get_field(change.field)
            if isinstance(model_field, models.ForeignKey):
                for value in (change.old, change.new):
                    if value is not None:
                        wanted.setdefault(model_field.related_model, set()).add(value)
    related = {}
    for related_model, ids in wanted.items():
        for obj in related_model._base_manager.filter(pk__in=ids):
            related[(related_model, obj.pk)] = str(obj)

    entries = []
    for version, changes in pairs:
        entries.append(
            HistoryEntry(
                at=version.history_date,
                user=version.history_user,
                kind=HISTORY_TYPES.get(version.history_type, version.history_type),
                reason=version.history_change_reason or "",
                changes=[
                    FieldChange(
                        label=model._meta.get_field(change.field).verbose_name,
                        old=_display(model, change.field, change.old, related),
                        new=_display(model, change.field, change.new, related),
                    )
                    for change in changes
                ],
            )
        )
    return entries
