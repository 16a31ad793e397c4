"""A plan's workflow steps and revisions, copying it to the next year, what changed since a date, activity status."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView

from doingoai.core.services import transitions_of
from doingoai.views import EditorRequiredMixin, ScopedMixin

from .. import services
from ..changes import plan_changes_since
from ..forms import ActivityStatusForm, ChangesSinceForm, WorkflowForm
from ..models import Activity, Plan
from .browse import ActivityDetailView
from .common import add_service_error, editing_context, editor_url

DONE_MESSAGES = {
    "submit": _("The plan was submitted for approval."),
    "approve": _("The plan was approved."),
    "return": _("The plan was returned to draft with your comments."),
    "start": _("The plan is now in progress."),
    "close": _("The year is closed: the plan is now read-only."),
    "unlock": _("The year was unlocked; a revision is open for the corrections."),
    "open_revision": _("A revision is open: the plan can be changed, and every change is recorded with it."),
    "close_revision": _("The revision was closed."),
}


def safe_next(request, default: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return default


class PlanWorkflowView(ScopedMixin, DetailView):
    """The plan's workflow: the steps the user may take now (POST `action` + `comment`) and what happened so far.

    Role checks are in the services (above the role: 403). A refused step shows the page again with the comment kept.
    """

    model = Plan
    select_related = ("issuing_agency",)
    template_name = "plans/plan_workflow.html"

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if user.is_authenticated and not (user.can_edit_records or user.can_approve):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(editing_context(self.object, self.request.user))
        context.setdefault("form", WorkflowForm())
        context.update(
            transitions=transitions_of(self.object),
            revisions=self.object.revisions.select_related("opened_by", "closed_by"),
            next=safe_next(self.request, ""),
            tab="workflow",
        )
        return context

    def post(self, request, *args, **kwargs):
        plan = self.object = self.get_object()
        form = WorkflowForm(request.POST)
        action = request.POST.get("action", "")
        if form.is_valid():
            try:
                services.take_action(plan, action, by=request.user, comment=form.cleaned_data["comment"])
            except ValidationError as error:
                add_service_error(form, error)
            else:
                messages.success(request, DONE_MESSAGES.get(action, _("Done.")))
                return HttpResponseRedirect(safe_next(request, plan.get_absolute_url()))
        plan.refresh_from_db()
        return self.render_to_response(self.get_context_data(form=form, chosen_action=action))


class PlanCopyView(EditorRequiredMixin, ScopedMixin, DetailView):
    """Copy a plan to the next year: GET explains what will be copied, POST copies."""

    model = Plan
    select_related = ("issuing_agency",)
    template_name = "plans/plan_copy.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        plan = self.object
        activities = Activity.objects.filter(task__plan=plan)
        context.update(
            next_year=plan.year + 1,
            existing=Plan.objects.filter(year=plan.year + 1, issuing_agency_id=plan.issuing_agency_id).first(),
            task_count=plan.tasks.count(),
            copied_count=activities.exclude(status__in=[Activity.Status.DONE, Activity.Status.CANCELLED]).count(),
            left_count=activities.filter(status__in=[Activity.Status.DONE, Activity.Status.CANCELLED]).count(),
        )
        return context

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        try:
            copy = services.copy_plan_to_next_year(self.object, by=request.user)
        except ValidationError as error:
            context = self.get_context_data(object=self.object)
            context["errors"] = error.messages
            return self.render_to_response(context)
        messages.success(
            request,
            _("The %(year)s draft was created from this plan: check it, then submit it.") % {"year": copy.year},
        )
        return redirect(editor_url(copy.pk))


class PlanChangesView(ScopedMixin, DetailView):
    """What changed in a plan since a date (`?since=YYYY-MM-DD`), built from the history. Staff, leaders, admins."""

    model = Plan
    select_related = ("issuing_agency",)
    template_name = "plans/plan_changes.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not request.user.sees_everything:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def default_since(self, transitions) -> datetime.date:
        approvals = [change.at for change in transitions if change.to_status == Plan.Status.APPROVED]
        moment = approvals[0] if approvals else self.object.created_at
        return timezone.localtime(moment).date()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        plan = self.object
        transitions = transitions_of(plan)
        form = ChangesSinceForm(self.request.GET or None)
        if form.is_valid():
            since = form.cleaned_data["since"]
        else:
            # No date, or one that could not be read (the form says so): since the approval, or the creation.
            since = self.default_since(transitions)
            if not form.is_bound:
                form = ChangesSinceForm(initial={"since": since})
        moment = timezone.make_aware(datetime.datetime.combine(since, datetime.time.min))
        revisions = list(plan.revisions.all())
        shortcuts = [(_("since approval"), timezone.localtime(change.at).date())
                     for change in transitions if change.to_status == Plan.Status.APPROVED][:1]
        shortcuts += [(_("since revision %(number)s") % {"number": revision.number},
                       timezone.localtime(revision.opened_at).date()) for revision in revisions[:3]]
        context.update(editing_context(plan, self.request.user))
        context.update(
            form=form, since=since, changes=plan_changes_since(plan, moment), shortcuts=shortcuts, tab="changes",
        )
        return context


class ActivityStatusView(EditorRequiredMixin, ActivityDetailView):
    """Record an activity's status and progress (follow-up of an approved plan). The form is on the detail page."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        activity = self.object = self.get_object()
        form = ActivityStatusForm(request.POST, activity=activity)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.set_activity_status(
                    activity, data["status"], data["progress"], by=request.user, comment=data["comment"]
                )
            except ValidationError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("The activity's status was recorded."))
                return redirect(activity.get_absolute_url())
        activity.refresh_from_db()
        return self.render_to_response(self.get_context_data(status_form=form))
