"""API viewsets of the partners app: the HTML lists' FilterSets, the same scope and roles.

`ordering_fields` are the HTML lists' sort columns (`?ordering=` here, `?sort=` there) that are plain fields.
"""

from __future__ import annotations

from doingoai.api.viewsets import RecordViewSet, ReferenceViewSet, TransitionMixin

from .. import filtersets, services
from ..models import (
    AdministrativeUnit,
    Agency,
    Agreement,
    AssociationReport,
    Contact,
    Country,
    ForeignPartner,
    FriendshipAssociation,
    Greeting,
    Occasion,
)
from . import serializers


class CountryViewSet(RecordViewSet):
    queryset = Country.objects.none()
    serializer_class = serializers.CountrySerializer
    write_serializer_class = serializers.CountryWriteSerializer
    filterset_class = filtersets.CountryFilterSet
    ordering_fields = {"name": "name_vi", "code": "code", "relations": "relations_established_on"}
    default_ordering = "name"


class AdministrativeUnitViewSet(ReferenceViewSet):
    queryset = AdministrativeUnit.objects.none()
    serializer_class = serializers.AdministrativeUnitSerializer
    select_related = ("parent",)
    ordering_fields = {"name": "name", "level": "level"}


class AgencyViewSet(RecordViewSet):
    queryset = Agency.objects.none()
    serializer_class = serializers.AgencySerializer
    write_serializer_class = serializers.AgencyWriteSerializer
    filterset_class = filtersets.AgencyFilterSet
    ordering_fields = {"name": "name", "code": "code", "kind": "kind", "parent": "parent__name"}
    default_ordering = "name"
    select_related = ("parent",)


class ForeignPartnerViewSet(RecordViewSet):
    queryset = ForeignPartner.objects.none()
    serializer_class = serializers.ForeignPartnerSerializer
    write_serializer_class = serializers.ForeignPartnerWriteSerializer
    filterset_class = filtersets.ForeignPartnerFilterSet
    ordering_fields = {
        "name": "name_vi", "kind": "kind", "country": "country__name_vi", "since": "relationship_since",
        "status": "status",
    }
    default_ordering = "name"
    select_related = ("country", "parent")
    prefetch_related = ("registrations",)


class ContactViewSet(RecordViewSet):
    queryset = Contact.objects.none()
    serializer_class = serializers.ContactSerializer
    write_serializer_class = serializers.ContactWriteSerializer
    filterset_class = filtersets.ContactFilterSet
    ordering_fields = {
        "name": "name_latin", "rank": "protocol_rank", "partner": "partner__name_vi",
        "country": "partner__country__name_vi",
    }
    default_ordering = "rank"
    select_related = ("partner",)


class AgreementViewSet(TransitionMixin, RecordViewSet):
    queryset = Agreement.objects.none()
    serializer_class = serializers.AgreementSerializer
    write_serializer_class = serializers.AgreementWriteSerializer
    filterset_class = filtersets.AgreementFilterSet
    ordering_fields = {
        "number": "number", "title": "title", "signed": "signed_on", "expires": "expires_on", "status": "status",
    }
    default_ordering = "-signed"
    select_related = ("vn_signatory",)
    prefetch_related = ("foreign_parties",)
    workflow = services.AGREEMENT_WORKFLOW
    change_status = staticmethod(services.change_agreement_status)


class FriendshipAssociationViewSet(RecordViewSet):
    queryset = FriendshipAssociation.objects.none()
    serializer_class = serializers.FriendshipAssociationSerializer
    write_serializer_class = serializers.FriendshipAssociationWriteSerializer
    filterset_class = filtersets.FriendshipAssociationFilterSet
    ordering_fields = {
        "name": "name", "country": "partner_country__name_vi", "founded": "founded_on", "members": "member_count",
    }
    default_ordering = "name"
    select_related = ("agency", "union", "partner_country")
    # Terms, officers and chapters belong to the association: whoever may see it may see them.
    prefetch_related = ("terms", "officers", "chapters")


class AssociationReportViewSet(TransitionMixin, RecordViewSet):
    queryset = AssociationReport.objects.none()
    serializer_class = serializers.AssociationReportSerializer
    write_serializer_class = serializers.AssociationReportWriteSerializer
    filterset_class = filtersets.AssociationReportFilterSet
    ordering_fields = {
        "association": "association__name", "year": "year", "period": "period", "status": "status",
        "submitted": "submitted_at",
    }
    default_ordering = "-year"
    select_related = ("association", "submitted_by", "reviewed_by")


class OccasionViewSet(RecordViewSet):
    queryset = Occasion.objects.none()
    serializer_class = serializers.OccasionSerializer
    write_serializer_class = serializers.OccasionWriteSerializer
    filterset_class = filtersets.OccasionFilterSet
    ordering_fields = {"month": "month", "title": "title", "kind": "kind", "country": "country__name_vi"}
    select_related = ("country", "partner", "association", "agreement")
    prefetch_related = ("dates",)


class GreetingViewSet(TransitionMixin, RecordViewSet):
    queryset = Greeting.objects.none()
    serializer_class = serializers.GreetingSerializer
    write_serializer_class = serializers.GreetingWriteSerializer
    filterset_class = filtersets.GreetingFilterSet
    ordering_fields = {
        "year": "year", "occasion": "occasion__title", "form": "form", "recipient": "recipient", "status": "status",
        "sent": "sent_on",
    }
    default_ordering = "-year"
    select_related = ("occasion", "recipient_contact", "assigned_to")
    # Leaders approve greetings (and send them back to draft); department officers send them.
    workflow = services.GREETING_WORKFLOW
    change_status = staticmethod(services.change_greeting_status)
