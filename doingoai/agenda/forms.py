from __future__ import annotations

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from partners.models import ForeignPartner

from .events import Kind

# What each partner role can have on its calendar (the records themselves are scoped by `for_user`): offering the
# other kinds as filters would only show empty choices.
AGENCY_KINDS = {Kind.DELEGATION_OUTBOUND, Kind.DELEGATION_INBOUND, Kind.DELEGATION_REPORT, Kind.ACTIVITY_DEADLINE,
                Kind.REPORTING_PERIOD}
ASSOCIATION_KINDS = {Kind.ASSOCIATION_REPORT, Kind.ACTIVITY_DEADLINE, Kind.REPORTING_PERIOD}


def visible_kinds(user) -> set[str]:
    if user is None or not user.is_authenticated:
        return set()
    if user.sees_everything:
        return set(Kind.values)
    if user.role == user.Role.AGENCY_FOCAL:
        return AGENCY_KINDS
    if user.role == user.Role.ASSOCIATION_REP:
        return ASSOCIATION_KINDS
    return set()


class CalendarFilterForm(forms.Form):
    """Which events to show: kinds, one partner (for those who see partners), a month or a date range."""

    kind = forms.MultipleChoiceField(
        label=_("Show"), choices=Kind.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    partner = forms.ModelChoiceField(label=_("Partner"), queryset=ForeignPartner.objects.none(), required=False)
    month = forms.RegexField(label=_("Month"), regex=r"^\d{4}-\d{2}$", required=False,
                             error_messages={"invalid": _("Give the month as YYYY-MM.")})
    start = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    MAX_RANGE_DAYS = 400

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [(value, label) for value, label in Kind.choices if value in visible_kinds(user)]
        partners = ForeignPartner.objects.for_user(user).order_by("name_vi")
        self.fields["partner"].queryset = partners
        self.shows_partner = user is not None and user.sees_everything

    def clean_month(self) -> datetime.date | None:
        value = self.cleaned_data.get("month")
        if not value:
            return None
        year, month = (int(part) for part in value.split("-"))
        if not (1 <= month <= 12 and 2000 <= year <= 2100):
            raise forms.ValidationError(_("Give the month as YYYY-MM."), code="invalid")
        return datetime.date(year, month, 1)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end:
            if end < start:
                self.add_error("end", _("The end cannot be before the start."))
            elif (end - start).days > self.MAX_RANGE_DAYS:
                self.add_error("end", _("Show at most %(days)s days at once.") % {"days": self.MAX_RANGE_DAYS})
        return cleaned
