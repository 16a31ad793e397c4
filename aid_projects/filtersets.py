"""One FilterSet per model: the HTML lists and the API viewsets both use these."""

from __future__ import annotations

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from doingoai.core.filtersets import ID_INPUT, SearchFilterSet, YearFilter, in_scope
from partners.models import AdministrativeUnit, Agency, ForeignPartner
from plans.models import Activity

from .models import AidProject, MobilisationProgramme, Sector


class AidProjectFilterSet(SearchFilterSet):
    search_fields = ("code", "name_vi", "name_en", "beneficiaries", "donor__name_vi", "donor__name_native")

    status = django_filters.ChoiceFilter(choices=AidProject.Status.choices, label=_("Status"))
    form = django_filters.ChoiceFilter(choices=AidProject.Form.choices, label=_("Form"))
    delivery = django_filters.ChoiceFilter(choices=AidProject.Delivery.choices, label=_("Delivery"))
    management_form = django_filters.ChoiceFilter(
        choices=AidProject.ManagementForm.choices, label=_("Management form")
    )
    year = YearFilter(field_name="approved_on", lookup_expr="year", label=_("Year approved"))
    donor = django_filters.ModelChoiceFilter(queryset=in_scope(ForeignPartner), label=_("Donor"))
    sector = django_filters.ModelChoiceFilter(
        field_name="sectors", queryset=in_scope(Sector), label=_("Sector")
    )
    location = django_filters.ModelChoiceFilter(
        field_name="locations", queryset=in_scope(AdministrativeUnit), label=_("Location")
    )
    governing_agency = django_filters.ModelChoiceFilter(
        queryset=in_scope(Agency), label=_("Governing agency")
    )
    aid_owner = django_filters.ModelChoiceFilter(queryset=in_scope(Agency), label=_("Aid owner"))
    agency = django_filters.ModelChoiceFilter(
        method="filter_agency", queryset=in_scope(Agency), label=_("Agency (governs or owns)")
    )
    programme = django_filters.ModelChoiceFilter(
        queryset=in_scope(MobilisationProgramme), label=_("Mobilisation programme")
    )
    plan_activity = django_filters.ModelChoiceFilter(
        field_name="plan_activities", queryset=in_scope(Activity), widget=ID_INPUT,
        label=_("Plan activity (ID)"),
    )
    state_budget_revenue = django_filters.BooleanFilter(label=_("Recorded as state budget revenue"))
    funded = django_filters.BooleanFilter(method="filter_funded", label=_("Approved and not revoked"))
    disbursed_in = django_filters.NumberFilter(
        method="filter_disbursed_in", min_value=2000, max_value=2100, decimal_places=0,
        label=_("Disbursed in year"),
    )
    start_overdue = django_filters.BooleanFilter(
        method="filter_start_overdue", label=_("Not started by the deadline")
    )

    class Meta:
        model = AidProject
        fields = [
            "q", "status", "form", "delivery", "management_form", "year", "donor", "sector", "location",
            "governing_agency", "aid_owner", "agency", "programme", "plan_activity", "state_budget_revenue",
        ]

    def filter_agency(self, queryset, name, value):
        return queryset.filter(Q(governing_agency=value) | Q(aid_owner=value))

    def filter_funded(self, queryset, name, value):
        funded = Q(status__in=AidProject.FUNDED_STATUSES)
        return queryset.filter(funded) if value else queryset.exclude(funded)

    def filter_disbursed_in(self, queryset, name, value):
        return queryset.disbursed_in(int(value))

    def filter_start_overdue(self, queryset, name, value):
        overdue = queryset.model.objects.start_overdue().values("pk")
        return queryset.filter(pk__in=overdue) if value else queryset.exclude(pk__in=overdue)


class SectorFilterSet(SearchFilterSet):
    search_fields = ("name", "code")

    class Meta:
        model = Sector
        fields = ["q"]


class MobilisationProgrammeFilterSet(SearchFilterSet):
    search_fields = ("title", "decision_number")

    year = YearFilter(method="filter_year", label=_("Covers year"))

    class Meta:
        model = MobilisationProgramme
        fields = ["q", "year"]

    def filter_year(self, queryset, name, value):
        return queryset.filter(start_year__lte=value, end_year__gte=value)
