"""Forms of the plans app. The rules they check live in the models and in `plans.services`; forms only show them."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from doingoai.core.filtersets import date_input
from doingoai.core.forms import RecordForm
from partners.models import Agency, Agreement, Country, ForeignPartner

from .models import Activity, Directive, Plan, ReportingPeriod, Task, validate_coordination

# Selects carrying this attribute become searchable (accent-insensitive) lists in static/js/plan_editor.js.
SEARCHABLE = {"data-searchable": "true"}

# The labels of the fields say "quarter" and "month": the choices are the bare numbers, to fit narrow columns.
QUARTER_CHOICES = [("", "—")] + [(quarter, str(quarter)) for quarter in range(1, 5)]
MONTH_CHOICES = [("", "—")] + [(month, str(month)) for month in range(1, 13)]


class AmountInput(forms.TextInput):
    """A money amount typed the Vietnamese way ("1.500.000.000") and shown grouped with dots."""

    def __init__(self, attrs=None):
        super().__init__({"inputmode": "numeric", "autocomplete": "off", **(attrs or {})})

    def format_value(self, value):
        if value in (None, ""):
            return ""
        try:
            return f"{Decimal(str(value)).quantize(Decimal(1)):,}".replace(",", ".")
        except InvalidOperation:
            return str(value)  # what the user typed, kept as typed


class AmountField(forms.DecimalField):
    """A whole amount in đồng; dots, spaces, commas and a trailing "đ" are accepted as grouping."""

    widget = AmountInput

    def to_python(self, value):
        if isinstance(value, str):
            value = re.sub(r"[\s.,]|đ$|VND$", "", value.strip(), flags=re.IGNORECASE)
        return super().to_python(value)

    def widget_attrs(self, widget):
        # Not a number input: the browser would refuse the dots.
        return {}


def searchable(queryset_field: forms.Field, placeholder=None) -> forms.Field:
    queryset_field.widget.attrs.update(SEARCHABLE)
    if placeholder:
        queryset_field.widget.attrs["data-placeholder"] = placeholder
    return queryset_field


class DirectiveForm(RecordForm):
    class Meta:
        model = Directive
        fields = ["code", "kind", "issuer", "issued_on", "title", "summary", "file", "parent", "superseded_by"]
        widgets = {"issued_on": date_input(), "summary": forms.Textarea(attrs={"rows": 4}),
                   "title": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        documents = Directive.objects.for_user(user).order_by("-issued_on", "code")
        if self.instance.pk:
            documents = documents.exclude(pk=self.instance.pk)
        for name in ("parent", "superseded_by"):
            self.fields[name].queryset = documents
            searchable(self.fields[name])


class PlanForm(RecordForm):
    class Meta:
        model = Plan
        fields = ["year", "kind", "number", "issuing_agency", "issued_on", "signer", "title", "legal_bases",
                  "purpose", "implementation"]
        widgets = {"issued_on": date_input(), "title": forms.Textarea(attrs={"rows": 2}),
                   "purpose": forms.Textarea(attrs={"rows": 5}), "implementation": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["issuing_agency"].queryset = Agency.objects.for_user(user).order_by("name")
        self.fields["legal_bases"].queryset = Directive.objects.for_user(user).order_by("-issued_on", "code")
        searchable(self.fields["issuing_agency"])
        searchable(self.fields["legal_bases"])


class TaskForm(RecordForm):
    class Meta:
        model = Task
        fields = ["title", "description"]
        widgets = {"title": forms.Textarea(attrs={"rows": 2}), "description": forms.Textarea(attrs={"rows": 2})}


class ActivityForm(RecordForm):
    """One row of the plan's appendix. Its number (STT) is given by its place in the task, not typed."""

    # Not the model field: coordinating agencies are saved one by one by the service, so that each is in history.
    coordinating_agencies = forms.ModelMultipleChoiceField(
        queryset=Agency.objects.none(), required=False, label=_("Coordinating agencies"),
    )
    quarter = forms.TypedChoiceField(
        choices=QUARTER_CHOICES, coerce=int, empty_value=None, required=False,
        label=capfirst(Activity._meta.get_field("quarter").verbose_name),
    )
    month = forms.TypedChoiceField(
        choices=MONTH_CHOICES, coerce=int, empty_value=None, required=False,
        label=capfirst(Activity._meta.get_field("month").verbose_name),
    )
    budget_amount = AmountField(
        label=capfirst(Activity._meta.get_field("budget_amount").verbose_name), required=False, min_value=0,
        max_digits=18, decimal_places=0,
    )

    class Meta:
        model = Activity
        fields = [
            "task", "content", "lead_agency", "quarter", "month", "start_date", "end_date", "budget_amount",
            "budget_source", "expected_result", "notes", "countries", "partners", "agreements",
        ]
        widgets = {
            "content": forms.Textarea(attrs={"rows": 2}),
            "expected_result": forms.Textarea(attrs={"rows": 2}),
            "notes": forms.Textarea(attrs={"rows": 2}),
            "start_date": date_input(),
            "end_date": date_input(),
        }

    def __init__(self, *args, user=None, plan: Plan, **kwargs):
        super().__init__(*args, **kwargs)
        agencies = Agency.objects.for_user(user).order_by("name")
        self.fields["task"].queryset = Task.objects.filter(plan=plan).order_by("number")
        self.fields["task"].empty_label = None
        self.fields["lead_agency"].queryset = agencies
        self.fields["coordinating_agencies"].queryset = agencies
        self.fields["countries"].queryset = Country.objects.for_user(user).order_by("name_vi")
        self.fields["partners"].queryset = ForeignPartner.objects.for_user(user).order_by("name_vi")
        self.fields["agreements"].queryset = Agreement.objects.for_user(user).order_by("title")
        searchable(self.fields["lead_agency"], _("Type to search…"))
        for name in ("coordinating_agencies", "countries", "partners", "agreements"):
            searchable(self.fields[name], _("Type to search…"))
        if self.instance.pk and not self.is_bound:
            self.initial["coordinating_agencies"] = [
                coordination.agency_id for coordination in self.instance.coordinations.all()
            ]

    def clean(self):
        cleaned = super().clean()
        lead = cleaned.get("lead_agency")
        coordinating = cleaned.get("coordinating_agencies")
        if lead and coordinating:
            try:
                validate_coordination(lead.pk, [agency.pk for agency in coordinating])
            except ValidationError as error:
                self.add_error(None, error)
        return cleaned


class ActivityStatusForm(forms.Form):
    """Where an activity of a running plan stands: status, progress and a note."""

    status = forms.ChoiceField(label=_("Status"))
    progress = forms.IntegerField(label=_("Progress (%)"), min_value=0, max_value=100)
    comment = forms.CharField(label=_("Note"), required=False, max_length=500,
                              widget=forms.TextInput(attrs={"placeholder": _("Optional; shown in the history.")}))

    def __init__(self, *args, activity: Activity, **kwargs):
        kwargs.setdefault("initial", {"status": activity.status, "progress": activity.progress})
        super().__init__(*args, **kwargs)
        labels = dict(Activity.Status.choices)
        allowed = [activity.status, *activity.allowed_transitions()]
        self.fields["status"].choices = [(status, labels[status]) for status in allowed]


class WorkflowForm(forms.Form):
    """One step of a plan's workflow and the comment (or reason) that goes with it."""

    action = forms.CharField(widget=forms.HiddenInput)
    comment = forms.CharField(
        label=_("Comment"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Required to return a plan, to open a revision and to unlock a year."),
    )


class ChangesSinceForm(forms.Form):
    since = forms.DateField(label=_("Changed since"), widget=date_input())


class ProgressReportForm(forms.Form):
    """A progress report on one activity for an open reporting period of its plan's year."""

    period = forms.ModelChoiceField(label=_("Reporting period"), queryset=ReportingPeriod.objects.none())
    activity_status = forms.ChoiceField(label=_("Activity status"), choices=Activity.Status.choices)
    progress = forms.IntegerField(label=_("Progress (%)"), min_value=0, max_value=100)
    narrative = forms.CharField(
        label=_("Results achieved"), widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What was done, with whom, when and with what result; difficulties and proposals."),
    )

    def __init__(self, *args, activity: Activity, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["period"].queryset = ReportingPeriod.objects.filter(
            year=activity.task.plan.year, is_locked=False
        ).order_by("starts_on")
        if not self.is_bound:
            self.initial.update(activity_status=activity.status, progress=activity.progress)
            open_periods = list(self.fields["period"].queryset[:2])
            if len(open_periods) == 1:
                self.initial["period"] = open_periods[0].pk


class ProgressReviewForm(forms.Form):
    decision = forms.ChoiceField(choices=[("accept", _("Accept")), ("return", _("Return"))])
    comment = forms.CharField(label=_("Comment to the author"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
