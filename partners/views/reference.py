"""Reference records: countries, administrative units and domestic agencies."""

from __future__ import annotations

from doingoai.views import (
    ConcurrencySafeUpdateView,
    FilteredListView,
    RecordCreateView,
    ScopedDetailView,
)

from .. import filtersets, forms
from ..editing import GuardedDeleteView, HistoryView, InlineFormsetsMixin
from ..models import (
    AdministrativeUnit,
    Agency,
    Agreement,
    Country,
    FriendshipAssociation,
)

# Countries --------------------------------------------------------------------------------------------------------


class CountryListView(FilteredListView):
    model = Country
    filterset_class = filtersets.CountryFilterSet
    sort_fields = {"name": "name_vi", "code": "code", "relations": "relations_established_on"}
    default_sort = "name"


class CountryDetailView(ScopedDetailView):
    model = Country


class CountryCreateView(InlineFormsetsMixin, RecordCreateView):
    model = Country
    form_class = forms.CountryForm


class CountryUpdateView(InlineFormsetsMixin, ConcurrencySafeUpdateView):
    model = Country
    form_class = forms.CountryForm


class CountryDeleteView(GuardedDeleteView):
    model = Country
    success_url_name = "partners:country_list"
    blocking_relations = ("delegations", "activities")


class CountryHistoryView(HistoryView):
    model = Country


# Administrative units ---------------------------------------------------------------------------------------------


class AdministrativeUnitListView(FilteredListView):
    model = AdministrativeUnit
    filterset_class = filtersets.AdministrativeUnitFilterSet
    select_related = ("parent",)
    sort_fields = {"name": "name", "level": "level", "parent": "parent__name", "valid_to": "valid_to"}
    default_sort = "name"


class AdministrativeUnitDetailView(ScopedDetailView):
    model = AdministrativeUnit
    select_related = ("parent",)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["children"] = AdministrativeUnit.objects.for_user(self.request.user).filter(parent=self.object)
        return context


class AdministrativeUnitCreateView(InlineFormsetsMixin, RecordCreateView):
    model = AdministrativeUnit
    form_class = forms.AdministrativeUnitForm


class AdministrativeUnitUpdateView(InlineFormsetsMixin, ConcurrencySafeUpdateView):
    model = AdministrativeUnit
    form_class = forms.AdministrativeUnitForm


class AdministrativeUnitDeleteView(GuardedDeleteView):
    model = AdministrativeUnit
    success_url_name = "partners:administrativeunit_list"
    blocking_relations = ("aid_projects",)


class AdministrativeUnitHistoryView(HistoryView):
    model = AdministrativeUnit


# Agencies ---------------------------------------------------------------------------------------------------------


class AgencyListView(FilteredListView):
    model = Agency
    filterset_class = filtersets.AgencyFilterSet
    select_related = ("parent",)
    sort_fields = {"name": "name", "code": "code", "kind": "kind", "parent": "parent__name"}
    default_sort = "name"


class AgencyDetailView(ScopedDetailView):
    model = Agency
    select_related = ("parent",)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context["children"] = Agency.objects.for_user(user).filter(parent=self.object)
        context["association"] = FriendshipAssociation.objects.for_user(user).filter(agency=self.object).first()
        context["agreements"] = (
            Agreement.objects.for_user(user).filter(vn_signatory=self.object).prefetch_related("foreign_parties")
        )
        return context


class AgencyCreateView(InlineFormsetsMixin, RecordCreateView):
    model = Agency
    form_class = forms.AgencyForm


class AgencyUpdateView(InlineFormsetsMixin, ConcurrencySafeUpdateView):
    model = Agency
    form_class = forms.AgencyForm


class AgencyDeleteView(GuardedDeleteView):
    model = Agency
    success_url_name = "partners:agency_list"


class AgencyHistoryView(HistoryView):
    model = Agency
