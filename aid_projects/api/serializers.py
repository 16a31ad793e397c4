"""API representations of foreign aid: a project comes with its transactions and reports."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from doingoai.api.serializers import AllowedTransitionsField, RecordSerializer
from partners.api.serializers import (
    AdministrativeUnitBriefSerializer,
    AgencyBriefSerializer,
    ForeignPartnerBriefSerializer,
    RulesMixin,
)
from plans.api.serializers import ActivityBriefSerializer

from .. import rules
from ..models import AidProject, AidReport, MobilisationProgramme, Sector, Transaction

TIMESTAMPS = ["created_at", "modified_at"]

TRANSACTION_FIELDS = ["kind", "date", "amount", "currency", "exchange_rate_vnd", "form", "note"]
REPORT_FIELDS = [
    "period", "period_start", "period_end", "opening_balance_vnd", "received_vnd", "used_vnd", "closing_balance_vnd",
    "goods_received", "submitted_on", "notes",
]


class SectorSerializer(serializers.ModelSerializer):
    """A sector aid is given for."""

    class Meta:
        model = Sector
        fields = ["id", "code", "name"]
        read_only_fields = fields


class MobilisationProgrammeSerializer(serializers.ModelSerializer):
    """A multi-year programme for mobilising foreign NGO aid, with its target."""

    class Meta:
        model = MobilisationProgramme
        fields = ["id", "title", "decision_number", "start_year", "end_year", "target_usd", "notes", *TIMESTAMPS]
        read_only_fields = fields


class MobilisationProgrammeBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = MobilisationProgramme
        fields = ["id", "title", "start_year", "end_year"]
        read_only_fields = fields


# --- Transactions and reports: nested in the project, and each an endpoint of its own for writing ---


class TransactionSerializer(serializers.ModelSerializer):
    """A commitment, disbursement or expenditure of an aid project."""

    amount_vnd = serializers.DecimalField(
        max_digits=34, decimal_places=0, read_only=True, help_text=_("The amount in VND at the transaction's rate.")
    )

    class Meta:
        model = Transaction
        fields = ["id", "project", *TRANSACTION_FIELDS, "amount_vnd", *TIMESTAMPS]
        read_only_fields = fields


class TransactionWriteSerializer(RecordSerializer):
    class Meta:
        model = Transaction
        fields = ["project", *TRANSACTION_FIELDS, "version", "change_reason"]


class AidReportSerializer(serializers.ModelSerializer):
    """A periodic report of the aid owner on one project: balances in VND."""

    class Meta:
        model = AidReport
        fields = ["id", "project", *REPORT_FIELDS, *TIMESTAMPS]
        read_only_fields = fields


class AidReportWriteSerializer(RulesMixin, RecordSerializer):
    rule = rules.validate_aid_report

    class Meta:
        model = AidReport
        fields = ["project", *REPORT_FIELDS, "version", "change_reason"]


# --- Aid projects ---

PROJECT_FIELDS = [
    "code", "name_vi", "name_en", "form", "delivery", "legal_basis", "donor", "governing_agency", "aid_owner",
    "management_form", "sectors", "locations", "beneficiaries", "beneficiaries_count", "committed_amount", "currency",
    "exchange_rate_vnd", "usd_rate_vnd", "counterpart_funds_vnd", "counterpart_source", "start_month", "end_month",
    "approval_number", "approved_on", "approval_signer", "started_on", "revoked_on", "revocation_reason",
    "state_budget_revenue", "programme", "plan_activities",
]


class AidProjectSerializer(serializers.ModelSerializer):
    """A foreign NGO aid project with its transactions and periodic reports."""

    donor = ForeignPartnerBriefSerializer(read_only=True)
    governing_agency = AgencyBriefSerializer(read_only=True)
    aid_owner = AgencyBriefSerializer(read_only=True)
    sectors = SectorSerializer(many=True, read_only=True)
    locations = AdministrativeUnitBriefSerializer(many=True, read_only=True)
    programme = MobilisationProgrammeBriefSerializer(read_only=True, allow_null=True)
    plan_activities = ActivityBriefSerializer(many=True, read_only=True)
    transactions = TransactionSerializer(many=True, read_only=True)
    reports = AidReportSerializer(many=True, read_only=True)
    allowed_transitions = AllowedTransitionsField()
    committed_vnd = serializers.DecimalField(
        max_digits=34, decimal_places=0, read_only=True, help_text=_("The committed value in VND.")
    )
    committed_usd = serializers.DecimalField(
        max_digits=34, decimal_places=2, read_only=True, help_text=_("The committed value in US dollars.")
    )
    start_deadline = serializers.DateField(
        read_only=True, allow_null=True, help_text=_("The day by which an approved project must start, or be revoked.")
    )
    start_overdue = serializers.BooleanField(
        source="is_start_overdue", read_only=True, help_text=_("Approved, not started, and past its start deadline.")
    )

    class Meta:
        model = AidProject
        fields = [
            "id", *PROJECT_FIELDS, "status", "allowed_transitions", "committed_vnd", "committed_usd", "start_deadline",
            "start_overdue", "transactions", "reports", *TIMESTAMPS,
        ]
        read_only_fields = fields


class AidProjectWriteSerializer(RulesMixin, RecordSerializer):
    rule = rules.validate_aid_project

    class Meta:
        model = AidProject
        fields = [*PROJECT_FIELDS, "version", "change_reason"]
