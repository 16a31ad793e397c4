"""API representations of delegations: a delegation comes with its members, programme and gifts."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from doingoai.api.serializers import AllowedTransitionsField, RecordSerializer
from partners.api.serializers import (
    AgencyBriefSerializer,
    AgreementBriefSerializer,
    CountryBriefSerializer,
    ForeignPartnerBriefSerializer,
    RulesMixin,
)
from plans.api.serializers import ActivityBriefSerializer

from .. import rules
from ..models import Delegation, DelegationMember, Gift, ProgrammeItem

TIMESTAMPS = ["created_at", "modified_at"]

MEMBER_FIELDS = [
    "precedence", "name_native", "name_latin", "title", "organisation", "nationality", "languages", "dietary_needs",
    "is_head",
]
PROGRAMME_FIELDS = ["starts_at", "ends_at", "place", "activity", "responsible_officer"]
GIFT_FIELDS = ["direction", "description", "counterpart", "quantity", "value_vnd"]


class DelegationBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Delegation
        fields = ["id", "title", "direction", "start_date", "end_date", "status"]
        read_only_fields = fields


# --- Members, programme and gifts: nested in the delegation, and each an endpoint of its own for writing ---


class DelegationMemberSerializer(serializers.ModelSerializer):
    """A member of a delegation, in protocol precedence order."""

    nationality = CountryBriefSerializer(read_only=True, allow_null=True)

    class Meta:
        model = DelegationMember
        fields = ["id", "delegation", *MEMBER_FIELDS, *TIMESTAMPS]
        read_only_fields = fields


class DelegationMemberWriteSerializer(RecordSerializer):
    class Meta:
        model = DelegationMember
        fields = ["delegation", *MEMBER_FIELDS, "version", "change_reason"]


class ProgrammeItemSerializer(serializers.ModelSerializer):
    """One slot of a delegation's working programme."""

    class Meta:
        model = ProgrammeItem
        fields = ["id", "delegation", *PROGRAMME_FIELDS, *TIMESTAMPS]
        read_only_fields = fields


class ProgrammeItemWriteSerializer(RulesMixin, RecordSerializer):
    rule = rules.validate_programme_item

    class Meta:
        model = ProgrammeItem
        fields = ["delegation", *PROGRAMME_FIELDS, "version", "change_reason"]


class GiftSerializer(serializers.ModelSerializer):
    """A gift given or received by a delegation."""

    class Meta:
        model = Gift
        fields = ["id", "delegation", *GIFT_FIELDS, *TIMESTAMPS]
        read_only_fields = fields


class GiftWriteSerializer(RecordSerializer):
    class Meta:
        model = Gift
        fields = ["delegation", *GIFT_FIELDS, "version", "change_reason"]


# --- Delegations ---

DELEGATION_FIELDS = [
    "title", "direction", "channel", "level", "countries", "cities", "partners", "purpose", "head_name", "head_title",
    "start_date", "end_date", "host_agency", "in_annual_plan", "dossier_submitted_on", "has_invitation",
    "party_opinion_required", "approval_number", "approval_date", "approval_signer", "funding_source",
    "estimated_cost_vnd", "actual_cost_vnd", "outcomes", "commitments", "report_received_on", "report_number",
    "plan_activity", "agreements",
]


class DelegationSerializer(serializers.ModelSerializer):
    """An outbound or inbound delegation with its members, programme and gifts."""

    countries = CountryBriefSerializer(many=True, read_only=True)
    partners = ForeignPartnerBriefSerializer(many=True, read_only=True)
    host_agency = AgencyBriefSerializer(read_only=True)
    plan_activity = ActivityBriefSerializer(read_only=True, allow_null=True)
    agreements = AgreementBriefSerializer(many=True, read_only=True)
    members = DelegationMemberSerializer(many=True, read_only=True)
    programme = ProgrammeItemSerializer(many=True, read_only=True)
    gifts = GiftSerializer(many=True, read_only=True)
    allowed_transitions = AllowedTransitionsField()
    report_due_on = serializers.DateField(read_only=True, help_text=_("The day the trip report is due."))
    report_late = serializers.BooleanField(
        source="is_report_late", read_only=True, help_text=_("The trip report is late.")
    )

    class Meta:
        model = Delegation
        fields = [
            "id", *DELEGATION_FIELDS, "status", "allowed_transitions", "report_due_on", "report_late", "members",
            "programme", "gifts", *TIMESTAMPS,
        ]
        read_only_fields = fields


class DelegationWriteSerializer(RulesMixin, RecordSerializer):
    rule = rules.validate_delegation

    class Meta:
        model = Delegation
        fields = [*DELEGATION_FIELDS, "version", "change_reason"]
