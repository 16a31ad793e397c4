"""The annual plan with its appendix of activities, and the report on carrying it out for a period."""

from __future__ import annotations

from collections import Counter, defaultdict
from decimal import Decimal

from django import forms
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from doingoai.pdf import Letterhead, Signature, decree30_date
from partners.models import Agency
from plans.models import (
    Activity,
    ActivityCoordination,
    Plan,
    ProgressUpdate,
    ReportingPeriod,
    Task,
)

from .base import (
    PERIOD_HALF_YEAR,
    Document,
    DocumentForm,
    config,
    host_letterhead,
    host_signature,
    parse_date,
    recipients_from,
    roman,
    split_signer,
)


class PlanForm(forms.Form):
    plan = forms.ModelChoiceField(label=_("Plan"), queryset=Plan.objects.none())
    recipients = DocumentForm.base_fields["recipients"]

    def __init__(self, *args, user=None, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)


class PlanReportForm(DocumentForm):
    plan = forms.ModelChoiceField(label=_("Plan"), queryset=Plan.objects.none())
    period = forms.ModelChoiceField(label=_("Reporting period"), queryset=ReportingPeriod.objects.none())
    next_steps = forms.CharField(
        label=_("Tasks for the next period"), required=False, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Optional; becomes the last section of the report."),
    )
    field_order = ["plan", "period", "number", "issued_on", "next_steps", "recipients"]

    def clean(self):
        data = super().clean()
        plan, period = data.get("plan"), data.get("period")
        if plan and period and plan.year != period.year:
            self.add_error("period", _("Choose a period of the plan's year (%(year)s).") % {"year": plan.year})
        return data


def plan_letterhead(plan: Plan, **values) -> Letterhead:
    """The plan's own issuer and signer: the People's Committee signs as "TM. Ủy ban nhân dân, KT. Chủ tịch"."""
    agency = plan.issuing_agency
    name, _title = split_signer(plan.signer)
    if agency.kind == Agency.Kind.PEOPLES_COMMITTEE:
        signature = Signature(
            title=config("PROVINCE_SIGNER_TITLE", "Phó Chủ tịch"),
            name=name,
            authority=tuple(config("PROVINCE_SIGNER_AUTHORITY", ("TM. Ủy ban nhân dân", "KT. Chủ tịch"))),
        )
    else:
        signature = host_signature(name)
    return Letterhead(
        parent_body=agency.parent.name if agency.parent_id else "",
        issuing_body=agency.name,
        number=plan.number,
        symbol=f"{plan.kind}-{agency.short_name or config('HOST_BODY_SYMBOL')}",
        date=plan.issued_on,
        signature=signature,
        **values,
    )


def plan_reference(plan: Plan) -> str:
    """"Kế hoạch số 58/KH-UBND ngày 20/01/2026 của Ủy ban nhân dân tỉnh Đồng Tháp"."""
    kind = "Chương trình" if plan.kind == Plan.Kind.PROGRAMME else "Kế hoạch"
    parts = [f"{kind} số {plan.number}" if plan.number else kind]
    if plan.issued_on:
        parts.append(f"ngày {decree30_date(plan.issued_on)}")
    parts.append(f"của {plan.issuing_agency.name}")
    return " ".join(parts)


def scoped_plan(plan_id: int, user) -> Plan:
    return Plan.objects.for_user(user).select_related("issuing_agency__parent").get(pk=plan_id)


def plan_activities(plan: Plan, user):
    """The plan's activities `user` may see, with what the appendix prints, in task and row order (3 queries)."""
    return list(
        Activity.objects.for_user(user)
        .filter(task__plan=plan)
        .select_related("task__plan", "lead_agency")
        .prefetch_related(
            Prefetch("coordinations", queryset=ActivityCoordination.objects.select_related("agency").order_by("pk"))
        )
        .order_by("task__number", "number")
    )


def group_by_task(tasks: list[Task], activities: list[Activity]) -> list[dict]:
    rows = defaultdict(list)
    for activity in activities:
        rows[activity.task_id].append(activity)
    groups = []
    for task in tasks:
        items = rows.get(task.pk, [])
        budget = sum((activity.budget_amount or Decimal(0) for activity in items), Decimal(0))
        groups.append({"task": task, "roman": roman(task.number), "activities": items, "budget": budget})
    return groups


# The kinds of guiding documents as cited in "Căn cứ …": legal terms, fixed Vietnamese.
DIRECTIVE_KINDS = {
    "CT": "Chỉ thị", "NQ": "Nghị quyết", "KL": "Kết luận", "QĐ": "Quyết định", "KH": "Kế hoạch",
    "CTr": "Chương trình", "TB": "Thông báo", "HD": "Hướng dẫn",
}

DEFAULT_PLAN_RECIPIENTS = (
    "- Ban Đối ngoại Trung ương;",
    "- Bộ Ngoại giao;",
    "- Liên hiệp các tổ chức hữu nghị Việt Nam;",
    "- Thường trực Tỉnh ủy, Thường trực HĐND tỉnh;",
    "- Chủ tịch, các Phó Chủ tịch UBND tỉnh;",
    "- Các cơ quan chủ trì, phối hợp (theo Phụ lục);",
    "- Lưu: VT, NC.",
)


class AnnualPlanDocument(Document):
    kind = "plan"
    label = _("Annual plan")
    description = _("The plan as issued: purpose, tasks, organisation, and the appendix of activities by task.")
    template_name = "pdf/plan.html"
    form_class = PlanForm
    record_fields = {"plan": Plan}

    def title(self, cleaned_data: dict) -> str:
        plan = cleaned_data["plan"]
        return f"{plan.title} ({plan.number})" if plan.number else plan.title

    def file_stem(self, parameters: dict) -> str:
        return "ke-hoach"

    def gather(self, parameters: dict, user) -> dict:
        plan = scoped_plan(parameters["plan"], user)
        legal_bases = list(plan.legal_bases.order_by("issued_on", "code"))
        for directive in legal_bases:
            directive.kind_name = DIRECTIVE_KINDS.get(directive.kind, directive.kind)
        tasks = list(Task.objects.for_user(user).filter(plan=plan).order_by("number"))
        activities = plan_activities(plan, user)
        groups = group_by_task(tasks, activities)
        subject = plan.title
        kind_title = "Chương trình" if plan.kind == Plan.Kind.PROGRAMME else "Kế hoạch"
        if subject.lower().startswith(kind_title.lower() + " "):
            subject = subject[len(kind_title) + 1:]
            subject = subject[:1].upper() + subject[1:]
        doc = plan_letterhead(
            plan, kind_title=kind_title, subject=subject,
            recipients=recipients_from(parameters.get("recipients"), DEFAULT_PLAN_RECIPIENTS),
        )
        return {
            "doc": doc,
            "plan": plan,
            "plan_reference": plan_reference(plan),
            "legal_bases": legal_bases,
            "groups": groups,
            "activity_count": len(activities),
            "total_budget": sum((group["budget"] for group in groups), Decimal(0)),
        }


class PlanReportDocument(Document):
    kind = "plan_report"
    label = _("Plan implementation report")
    description = _(
        "Results of a plan for a 6-month or yearly period: status and progress of every activity, summary figures, "
        "late items and what the agencies reported."
    )
    template_name = "pdf/plan_report.html"
    form_class = PlanReportForm
    record_fields = {"plan": Plan, "period": ReportingPeriod}

    def title(self, cleaned_data: dict) -> str:
        return gettext("Report on %(plan)s – %(period)s") % {
            "plan": cleaned_data["plan"].title, "period": cleaned_data["period"]}

    def file_stem(self, parameters: dict) -> str:
        return "bao-cao-thuc-hien-ke-hoach"

    def gather(self, parameters: dict, user) -> dict:
        plan = scoped_plan(parameters["plan"], user)
        period = ReportingPeriod.objects.for_user(user).get(pk=parameters["period"])
        tasks = list(Task.objects.for_user(user).filter(plan=plan).order_by("number"))
        activities = plan_activities(plan, user)
        accepted = ProgressUpdate.objects.for_user(user).filter(
            activity__task__plan=plan, period=period, status=ProgressUpdate.ReviewStatus.ACCEPTED
        ).select_related("agency").order_by("created_at", "pk")
        latest = {update.activity_id: update for update in accepted}  # the last accepted one wins
        status_labels = dict(Activity.Status.choices)
        open_statuses = set(Activity.OPEN_STATUSES)
        counts: Counter = Counter()
        late, narratives = [], []
        for activity in activities:
            update = latest.get(activity.pk)
            activity.report_status = update.activity_status if update else activity.status
            activity.report_progress = update.progress if update else activity.progress
            activity.report_status_label = status_labels[activity.report_status]
            activity.update = update
            counts[activity.report_status] += 1
            if activity.report_status == Activity.Status.LATE or (
                activity.report_status in open_statuses and activity.due_date <= period.ends_on
            ):
                late.append(activity)
            if update:
                narratives.append(activity)
        groups = group_by_task(tasks, activities)
        for group in groups:
            items = group["activities"]
            group["done"] = sum(1 for item in items if item.report_status == Activity.Status.DONE)
            group["average"] = round(sum(item.report_progress for item in items) / len(items)) if items else 0
        total = len(activities)
        summary = {
            "total": total,
            "done": counts[Activity.Status.DONE],
            "on_track": counts[Activity.Status.ON_TRACK],
            "at_risk": counts[Activity.Status.AT_RISK],
            "late": counts[Activity.Status.LATE],
            "not_started": counts[Activity.Status.NOT_STARTED],
            "postponed": counts[Activity.Status.POSTPONED],
            "cancelled": counts[Activity.Status.CANCELLED],
            "reported": len(narratives),
            "average": round(sum(a.report_progress for a in activities) / total) if total else 0,
            "done_percent": round(100 * counts[Activity.Status.DONE] / total) if total else 0,
            "overdue": len(late),
        }
        half = period.kind == PERIOD_HALF_YEAR
        period_text = f"6 tháng đầu năm {period.year}" if half else f"năm {period.year}"
        subject = (f"Sơ kết 6 tháng đầu năm {period.year} thực hiện {plan.title}" if half
                   else f"Tổng kết thực hiện {plan.title}")
        doc = host_letterhead(
            "BC", kind_title="Báo cáo", subject=subject, number=parameters.get("number") or "",
            date=parse_date(parameters.get("issued_on")) or timezone.localdate(),
            recipients=recipients_from(parameters.get("recipients"), (
                f"- {plan.issuing_agency.name} (để báo cáo);",
                "- Liên hiệp các tổ chức hữu nghị tỉnh;",
                "- Các cơ quan chủ trì, phối hợp;",
                f"- Lưu: VT, {config('HOST_BODY_SYMBOL')}.",
            )),
        )
        return {
            "doc": doc,
            "plan": plan,
            "period": period,
            "period_text": period_text,
            "plan_reference": plan_reference(plan),
            "groups": groups,
            "summary": summary,
            "late": late,
            "narratives": narratives,
            "next_steps": [line for line in (parameters.get("next_steps") or "").splitlines() if line.strip()],
            "status_rows": [
                (status_labels[status], counts[status]) for status in Activity.Status.values if counts[status]
            ],
        }
