"""API representations of the plans app. Plans, tasks and activities are saved through `plans.services`, which
apply the editing rules (drafts freely, approved plans only inside a revision, closed years not at all)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from doingoai.api.serializers import (
    AllowedTransitionsField,
    RecordSerializer,
    ScopedPrimaryKeyRelatedField,
    UserBriefSerializer,
)
from partners.api.serializers import (
    AgencyBriefSerializer,
    AgreementBriefSerializer,
    CountryBriefSerializer,
    ForeignPartnerBriefSerializer,
)
from partners.models import Agency

from .. import services
from ..models import Activity, Directive, Plan, PlanRevision, ProgressUpdate, ReportingPeriod, Task

TIMESTAMPS = ["created_at", "modified_at"]


# --- Brief forms ---


class DirectiveBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Directive
        fields = ["id", "code", "kind", "title"]
        read_only_fields = fields


class PlanBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Plan
        fields = ["id", "year", "number", "title", "status"]
        read_only_fields = fields


class TaskBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Task
        fields = ["id", "number", "title"]
        read_only_fields = fields


class ActivityBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Activity
        fields = ["id", "number", "content", "status"]
        read_only_fields = fields


class ReportingPeriodBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = ReportingPeriod
        fields = ["id", "year", "kind"]
        read_only_fields = fields


# --- Directives ---

DIRECTIVE_FIELDS = ["code", "kind", "issuer", "issued_on", "title", "summary", "parent", "superseded_by"]


class DirectiveSerializer(serializers.ModelSerializer):
    """A guiding document that plans implement."""

    parent = DirectiveBriefSerializer(read_only=True, allow_null=True)
    superseded_by = DirectiveBriefSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Directive
        fields = ["id", *DIRECTIVE_FIELDS, *TIMESTAMPS]
        read_only_fields = fields


class DirectiveWriteSerializer(RecordSerializer):
    class Meta:
        model = Directive
        fields = [*DIRECTIVE_FIELDS, "version", "change_reason"]


# --- Plans ---

PLAN_FIELDS = [
    "year", "kind", "number", "issuing_agency", "issued_on", "signer", "title", "legal_bases", "purpose",
    "implementation",
]


class PlanRevisionSerializer(serializers.ModelSerializer):
    opened_by = UserBriefSerializer(read_only=True, allow_null=True)

    class Meta:
        model = PlanRevision
        fields = ["id", "number", "kind", "reason", "opened_by", "opened_at"]
        read_only_fields = fields


class PlanSerializer(serializers.ModelSerializer):
    """A yearly plan or programme and where it stands in its workflow."""

    issuing_agency = AgencyBriefSerializer(read_only=True)
    legal_bases = DirectiveBriefSerializer(many=True, read_only=True)
    copied_from = PlanBriefSerializer(read_only=True, allow_null=True)
    allowed_transitions = AllowedTransitionsField()
    open_revision = serializers.SerializerMethodField(
        help_text=_("The revision open on this approved plan, during which its content can be changed; else null.")
    )
    actions = serializers.SerializerMethodField(
        help_text=_("The workflow actions you may take on the plan now (POST /plans/{id}/<action>/).")
    )

    class Meta:
        model = Plan
        fields = [
            "id", *PLAN_FIELDS, "status", "allowed_transitions", "open_revision", "actions", "copied_from",
            *TIMESTAMPS,
        ]
        read_only_fields = fields

    def _revision(self, plan) -> PlanRevision | None:
        revisions = getattr(plan, "open_revisions", None)
        return revisions[0] if revisions else None

    @extend_schema_field(PlanRevisionSerializer(allow_null=True))
    def get_open_revision(self, plan) -> dict | None:
        revision = self._revision(plan)
        return PlanRevisionSerializer(revision).data if revision else None

    def get_actions(self, plan) -> list[str]:
        user = self.context["request"].user
        return [action.name.replace("_", "-") for action in services.available_actions(plan, user, self._revision(plan))]


class PlanWriteSerializer(RecordSerializer):
    model_validation = False

    class Meta:
        model = Plan
        fields = [*PLAN_FIELDS, "version", "change_reason"]

    def create(self, validated_data):
        return self.update(Plan(), validated_data)

    def update(self, plan, validated_data):
        reason = self.pop_extras(validated_data)
        legal_bases = validated_data.pop("legal_bases", None)
        for name, value in validated_data.items():
            setattr(plan, name, value)
        services.save_plan(plan, by=self.user, reason=reason)
        if legal_bases is not None:
            plan.legal_bases.set(legal_bases)
        return plan


# --- Tasks ---


class TaskSerializer(serializers.ModelSerializer):
    """A numbered task of a plan."""

    plan = PlanBriefSerializer(read_only=True)

    class Meta:
        model = Task
        fields = ["id", "plan", "number", "title", "description", *TIMESTAMPS]
        read_only_fields = fields


class TaskWriteSerializer(RecordSerializer):
    """A task is added at the end of its plan; its number follows its place (reordering is done on the pages)."""

    model_validation = False

    class Meta:
        model = Task
        fields = ["plan", "title", "description", "version", "change_reason"]

    def get_fields(self):
        fields = super().get_fields()
        if self.instance is not None:
            fields["plan"].read_only = True
        return fields

    def create(self, validated_data):
        return self.update(Task(), validated_data)

    def update(self, task, validated_data):
        reason = self.pop_extras(validated_data)
        for name, value in validated_data.items():
            setattr(task, name, value)
        return services.save_task(task, by=self.user, reason=reason)


# --- Activities ---

ACTIVITY_FIELDS = [
    "task", "content", "lead_agency", "coordinating_agencies", "quarter", "month", "start_date", "end_date",
    "budget_amount", "budget_source", "expected_result", "notes", "countries", "partners", "agreements",
]


class ActivitySerializer(serializers.ModelSerializer):
    """A row of a plan's appendix, with the names of its lead and coordinating agencies."""

    task = TaskBriefSerializer(read_only=True)
    plan = PlanBriefSerializer(source="task.plan", read_only=True, help_text=_("The plan the activity belongs to."))
    lead_agency = AgencyBriefSerializer(read_only=True)
    coordinating_agencies = AgencyBriefSerializer(many=True, read_only=True)
    countries = CountryBriefSerializer(many=True, read_only=True)
    partners = ForeignPartnerBriefSerializer(many=True, read_only=True)
    agreements = AgreementBriefSerializer(many=True, read_only=True)
    allowed_transitions = AllowedTransitionsField()
    timeframe = serializers.CharField(read_only=True, help_text=_("When, as the appendix says it."))
    due_date = serializers.DateField(read_only=True, help_text=_("The last day the activity is due."))
    source_activity = serializers.PrimaryKeyRelatedField(
        read_only=True, allow_null=True, help_text=_("The activity of an earlier year this one was copied from.")
    )

    class Meta:
        model = Activity
        fields = [
            "id", "plan", "number", *ACTIVITY_FIELDS, "timeframe", "due_date", "status", "allowed_transitions",
            "progress", "source_activity", *TIMESTAMPS,
        ]
        read_only_fields = fields


class ActivityWriteSerializer(RecordSerializer):
    """An activity is added at the end of its task; its number (STT) follows its place. Status and progress are
    set with `POST /activities/{id}/set-status/`."""

    model_validation = False
    coordinating_agencies = ScopedPrimaryKeyRelatedField(
        many=True, required=False, queryset=Agency.objects.all(), label=_("coordinating agencies")
    )

    class Meta:
        model = Activity
        fields = [*ACTIVITY_FIELDS, "version", "change_reason"]

    def create(self, validated_data):
        return self.update(Activity(), validated_data)

    def update(self, activity, validated_data):
        reason = self.pop_extras(validated_data)
        related = {
            name: validated_data.pop(name, None) for name in ("coordinating_agencies", "countries", "partners", "agreements")
        }
        for name, value in validated_data.items():
            setattr(activity, name, value)
        return services.save_activity(activity, by=self.user, reason=reason, **related)


class ActivityStatusSerializer(serializers.Serializer):
    """Where an activity of an approved or running plan stands."""

    status = serializers.ChoiceField(choices=Activity.Status.choices, help_text=_("The activity's status."))
    progress = serializers.IntegerField(min_value=0, max_value=100, help_text=_("Progress in percent."))
    comment = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=500, help_text=_("Optional; shown in the history.")
    )


# --- Reporting periods and progress updates ---


class ReportingPeriodSerializer(serializers.ModelSerializer):
    """A 6-month or annual reporting period."""

    class Meta:
        model = ReportingPeriod
        fields = ["id", "year", "kind", "starts_on", "ends_on", "due_on", "is_locked"]
        read_only_fields = fields


PROGRESS_FIELDS = ["activity", "period", "activity_status", "progress", "narrative", "agency"]


class ProgressUpdateSerializer(serializers.ModelSerializer):
    """An agency's report on one activity for one period, and its review."""

    activity = ActivityBriefSerializer(read_only=True)
    period = ReportingPeriodBriefSerializer(read_only=True)
    agency = AgencyBriefSerializer(read_only=True)
    author = UserBriefSerializer(read_only=True, allow_null=True)
    reviewed_by = UserBriefSerializer(read_only=True, allow_null=True)

    class Meta:
        model = ProgressUpdate
        fields = [
            "id", *PROGRESS_FIELDS, "author", "status", "reviewed_by", "reviewed_at", "review_comment", *TIMESTAMPS,
        ]
        read_only_fields = fields


class ProgressUpdateWriteSerializer(RecordSerializer):
    """A new progress update (they are never edited: a correction is a new update). The author is you."""

    class Meta:
        model = ProgressUpdate
        fields = [*PROGRESS_FIELDS, "change_reason"]

    def validate_record(self, record, attrs) -> None:
        period = attrs.get("period")
        if period is not None and period.is_locked:
            raise serializers.ValidationError({"period": [_("This reporting period is locked.")]})

    def create(self, validated_data):
        validated_data["author"] = self.user
        return super().create(validated_data)
