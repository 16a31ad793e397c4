"""Cross-field rules of delegations, one function per model, shared by the forms and the API serializers.

See `partners.rules`: each function takes the record's values and raises `ValidationError({field: message})`.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.utils.translation import gettext as _

from partners.rules import Errors, before


def validate_delegation(values: Mapping) -> None:
    from .models import Delegation

    errors = Errors()
    start, end = values.get("start_date"), values.get("end_date")
    if before(start, end):
        errors.add("end_date", _("The return date cannot be before the departure date."))
    received = values.get("report_received_on")
    if before(start, received):
        errors.add("report_received_on", _("The trip report cannot be received before the trip begins."))
    if values.get("status") == Delegation.Status.REPORTED and not received:
        errors.add("report_received_on", _("A reported delegation needs the date its trip report was received."))
    if before(values.get("dossier_submitted_on"), values.get("approval_date")):
        errors.add("approval_date", _("The approval cannot come before the dossier was submitted."))
    errors.raise_if_any()


def validate_programme_item(values: Mapping) -> None:
    errors = Errors()
    if before(values.get("starts_at"), values.get("ends_at")):
        errors.add("ends_at", _("A programme item cannot end before it starts."))
    errors.raise_if_any()


def validate_members(rows: list[Mapping]) -> dict[int, dict[str, str]]:
    """Rules across a delegation's members: distinct precedence, at most one head.

    `rows` are the values of the members kept (not deleted), in order; the result maps a row's index to its errors.
    """
    errors: dict[int, dict[str, str]] = {}
    seen_precedence: set[int] = set()
    head_seen = False
    for index, row in enumerate(rows):
        precedence = row.get("precedence")
        if precedence is not None:
            if precedence in seen_precedence:
                errors.setdefault(index, {})["precedence"] = _("Two members cannot have the same precedence.")
            seen_precedence.add(precedence)
        if row.get("is_head"):
            if head_seen:
                errors.setdefault(index, {})["is_head"] = _("A delegation has only one head.")
            head_seen = True
    return errors
