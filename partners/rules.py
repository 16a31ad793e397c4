"""Cross-field rules of the partners models, one function per model, shared by the forms and the API serializers.

Each `validate_<model>(values)` takes the record's values — a mapping from field name to value, such as
`RecordValues(cleaned_data, instance)` — and raises `ValidationError({field: message})` naming the field to correct,
so that the message appears next to it. The database constraints say the same things (they are the last line of
defence); these functions say them early and in the right place.
"""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Iterator, Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


class RecordValues(Mapping):
    """The values of a record being saved: the submitted ones, else the record's current ones.

    A form passes `cleaned_data` and its instance; a serializer its validated attributes and its instance (or None
    on create). Reading a value the submission lacks falls back to the instance, so partial updates are checked
    against the whole record.
    """

    def __init__(self, data: Mapping[str, Any], instance=None) -> None:
        self.data = data
        self.instance = instance

    def __getitem__(self, name: str) -> Any:
        if name in self.data:
            return self.data[name]
        if self.instance is not None and hasattr(self.instance, name):
            return getattr(self.instance, name)
        raise KeyError(name)

    def __iter__(self) -> Iterator[str]:
        return iter(self.data)

    def __len__(self) -> int:
        return len(self.data)

    @property
    def pk(self):
        return getattr(self.instance, "pk", None)


class Errors(dict):
    """Collects messages per field; `raise_if_any()` raises them together."""

    def add(self, name: str, message: str) -> None:
        self.setdefault(name, []).append(message)

    def raise_if_any(self) -> None:
        if self:
            raise ValidationError(dict(self))


def before(earlier, later) -> bool:
    """True when both are given and `later` is before `earlier`."""
    return earlier is not None and later is not None and later < earlier


def day_fits_month(day: int | None, month: int | None, days_in_month: int | None = None) -> bool:
    if not day or not month:
        return True
    # A leap year, so that 29 February is a valid yearly date.
    return day <= (days_in_month or calendar.monthrange(2000, month)[1])


def creates_cycle(record_pk, parent, parent_of) -> bool:
    """Whether making `parent` the parent of record `record_pk` closes a loop; `parent_of(obj)` walks up."""
    seen = set()
    while parent is not None and parent.pk not in seen:
        if record_pk is not None and parent.pk == record_pk:
            return True
        seen.add(parent.pk)
        parent = parent_of(parent)
    return False


def validate_country(values: Mapping) -> None:
    errors = Errors()
    day, month = values.get("national_day_day"), values.get("national_day_month")
    if bool(day) != bool(month):
        errors.add("national_day_month" if day else "national_day_day",
                   _("Give both the day and the month of the national day, or neither."))
    elif not day_fits_month(day, month):
        errors.add("national_day_day", _("This month has no such day."))
    errors.raise_if_any()


def validate_administrative_unit(values: Mapping) -> None:
    from .models import AdministrativeUnit

    errors = Errors()
    if before(values.get("valid_from"), values.get("valid_to")):
        errors.add("valid_to", _("The end of validity cannot be before its start."))
    level, parent = values.get("level"), values.get("parent")
    allowed_parents = {
        AdministrativeUnit.Level.PROVINCE: set(),
        AdministrativeUnit.Level.DISTRICT: {AdministrativeUnit.Level.PROVINCE},
        AdministrativeUnit.Level.COMMUNE: {AdministrativeUnit.Level.PROVINCE, AdministrativeUnit.Level.DISTRICT},
    }.get(level, set())
    if parent is not None and parent.level not in allowed_parents:
        errors.add("parent", _("A unit at this level cannot belong to that unit."))
    elif parent is not None and creates_cycle(values.pk, parent, lambda unit: unit.parent):
        errors.add("parent", _("A unit cannot belong to itself or to one of its own units."))
    errors.raise_if_any()


def validate_agency(values: Mapping) -> None:
    errors = Errors()
    if creates_cycle(values.pk, values.get("parent"), lambda agency: agency.parent):
        errors.add("parent", _("An agency cannot belong to itself or to one of its own units."))
    errors.raise_if_any()


def validate_foreign_partner(values: Mapping) -> None:
    errors = Errors()
    if creates_cycle(values.pk, values.get("parent"), lambda partner: partner.parent):
        errors.add("parent", _("An organisation cannot belong to itself or to one of its own branches."))
    errors.raise_if_any()


# The longest validity of each registration type (Decree 58/2022/NĐ-CP): operation permits 3 years,
# representative offices 5 years; project offices last as long as their project.
NGO_REGISTRATION_MAX_YEARS = {"operation_permit": 3, "representative_office": 5}


def validate_ngo_registration(values: Mapping) -> None:
    errors = Errors()
    issued, expires = values.get("issued_on"), values.get("expires_on")
    if before(issued, expires):
        errors.add("expires_on", _("The expiry date cannot be before the issue date."))
    years = NGO_REGISTRATION_MAX_YEARS.get(values.get("kind"))
    if years and issued and expires and not before(issued, expires):
        try:
            limit = issued.replace(year=issued.year + years)
        except ValueError:  # 29 February
            limit = datetime.date(issued.year + years, 2, 28)
        if expires > limit:
            errors.add("expires_on", _("This type of registration is valid for at most %(years)s years.")
                       % {"years": years})
    errors.raise_if_any()


def validate_agreement(values: Mapping) -> None:
    from .models import Agreement

    errors = Errors()
    if before(values.get("effective_from"), values.get("expires_on")):
        errors.add("expires_on", _("The expiry date cannot be before the effective date."))
    if before(values.get("ministry_opinion_requested_on"), values.get("ministry_opinion_received_on")):
        errors.add("ministry_opinion_received_on", _("The opinion cannot arrive before it was requested."))
    if before(values.get("signed_on"), values.get("post_signing_report_sent_on")):
        errors.add("post_signing_report_sent_on", _("The post-signing report cannot be sent before the signing."))
    unsigned = (Agreement.Status.DRAFT, Agreement.Status.CONSULTING, Agreement.Status.APPROVED_TO_SIGN,
                Agreement.Status.TERMINATED)
    if values.get("status", Agreement.Status.DRAFT) not in unsigned and not values.get("signed_on"):
        errors.add("signed_on", _("A signed agreement needs its signing date."))
    errors.raise_if_any()


def validate_friendship_association(values: Mapping) -> None:
    from .models import FriendshipAssociation

    errors = Errors()
    union = values.get("union")
    if union is not None:
        if values.get("kind") == FriendshipAssociation.Kind.UNION:
            errors.add("union", _("A friendship union cannot be a member of another union."))
        elif union.kind != FriendshipAssociation.Kind.UNION or (values.pk and union.pk == values.pk):
            errors.add("union", _("Choose a friendship union."))
    errors.raise_if_any()


def validate_association_term(values: Mapping) -> None:
    errors = Errors()
    if before(values.get("start_year"), values.get("end_year")):
        errors.add("end_year", _("A term cannot end before it starts."))
    errors.raise_if_any()


def validate_association_officer(values: Mapping) -> None:
    errors = Errors()
    if before(values.get("from_date"), values.get("to_date")):
        errors.add("to_date", _("An office cannot end before it starts."))
    term, association = values.get("term"), values.get("association")
    if term is not None and association is not None and term.association_id != association.pk:
        errors.add("term", _("Choose a term of this association."))
    errors.raise_if_any()


def validate_association_report(values: Mapping) -> None:
    errors = Errors()
    if (values.get("new_members_count") or 0) > (values.get("members_count") or 0):
        errors.add("new_members_count", _("There cannot be more new members than members."))
    errors.raise_if_any()


def validate_occasion(values: Mapping) -> None:
    from .models import Occasion

    errors = Errors()
    rule = values.get("date_rule")
    day, month = values.get("day"), values.get("month")
    if rule in (Occasion.DateRule.FIXED, Occasion.DateRule.LUNAR):
        if not day:
            errors.add("day", _("A fixed or lunar occasion needs a day and a month."))
        if not month:
            errors.add("month", _("A fixed or lunar occasion needs a day and a month."))
        # Lunar months have 29 or 30 days.
        if day and month and not day_fits_month(day, month, 30 if rule == Occasion.DateRule.LUNAR else None):
            errors.add("day", _("This month has no such day."))
    errors.raise_if_any()


def validate_occasion_date(values: Mapping) -> None:
    errors = Errors()
    date, end = values.get("date"), values.get("end_date")
    if before(date, end):
        errors.add("end_date", _("The end date cannot be before the start date."))
    year = values.get("year")
    if date and year and date.year != year:
        errors.add("date", _("The date must fall in the year it is given for."))
    errors.raise_if_any()


def validate_greeting(values: Mapping) -> None:
    from .models import Greeting

    errors = Errors()
    if values.get("status") == Greeting.Status.SENT and not values.get("sent_on"):
        errors.add("sent_on", _("A sent greeting needs the date it was sent."))
    errors.raise_if_any()
