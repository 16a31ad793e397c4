"""Foreign partners (with the Partner 360° page), their contacts, and international agreements."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db.models import Prefetch, Q
from django.utils import timezone

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
from ..models import (
    Agreement,
    Contact,
    ForeignPartner,
    Greeting,
    Occasion,
    dormancy_cutoff,
    expiring_within_days,
)


def related_model(name: str):
    """The model behind one of a partner's reverse relations (delegations, aid projects, activities).

    `partners` does not import the apps that depend on it; the Partner 360° page reaches their records through the
    relations they declare to partners.
    """
    return ForeignPartner._meta.get_field(name).related_model


# Foreign partners --------------------------------------------------------------------------------------------------


class ForeignPartnerListView(FilteredListView):
    model = ForeignPartner
    filterset_class = filtersets.ForeignPartnerFilterSet
    select_related = ("country", "parent")
    sort_fields = {
        "name": "name_vi",
        "kind": "kind",
        "country": "country__name_vi",
        "since": "relationship_since",
        "status": "status",
        "last_contact": "contact_reference_on",
    }
    default_sort = "name"

    def annotate_queryset(self, queryset):
        return queryset.with_last_contact()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["dormancy_cutoff"] = dormancy_cutoff()
        return context


class ForeignPartnerDetailView(ScopedDetailView):
    """Partner 360°: everything the province has done with one partner, in a constant number of queries."""

    model = ForeignPartner
    select_related = ("country", "parent")
    # The partner's own rows: only users who see everything can open a partner, and they see all of them.
    prefetch_related = (
        "registrations",
        Prefetch("contacts", queryset=Contact.objects.order_by("-is_active", "protocol_rank", "name_latin")),
        Prefetch("children", queryset=ForeignPartner.objects.select_related("country")),
        Prefetch("occasions", queryset=Occasion.objects.select_related("country").prefetch_related("dates")),
    )

    def get_queryset(self):
        return super().get_queryset().with_last_contact()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user, partner, today = self.request.user, self.object, timezone.localdate()

        agreements = list(
            Agreement.objects.for_user(user).filter(foreign_parties=partner).select_related("vn_signatory")
            .order_by("-signed_on", "title")
        )
        for agreement in agreements:
            agreement.expiring_soon = agreement.is_expiring_soon(today)

        delegation_model = related_model("delegations")
        delegations = list(
            delegation_model.objects.for_user(user).filter(partners=partner).with_report_late(today)
            .select_related("host_agency").prefetch_related("countries").order_by("-start_date", "-pk")
        )
        visits = [
            delegation for delegation in delegations
            if delegation.status in delegation_model.REPORT_OWED_STATUSES and delegation.start_date <= today
        ]

        project_model = related_model("aid_projects")
        projects = list(
            project_model.objects.for_user(user).filter(donor=partner).with_disbursed()
            .select_related("governing_agency", "aid_owner").order_by("-approved_on", "code")
        )
        funded = [project for project in projects if project.counts_in_totals]

        greetings = list(
            Greeting.objects.for_user(user)
            .filter(Q(occasion__partner=partner) | Q(recipient_contact__partner=partner))
            .select_related("occasion", "recipient_contact").distinct().order_by("-year", "-sent_on", "-pk")
        )
        activities = list(
            related_model("activities").objects.for_user(user).filter(partners=partner)
            .select_related("task__plan", "lead_agency").order_by("-task__plan__year", "task__number", "number")
        )
        occasions = list(partner.occasions.all())
        for occasion in occasions:
            occasion.next_day = occasion.next_occurrence(today)
            occasion.next_anniversary = occasion.anniversary(occasion.next_day.year) if occasion.next_day else None

        context.update(
            today=today,
            is_dormant=partner.is_dormant(today),
            days_since_contact=(today - partner.last_contact_on).days if partner.last_contact_on else None,
            dormant_months=settings.DOINGOAI["DORMANT_AFTER_MONTHS"],
            agreements_active=[agreement for agreement in agreements if agreement.is_active],
            agreements_other=[agreement for agreement in agreements if not agreement.is_active],
            expiring_days=expiring_within_days(),
            delegations=delegations,
            delegations_inbound=sum(1 for delegation in delegations if delegation.direction == "inbound"),
            delegations_outbound=sum(1 for delegation in delegations if delegation.direction == "outbound"),
            agreements_expiring=sum(1 for agreement in agreements if agreement.expiring_soon),
            last_inbound=next((visit for visit in visits if visit.direction == "inbound"), None),
            last_outbound=next((visit for visit in visits if visit.direction == "outbound"), None),
            projects=projects,
            aid_totals={
                "count": len(funded),
                "committed_vnd": sum((project.committed_vnd for project in funded), Decimal(0)),
                "committed_usd": sum((project.committed_usd for project in funded), Decimal(0)),
                "disbursed_vnd": sum((Decimal(project.disbursed_vnd) for project in funded), Decimal(0)),
                "disbursed_usd": sum((project.disbursed_usd for project in funded), Decimal(0)),
            },
            greetings=greetings,
            greetings_sent=sum(1 for greeting in greetings if greeting.status == Greeting.Status.SENT),
            activities=activities,
            occasions=occasions,
        )
        return context


class ForeignPartnerFormsetsMixin(InlineFormsetsMixin):
    model = ForeignPartner
    form_class = forms.ForeignPartnerForm
    formset_classes = {"registrations": forms.NGORegistrationFormSet, "contacts": forms.ContactFormSet}


class ForeignPartnerCreateView(ForeignPartnerFormsetsMixin, RecordCreateView):
    pass


class ForeignPartnerUpdateView(ForeignPartnerFormsetsMixin, ConcurrencySafeUpdateView):
    pass


class ForeignPartnerDeleteView(GuardedDeleteView):
    model = ForeignPartner
    success_url_name = "partners:foreignpartner_list"
    # Agreements, delegations and activities name the partner: deleting it would silently rewrite them.
    blocking_relations = ("agreements", "delegations", "activities")


class ForeignPartnerHistoryView(HistoryView):
    model = ForeignPartner
    child_relations = {"registrations": str, "contacts": lambda row: row.name_latin}


# Contacts ---------------------------------------------------------------------------------------------------------


class ContactListView(FilteredListView):
    model = Contact
    filterset_class = filtersets.ContactFilterSet
    select_related = ("partner", "partner__country")
    sort_fields = {
        "name": "name_latin",
        "rank": "protocol_rank",
        "partner": "partner__name_vi",
        "country": "partner__country__name_vi",
    }
    default_sort = "rank"


class ContactDetailView(ScopedDetailView):
    model = Contact
    select_related = ("partner", "partner__country")
    prefetch_related = (Prefetch("greetings", queryset=Greeting.objects.select_related("occasion")),)


class ContactCreateView(InlineFormsetsMixin, RecordCreateView):
    model = Contact
    form_class = forms.ContactForm

    def get_initial(self):
        # "Add a contact" on a partner's page names the partner.
        partner = self.request.GET.get("partner")
        return {"partner": partner} if partner else {}


class ContactUpdateView(InlineFormsetsMixin, ConcurrencySafeUpdateView):
    model = Contact
    form_class = forms.ContactForm


class ContactDeleteView(GuardedDeleteView):
    model = Contact
    success_url_name = "partners:contact_list"


class ContactHistoryView(HistoryView):
    model = Contact


# Agreements -------------------------------------------------------------------------------------------------------


class AgreementListView(FilteredListView):
    model = Agreement
    filterset_class = filtersets.AgreementFilterSet
    select_related = ("vn_signatory",)
    prefetch_related = ("foreign_parties",)
    sort_fields = {
        "number": "number",
        "title": "title",
        "signed": "signed_on",
        "expires": "expires_on",
        "status": "status",
    }
    default_sort = "-signed"


class AgreementDetailView(ScopedDetailView):
    model = Agreement
    select_related = ("vn_signatory",)
    prefetch_related = (
        Prefetch("foreign_parties", queryset=ForeignPartner.objects.select_related("country")),
        "occasions",
    )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["post_signing_report_late"] = self.object.is_post_signing_report_late()
        context["expiring_soon"] = self.object.is_expiring_soon()
        context.update(workflow_context(
            self.object, self.request.user, services.AGREEMENT_WORKFLOW, "partners:agreement_transition"
        ))
        return context


class AgreementCreateView(InlineFormsetsMixin, RecordCreateView):
    model = Agreement
    form_class = forms.AgreementForm

    def get_initial(self):
        partner = self.request.GET.get("partner")
        return {"foreign_parties": [partner]} if partner else {}


class AgreementUpdateView(InlineFormsetsMixin, ConcurrencySafeUpdateView):
    model = Agreement
    form_class = forms.AgreementForm


class AgreementDeleteView(GuardedDeleteView):
    model = Agreement
    success_url_name = "partners:agreement_list"
    blocking_relations = ("delegations", "activities")


class AgreementHistoryView(HistoryView):
    model = Agreement


class AgreementTransitionView(TransitionView):
    model = Agreement
    workflow = services.AGREEMENT_WORKFLOW
    service = staticmethod(services.change_agreement_status)
