"""The plan editor: the appendix table of tasks and activities, edited in place.

Every URL here serves two clients. With HTMX it answers a fragment that is swapped into the editor (a form row, an
activity row, a task's group of rows, the whole appendix). Without JavaScript it answers a full page or a redirect
back to the editor. Every change is made by a function of `plans.services`, which applies the editing rules.
"""

from __future__ import annotations

from functools import cached_property

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic.detail import SingleObjectMixin

from doingoai.views import (
    ConcurrencySafeUpdateView,
    EditorRequiredMixin,
    RecordCreateView,
    ScopedDetailView,
    ScopedMixin,
)

from .. import services
from ..forms import ActivityForm, TaskForm
from ..models import Activity, Plan, Task
from .common import (
    PlansFormMixin,
    ServiceErrorsMixin,
    appendix,
    completion_by_task,
    editing_context,
    editor_url,
    error_messages,
    render_appendix,
    render_task,
)

ROW_RELATED = ("lead_agency", "source_activity__task__plan", "task__plan")


class PlanEditorView(EditorRequiredMixin, ScopedDetailView):
    """The editor page. With HTMX, `?task=<id>`, `?task_row=<id>` or `?activity=<id>` answer that part of the table
    as it is now: what a "cancel" button puts back in place of an inline form."""

    model = Plan
    select_related = ("issuing_agency", "copied_from")
    template_name = "plans/plan_editor.html"

    def get(self, request, *args, **kwargs):
        if request.htmx:
            wanted = {name: request.GET.get(name, "") for name in ("task", "task_row", "activity")}
            if any(value.isdigit() for value in wanted.values()):
                return self.fragment(request, **wanted)
        return super().get(request, *args, **kwargs)

    def fragment(self, request, *, task: str, task_row: str, activity: str):
        plan = self.get_object()
        if task.isdigit():
            return render_task(request, get_object_or_404(Task, plan=plan, pk=task))
        context = editing_context(plan, request.user)
        if task_row.isdigit():
            tasks, _totals = appendix(plan, request.user, task_ids=[int(task_row)])
            if not tasks:
                raise Http404
            context["task"] = tasks[0]
            return render(request, "plans/editor/_task_header.html", context)
        row = get_object_or_404(
            Activity.objects.select_related(*ROW_RELATED).prefetch_related("coordinating_agencies"),
            task__plan=plan, pk=activity,
        )
        context.update(activity=row, task=row.task)
        return render(request, "plans/editor/_activity_row.html", context)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(editing_context(self.object, self.request.user))
        tasks, totals = appendix(self.object, self.request.user)
        context.update(tasks=tasks, totals=totals, tab="editor", page_label=_("Editor"))
        return context


# Tasks ---------------------------------------------------------------------------------------------------------------


class TaskFormMixin(ServiceErrorsMixin):
    model = Task
    form_class = TaskForm
    htmx_template_name = "plans/editor/_task_form.html"
    page_template_name = "plans/editor_form.html"
    success_message = _("The task was saved.")

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        if self.request.htmx:
            # Several inline forms can be open at once: their fields need ids of their own.
            kwargs["auto_id"] = f"{self.get_form_id()}-%s"
        return kwargs

    def save_form(self, form):
        task = form.save(commit=False)
        return services.save_task(task, by=self.request.user, reason=form.cleaned_data.get("change_reason", ""))

    def get_success_url(self):
        return editor_url(self.object.plan_id, f"task-{self.object.pk}")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(editing_context(self.plan, self.request.user))
        context.update(task=self.object, form_id=self.get_form_id())
        return context


class TaskCreateView(TaskFormMixin, PlansFormMixin, RecordCreateView):
    @cached_property
    def plan(self) -> Plan:
        return get_object_or_404(Plan.objects.for_user(self.request.user), pk=self.kwargs["plan_pk"])

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = Task(plan=self.plan)
        return kwargs

    def get_form_id(self) -> str:
        return "task-form-new"

    def htmx_success(self):
        return render_task(self.request, self.object)


class TaskUpdateView(TaskFormMixin, ConcurrencySafeUpdateView, PlansFormMixin):
    select_related = ("plan",)

    @property
    def plan(self) -> Plan:
        return self.object.plan

    def get_form_id(self) -> str:
        return f"task-form-{self.object.pk}"

    def htmx_success(self):
        tasks, _totals = appendix(self.object.plan, self.request.user, task_ids=[self.object.pk])
        context = editing_context(self.object.plan, self.request.user)
        context["task"] = tasks[0]
        return render(self.request, "plans/editor/_task_header.html", context)


class EditorActionView(EditorRequiredMixin, ScopedMixin, SingleObjectMixin, View):
    """A POST that changes the appendix (move, delete, reorder) and answers the part of the editor it changed.

    A refusal is shown in the editor's alert area (HTMX) or as a message on the editor page.
    """

    http_method_names = ["post"]
    success_message = ""

    def perform(self, record) -> None:
        raise NotImplementedError

    def respond(self, record, alerts=()):
        raise NotImplementedError

    def plan_of(self, record) -> Plan:
        raise NotImplementedError

    def post(self, request, *args, **kwargs):
        record = self.object = self.get_object()
        plan_id = self.plan_of(record).pk
        alerts = ()
        try:
            self.perform(record)
        except ValidationError as error:
            alerts = error_messages(error)
        if request.htmx:
            return self.respond(record, alerts)
        for alert in alerts:
            messages.error(request, alert)
        if not alerts and self.success_message:
            messages.success(request, self.success_message)
        return HttpResponseRedirect(editor_url(plan_id, self.anchor(record)))

    def anchor(self, record) -> str:
        return ""

    @staticmethod
    def offset(request) -> int:
        return -1 if request.POST.get("direction") == "up" else 1


class TaskMoveView(EditorActionView):
    model = Task
    select_related = ("plan",)

    def plan_of(self, record):
        return record.plan

    def perform(self, record):
        services.move_task(record, self.offset(self.request), by=self.request.user)

    def respond(self, record, alerts=()):
        return render_appendix(self.request, record.plan, alerts=alerts)

    def anchor(self, record):
        return f"task-{record.pk}"


class TaskDeleteView(EditorActionView):
    """GET asks for confirmation (a page, for browsers without JavaScript); POST deletes an empty task."""

    http_method_names = ["get", "post"]
    model = Task
    select_related = ("plan",)
    success_message = _("The task was deleted.")

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        return render(request, "core/confirm_delete.html", {"object": self.object, "opts": Task._meta})

    def plan_of(self, record):
        return record.plan

    def perform(self, record):
        services.delete_task(record, by=self.request.user)

    def respond(self, record, alerts=()):
        return render_appendix(self.request, record.plan, alerts=alerts)


# Activities ----------------------------------------------------------------------------------------------------------


def render_saved_activity(request, activity: Activity, *, replaced: str):
    """The saved activity's row in place of its form, with its task's heading and the plan's totals refreshed."""
    activity = (
        Activity.objects.select_related(*ROW_RELATED).prefetch_related("coordinating_agencies").get(pk=activity.pk)
    )
    task = activity.task
    by_task, _totals = completion_by_task(Activity.objects.filter(task=task))
    _by_plan, totals = completion_by_task(Activity.objects.filter(task__plan_id=task.plan_id))
    task.completion = by_task.get(task.pk)
    context = editing_context(task.plan, request.user)
    context.update(activity=activity, task=task, totals=totals, replaced=replaced)
    return render(request, "plans/editor/_activity_saved.html", context)


class ActivityFormMixin(ServiceErrorsMixin):
    model = Activity
    form_class = ActivityForm
    htmx_template_name = "plans/editor/_activity_form.html"
    page_template_name = "plans/editor_form.html"
    success_message = _("The activity was saved.")

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs.update(user=self.request.user, plan=self.plan)
        if self.request.htmx:
            kwargs["auto_id"] = f"{self.get_form_id()}-%s"
        return kwargs

    def save_form(self, form):
        activity = form.save(commit=False)
        data = form.cleaned_data
        return services.save_activity(
            activity, by=self.request.user, coordinating_agencies=data["coordinating_agencies"],
            countries=data["countries"], partners=data["partners"], agreements=data["agreements"],
            reason=data.get("change_reason", ""),
        )

    def get_success_url(self):
        return editor_url(self.plan.pk, f"activity-{self.object.pk}")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(editing_context(self.plan, self.request.user))
        context.update(task=self.task, form_id=self.get_form_id())
        return context


class ActivityCreateView(ActivityFormMixin, PlansFormMixin, RecordCreateView):
    @cached_property
    def task(self) -> Task:
        tasks = Task.objects.for_user(self.request.user).select_related("plan")
        return get_object_or_404(tasks, pk=self.kwargs["task_pk"])

    @property
    def plan(self) -> Plan:
        return self.task.plan

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = Activity(task=self.task)
        return kwargs

    def get_form_id(self) -> str:
        return f"activity-form-new-{self.task.pk}"

    def htmx_success(self):
        if self.object.task_id != self.task.pk:
            response = render_appendix(self.request, self.plan)
            response["HX-Retarget"] = "#appendix"
            return response
        return render_saved_activity(self.request, self.object, replaced=f"activity-form-new-{self.task.pk}")


class ActivityUpdateView(ActivityFormMixin, ConcurrencySafeUpdateView, PlansFormMixin):
    select_related = ("task__plan",)

    def get_object(self, queryset=None):
        activity = super().get_object(queryset)
        self.task = activity.task
        return activity

    @property
    def plan(self) -> Plan:
        return self.task.plan

    def get_form_id(self) -> str:
        return f"activity-form-{self.object.pk}"

    def htmx_success(self):
        if self.object.task_id != self.task.pk:
            response = render_appendix(self.request, self.plan)
            response["HX-Retarget"] = "#appendix"
            return response
        return render_saved_activity(self.request, self.object, replaced=f"activity-form-{self.object.pk}")


class ActivityEditorActionView(EditorActionView):
    model = Activity
    select_related = ("task__plan",)

    def plan_of(self, record):
        return record.task.plan

    def respond(self, record, alerts=()):
        return render_task(self.request, record.task, alerts=alerts)

    def anchor(self, record):
        return f"task-{record.task_id}"


class ActivityMoveView(ActivityEditorActionView):
    def perform(self, record):
        services.move_activity(record, self.offset(self.request), by=self.request.user)


class ActivityDeleteView(ActivityEditorActionView):
    """GET asks for confirmation (a page, for browsers without JavaScript); POST deletes the activity."""

    http_method_names = ["get", "post"]
    success_message = _("The activity was deleted.")

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        return render(request, "core/confirm_delete.html", {"object": self.object, "opts": Activity._meta})

    def perform(self, record):
        services.delete_activity(record, by=self.request.user)


class ActivityReorderView(EditorActionView):
    """Drag and drop: POST `order` (the task's activity ids, comma-separated, in their new order)."""

    model = Task
    select_related = ("plan",)

    def plan_of(self, record):
        return record.plan

    def perform(self, record):
        raw = self.request.POST.get("order", "")
        ids = [part for part in raw.split(",") if part.strip()]
        if not all(part.strip().isdigit() for part in ids):
            raise ValidationError(_("The new order could not be read. Reload the page and try again."))
        services.reorder_activities(record, ids, by=self.request.user)

    def respond(self, record, alerts=()):
        return render_task(self.request, record, alerts=alerts)

    def anchor(self, record):
        return f"task-{record.pk}"
