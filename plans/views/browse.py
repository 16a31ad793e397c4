"""Pages for guiding documents, plans, their activities and the progress reported on them.

What a record says about itself (its agencies, countries, legal bases…) is shown with it; other records that point
at it (activities of a plan, delegations of an activity, plans citing a directive…) are read through their own
`for_user`, so a partner user sees only those in scope.
"""

from __future__ import annotations

from django.db.models import Avg, Count, Q, Sum

from doingoai.core.services import transitions_of
from doingoai.views import FilteredListView, ScopedDetailView

from .. import filtersets
from ..forms import ActivityStatusForm
from ..models import Activity, Directive, Plan, ProgressUpdate
from ..progress import may_report_progress
from .common import appendix, editing_context

# A cascade deeper than this is a data error (a cycle); the page shows this many levels and stops.
MAX_CASCADE_DEPTH = 10


class DirectiveListView(FilteredListView):
    model = Directive
    filterset_class = filtersets.DirectiveFilterSet
    select_related = ("parent", "superseded_by")
    sort_fields = {"code": "code", "kind": "kind", "issuer": "issuer", "issued": "issued_on"}
    default_sort = "-issued"


class DirectiveDetailView(ScopedDetailView):
    model = Directive
    select_related = ("parent__parent__parent", "superseded_by")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        directive = self.object
        ancestors, parent = [], directive.parent
        while parent is not None and len(ancestors) < MAX_CASCADE_DEPTH:
            ancestors.append(parent)
            parent = parent.parent
        visible = Directive.objects.for_user(user)
        context.update(
            ancestors=list(reversed(ancestors)),
            implementing_documents=visible.filter(parent=directive).select_related("superseded_by"),
            supersedes=visible.filter(superseded_by=directive),
            citing_plans=Plan.objects.for_user(user).filter(legal_bases=directive).select_related("issuing_agency"),
        )
        return context


class PlanListView(FilteredListView):
    model = Plan
    filterset_class = filtersets.PlanFilterSet
    select_related = ("issuing_agency",)
    sort_fields = {
        "year": "year", "number": "number", "title": "title", "agency": "issuing_agency__name",
        "issued": "issued_on", "status": "status",
    }
    default_sort = "-year"


def completion_by_lead_agency(activities) -> list[dict]:
    """Per lead agency: how many activities it leads, how many are done, average progress, budget."""
    return list(
        activities.order_by()
        .values("lead_agency_id", "lead_agency__name")
        .annotate(
            total=Count("pk"), done=Count("pk", filter=Q(status=Activity.Status.DONE)),
            average_progress=Avg("progress"), budget=Sum("budget_amount"),
        )
        .order_by("-total", "lead_agency__name")
    )


class PlanDetailView(ScopedDetailView):
    """The plan as a whole: header, legal bases, the appendix grouped by task, completion, workflow and revisions."""

    model = Plan
    select_related = ("issuing_agency", "copied_from")
    prefetch_related = ("legal_bases",)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        tasks, totals = appendix(self.object, user)
        context.update(editing_context(self.object, user))
        context.update(
            tasks=tasks,
            totals=totals,
            by_lead_agency=completion_by_lead_agency(Activity.objects.for_user(user).filter(task__plan=self.object)),
            tab="detail",
        )
        if user.sees_everything:
            context.update(
                transitions=transitions_of(self.object),
                revisions=self.object.revisions.select_related("opened_by", "closed_by"),
            )
        return context


class ActivityListView(FilteredListView):
    model = Activity
    filterset_class = filtersets.ActivityFilterSet
    select_related = ("task__plan", "lead_agency")
    prefetch_related = ("coordinating_agencies",)
    sort_fields = {
        "year": "task__plan__year", "task": "task__number", "lead": "lead_agency__name", "quarter": "quarter",
        "budget": "budget_amount", "status": "status", "progress": "progress",
    }


def scoped_reverse(field_name: str, user):
    """The records of a reverse relation of Activity that `user` may see.

    Delegations and aid projects depend on plans, not the other way round: the related model is looked up
    through the relation instead of imported.
    """
    return Activity._meta.get_field(field_name).related_model.objects.for_user(user)


class ActivityDetailView(ScopedDetailView):
    model = Activity
    select_related = ("task__plan__issuing_agency", "lead_agency", "source_activity")
    prefetch_related = ("coordinating_agencies", "countries", "partners", "agreements")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        activity = self.object
        context.update(
            delegations=scoped_reverse("delegations", user)
            .filter(plan_activity=activity)
            .prefetch_related("countries"),
            aid_projects=scoped_reverse("aid_projects", user).filter(plan_activities=activity).select_related("donor"),
            progress_updates=ProgressUpdate.objects.for_user(user)
            .filter(activity=activity)
            .select_related("period", "agency", "author", "reviewed_by"),
            copies=Activity.objects.for_user(user).filter(source_activity=activity).select_related("task__plan"),
        )
        plan = activity.task.plan
        context["may_report"] = may_report_progress(user, activity)
        if user.can_edit_records and plan.status in (Plan.Status.APPROVED, Plan.Status.IN_PROGRESS):
            context.setdefault("status_form", ActivityStatusForm(activity=activity))
        if user.can_edit_records:
            context.update(editing_context(plan, user))
        return context


class ProgressUpdateListView(FilteredListView):
    model = ProgressUpdate
    filterset_class = filtersets.ProgressUpdateFilterSet
    select_related = ("activity__task__plan", "period", "agency", "author")
    sort_fields = {
        "created": "created_at", "period": "period__ends_on", "agency": "agency__name", "progress": "progress",
        "status": "status",
    }
    default_sort = "-created"


class ProgressUpdateDetailView(ScopedDetailView):
    model = ProgressUpdate
    select_related = ("activity__task__plan", "activity__lead_agency", "period", "agency", "author", "reviewed_by")
