"""Forms of foreign aid; transactions and periodic reports are inline formsets on the project's page.
Cross-field rules live in `rules.py`."""

from __future__ import annotations

from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from partners.editing import ChildForm, ChildFormSet, EditForm, MonthField
from plans.models import Activity

from . import rules
from .models import AidProject, AidReport, MobilisationProgramme, Sector, Transaction


class SectorForm(EditForm):
    class Meta(EditForm.Meta):
        model = Sector
        fields = ["code", "name"]


class MobilisationProgrammeForm(EditForm):
    rules = rules.validate_mobilisation_programme

    class Meta(EditForm.Meta):
        model = MobilisationProgramme
        fields = ["title", "decision_number", "start_year", "end_year", "target_usd", "notes"]


class AidProjectForm(EditForm):
    rules = rules.validate_aid_project
    fieldsets = (
        (_("Project"), ("code", "name_vi", "name_en", "form", "delivery", "legal_basis", "programme")),
        (_("Donor and agencies"), ("donor", "governing_agency", "aid_owner", "management_form")),
        (_("Value"), ("committed_amount", "currency", "exchange_rate_vnd", "usd_rate_vnd", "counterpart_funds_vnd",
                      "counterpart_source", "state_budget_revenue")),
        (_("Where, for whom, when"), ("sectors", "locations", "beneficiaries", "beneficiaries_count", "start_month",
                                      "end_month", "plan_activities")),
        (_("Approval"), ("approval_number", "approved_on", "approval_signer", "started_on", "revoked_on",
                         "revocation_reason")),
    )
    wide_fields = ("name_vi", "name_en")

    start_month = MonthField(label=_("start month"), required=False)
    end_month = MonthField(label=_("end month"), required=False)

    class Meta(EditForm.Meta):
        model = AidProject
        fields = [
            "code", "name_vi", "name_en", "form", "delivery", "legal_basis", "donor", "governing_agency", "aid_owner",
            "management_form", "sectors", "locations", "beneficiaries", "beneficiaries_count", "committed_amount",
            "currency", "exchange_rate_vnd", "usd_rate_vnd", "counterpart_funds_vnd", "counterpart_source",
            "start_month", "end_month", "programme", "plan_activities", "state_budget_revenue", "approval_number",
            "approved_on", "approval_signer", "started_on", "revoked_on", "revocation_reason",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        activities = self.fields["plan_activities"]
        activities.queryset = Activity.objects.select_related("task__plan").order_by("-task__plan__year", "pk")
        activities.label_from_instance = lambda row: f"{row.task.plan.year} · {row}"


class TransactionForm(ChildForm):
    class Meta(EditForm.Meta):
        model = Transaction
        fields = ["date", "kind", "amount", "currency", "exchange_rate_vnd", "form", "note"]


TransactionFormSet = inlineformset_factory(
    AidProject, Transaction, form=TransactionForm, formset=ChildFormSet, extra=1, can_delete=True,
)


class AidReportForm(ChildForm):
    rules = rules.validate_aid_report

    class Meta(EditForm.Meta):
        model = AidReport
        fields = [
            "period", "period_start", "period_end", "opening_balance_vnd", "received_vnd", "used_vnd",
            "closing_balance_vnd", "goods_received", "submitted_on",
        ]


AidReportFormSet = inlineformset_factory(
    AidProject, AidReport, form=AidReportForm, formset=ChildFormSet, extra=0, can_delete=True,
)
