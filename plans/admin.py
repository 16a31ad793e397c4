"""Admin for directives, plans, tasks, activities and progress reporting (history kept by simple-history).

Statuses are read-only once a record exists: they change through `doingoai.core.services.transition`, which checks
the workflow and logs who changed what. Models from `partners` are picked by id (raw_id_fields) so this admin does
not depend on how the partners admin is set up.
"""

from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Activity, ActivityCoordination, Directive, Plan, ProgressUpdate, ReportingPeriod, Task


class StatusReadOnlyOnChangeMixin:
    """The workflow status is set on creation and changed afterwards only by the transition service."""

    def get_readonly_fields(self, request, obj=None):
        readonly = tuple(super().get_readonly_fields(request, obj))
        return (*readonly, "status") if obj is not None else readonly


@admin.register(Directive)
class DirectiveAdmin(SimpleHistoryAdmin):
    list_display = ("code", "kind", "issuer", "issued_on", "title", "parent", "superseded_by")
    list_filter = ("kind", "issuer")
    search_fields = ("code", "title", "issuer", "summary")
    autocomplete_fields = ("parent", "superseded_by")
    date_hierarchy = "issued_on"
    list_select_related = ("parent", "superseded_by")


class TaskInline(admin.StackedInline):
    model = Task
    extra = 0
    fields = ("number", "title", "description")
    show_change_link = True


@admin.register(Plan)
class PlanAdmin(StatusReadOnlyOnChangeMixin, SimpleHistoryAdmin):
    list_display = ("year", "number", "title", "issuing_agency", "issued_on", "status")
    list_filter = ("year", "kind", "status")
    search_fields = ("number", "title", "signer")
    raw_id_fields = ("issuing_agency",)
    autocomplete_fields = ("legal_bases", "copied_from")
    list_select_related = ("issuing_agency",)
    inlines = [TaskInline]


class ActivityInline(admin.TabularInline):
    model = Activity
    extra = 0
    fields = ("number", "content", "lead_agency", "quarter", "month", "budget_amount", "budget_source", "status",
              "progress")
    readonly_fields = ("status",)
    raw_id_fields = ("lead_agency",)
    show_change_link = True


@admin.register(Task)
class TaskAdmin(SimpleHistoryAdmin):
    list_display = ("number", "title", "plan")
    list_filter = ("plan__year",)
    search_fields = ("title", "description", "plan__title", "plan__number")
    autocomplete_fields = ("plan",)
    list_select_related = ("plan",)
    inlines = [ActivityInline]


class ActivityCoordinationInline(admin.TabularInline):
    model = ActivityCoordination
    extra = 0
    raw_id_fields = ("agency",)


@admin.register(Activity)
class ActivityAdmin(StatusReadOnlyOnChangeMixin, SimpleHistoryAdmin):
    list_display = ("__str__", "task", "lead_agency", "quarter", "budget_amount", "status", "progress")
    list_filter = ("task__plan__year", "status", "quarter", "budget_source")
    search_fields = ("content", "expected_result", "notes", "task__title")
    autocomplete_fields = ("task", "source_activity")
    raw_id_fields = ("lead_agency", "countries", "partners", "agreements")
    list_select_related = ("task", "lead_agency")
    inlines = [ActivityCoordinationInline]


@admin.register(ActivityCoordination)
class ActivityCoordinationAdmin(admin.ModelAdmin):
    list_display = ("activity", "agency")
    search_fields = ("activity__content",)
    autocomplete_fields = ("activity",)
    raw_id_fields = ("agency",)
    list_select_related = ("activity", "agency")


@admin.register(ReportingPeriod)
class ReportingPeriodAdmin(SimpleHistoryAdmin):
    list_display = ("__str__", "year", "kind", "starts_on", "ends_on", "due_on", "is_locked")
    list_filter = ("year", "kind", "is_locked")
    search_fields = ("year",)


@admin.register(ProgressUpdate)
class ProgressUpdateAdmin(SimpleHistoryAdmin):
    """Progress updates are append-only: the admin creates and shows them; reviews go through the service."""

    list_display = ("activity", "period", "agency", "activity_status", "progress", "status", "created_at")
    list_filter = ("period", "status", "activity_status")
    search_fields = ("narrative", "activity__content", "agency__name")
    autocomplete_fields = ("activity", "period")
    raw_id_fields = ("agency", "author", "reviewed_by")
    list_select_related = ("activity", "period", "agency")

    def has_change_permission(self, request, obj=None):
        return obj is None and super().has_change_permission(request, obj)
