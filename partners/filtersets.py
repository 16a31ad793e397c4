"""One FilterSet per model: the HTML lists and the API viewsets both use these."""

from __future__ import annotations

import django_filters
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from doingoai.core.filtersets import SearchFilterSet, YearFilter, date_input, in_scope, users_in_scope

from .models import (
    AdministrativeUnit,
    Agency,
    Agreement,
    AssociationReport,
    Contact,
    Country,
    ForeignPartner,
    FriendshipAssociation,
    Greeting,
    Occasion,
)


class CountryFilterSet(SearchFilterSet):
    search_fields = ("name_vi", "name_en", "code")

    partnership_level = django_filters.ChoiceFilter(
        choices=Country.PartnershipLevel.choices[1:], label=_("Partnership level")
    )
    has_relations = django_filters.BooleanFilter(
        field_name="relations_established_on", lookup_expr="isnull", exclude=True, label=_("Diplomatic relations")
    )

    class Meta:
        model = Country
        fields = ["q", "partnership_level", "has_relations"]


class AdministrativeUnitFilterSet(SearchFilterSet):
    search_fields = ("name",)

    level = django_filters.ChoiceFilter(choices=AdministrativeUnit.Level.choices, label=_("Level"))
    parent = django_filters.ModelChoiceFilter(
        queryset=in_scope(AdministrativeUnit, level__in=["province", "district"]), label=_("Parent unit")
    )
    valid_on = django_filters.DateFilter(method="filter_valid_on", widget=date_input(), label=_("Valid on"))

    class Meta:
        model = AdministrativeUnit
        fields = ["q", "level", "parent", "valid_on"]

    def filter_valid_on(self, queryset, name, value):
        return queryset.filter(
            Q(valid_from__isnull=True) | Q(valid_from__lte=value), Q(valid_to__isnull=True) | Q(valid_to__gte=value)
        )


class AgencyFilterSet(SearchFilterSet):
    search_fields = ("name", "short_name", "code")

    kind = django_filters.ChoiceFilter(choices=Agency.Kind.choices, label=_("Kind"))
    parent = django_filters.ModelChoiceFilter(queryset=in_scope(Agency), label=_("Parent agency"))
    is_active = django_filters.BooleanFilter(label=_("Active"))

    class Meta:
        model = Agency
        fields = ["q", "kind", "parent", "is_active"]


class ForeignPartnerFilterSet(SearchFilterSet):
    search_fields = ("name_vi", "name_native", "abbreviation", "fields")

    kind = django_filters.ChoiceFilter(choices=ForeignPartner.Kind.choices, label=_("Kind"))
    country = django_filters.ModelChoiceFilter(queryset=in_scope(Country), label=_("Country"))
    parent = django_filters.ModelChoiceFilter(queryset=in_scope(ForeignPartner), label=_("Parent organisation"))
    status = django_filters.ChoiceFilter(choices=ForeignPartner.Status.choices, label=_("Status"))
    is_twinned = django_filters.BooleanFilter(label=_("Twinned province"))
    dormant = django_filters.BooleanFilter(method="filter_dormant", label=_("Dormant (no recent contact)"))

    class Meta:
        model = ForeignPartner
        fields = ["q", "kind", "country", "parent", "status", "is_twinned"]

    def filter_dormant(self, queryset, name, value):
        dormant = queryset.model.objects.dormant().values("pk")
        return queryset.filter(pk__in=dormant) if value else queryset.exclude(pk__in=dormant)


class ContactFilterSet(SearchFilterSet):
    search_fields = ("name_latin", "name_native", "title", "email", "partner__name_vi", "partner__name_native")

    partner = django_filters.ModelChoiceFilter(queryset=in_scope(ForeignPartner), label=_("Organisation"))
    country = django_filters.ModelChoiceFilter(
        field_name="partner__country", queryset=in_scope(Country), label=_("Country")
    )
    is_active = django_filters.BooleanFilter(label=_("Still in post"))

    class Meta:
        model = Contact
        fields = ["q", "partner", "country", "is_active"]


class AgreementFilterSet(SearchFilterSet):
    search_fields = ("number", "title", "fields", "vn_signer", "foreign_signer", "signed_place")

    kind = django_filters.ChoiceFilter(choices=Agreement.Kind.choices, label=_("Kind"))
    status = django_filters.ChoiceFilter(choices=Agreement.Status.choices, label=_("Status"))
    vn_signatory = django_filters.ModelChoiceFilter(queryset=in_scope(Agency), label=_("Vietnamese signatory body"))
    foreign_party = django_filters.ModelChoiceFilter(
        field_name="foreign_parties", queryset=in_scope(ForeignPartner), label=_("Foreign party")
    )
    expires_before = django_filters.DateFilter(
        field_name="expires_on", lookup_expr="lt", widget=date_input(), label=_("Expires before")
    )
    signed_year = YearFilter(field_name="signed_on", lookup_expr="year", label=_("Year signed"))
    active = django_filters.BooleanFilter(method="filter_active", label=_("In force"))
    expiring_soon = django_filters.BooleanFilter(method="filter_expiring_soon", label=_("Expiring soon"))
    report_late = django_filters.BooleanFilter(method="filter_report_late", label=_("Post-signing report late"))

    class Meta:
        model = Agreement
        fields = ["q", "kind", "status", "vn_signatory", "foreign_party", "expires_before"]

    def filter_active(self, queryset, name, value):
        active = queryset.model.objects.active().values("pk")
        return queryset.filter(pk__in=active) if value else queryset.exclude(pk__in=active)

    def filter_expiring_soon(self, queryset, name, value):
        expiring = queryset.model.objects.expiring_soon().values("pk")
        return queryset.filter(pk__in=expiring) if value else queryset.exclude(pk__in=expiring)

    def filter_report_late(self, queryset, name, value):
        late = queryset.model.objects.post_signing_report_late().values("pk")
        return queryset.filter(pk__in=late) if value else queryset.exclude(pk__in=late)


def report_period_choices() -> list[tuple[str, str]]:
    """Association report periods, latest first, as "2026-half_year": the values `report_missing` takes."""
    this_year = timezone.localdate().year
    return [
        (f"{year}-{period}", f"{label} {year}")
        for year in range(this_year + 5, 1999, -1)
        for period, label in AssociationReport.Period.choices
    ]


class FriendshipAssociationFilterSet(SearchFilterSet):
    search_fields = ("name", "founding_decision_number")

    kind = django_filters.ChoiceFilter(choices=FriendshipAssociation.Kind.choices, label=_("Kind"))
    union = django_filters.ModelChoiceFilter(
        queryset=in_scope(FriendshipAssociation, kind=FriendshipAssociation.Kind.UNION), label=_("Member of union")
    )
    partner_country = django_filters.ModelChoiceFilter(queryset=in_scope(Country), label=_("Partner country"))
    agency = django_filters.ModelChoiceFilter(queryset=in_scope(Agency), label=_("As an agency"))
    report_missing = django_filters.ChoiceFilter(
        method="filter_report_missing", choices=report_period_choices, label=_("Report not handed in")
    )

    class Meta:
        model = FriendshipAssociation
        fields = ["q", "kind", "union", "partner_country", "agency"]

    def filter_report_missing(self, queryset, name, value):
        year, period = value.split("-", 1)
        return queryset.filter(pk__in=queryset.model.objects.missing_report(int(year), period).values("pk"))


class AssociationReportFilterSet(SearchFilterSet):
    search_fields = ("association__name",)

    association = django_filters.ModelChoiceFilter(queryset=in_scope(FriendshipAssociation), label=_("Association"))
    year = YearFilter(label=_("Year"))
    period = django_filters.ChoiceFilter(choices=AssociationReport.Period.choices, label=_("Period"))
    status = django_filters.ChoiceFilter(choices=AssociationReport.Status.choices, label=_("Status"))
    submitted_by = django_filters.ModelChoiceFilter(queryset=users_in_scope, label=_("Submitted by"))
    reviewed_by = django_filters.ModelChoiceFilter(queryset=users_in_scope, label=_("Reviewed by"))

    class Meta:
        model = AssociationReport
        fields = ["q", "association", "year", "period", "status", "submitted_by", "reviewed_by"]


class OccasionFilterSet(SearchFilterSet):
    search_fields = ("title", "notes")

    kind = django_filters.ChoiceFilter(choices=Occasion.Kind.choices, label=_("Kind"))
    date_rule = django_filters.ChoiceFilter(choices=Occasion.DateRule.choices, label=_("Date rule"))
    month = django_filters.NumberFilter(label=_("Month"))
    country = django_filters.ModelChoiceFilter(queryset=in_scope(Country), label=_("Country"))
    partner = django_filters.ModelChoiceFilter(queryset=in_scope(ForeignPartner), label=_("Partner"))
    association = django_filters.ModelChoiceFilter(queryset=in_scope(FriendshipAssociation), label=_("Association"))
    agreement = django_filters.ModelChoiceFilter(queryset=in_scope(Agreement), label=_("Agreement"))
    is_active = django_filters.BooleanFilter(label=_("Active"))
    upcoming_days = django_filters.NumberFilter(
        method="filter_upcoming_days", min_value=0, max_value=366, decimal_places=0,
        label=_("Falling within (days)"),
    )

    class Meta:
        model = Occasion
        fields = ["q", "kind", "date_rule", "month", "country", "partner", "association", "agreement", "is_active"]

    def filter_upcoming_days(self, queryset, name, value):
        return queryset.filter(pk__in=queryset.model.objects.upcoming(int(value)).values("pk"))


class GreetingFilterSet(SearchFilterSet):
    search_fields = ("recipient", "signer", "document_number", "occasion__title")

    occasion = django_filters.ModelChoiceFilter(queryset=in_scope(Occasion), label=_("Occasion"))
    year = YearFilter(label=_("Year"))
    form = django_filters.ChoiceFilter(choices=Greeting.Form.choices, label=_("Form"))
    status = django_filters.ChoiceFilter(choices=Greeting.Status.choices, label=_("Status"))
    recipient_contact = django_filters.ModelChoiceFilter(queryset=in_scope(Contact), label=_("Recipient contact"))
    assigned_to = django_filters.ModelChoiceFilter(queryset=users_in_scope, label=_("Officer in charge"))

    class Meta:
        model = Greeting
        fields = ["q", "occasion", "year", "form", "status", "recipient_contact", "assigned_to"]
