"""Helpers shared by the plans pages: saving through services, HTMX responses and the appendix table."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db.models import Avg, Count, Prefetch, Q, Sum
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse

from doingoai.core.models import StateTransition
from doingoai.views import RecordFormMixin

from .. import services
from ..models import Activity, Plan, Task


def add_service_error(form, error: ValidationError) -> None:
    """Show a refusal from a service on the form: on its field when the form has one, else above the form."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)


def error_messages(error: ValidationError) -> list[str]:
    return list(error.messages)


class ServiceErrorsMixin:
    """A refusal raised by a service while saving is shown on the form, with everything the user typed kept."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError as error:
            add_service_error(form, error)
            return self.form_invalid(form)


class PlansFormMixin(RecordFormMixin):
    """Saves through `save_form` (which calls a service); HTMX requests get a fragment instead of a redirect.

    Placed after `ConcurrencySafeUpdateView` / before `RecordCreateView` in a view's bases, so that the shared
    version check runs first and this decides the answer.
    """

    htmx_template_name = ""
    page_template_name = "plans/record_form.html"

    def get_template_names(self):
        if self.request.htmx and self.htmx_template_name:
            return [self.htmx_template_name]
        return [self.page_template_name]

    def form_valid(self, form):
        self.object = self.save_form(form)
        if self.request.htmx and self.htmx_template_name:
            return self.htmx_success()
        messages.success(self.request, self.success_message)
        return HttpResponseRedirect(self.get_success_url())

    def htmx_success(self):
        raise NotImplementedError


def completion_by_task(activities) -> tuple[dict[int, dict], dict]:
    """Per task and for all of `activities`: how many there are, how many are done, average progress, budget."""
    measures = {
        "total": Count("pk"),
        "done": Count("pk", filter=Q(status=Activity.Status.DONE)),
        "average_progress": Avg("progress"),
        "budget": Sum("budget_amount"),
    }
    by_task = {row["task_id"]: row for row in activities.order_by().values("task_id").annotate(**measures)}
    return by_task, activities.aggregate(**measures)


EMPTY_COMPLETION = {"total": 0, "done": 0, "average_progress": None, "budget": None}


def appendix(plan: Plan, user, *, task_ids=None) -> tuple[list[Task], dict]:
    """The plan's tasks (or those in `task_ids`) with their activities visible to `user`, and the completion of each.

    A fixed number of queries, whatever the number of tasks and activities.
    """
    activities = Activity.objects.for_user(user).filter(task__plan=plan)
    tasks = (
        Task.objects.for_user(user)
        .filter(plan=plan)
        .order_by("number")
        .prefetch_related(
            Prefetch(
                "activities",
                queryset=activities.select_related("lead_agency", "source_activity__task__plan")
                .prefetch_related("coordinating_agencies")
                .order_by("number"),
            )
        )
    )
    if task_ids is not None:
        tasks = tasks.filter(pk__in=task_ids)
    tasks = list(tasks)
    by_task, totals = completion_by_task(activities)
    for task in tasks:
        task.completion = by_task.get(task.pk, EMPTY_COMPLETION)
    return tasks, totals


WORKFLOW_STEPS = (
    Plan.Status.DRAFT, Plan.Status.SUBMITTED, Plan.Status.APPROVED, Plan.Status.IN_PROGRESS, Plan.Status.CLOSED,
)


def editing_context(plan: Plan, user) -> dict:
    """What the plan pages need to show the editing rule and the workflow (two queries: revision, last step)."""
    revision = services.open_revision_of(plan)
    state = services.editing_state(plan, revision)
    actions = services.available_actions(plan, user, revision)
    current = WORKFLOW_STEPS.index(plan.status)
    labels = dict(Plan.Status.choices)
    last_transition = (
        StateTransition.objects.filter(content_type=ContentType.objects.get_for_model(Plan), object_id=plan.pk)
        .select_related("by")
        .first()
    )
    if last_transition is not None:
        last_transition.to_label = labels.get(last_transition.to_status, last_transition.to_status)
    return {
        "plan": plan,
        "state": state,
        "editable": state.editable and user.can_edit_records,
        "revision": revision,
        "actions": actions,
        "comment_required": any(action.comment_required for action in actions),
        "steps": [
            {"label": labels[status], "state": "done" if index < current else "current" if index == current else "todo"}
            for index, status in enumerate(WORKFLOW_STEPS)
        ],
        "last_transition": last_transition,
    }


def render_task(request, task: Task, *, alerts=(), status: int = 200):
    """The task's group of rows in the editor, with the plan's totals refreshed out of band."""
    plan = task.plan
    context = editing_context(plan, request.user)
    tasks, totals = appendix(plan, request.user, task_ids=[task.pk])
    context.update(task=tasks[0] if tasks else task, totals=totals, alerts=alerts, oob=True)
    return render(request, "plans/editor/_task_response.html", context, status=status)


def render_appendix(request, plan: Plan, *, alerts=(), status: int = 200):
    context = editing_context(plan, request.user)
    tasks, totals = appendix(plan, request.user)
    context.update(tasks=tasks, totals=totals, alerts=alerts)
    return render(request, "plans/editor/_appendix.html", context, status=status)


def editor_url(plan_id: int, anchor: str = "") -> str:
    url = reverse("plans:plan_editor", args=[plan_id])
    return f"{url}#{anchor}" if anchor else url
