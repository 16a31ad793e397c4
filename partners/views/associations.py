"""Friendship associations (with their terms, officers and chapters) and the reports they hand in."""

from __future__ import annotations

from django.db.models import Case, Count, IntegerField, Prefetch, Value, When

from doingoai.views import (
    ConcurrencySafeUpdateView,
    FilteredListView,
    RecordCreateView,
    ScopedDetailView,
)

from .. import filtersets, forms
from ..editing import GuardedDeleteView, HistoryView, InlineFormsetsMixin
from ..models import AssociationOfficer, AssociationReport, FriendshipAssociation

# Officers are listed by rank (the order of `AssociationOfficer.Role`), not alphabetically by role code.
OFFICER_RANK = Case(
    *(When(role=role, then=Value(rank)) for rank, role in enumerate(AssociationOfficer.Role.values)),
    output_field=IntegerField(),
)


class FriendshipAssociationListView(FilteredListView):
    model = FriendshipAssociation
    filterset_class = filtersets.FriendshipAssociationFilterSet
    select_related = ("partner_country", "union")
    sort_fields = {
        "name": "name",
        "country": "partner_country__name_vi",
        "founded": "founded_on",
        "members": "member_count",
    }
    default_sort = "name"

    def get_queryset(self):
        # Annotated after sorting, so the count is shown but is not a sort column.
        return super().get_queryset().annotate(chapter_count=Count("chapters", distinct=True))


class FriendshipAssociationDetailView(ScopedDetailView):
    model = FriendshipAssociation
    select_related = ("agency", "union", "partner_country")
    # Terms, officers, chapters and reports belong to the association: whoever may open it may see them.
    prefetch_related = (
        "terms",
        Prefetch(
            "officers",
            queryset=AssociationOfficer.objects.select_related("term").order_by(OFFICER_RANK, "name"),
        ),
        "chapters",
        "reports",
        Prefetch("member_associations", queryset=FriendshipAssociation.objects.select_related("partner_country")),
    )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["chapter_members"] = sum(chapter.member_count for chapter in self.object.chapters.all())
        return context


class FriendshipAssociationFormsetsMixin(InlineFormsetsMixin):
    model = FriendshipAssociation
    form_class = forms.FriendshipAssociationForm
    formset_classes = {
        "terms": forms.AssociationTermFormSet,
        "officers": forms.AssociationOfficerFormSet,
        "chapters": forms.AssociationChapterFormSet,
    }


class FriendshipAssociationCreateView(FriendshipAssociationFormsetsMixin, RecordCreateView):
    pass


class FriendshipAssociationUpdateView(FriendshipAssociationFormsetsMixin, ConcurrencySafeUpdateView):
    pass


class FriendshipAssociationDeleteView(GuardedDeleteView):
    model = FriendshipAssociation
    success_url_name = "partners:friendshipassociation_list"


class FriendshipAssociationHistoryView(HistoryView):
    model = FriendshipAssociation
    child_relations = {"terms": str, "officers": lambda row: row.name, "chapters": lambda row: row.name}


class AssociationReportListView(FilteredListView):
    model = AssociationReport
    filterset_class = filtersets.AssociationReportFilterSet
    select_related = ("association",)
    sort_fields = {
        "association": "association__name",
        "year": "year",
        "period": "period",
        "status": "status",
        "submitted": "submitted_at",
    }
    default_sort = "-year"


class AssociationReportDetailView(ScopedDetailView):
    model = AssociationReport
    select_related = ("association", "submitted_by", "reviewed_by")


class AssociationReportCreateView(InlineFormsetsMixin, RecordCreateView):
    """Department officers may enter a report an association handed in on paper."""

    model = AssociationReport
    form_class = forms.AssociationReportForm


class AssociationReportUpdateView(InlineFormsetsMixin, ConcurrencySafeUpdateView):
    model = AssociationReport
    form_class = forms.AssociationReportForm


class AssociationReportDeleteView(GuardedDeleteView):
    model = AssociationReport
    success_url_name = "partners:associationreport_list"


class AssociationReportHistoryView(HistoryView):
    model = AssociationReport
