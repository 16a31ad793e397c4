"""API viewsets of the plans app: the HTML lists' FilterSets and sort columns, the same scope and roles; plans,
tasks and activities change through `plans.services` (the editing rules and the workflow)."""

from __future__ import annotations

import django_filters
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_view
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from doingoai.api.permissions import TokenScopePermission
from doingoai.api.serializers import CommentSerializer
from doingoai.api.viewsets import RecordViewSet, ReferenceViewSet
from doingoai.core.filtersets import SearchFilterSet, YearFilter, in_scope
from partners.models import Agreement, ForeignPartner

from .. import filtersets, services
from ..models import Activity, Directive, Plan, PlanRevision, ProgressUpdate, ReportingPeriod, Task
from . import serializers

WORKFLOW_PERMISSIONS = [IsAuthenticated, TokenScopePermission]


class DirectiveViewSet(RecordViewSet):
    queryset = Directive.objects.none()
    serializer_class = serializers.DirectiveSerializer
    write_serializer_class = serializers.DirectiveWriteSerializer
    filterset_class = filtersets.DirectiveFilterSet
    ordering_fields = {"code": "code", "kind": "kind", "issuer": "issuer", "issued": "issued_on"}
    default_ordering = "-issued"
    select_related = ("parent", "superseded_by")

    def perform_destroy(self, directive):
        services.delete_directive(directive, by=self.request.user)


def plan_action(name: str, summary, description) -> callable:
    """A `POST /plans/{id}/<name>/` action running the workflow step `name` of `plans.services.take_action`.

    The service checks the role (PermissionDenied → 403) and the state (ValidationError → 400).
    """

    def run(self, request, pk=None):
        plan = self.get_object()
        body = CommentSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        services.take_action(plan, name, by=request.user, comment=body.validated_data["comment"])
        return Response(self.read_representation(plan))

    # DRF routes an action by its function's name, which must be the attribute's ("return" is a keyword).
    run.__name__ = "return_plan" if name == "return" else name
    slug = name.replace("_", "-")
    run = action(detail=True, methods=["post"], url_path=slug, url_name=slug, permission_classes=WORKFLOW_PERMISSIONS)(run)
    return extend_schema(request=CommentSerializer, summary=summary, description=description)(run)


PLAN_EXAMPLE = {
    "year": 2026,
    "kind": "KH",
    "number": "58/KH-UBND",
    "issuing_agency": 1,
    "issued_on": "2026-01-15",
    "signer": "Nguyễn Văn A",
    "title": "Kế hoạch công tác đối ngoại nhân dân năm 2026",
    "legal_bases": [1],
    "purpose": "Triển khai Chỉ thị 12-CT/TW về công tác đối ngoại nhân dân trong tình hình mới.",
}


@extend_schema_view(
    create=extend_schema(
        description=_("A new plan is a draft; its tasks and activities are added through their own endpoints."),
        examples=[OpenApiExample("Yearly plan", value=PLAN_EXAMPLE, request_only=True)],
    ),
)
class PlanViewSet(RecordViewSet):
    """Yearly plans. Their status changes only through the workflow actions (submit, approve, return, start,
    close, unlock, open-revision, close-revision); an approved plan's content changes inside an open revision."""

    queryset = Plan.objects.none()
    serializer_class = serializers.PlanSerializer
    write_serializer_class = serializers.PlanWriteSerializer
    filterset_class = filtersets.PlanFilterSet
    ordering_fields = {
        "year": "year", "number": "number", "title": "title", "agency": "issuing_agency__name",
        "issued": "issued_on", "status": "status",
    }
    default_ordering = "-year"
    select_related = ("issuing_agency", "copied_from")
    record_actions = ("submit", "approve", "return_plan", "start", "close", "unlock", "open_revision", "close_revision")

    def prefetch_for(self, user) -> tuple:
        return (
            # Guiding documents are for department staff and leaders: partner users see a plan without them.
            Prefetch("legal_bases", queryset=Directive.objects.for_user(user)),
            Prefetch(
                "revisions",
                queryset=PlanRevision.objects.filter(closed_at__isnull=True).select_related("opened_by"),
                to_attr="open_revisions",
            ),
        )

    def perform_destroy(self, plan):
        services.delete_plan(plan, by=self.request.user)

    submit = plan_action("submit", _("Submit for approval"), _("A draft plan goes to the leaders (department officers)."))
    approve = plan_action("approve", _("Approve"), _("A leader approves a submitted plan."))
    return_plan = plan_action(
        "return", _("Return with comments"), _("A leader returns a submitted plan to draft; `comment` is required.")
    )
    start = plan_action("start", _("Mark as in progress"), _("An approved plan is being carried out."))
    close = plan_action("close", _("Close the year"), _("The plan becomes read-only unless a leader unlocks it."))
    unlock = plan_action(
        "unlock", _("Unlock the year"), _("A leader reopens a closed year; `comment` (the reason) is required.")
    )
    open_revision = plan_action(
        "open_revision", _("Open a revision"),
        _("Open a recorded revision of an approved plan so that its content can change; `comment` is required."),
    )
    close_revision = plan_action("close_revision", _("Close the revision"), _("The plan is frozen again."))


class TaskFilterSet(SearchFilterSet):
    """Tasks have no list page of their own (they are the groups of a plan's page), so there is no HTML FilterSet to
    share; this one filters by plan and year."""

    search_fields = ("title", "description")

    plan = django_filters.ModelChoiceFilter(queryset=in_scope(Plan), label=_("Plan"))
    year = YearFilter(field_name="plan__year", label=_("Year"))

    class Meta:
        model = Task
        fields = ["q", "plan", "year"]


class TaskViewSet(RecordViewSet):
    queryset = Task.objects.none()
    serializer_class = serializers.TaskSerializer
    write_serializer_class = serializers.TaskWriteSerializer
    filterset_class = TaskFilterSet
    ordering_fields = {"year": "plan__year", "number": ("plan__year", "number"), "title": "title"}
    select_related = ("plan",)

    def perform_destroy(self, task):
        services.delete_task(task, by=self.request.user)


ACTIVITY_EXAMPLE = {
    "task": 1,
    "content": "Tổ chức gặp mặt kỷ niệm 60 năm Ngày thiết lập quan hệ ngoại giao Việt Nam – Lào",
    "lead_agency": 1,
    "coordinating_agencies": [2, 3],
    "quarter": 3,
    "budget_amount": "150000000",
    "budget_source": "state_budget",
    "expected_result": "100 đại biểu tham dự",
    "countries": [1],
}


@extend_schema_view(
    create=extend_schema(examples=[OpenApiExample("Activity", value=ACTIVITY_EXAMPLE, request_only=True)]),
)
class ActivityViewSet(RecordViewSet):
    """Activities with their lead and coordinating agencies. Status and progress change with `set-status`."""

    queryset = Activity.objects.none()
    serializer_class = serializers.ActivitySerializer
    write_serializer_class = serializers.ActivityWriteSerializer
    filterset_class = filtersets.ActivityFilterSet
    ordering_fields = {
        "year": "task__plan__year", "task": "task__number", "lead": "lead_agency__name", "quarter": "quarter",
        "budget": "budget_amount", "status": "status", "progress": "progress",
    }
    select_related = ("task__plan", "lead_agency")
    prefetch_related = ("coordinating_agencies", "countries")
    record_actions = ("set_status",)

    def prefetch_for(self, user) -> tuple:
        # Partners and agreements are for department staff and leaders; partner users see the activity without them.
        return (
            Prefetch("partners", queryset=ForeignPartner.objects.for_user(user)),
            Prefetch("agreements", queryset=Agreement.objects.for_user(user)),
        )

    def perform_destroy(self, activity):
        services.delete_activity(activity, by=self.request.user)

    @extend_schema(
        request=serializers.ActivityStatusSerializer,
        summary=_("Set status and progress"),
        description=_(
            "Record where an activity of an approved or running plan stands; a status change must be one its "
            "workflow allows (see `allowed_transitions`)."
        ),
    )
    @action(detail=True, methods=["post"], url_path="set-status", permission_classes=WORKFLOW_PERMISSIONS)
    def set_status(self, request, pk=None):
        activity = self.get_object()
        body = serializers.ActivityStatusSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        services.set_activity_status(activity, data["status"], data["progress"], by=request.user, comment=data["comment"])
        return Response(self.read_representation(activity))


class ReportingPeriodViewSet(ReferenceViewSet):
    queryset = ReportingPeriod.objects.none()
    serializer_class = serializers.ReportingPeriodSerializer
    ordering_fields = {"year": "year", "due": "due_on"}


class ProgressUpdateViewSet(RecordViewSet):
    """Progress updates are append-only: created and read, never edited or deleted (a correction is a new one).
    Their review (accept / return) belongs to the review queue."""

    http_method_names = ["get", "post", "head", "options"]
    queryset = ProgressUpdate.objects.none()
    serializer_class = serializers.ProgressUpdateSerializer
    write_serializer_class = serializers.ProgressUpdateWriteSerializer
    filterset_class = filtersets.ProgressUpdateFilterSet
    ordering_fields = {
        "created": "created_at", "period": "period__ends_on", "agency": "agency__name", "progress": "progress",
        "status": "status",
    }
    default_ordering = "-created"
    select_related = ("activity", "period", "agency", "author", "reviewed_by")
