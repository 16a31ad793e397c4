"""Create, edit, delete and history pages of guiding documents and plans; history of tasks and activities."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.utils.translation import gettext_lazy as _

from doingoai.core.history import FieldChange, HistoryEntry
from doingoai.views import ConcurrencySafeUpdateView, RecordCreateView, RecordDeleteView, RecordHistoryView

from .. import services
from ..forms import DirectiveForm, PlanForm
from ..models import Activity, ActivityCoordination, Directive, Plan, Task
from .common import PlansFormMixin, ServiceErrorsMixin, editing_context, editor_url

# Guiding documents ---------------------------------------------------------------------------------------------------


class DirectiveFormMixin(ServiceErrorsMixin):
    model = Directive
    form_class = DirectiveForm
    success_message = _("The document was saved.")

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["user"] = self.request.user
        return kwargs


class DirectiveCreateView(DirectiveFormMixin, PlansFormMixin, RecordCreateView):
    pass


class DirectiveUpdateView(DirectiveFormMixin, ConcurrencySafeUpdateView, PlansFormMixin):
    pass


class DirectiveDeleteView(RecordDeleteView):
    model = Directive
    success_url_name = "plans:directive_list"

    def form_valid(self, form):
        try:
            services.delete_directive(self.object, by=self.request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(self.request, message)
            return HttpResponseRedirect(self.object.get_absolute_url())
        messages.success(self.request, _("“%(record)s” was deleted.") % {"record": self.object})
        return HttpResponseRedirect(self.get_success_url())


# Plans ---------------------------------------------------------------------------------------------------------------


class PlanFormMixin(ServiceErrorsMixin):
    model = Plan
    form_class = PlanForm
    success_message = _("The plan was saved.")

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["user"] = self.request.user
        return kwargs

    def save_form(self, form):
        plan = form.save(commit=False)
        services.save_plan(plan, by=self.request.user, reason=form.cleaned_data.get("change_reason", ""))
        form.save_m2m()
        return plan

    def get_success_url(self):
        return editor_url(self.object.pk)


class PlanCreateView(PlanFormMixin, PlansFormMixin, RecordCreateView):
    success_message = _("The plan was created as a draft: add its tasks and activities.")


class PlanUpdateView(PlanFormMixin, ConcurrencySafeUpdateView, PlansFormMixin):
    select_related = ("issuing_agency",)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(editing_context(self.object, self.request.user))
        return context


class PlanDeleteView(RecordDeleteView):
    model = Plan
    success_url_name = "plans:plan_list"

    def form_valid(self, form):
        try:
            services.delete_plan(self.object, by=self.request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(self.request, message)
            return HttpResponseRedirect(self.object.get_absolute_url())
        messages.success(self.request, _("“%(record)s” was deleted.") % {"record": self.object})
        return HttpResponseRedirect(self.get_success_url())


# History -------------------------------------------------------------------------------------------------------------


class DirectiveHistoryView(RecordHistoryView):
    model = Directive
    template_name = "plans/record_history.html"


class PlanHistoryView(RecordHistoryView):
    model = Plan
    select_related = ("issuing_agency",)
    template_name = "plans/plan_history.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(editing_context(self.object, self.request.user))
        context.update(revisions=self.object.revisions.select_related("opened_by", "closed_by"), tab="history")
        return context


class TaskHistoryView(RecordHistoryView):
    model = Task
    select_related = ("plan",)
    template_name = "plans/record_history.html"


class ActivityHistoryView(RecordHistoryView):
    """An activity's history, with the coordinating agencies added and removed shown among its own changes."""

    model = Activity
    select_related = ("task__plan",)
    template_name = "plans/record_history.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        label = Activity._meta.get_field("coordinating_agencies").verbose_name
        versions = (
            ActivityCoordination.history.filter(activity_id=self.object.pk)
            .select_related("history_user", "agency")
            .order_by("-history_date", "-history_id")[: self.history_limit]
        )
        added, removed = _("Agency added"), _("Agency removed")
        entries = [
            HistoryEntry(
                at=version.history_date,
                user=version.history_user,
                kind=removed if version.history_type == "-" else added,
                reason=version.history_change_reason or "",
                changes=[
                    FieldChange(label, "—", version.agency) if version.history_type != "-"
                    else FieldChange(label, version.agency, "—")
                ],
            )
            for version in versions
            if version.history_type in ("+", "-")
        ]
        merged = sorted(context["history"] + entries, key=lambda entry: entry.at, reverse=True)
        context["history"] = merged[: self.history_limit]
        return context
