"""One FilterSet per model: the HTML lists and the API viewsets both use these."""

from __future__ import annotations

from collections.abc import Callable

import django_filters
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from doingoai.core.filtersets import ID_INPUT, SearchFilterSet, YearFilter, in_scope
from partners.models import Agency

from .models import Activity, ActivityCoordination, Directive, Plan, ProgressUpdate, ReportingPeriod, Task

QUARTERS = [(quarter, format_lazy("{} {}", _("Quarter"), quarter)) for quarter in range(1, 5)]


class DirectiveFilterSet(SearchFilterSet):
    search_fields = ("code", "title", "issuer", "summary")

    kind = django_filters.ChoiceFilter(choices=Directive.Kind.choices, label=_("Kind"))
    year = YearFilter(field_name="issued_on", lookup_expr="year", label=_("Year issued"))
    parent = django_filters.ModelChoiceFilter(queryset=in_scope(Directive), label=_("Implements"))
    superseded_by = django_filters.ModelChoiceFilter(
        queryset=in_scope(Directive), label=_("Superseded by")
    )
    in_force = django_filters.BooleanFilter(
        field_name="superseded_by", lookup_expr="isnull", label=_("In force (not superseded)")
    )

    class Meta:
        model = Directive
        fields = ["q", "kind", "year", "parent", "superseded_by", "in_force"]


class PlanFilterSet(SearchFilterSet):
    search_fields = ("number", "title", "signer", "issuing_agency__name")

    year = YearFilter(label=_("Year"))
    kind = django_filters.ChoiceFilter(choices=Plan.Kind.choices, label=_("Kind"))
    status = django_filters.ChoiceFilter(choices=Plan.Status.choices, label=_("Status"))
    issuing_agency = django_filters.ModelChoiceFilter(
        queryset=in_scope(Agency), label=_("Issuing body")
    )
    legal_basis = django_filters.ModelChoiceFilter(
        field_name="legal_bases", queryset=in_scope(Directive), label=_("Legal basis")
    )
    copied_from = django_filters.ModelChoiceFilter(
        queryset=in_scope(Plan), widget=ID_INPUT, label=_("Copied from (plan ID)")
    )

    class Meta:
        model = Plan
        fields = ["q", "year", "kind", "status", "issuing_agency", "legal_basis", "copied_from"]


class ActivityFilterSet(SearchFilterSet):
    search_fields = ("content", "expected_result", "notes", "lead_agency__name", "task__title")

    year = YearFilter(field_name="task__plan__year", label=_("Year"))
    plan = django_filters.ModelChoiceFilter(
        field_name="task__plan", queryset=in_scope(Plan), label=_("Plan")
    )
    task = django_filters.ModelChoiceFilter(queryset=in_scope(Task), label=_("Task"))
    status = django_filters.ChoiceFilter(choices=Activity.Status.choices, label=_("Status"))
    quarter = django_filters.ChoiceFilter(choices=QUARTERS, label=_("Quarter"))
    lead_agency = django_filters.ModelChoiceFilter(queryset=in_scope(Agency), label=_("Lead agency"))
    coordinating_agency = django_filters.ModelChoiceFilter(
        method="filter_coordinating_agency", queryset=in_scope(Agency), label=_("Coordinating agency")
    )
    agency = django_filters.ModelChoiceFilter(
        method="filter_agency", queryset=in_scope(Agency), label=_("Agency (leads or coordinates)")
    )
    budget_source = django_filters.ChoiceFilter(
        choices=Activity.BudgetSource.choices[1:], label=_("Budget source")
    )
    source_activity = django_filters.ModelChoiceFilter(
        queryset=in_scope(Activity), widget=ID_INPUT, label=_("Copied from (activity ID)")
    )
    late = django_filters.BooleanFilter(method="filter_late", label=_("Late or overdue"))

    class Meta:
        model = Activity
        fields = [
            "q", "year", "plan", "task", "status", "quarter", "lead_agency", "coordinating_agency", "agency",
            "budget_source", "source_activity",
        ]

    def filter_coordinating_agency(self, queryset, name, value):
        # A subquery, not a join: an activity appears once whatever else it is linked to.
        return queryset.filter(pk__in=ActivityCoordination.objects.filter(agency=value).values("activity_id"))

    def filter_agency(self, queryset, name, value):
        coordinated = ActivityCoordination.objects.filter(agency=value).values("activity_id")
        return queryset.filter(Q(lead_agency=value) | Q(pk__in=coordinated))

    def filter_late(self, queryset, name, value):
        return queryset.late() if value else queryset.exclude(Activity.late_condition())


def progress_update_people(field: str) -> Callable:
    """Choices for a person on progress updates: the people named on the updates the requester may see."""

    def queryset(request):
        updates = ProgressUpdate.objects.for_user(getattr(request, "user", None))
        return get_user_model().objects.filter(pk__in=updates.values(field)).order_by("last_name", "username")

    return queryset


class ProgressUpdateFilterSet(SearchFilterSet):
    search_fields = ("narrative", "review_comment", "activity__content", "agency__name")

    year = YearFilter(field_name="period__year", label=_("Year"))
    period = django_filters.ModelChoiceFilter(
        queryset=in_scope(ReportingPeriod), label=_("Reporting period")
    )
    plan = django_filters.ModelChoiceFilter(
        field_name="activity__task__plan", queryset=in_scope(Plan), label=_("Plan")
    )
    activity = django_filters.ModelChoiceFilter(
        queryset=in_scope(Activity), widget=ID_INPUT, label=_("Activity (ID)")
    )
    agency = django_filters.ModelChoiceFilter(queryset=in_scope(Agency), label=_("Reporting agency"))
    status = django_filters.ChoiceFilter(choices=ProgressUpdate.ReviewStatus.choices, label=_("Review status"))
    activity_status = django_filters.ChoiceFilter(choices=Activity.Status.choices, label=_("Activity status"))
    author = django_filters.ModelChoiceFilter(queryset=progress_update_people("author"), label=_("Author"))
    reviewed_by = django_filters.ModelChoiceFilter(
        queryset=progress_update_people("reviewed_by"), label=_("Reviewed by")
    )

    class Meta:
        model = ProgressUpdate
        fields = [
            "q", "year", "period", "plan", "activity", "agency", "status", "activity_status", "author", "reviewed_by",
        ]
