"""Pages for foreign NGO aid: projects (approval, money and reports), sectors and mobilisation programmes."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Count, Q, Sum

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
from .models import (
    AMOUNT_VND,
    AidProject,
    AidReport,
    MobilisationProgramme,
    Sector,
    Transaction,
)


def transaction_totals(transactions) -> dict[str, Decimal]:
    """Total in VND of each kind of transaction (commitment, disbursement, expenditure), in one query."""
    sums = transactions.aggregate(
        **{kind: Sum(AMOUNT_VND, filter=Q(kind=kind)) for kind in Transaction.Kind.values}
    )
    return {kind: Decimal(value or 0).quantize(Decimal("1")) for kind, value in sums.items()}


# Aid projects -------------------------------------------------------------------------------------------------------


class AidProjectListView(FilteredListView):
    model = AidProject
    filterset_class = filtersets.AidProjectFilterSet
    select_related = ("donor", "governing_agency", "aid_owner")
    prefetch_related = ("sectors",)
    sort_fields = {
        "code": "code", "name": "name_vi", "donor": "donor__name_vi", "agency": "governing_agency__name",
        "approved": "approved_on", "status": "status", "disbursed": "disbursed_vnd",
    }
    default_sort = "-approved"

    def annotate_queryset(self, queryset):
        return queryset.with_disbursed()


class AidProjectDetailView(ScopedDetailView):
    model = AidProject
    select_related = ("donor__country", "governing_agency", "aid_owner", "programme")
    prefetch_related = ("sectors", "locations", "plan_activities__task__plan")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        project = self.object
        transactions = Transaction.objects.for_user(user).filter(project=project)
        totals = transaction_totals(transactions)
        disbursed = totals[Transaction.Kind.DISBURSEMENT]
        committed_vnd = project.committed_vnd
        transaction_rows = list(transactions.order_by("date", "pk"))
        for row in transaction_rows:
            row.amount_usd = (row.amount_vnd / project.usd_rate_vnd).quantize(Decimal("0.01"))
        context.update(
            transactions=transaction_rows,
            totals=totals,
            totals_usd={kind: (value / project.usd_rate_vnd).quantize(Decimal("0.01")) for kind, value in totals.items()},
            disbursed_vnd=disbursed,
            disbursed_usd=(disbursed / project.usd_rate_vnd).quantize(Decimal("0.01")),
            disbursed_share=(disbursed * 100 / committed_vnd) if committed_vnd else None,
            remaining_vnd=committed_vnd - disbursed,
            reports=AidReport.objects.for_user(user).filter(project=project).order_by("-period_end"),
            visible_activity_ids=set(
                Activity.objects.for_user(user).filter(aid_projects=project).values_list("pk", flat=True)
            ),
            start_overdue=project.is_start_overdue(),
        )
        context.update(workflow_context(
            project, user, services.AID_PROJECT_WORKFLOW, "aid_projects:aidproject_transition"
        ))
        return context


class AidProjectFormsetsMixin(InlineFormsetsMixin):
    model = AidProject
    form_class = forms.AidProjectForm
    formset_classes = {"transactions": forms.TransactionFormSet, "reports": forms.AidReportFormSet}


class AidProjectCreateView(AidProjectFormsetsMixin, RecordCreateView):
    def get_initial(self):
        donor = self.request.GET.get("donor")
        return {"donor": donor} if donor else {}


class AidProjectUpdateView(AidProjectFormsetsMixin, ConcurrencySafeUpdateView):
    pass


class AidProjectDeleteView(GuardedDeleteView):
    model = AidProject
    success_url_name = "aid_projects:aidproject_list"


class AidProjectHistoryView(HistoryView):
    model = AidProject
    child_relations = {
        "transactions": lambda row: f"{row.date:%d/%m/%Y} {row.get_kind_display()}",
        "reports": lambda row: f"{row.period_start:%m/%Y}–{row.period_end:%m/%Y}",
    }


class AidProjectTransitionView(TransitionView):
    model = AidProject
    workflow = services.AID_PROJECT_WORKFLOW
    service = staticmethod(services.change_aid_project_status)


# Sectors ------------------------------------------------------------------------------------------------------------


class SectorListView(FilteredListView):
    model = Sector
    filterset_class = filtersets.SectorFilterSet
    sort_fields = {"name": "name", "code": "code", "projects": "project_count"}
    default_sort = "name"

    def annotate_queryset(self, queryset):
        return queryset.annotate(project_count=Count("aid_projects"))


class SectorDetailView(ScopedDetailView):
    model = Sector

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["projects"] = (
            AidProject.objects.for_user(self.request.user).filter(sectors=self.object).select_related("donor")
        )
        return context


class SectorCreateView(InlineFormsetsMixin, RecordCreateView):
    model = Sector
    form_class = forms.SectorForm


class SectorUpdateView(InlineFormsetsMixin, ConcurrencySafeUpdateView):
    model = Sector
    form_class = forms.SectorForm


class SectorDeleteView(GuardedDeleteView):
    model = Sector
    success_url_name = "aid_projects:sector_list"
    blocking_relations = ("aid_projects",)


class SectorHistoryView(HistoryView):
    model = Sector


# Mobilisation programmes ---------------------------------------------------------------------------------------------


class MobilisationProgrammeListView(FilteredListView):
    model = MobilisationProgramme
    filterset_class = filtersets.MobilisationProgrammeFilterSet
    sort_fields = {"title": "title", "start": "start_year", "target": "target_usd"}
    default_sort = "-start"

    def annotate_queryset(self, queryset):
        return queryset.annotate(project_count=Count("projects"))


class MobilisationProgrammeDetailView(ScopedDetailView):
    model = MobilisationProgramme

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        projects = list(
            AidProject.objects.for_user(self.request.user).filter(programme=self.object).with_disbursed()
            .select_related("donor").order_by("-approved_on", "code")
        )
        funded = [project for project in projects if project.counts_in_totals]
        committed_usd = sum((project.committed_usd for project in funded), Decimal(0))
        target = self.object.target_usd
        context.update(
            projects=projects,
            committed_usd=committed_usd,
            disbursed_usd=sum((project.disbursed_usd for project in funded), Decimal(0)),
            target_share=(committed_usd * 100 / target) if target else None,
        )
        return context


class MobilisationProgrammeCreateView(InlineFormsetsMixin, RecordCreateView):
    model = MobilisationProgramme
    form_class = forms.MobilisationProgrammeForm


class MobilisationProgrammeUpdateView(InlineFormsetsMixin, ConcurrencySafeUpdateView):
    model = MobilisationProgramme
    form_class = forms.MobilisationProgrammeForm


class MobilisationProgrammeDeleteView(GuardedDeleteView):
    model = MobilisationProgramme
    success_url_name = "aid_projects:mobilisationprogramme_list"


class MobilisationProgrammeHistoryView(HistoryView):
    model = MobilisationProgramme
