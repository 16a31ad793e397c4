"""API representations of the partners app: nested on read (names with ids), ids on write."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from doingoai.api.serializers import AllowedTransitionsField, RecordSerializer, UserBriefSerializer, UserField

from .. import rules
from ..models import (
    AdministrativeUnit,
    Agency,
    Agreement,
    AssociationChapter,
    AssociationOfficer,
    AssociationReport,
    AssociationTerm,
    Contact,
    Country,
    ForeignPartner,
    FriendshipAssociation,
    Greeting,
    NGORegistration,
    Occasion,
    OccasionDate,
)

TIMESTAMPS = ["created_at", "modified_at"]


class RulesMixin:
    """Applies the model's cross-field rule from the app's `rules.py` (the same function the form calls), with the
    submitted values over the record's current ones."""

    rule = None

    def validate_record(self, record, attrs) -> None:
        rule = type(self).rule
        if rule is not None:
            rule(rules.RecordValues(attrs, self.instance))


# --- Brief forms: how a record is named inside another one ---


class CountryBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Country
        fields = ["id", "code", "name_vi", "name_en"]
        read_only_fields = fields


class AdministrativeUnitBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = AdministrativeUnit
        fields = ["id", "name", "level"]
        read_only_fields = fields


class AgencyBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Agency
        fields = ["id", "name", "short_name", "code"]
        read_only_fields = fields


class ForeignPartnerBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = ForeignPartner
        fields = ["id", "name_vi", "name_native", "kind"]
        read_only_fields = fields


class ContactBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Contact
        fields = ["id", "name_latin", "name_native", "title"]
        read_only_fields = fields


class AgreementBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Agreement
        fields = ["id", "number", "title", "status"]
        read_only_fields = fields


class AssociationBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = FriendshipAssociation
        fields = ["id", "name", "kind"]
        read_only_fields = fields


class OccasionBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Occasion
        fields = ["id", "title", "kind"]
        read_only_fields = fields


# --- Countries, administrative units, agencies ---

COUNTRY_FIELDS = [
    "code", "name_vi", "name_en", "relations_established_on", "national_day_day", "national_day_month",
    "national_day_origin_year", "national_day_name", "partnership_level", "notes",
]


class CountrySerializer(serializers.ModelSerializer):
    """A foreign country, with the dates that drive greetings."""

    class Meta:
        model = Country
        fields = ["id", *COUNTRY_FIELDS, *TIMESTAMPS]
        read_only_fields = fields


class CountryWriteSerializer(RulesMixin, RecordSerializer):
    rule = rules.validate_country

    class Meta:
        model = Country
        fields = [*COUNTRY_FIELDS, "version", "change_reason"]


class AdministrativeUnitSerializer(serializers.ModelSerializer):
    """A province, district or commune, with the dates it existed."""

    parent = AdministrativeUnitBriefSerializer(read_only=True, allow_null=True)

    class Meta:
        model = AdministrativeUnit
        fields = ["id", "name", "level", "parent", "valid_from", "valid_to"]
        read_only_fields = fields


AGENCY_FIELDS = ["name", "short_name", "code", "kind", "parent", "email", "phone", "address", "is_active"]


class AgencySerializer(serializers.ModelSerializer):
    """A domestic body that leads or coordinates activities, hosts delegations or owns aid projects."""

    parent = AgencyBriefSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Agency
        fields = ["id", *AGENCY_FIELDS, *TIMESTAMPS]
        read_only_fields = fields


class AgencyWriteSerializer(RulesMixin, RecordSerializer):
    rule = rules.validate_agency

    class Meta:
        model = Agency
        fields = [*AGENCY_FIELDS, "version", "change_reason"]


# --- Foreign partners and contacts ---


class NGORegistrationSerializer(serializers.ModelSerializer):
    class Meta:
        model = NGORegistration
        fields = ["id", "kind", "number", "issued_on", "expires_on", "provinces", "fields"]
        read_only_fields = fields


PARTNER_FIELDS = [
    "kind", "country", "parent", "name_vi", "name_native", "abbreviation", "is_twinned", "relationship_since",
    "status", "fields", "website", "email", "phone", "address", "notes",
]


class ForeignPartnerSerializer(serializers.ModelSerializer):
    """A foreign counterpart, with its NGO registrations."""

    country = CountryBriefSerializer(read_only=True, allow_null=True)
    parent = ForeignPartnerBriefSerializer(read_only=True, allow_null=True)
    registrations = NGORegistrationSerializer(many=True, read_only=True)

    class Meta:
        model = ForeignPartner
        fields = ["id", *PARTNER_FIELDS, "registrations", *TIMESTAMPS]
        read_only_fields = fields


class ForeignPartnerWriteSerializer(RulesMixin, RecordSerializer):
    rule = rules.validate_foreign_partner

    # `status` here is active / dormant, a plain property of the partner rather than a workflow state: it is edited
    # like any other field.
    class Meta:
        model = ForeignPartner
        fields = [*PARTNER_FIELDS, "version", "change_reason"]


CONTACT_FIELDS = [
    "partner", "name_native", "name_latin", "honorific", "title", "languages", "email", "phone", "protocol_rank",
    "is_active", "notes",
]


class ContactSerializer(serializers.ModelSerializer):
    """A person at a foreign partner."""

    partner = ForeignPartnerBriefSerializer(read_only=True)

    class Meta:
        model = Contact
        fields = ["id", *CONTACT_FIELDS, *TIMESTAMPS]
        read_only_fields = fields


class ContactWriteSerializer(RecordSerializer):
    class Meta:
        model = Contact
        fields = [*CONTACT_FIELDS, "version", "change_reason"]


# --- Agreements ---

AGREEMENT_FIELDS = [
    "kind", "number", "title", "vn_signatory", "vn_signer", "foreign_parties", "foreign_signer", "fields", "signed_on",
    "signed_place", "effective_from", "expires_on", "ministry_opinion_requested_on", "ministry_opinion_received_on",
    "post_signing_report_sent_on", "summary",
]


class AgreementSerializer(serializers.ModelSerializer):
    """An international agreement of the province (Law 70/2020/QH14)."""

    vn_signatory = AgencyBriefSerializer(read_only=True)
    foreign_parties = ForeignPartnerBriefSerializer(many=True, read_only=True)
    allowed_transitions = AllowedTransitionsField()
    post_signing_report_due_on = serializers.DateField(
        read_only=True, allow_null=True, help_text=_("The day the post-signing report is due (after signing).")
    )
    post_signing_report_late = serializers.BooleanField(
        source="is_post_signing_report_late", read_only=True, help_text=_("The post-signing report is late.")
    )

    class Meta:
        model = Agreement
        fields = [
            "id", *AGREEMENT_FIELDS, "status", "allowed_transitions", "post_signing_report_due_on",
            "post_signing_report_late", *TIMESTAMPS,
        ]
        read_only_fields = fields


class AgreementWriteSerializer(RulesMixin, RecordSerializer):
    rule = rules.validate_agreement

    class Meta:
        model = Agreement
        fields = [*AGREEMENT_FIELDS, "version", "change_reason"]


# --- Friendship associations and their reports ---


class AssociationTermSerializer(serializers.ModelSerializer):
    class Meta:
        model = AssociationTerm
        fields = ["id", "number", "start_year", "end_year", "congress_on", "executive_committee_size"]
        read_only_fields = fields


class AssociationOfficerSerializer(serializers.ModelSerializer):
    class Meta:
        model = AssociationOfficer
        fields = ["id", "term", "name", "role", "position", "from_date", "to_date", "email", "phone"]
        read_only_fields = fields


class AssociationChapterSerializer(serializers.ModelSerializer):
    class Meta:
        model = AssociationChapter
        fields = ["id", "name", "locality", "established_on", "member_count"]
        read_only_fields = fields


ASSOCIATION_FIELDS = [
    "agency", "kind", "union", "name", "partner_country", "founded_on", "founding_decision_number",
    "founding_decision_issuer", "member_count", "email", "phone", "address",
]


class FriendshipAssociationSerializer(serializers.ModelSerializer):
    """The friendship union or a member association, with its terms, officers and chapters."""

    agency = AgencyBriefSerializer(read_only=True)
    union = AssociationBriefSerializer(read_only=True, allow_null=True)
    partner_country = CountryBriefSerializer(read_only=True, allow_null=True)
    terms = AssociationTermSerializer(many=True, read_only=True)
    officers = AssociationOfficerSerializer(many=True, read_only=True)
    chapters = AssociationChapterSerializer(many=True, read_only=True)

    class Meta:
        model = FriendshipAssociation
        fields = ["id", *ASSOCIATION_FIELDS, "terms", "officers", "chapters", *TIMESTAMPS]
        read_only_fields = fields


class FriendshipAssociationWriteSerializer(RulesMixin, RecordSerializer):
    rule = rules.validate_friendship_association

    class Meta:
        model = FriendshipAssociation
        fields = [*ASSOCIATION_FIELDS, "version", "change_reason"]


REPORT_FIELDS = [
    "association", "year", "period", "peace_friendship", "ngo_work", "aid_items_count", "aid_mobilised_vnd",
    "aid_disbursed_vnd", "external_information", "overseas_vietnamese", "organisation_building", "chapters_count",
    "members_count", "new_members_count", "coordination_emulation", "delegations_sent", "delegations_received",
    "delegations_notes", "difficulties", "next_plans",
]


class AssociationReportSerializer(serializers.ModelSerializer):
    """A 6-monthly or yearly report of an association on its six work areas, and its review."""

    association = AssociationBriefSerializer(read_only=True)
    allowed_transitions = AllowedTransitionsField()
    submitted_by = UserBriefSerializer(read_only=True, allow_null=True)
    reviewed_by = UserBriefSerializer(read_only=True, allow_null=True)

    class Meta:
        model = AssociationReport
        fields = [
            "id", *REPORT_FIELDS, "status", "allowed_transitions", "submitted_by", "submitted_at", "reviewed_by",
            "reviewed_at", "review_comment", *TIMESTAMPS,
        ]
        read_only_fields = fields


class AssociationReportWriteSerializer(RulesMixin, RecordSerializer):
    rule = rules.validate_association_report

    class Meta:
        model = AssociationReport
        fields = [*REPORT_FIELDS, "version", "change_reason"]


# --- Occasions and greetings ---

OCCASION_FIELDS = [
    "kind", "title", "date_rule", "month", "day", "base_year", "country", "partner", "association", "agreement",
    "is_active", "notes",
]


class OccasionDateSerializer(serializers.ModelSerializer):
    class Meta:
        model = OccasionDate
        fields = ["id", "year", "date", "end_date"]
        read_only_fields = fields


class OccasionSerializer(serializers.ModelSerializer):
    """A recurring date on which the province greets a partner, with its per-year dates."""

    country = CountryBriefSerializer(read_only=True, allow_null=True)
    partner = ForeignPartnerBriefSerializer(read_only=True, allow_null=True)
    association = AssociationBriefSerializer(read_only=True, allow_null=True)
    agreement = AgreementBriefSerializer(read_only=True, allow_null=True)
    dates = OccasionDateSerializer(many=True, read_only=True)

    class Meta:
        model = Occasion
        fields = ["id", *OCCASION_FIELDS, "dates", *TIMESTAMPS]
        read_only_fields = fields


class OccasionWriteSerializer(RulesMixin, RecordSerializer):
    rule = rules.validate_occasion

    class Meta:
        model = Occasion
        fields = [*OCCASION_FIELDS, "version", "change_reason"]


GREETING_FIELDS = [
    "occasion", "year", "form", "signer", "recipient", "recipient_contact", "body", "document_number", "sent_on",
    "assigned_to",
]


class GreetingSerializer(serializers.ModelSerializer):
    """A letter, telegram, flowers or visit for one occasion in one year."""

    occasion = OccasionBriefSerializer(read_only=True)
    recipient_contact = ContactBriefSerializer(read_only=True, allow_null=True)
    assigned_to = UserBriefSerializer(read_only=True, allow_null=True)
    allowed_transitions = AllowedTransitionsField()

    class Meta:
        model = Greeting
        fields = ["id", *GREETING_FIELDS, "status", "allowed_transitions", *TIMESTAMPS]
        read_only_fields = fields


class GreetingWriteSerializer(RulesMixin, RecordSerializer):
    rule = rules.validate_greeting

    assigned_to = UserField(required=False, allow_null=True, label=_("officer in charge"))

    class Meta:
        model = Greeting
        fields = [*GREETING_FIELDS, "version", "change_reason"]
