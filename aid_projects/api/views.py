"""API viewsets of foreign aid: the HTML list's FilterSet and sort columns, the same scope and roles."""

from __future__ import annotations

import django_filters
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_view

from doingoai.api.viewsets import RecordViewSet, ReferenceViewSet, TransitionMixin
from doingoai.core.filtersets import in_scope
from plans.models import Activity

from .. import filtersets, services
from ..models import AidProject, AidReport, MobilisationProgramme, Sector, Transaction
from . import serializers

PROJECT_EXAMPLE = {
    "code": "DA-2026-015",
    "name_vi": "Nâng cao năng lực chăm sóc sức khỏe ban đầu cho xã biên giới",
    "name_en": "Primary health care capacity for border communes",
    "form": "technical_assistance",
    "delivery": "mixed",
    "legal_basis": "Nghị định 313/2025/NĐ-CP",
    "donor": 1,
    "governing_agency": 1,
    "aid_owner": 2,
    "management_form": "affiliated_unit",
    "sectors": [1],
    "locations": [],
    "beneficiaries": "Người dân 3 xã biên giới",
    "beneficiaries_count": 12000,
    "committed_amount": "150000.00",
    "currency": "USD",
    "exchange_rate_vnd": "25400.0000",
    "usd_rate_vnd": "25400.0000",
}


@extend_schema_view(
    create=extend_schema(examples=[OpenApiExample("Technical-assistance project", value=PROJECT_EXAMPLE,
                                                  request_only=True)]),
)
class AidProjectViewSet(TransitionMixin, RecordViewSet):
    """Aid projects with their transactions and reports, which are written through their own endpoints."""

    queryset = AidProject.objects.none()
    serializer_class = serializers.AidProjectSerializer
    write_serializer_class = serializers.AidProjectWriteSerializer
    filterset_class = filtersets.AidProjectFilterSet
    ordering_fields = {
        "code": "code", "name": "name_vi", "donor": "donor__name_vi", "agency": "governing_agency__name",
        "approved": "approved_on", "status": "status",
    }
    default_ordering = "-approved"
    select_related = ("donor", "governing_agency", "aid_owner", "programme")
    prefetch_related = ("sectors", "locations")
    workflow = services.AID_PROJECT_WORKFLOW
    change_status = staticmethod(services.change_aid_project_status)

    def prefetch_for(self, user) -> tuple:
        return (
            Prefetch("plan_activities", queryset=Activity.objects.for_user(user)),
            Prefetch("transactions", queryset=Transaction.objects.for_user(user).order_by("date", "pk")),
            Prefetch("reports", queryset=AidReport.objects.for_user(user).order_by("-period_end")),
        )


# Transactions and reports have no list page of their own (they are shown on the project's page), so there is no
# HTML FilterSet to share: these filter by project, with the choices in the user's scope.


class TransactionFilterSet(django_filters.FilterSet):
    project = django_filters.ModelChoiceFilter(queryset=in_scope(AidProject), label=_("Aid project"))
    kind = django_filters.ChoiceFilter(choices=Transaction.Kind.choices, label=_("Kind"))

    class Meta:
        model = Transaction
        fields = ["project", "kind"]


class AidReportFilterSet(django_filters.FilterSet):
    project = django_filters.ModelChoiceFilter(queryset=in_scope(AidProject), label=_("Aid project"))
    period = django_filters.ChoiceFilter(choices=AidReport.Period.choices, label=_("Period"))

    class Meta:
        model = AidReport
        fields = ["project", "period"]


class TransactionViewSet(RecordViewSet):
    queryset = Transaction.objects.none()
    serializer_class = serializers.TransactionSerializer
    write_serializer_class = serializers.TransactionWriteSerializer
    filterset_class = TransactionFilterSet
    ordering_fields = {"date": "date", "amount": "amount", "kind": "kind"}
    default_ordering = "date"


class AidReportViewSet(RecordViewSet):
    queryset = AidReport.objects.none()
    serializer_class = serializers.AidReportSerializer
    write_serializer_class = serializers.AidReportWriteSerializer
    filterset_class = AidReportFilterSet
    ordering_fields = {"period_end": "period_end"}
    default_ordering = "-period_end"


class SectorViewSet(ReferenceViewSet):
    queryset = Sector.objects.none()
    serializer_class = serializers.SectorSerializer
    ordering_fields = {"name": "name", "code": "code"}


class MobilisationProgrammeViewSet(ReferenceViewSet):
    queryset = MobilisationProgramme.objects.none()
    serializer_class = serializers.MobilisationProgrammeSerializer
    ordering_fields = {"start_year": "start_year"}
