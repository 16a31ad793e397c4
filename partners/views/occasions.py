"""Occasions (with their per-year dates) and the greetings sent for them."""

from __future__ import annotations

import datetime

from django.db.models import Prefetch

from doingoai.views import (
    ConcurrencySafeUpdateView,
    FilteredListView,
    RecordCreateView,
    ScopedDetailView,
)

from .. import filtersets, forms, services
from ..editing import (
    GuardedDeleteView,
    HistoryView,
    InlineFormsetsMixin,
    TransitionView,
    workflow_context,
)
from ..models import Greeting, Occasion


class OccasionListView(FilteredListView):
    model = Occasion
    filterset_class = filtersets.OccasionFilterSet
    select_related = ("country", "partner", "association", "agreement")
    sort_fields = {"month": "month", "title": "title", "kind": "kind", "country": "country__name_vi"}
    # No default sort: the model's ordering (month, day, title) is the calendar order a single column cannot give.
    default_sort = ""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        year = datetime.date.today().year
        context["year"] = year
        for occasion in context["object_list"]:
            occasion.anniversary_this_year = occasion.anniversary(year)
        return context


class OccasionDetailView(ScopedDetailView):
    model = Occasion
    select_related = ("country", "partner", "association", "agreement")
    prefetch_related = (
        "dates",
        Prefetch("greetings", queryset=Greeting.objects.select_related("recipient_contact", "assigned_to")),
    )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        year = datetime.date.today().year
        anniversary = self.object.anniversary(year)
        context["year"] = year
        context["anniversary"] = anniversary
        # Decree 145/2013: years ending in 0 are "round", in 5 "round-5"; both are marked with more than a letter.
        context["is_round_anniversary"] = bool(anniversary) and anniversary % 5 == 0
        return context


class OccasionFormsetsMixin(InlineFormsetsMixin):
    model = Occasion
    form_class = forms.OccasionForm
    formset_classes = {"dates": forms.OccasionDateFormSet}


class OccasionCreateView(OccasionFormsetsMixin, RecordCreateView):
    def get_initial(self):
        partner = self.request.GET.get("partner")
        return {"partner": partner} if partner else {}


class OccasionUpdateView(OccasionFormsetsMixin, ConcurrencySafeUpdateView):
    pass


class OccasionDeleteView(GuardedDeleteView):
    model = Occasion
    success_url_name = "partners:occasion_list"


class OccasionHistoryView(HistoryView):
    model = Occasion
    child_relations = {"dates": lambda row: str(row.year)}


class GreetingListView(FilteredListView):
    model = Greeting
    filterset_class = filtersets.GreetingFilterSet
    select_related = ("occasion", "recipient_contact", "assigned_to")
    sort_fields = {
        "year": "year",
        "occasion": "occasion__title",
        "form": "form",
        "recipient": "recipient",
        "status": "status",
        "sent": "sent_on",
    }
    default_sort = "-year"


class GreetingDetailView(ScopedDetailView):
    model = Greeting
    select_related = (
        "occasion",
        "occasion__country",
        "occasion__partner",
        "recipient_contact",
        "recipient_contact__partner",
        "assigned_to",
    )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(workflow_context(
            self.object, self.request.user, services.GREETING_WORKFLOW, "partners:greeting_transition"
        ))
        return context


class GreetingCreateView(InlineFormsetsMixin, RecordCreateView):
    model = Greeting
    form_class = forms.GreetingForm

    def get_initial(self):
        occasion = self.request.GET.get("occasion")
        return {"occasion": occasion, "year": datetime.date.today().year} if occasion else {}


class GreetingUpdateView(InlineFormsetsMixin, ConcurrencySafeUpdateView):
    model = Greeting
    form_class = forms.GreetingForm


class GreetingDeleteView(GuardedDeleteView):
    model = Greeting
    success_url_name = "partners:greeting_list"


class GreetingHistoryView(HistoryView):
    model = Greeting


class GreetingTransitionView(TransitionView):
    model = Greeting
    workflow = services.GREETING_WORKFLOW
    service = staticmethod(services.change_greeting_status)
