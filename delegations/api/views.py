"""API viewsets of delegations: the HTML list's FilterSet and sort columns, the same scope and roles."""

from __future__ import annotations

import django_filters
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_view

from doingoai.api.viewsets import RecordViewSet, TransitionMixin
from doingoai.core.filtersets import in_scope
from partners.models import Agreement, ForeignPartner

from .. import filtersets, services
from ..models import Delegation, DelegationMember, Gift, ProgrammeItem
from . import serializers

DELEGATION_EXAMPLE = {
    "title": "Đoàn công tác của tỉnh thăm và làm việc tại tỉnh Champasak",
    "direction": "outbound",
    "channel": "people",
    "level": "provincial",
    "countries": [1],
    "partners": [],
    "purpose": "Trao đổi hợp tác hữu nghị, giáo dục và y tế.",
    "head_name": "Nguyễn Văn A",
    "head_title": "Phó Chủ tịch UBND tỉnh",
    "start_date": "2026-08-25",
    "end_date": "2026-08-28",
    "host_agency": 1,
    "funding_source": "state_budget",
    "estimated_cost_vnd": "350000000",
}


@extend_schema_view(
    create=extend_schema(
        examples=[OpenApiExample("Outbound delegation", value=DELEGATION_EXAMPLE, request_only=True)]
    ),
)
class DelegationViewSet(TransitionMixin, RecordViewSet):
    """Delegations with their members, programme and gifts. Members, programme items and gifts are written through
    their own endpoints."""

    queryset = Delegation.objects.none()
    serializer_class = serializers.DelegationSerializer
    write_serializer_class = serializers.DelegationWriteSerializer
    filterset_class = filtersets.DelegationFilterSet
    ordering_fields = {
        "title": "title", "direction": "direction", "level": "level", "start": "start_date",
        "agency": "host_agency__name", "status": "status",
    }
    default_ordering = "-start"
    select_related = ("host_agency", "plan_activity")
    prefetch_related = ("countries",)
    workflow = services.DELEGATION_WORKFLOW
    change_status = staticmethod(services.change_delegation_status)

    def prefetch_for(self, user) -> tuple:
        return (
            Prefetch("partners", queryset=ForeignPartner.objects.for_user(user)),
            Prefetch("agreements", queryset=Agreement.objects.for_user(user)),
            Prefetch(
                "members",
                queryset=DelegationMember.objects.for_user(user).select_related("nationality").order_by("precedence"),
            ),
            Prefetch("programme", queryset=ProgrammeItem.objects.for_user(user).order_by("starts_at")),
            Prefetch("gifts", queryset=Gift.objects.for_user(user).order_by("direction", "pk")),
        )


# Members, programme items and gifts have no list page of their own (they are shown on the delegation's page), so
# there is no HTML FilterSet to share: these filter by delegation, with the choices in the user's scope.


class DelegationMemberFilterSet(django_filters.FilterSet):
    delegation = django_filters.ModelChoiceFilter(queryset=in_scope(Delegation), label=_("Delegation"))

    class Meta:
        model = DelegationMember
        fields = ["delegation"]


class ProgrammeItemFilterSet(django_filters.FilterSet):
    delegation = django_filters.ModelChoiceFilter(queryset=in_scope(Delegation), label=_("Delegation"))

    class Meta:
        model = ProgrammeItem
        fields = ["delegation"]


class GiftFilterSet(django_filters.FilterSet):
    delegation = django_filters.ModelChoiceFilter(queryset=in_scope(Delegation), label=_("Delegation"))

    class Meta:
        model = Gift
        fields = ["delegation"]


class DelegationMemberViewSet(RecordViewSet):
    queryset = DelegationMember.objects.none()
    serializer_class = serializers.DelegationMemberSerializer
    write_serializer_class = serializers.DelegationMemberWriteSerializer
    filterset_class = DelegationMemberFilterSet
    select_related = ("nationality",)
    ordering_fields = {"precedence": "precedence", "name": "name_latin"}
    default_ordering = "precedence"


class ProgrammeItemViewSet(RecordViewSet):
    queryset = ProgrammeItem.objects.none()
    serializer_class = serializers.ProgrammeItemSerializer
    write_serializer_class = serializers.ProgrammeItemWriteSerializer
    filterset_class = ProgrammeItemFilterSet
    ordering_fields = {"starts_at": "starts_at"}
    default_ordering = "starts_at"


class GiftViewSet(RecordViewSet):
    queryset = Gift.objects.none()
    serializer_class = serializers.GiftSerializer
    write_serializer_class = serializers.GiftWriteSerializer
    filterset_class = GiftFilterSet
    ordering_fields = {"direction": "direction", "value": "value_vnd"}
