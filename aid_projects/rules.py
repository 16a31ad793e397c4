"""Cross-field rules of foreign aid, one function per model, shared by the forms and the API serializers.

See `partners.rules`: each function takes the record's values and raises `ValidationError({field: message})`.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from django.utils.translation import gettext as _

from partners.rules import Errors, before

# Above this committed value a project needs a project management unit (Decree 313/2025/NĐ-CP).
AFFILIATED_UNIT_LIMIT_USD = Decimal("200000")


def validate_aid_project(values: Mapping) -> None:
    from .models import AidProject

    errors = Errors()
    if before(values.get("start_month"), values.get("end_month")):
        errors.add("end_month", _("The end month cannot be before the start month."))
    amount, rate, usd_rate = values.get("committed_amount"), values.get("exchange_rate_vnd"), values.get("usd_rate_vnd")
    if (
        values.get("management_form") == AidProject.ManagementForm.AFFILIATED_UNIT
        and amount is not None and rate and usd_rate
        and amount * rate / usd_rate >= AFFILIATED_UNIT_LIMIT_USD
    ):
        errors.add("management_form", _("A project of US$200,000 or more needs a project management unit."))
    status = values.get("status")
    approved_on = values.get("approved_on")
    if status in (*AidProject.FUNDED_STATUSES, AidProject.Status.REVOKED) and not approved_on:
        errors.add("approved_on", _("An approved project needs its approval date."))
    if status == AidProject.Status.REVOKED and not values.get("revoked_on"):
        errors.add("revoked_on", _("A revoked project needs its revocation date."))
    if before(approved_on, values.get("started_on")):
        errors.add("started_on", _("A project cannot start before it is approved."))
    errors.raise_if_any()


def validate_aid_report(values: Mapping) -> None:
    errors = Errors()
    if before(values.get("period_start"), values.get("period_end")):
        errors.add("period_end", _("A period cannot end before it starts."))
    opening, received, used = (values.get(name) for name in ("opening_balance_vnd", "received_vnd", "used_vnd"))
    closing = values.get("closing_balance_vnd")
    if None not in (opening, received, used, closing) and closing != opening + received - used:
        errors.add("closing_balance_vnd", _("Closing balance must equal opening balance + received − used."))
    errors.raise_if_any()


def validate_mobilisation_programme(values: Mapping) -> None:
    errors = Errors()
    if before(values.get("start_year"), values.get("end_year")):
        errors.add("end_year", _("A programme cannot end before it starts."))
    errors.raise_if_any()
