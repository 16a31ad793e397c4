"""One FilterSet per model: the HTML lists and the API viewsets both use these."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from doingoai.core.filtersets import ID_INPUT, SearchFilterSet, YearFilter, date_input, in_scope
from partners.models import Agency, Agreement, Country, ForeignPartner
from plans.models import Activity

from .models import Delegation


class DelegationFilterSet(SearchFilterSet):
    search_fields = (
        "title", "head_name", "cities", "purpose", "countries__name_vi", "members__name_latin", "members__name_native",
    )

    direction = django_filters.ChoiceFilter(choices=Delegation.Direction.choices, label=_("Direction"))
    channel = django_filters.ChoiceFilter(choices=Delegation.Channel.choices, label=_("Channel"))
    level = django_filters.ChoiceFilter(choices=Delegation.Level.choices, label=_("Level"))
    status = django_filters.ChoiceFilter(choices=Delegation.Status.choices, label=_("Status"))
    year = YearFilter(field_name="start_date", lookup_expr="year", label=_("Year"))
    month = django_filters.NumberFilter(
        field_name="start_date", lookup_expr="month", min_value=1, max_value=12, decimal_places=0, label=_("Month")
    )
    start_from = django_filters.DateFilter(
        field_name="start_date", lookup_expr="gte", widget=date_input(), label=_("Starting from")
    )
    start_to = django_filters.DateFilter(
        field_name="start_date", lookup_expr="lte", widget=date_input(), label=_("Starting until")
    )
    country = django_filters.ModelChoiceFilter(
        field_name="countries", queryset=in_scope(Country), label=_("Country")
    )
    partner = django_filters.ModelChoiceFilter(
        field_name="partners", queryset=in_scope(ForeignPartner), label=_("Partner")
    )
    host_agency = django_filters.ModelChoiceFilter(
        queryset=in_scope(Agency), label=_("Hosting / sending agency")
    )
    funding_source = django_filters.ChoiceFilter(choices=Delegation.FundingSource.choices, label=_("Funding source"))
    agreement = django_filters.ModelChoiceFilter(
        field_name="agreements", queryset=in_scope(Agreement), label=_("Agreement")
    )
    plan_activity = django_filters.ModelChoiceFilter(
        queryset=in_scope(Activity), widget=ID_INPUT, label=_("Plan activity (ID)")
    )
    report_late = django_filters.BooleanFilter(method="filter_report_late", label=_("Trip report late"))

    class Meta:
        model = Delegation
        fields = [
            "q", "direction", "channel", "level", "status", "year", "country", "partner", "host_agency",
            "funding_source", "agreement", "plan_activity", "report_late",
        ]

    def filter_report_late(self, queryset, name, value):
        return queryset.with_report_late().filter(report_is_late=value)
