"""Pages for delegations: the list, the whole story of one trip or visit, and editing it with its members,
programme and gifts."""

from __future__ import annotations

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from doingoai.views import (
    ConcurrencySafeUpdateView,
    FilteredListView,
    RecordCreateView,
    ScopedDetailView,
)
from partners.editing import (
    GuardedDeleteView,
    HistoryView,
    InlineFormsetsMixin,
    TransitionView,
    workflow_context,
)
from plans.models import Activity

from . import filtersets, forms, services
from .models import Delegation, DelegationMember, Gift, ProgrammeItem


class DelegationListView(FilteredListView):
    model = Delegation
    filterset_class = filtersets.DelegationFilterSet
    select_related = ("host_agency",)
    prefetch_related = ("countries",)
    sort_fields = {
        "title": "title", "direction": "direction", "level": "level", "start": "start_date",
        "agency": "host_agency__name", "status": "status",
    }
    default_sort = "-start"


class DelegationDetailView(ScopedDetailView):
    model = Delegation
    select_related = ("host_agency", "plan_activity__task__plan")
    prefetch_related = ("countries", "partners", "agreements")

    def get_queryset(self):
        user = self.request.user
        return super().get_queryset().prefetch_related(
            Prefetch(
                "members",
                queryset=DelegationMember.objects.for_user(user).select_related("nationality").order_by("precedence"),
            ),
            Prefetch("programme", queryset=ProgrammeItem.objects.for_user(user).order_by("starts_at")),
            Prefetch("gifts", queryset=Gift.objects.for_user(user).order_by("direction", "pk")),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        delegation = self.object
        gifts = list(delegation.gifts.all())
        activity = delegation.plan_activity
        context.update(
            gifts_given=[gift for gift in gifts if gift.direction == Gift.Direction.GIVEN],
            gifts_received=[gift for gift in gifts if gift.direction == Gift.Direction.RECEIVED],
            # The activity is named either way; it is a link only for those who may open it.
            plan_activity_visible=bool(
                activity and Activity.objects.for_user(self.request.user).filter(pk=activity.pk).exists()
            ),
            cost_difference=(
                delegation.actual_cost_vnd - delegation.estimated_cost_vnd
                if delegation.actual_cost_vnd is not None and delegation.estimated_cost_vnd is not None
                else None
            ),
            report_late=delegation.is_report_late(),
            members_count=len(delegation.members.all()),
            days=(delegation.end_date - delegation.start_date).days + 1,
        )
        context.update(workflow_context(
            delegation, self.request.user, services.DELEGATION_WORKFLOW, "delegations:delegation_transition"
        ))
        return context


class DelegationFormsetsMixin(InlineFormsetsMixin):
    model = Delegation
    form_class = forms.DelegationForm
    formset_classes = {
        "members": forms.MemberFormSetFactory,
        "programme": forms.ProgrammeFormSet,
        "gifts": forms.GiftFormSet,
    }

    def form_valid(self, form):
        # The head is given on the delegation or as the member marked head; one of the two is needed.
        if not form.cleaned_data.get("head_name") and self.head_member() is None:
            form.add_error("head_name", _("Give the head of the delegation, or mark a member as head."))
            return self.form_invalid(form)
        return super().form_valid(form)

    def head_member(self):
        """The cleaned data of the member marked head (else the first in precedence), or None."""
        members = self.formsets["members"]
        rows = [
            row.cleaned_data for row in members.forms
            if getattr(row, "cleaned_data", None) and row not in members.deleted_forms
            and (row.has_changed() or row.instance.pk)
        ]
        heads = [row for row in rows if row.get("is_head")]
        if heads:
            return heads[0]
        rows.sort(key=lambda row: row.get("precedence") or 0)
        return rows[0] if rows else None

    def save_form(self, form):
        if not form.cleaned_data.get("head_name"):
            head = self.head_member()
            form.instance.head_name = head["name_latin"]
            form.instance.head_title = form.instance.head_title or head.get("title", "")
        return super().save_form(form)


class DelegationCreateView(DelegationFormsetsMixin, RecordCreateView):
    pass


class DelegationUpdateView(DelegationFormsetsMixin, ConcurrencySafeUpdateView):
    pass


class DelegationDeleteView(GuardedDeleteView):
    model = Delegation
    success_url_name = "delegations:delegation_list"


class DelegationHistoryView(HistoryView):
    model = Delegation
    child_relations = {
        "members": lambda row: row.name_latin,
        "programme": lambda row: f"{timezone.localtime(row.starts_at):%d/%m %H:%M} {row.activity}",
        "gifts": lambda row: row.description,
    }


class DelegationTransitionView(TransitionView):
    model = Delegation
    workflow = services.DELEGATION_WORKFLOW
    service = staticmethod(services.change_delegation_status)
