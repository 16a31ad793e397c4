"""Forms of delegations; members, programme items and gifts are inline formsets on the delegation's page.
Cross-field rules live in `rules.py`."""

from __future__ import annotations

from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from partners.editing import ChildForm, ChildFormSet, EditForm
from plans.models import Activity

from . import rules
from .models import Delegation, DelegationMember, Gift, ProgrammeItem


class DelegationForm(EditForm):
    rules = rules.validate_delegation
    fieldsets = (
        (_("Delegation"), ("title", "direction", "channel", "level", "host_agency", "in_annual_plan")),
        (_("Where and when"), ("countries", "partners", "cities", "start_date", "end_date")),
        (_("Head of delegation"), ("head_name", "head_title")),
        (_("Dossier and approval"), ("dossier_submitted_on", "has_invitation", "party_opinion_required",
                                     "approval_number", "approval_date", "approval_signer")),
        (_("Funding"), ("funding_source", "estimated_cost_vnd", "actual_cost_vnd")),
        (_("Purpose and outcomes"), ("purpose", "outcomes", "commitments", "agreements", "plan_activity")),
        (_("Trip report"), ("report_received_on", "report_number", "report_file")),
    )
    wide_fields = ("title",)

    class Meta(EditForm.Meta):
        model = Delegation
        fields = [
            "title", "direction", "channel", "level", "countries", "cities", "partners", "purpose", "head_name",
            "head_title", "start_date", "end_date", "host_agency", "in_annual_plan", "dossier_submitted_on",
            "has_invitation", "party_opinion_required", "approval_number", "approval_date", "approval_signer",
            "funding_source", "estimated_cost_vnd", "actual_cost_vnd", "outcomes", "commitments",
            "report_received_on", "report_number", "report_file", "plan_activity", "agreements",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The head may be given here or as the member marked "head" below.
        self.fields["head_name"].required = False
        self.fields["head_name"].help_text = _("Left empty, it is taken from the member marked as head.")
        activity = self.fields["plan_activity"]
        activity.queryset = Activity.objects.select_related("task__plan").order_by("-task__plan__year", "pk")
        activity.label_from_instance = lambda row: f"{row.task.plan.year} · {row}"


class MemberForm(ChildForm):
    class Meta(EditForm.Meta):
        model = DelegationMember
        fields = [
            "precedence", "is_head", "name_latin", "name_native", "title", "organisation", "nationality",
            "languages", "dietary_needs",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["precedence"].required = False
        self.fields["precedence"].help_text = _("Empty: after the others.")


class MemberFormSet(ChildFormSet):
    """Members in precedence order; precedences may be swapped and the head changed in one save."""

    def clean(self):
        # The generic duplicate check is replaced by the rule's, which says which row and why.
        kept = [form for form in self.forms if form.has_changed() or form.instance.pk]
        kept = [form for form in kept if form not in self.deleted_forms and hasattr(form, "cleaned_data")]
        for index, errors in rules.validate_members([form.cleaned_data for form in kept]).items():
            for name, message in errors.items():
                kept[index].add_error(name, message)
        # Members without a precedence come after the others, in the order they are listed.
        taken = [form.cleaned_data.get("precedence") or 0 for form in kept]
        following = max(taken, default=0)
        for form in kept:
            if not form.cleaned_data.get("precedence"):
                following += 1
                form.cleaned_data["precedence"] = form.instance.precedence = following

    def prepare_save(self) -> None:
        # Precedence is unique per delegation and only one member is head: move the rows being changed out of the
        # way first, so that swapping two precedences (or the head) does not collide halfway through the save.
        moving = [form.instance.pk for form in self.initial_forms
                  if form.instance.pk and (form.has_changed() or form in self.deleted_forms)]
        for offset, pk in enumerate(moving):
            DelegationMember._base_manager.filter(pk=pk).update(precedence=30000 + offset, is_head=False)


MemberFormSetFactory = inlineformset_factory(
    Delegation, DelegationMember, form=MemberForm, formset=MemberFormSet, extra=1, can_delete=True,
)


class ProgrammeItemForm(ChildForm):
    rules = rules.validate_programme_item

    class Meta(EditForm.Meta):
        model = ProgrammeItem
        fields = ["starts_at", "ends_at", "place", "activity", "responsible_officer"]


ProgrammeFormSet = inlineformset_factory(
    Delegation, ProgrammeItem, form=ProgrammeItemForm, formset=ChildFormSet, extra=1, can_delete=True,
)


class GiftForm(ChildForm):
    class Meta(EditForm.Meta):
        model = Gift
        fields = ["direction", "description", "counterpart", "quantity", "value_vnd"]


GiftFormSet = inlineformset_factory(
    Delegation, Gift, form=GiftForm, formset=ChildFormSet, extra=1, can_delete=True,
)
