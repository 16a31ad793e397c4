"""Forms of the partners records; child rows (registrations, contacts, terms, officers, chapters, occasion dates)
are inline formsets edited on their parent's page. Cross-field rules live in `rules.py`."""

from __future__ import annotations

from django.forms import inlineformset_factory
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from . import rules
from .editing import ChildForm, ChildFormSet, EditForm
from .models import (
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


class CountryForm(EditForm):
    rules = rules.validate_country
    fieldsets = (
        (_("Country"), ("code", "name_vi", "name_en", "partnership_level", "relations_established_on")),
        (_("National day"), ("national_day_day", "national_day_month", "national_day_origin_year",
                             "national_day_name")),
    )

    class Meta(EditForm.Meta):
        model = Country
        fields = [
            "code", "name_vi", "name_en", "relations_established_on", "national_day_day", "national_day_month",
            "national_day_origin_year", "national_day_name", "partnership_level", "notes",
        ]


class AdministrativeUnitForm(EditForm):
    rules = rules.validate_administrative_unit

    class Meta(EditForm.Meta):
        model = AdministrativeUnit
        fields = ["name", "level", "parent", "valid_from", "valid_to"]


class AgencyForm(EditForm):
    rules = rules.validate_agency

    class Meta(EditForm.Meta):
        model = Agency
        fields = ["name", "short_name", "code", "kind", "parent", "email", "phone", "address", "is_active"]


class ForeignPartnerForm(EditForm):
    rules = rules.validate_foreign_partner
    fieldsets = (
        (_("Partner"), ("name_vi", "name_native", "abbreviation", "kind", "country", "parent")),
        (_("Relationship"), ("relationship_since", "status", "is_twinned", "fields")),
        (_("Contact details"), ("website", "email", "phone", "address")),
    )

    class Meta(EditForm.Meta):
        model = ForeignPartner
        fields = [
            "kind", "country", "parent", "name_vi", "name_native", "abbreviation", "is_twinned",
            "relationship_since", "status", "fields", "website", "email", "phone", "address", "notes",
        ]


class NGORegistrationForm(ChildForm):
    rules = rules.validate_ngo_registration

    class Meta(EditForm.Meta):
        model = NGORegistration
        fields = ["kind", "number", "issued_on", "expires_on", "provinces", "fields"]


NGORegistrationFormSet = inlineformset_factory(
    ForeignPartner, NGORegistration, form=NGORegistrationForm, formset=ChildFormSet, extra=0, can_delete=True,
)

CONTACT_ROW_FIELDS = [
    "protocol_rank", "honorific", "name_latin", "name_native", "title", "languages", "email", "phone", "is_active",
]


class ContactRowForm(ChildForm):
    class Meta(EditForm.Meta):
        model = Contact
        fields = CONTACT_ROW_FIELDS


ContactFormSet = inlineformset_factory(
    ForeignPartner, Contact, form=ContactRowForm, formset=ChildFormSet, extra=1, can_delete=True,
)


class ContactForm(EditForm):
    class Meta(EditForm.Meta):
        model = Contact
        fields = ["partner", *CONTACT_ROW_FIELDS, "notes"]


class AgreementForm(EditForm):
    rules = rules.validate_agreement
    fieldsets = (
        (_("Agreement"), ("kind", "number", "title", "fields")),
        (_("Parties"), ("vn_signatory", "vn_signer", "foreign_parties", "foreign_signer")),
        (_("Signing and validity"), ("signed_on", "signed_place", "effective_from", "expires_on")),
        (_("Procedure (Law 70/2020/QH14)"), ("ministry_opinion_requested_on", "ministry_opinion_received_on",
                                              "post_signing_report_sent_on")),
    )
    wide_fields = ("title",)

    class Meta(EditForm.Meta):
        model = Agreement
        fields = [
            "kind", "number", "title", "vn_signatory", "vn_signer", "foreign_parties", "foreign_signer", "fields",
            "signed_on", "signed_place", "effective_from", "expires_on", "ministry_opinion_requested_on",
            "ministry_opinion_received_on", "post_signing_report_sent_on", "summary", "file",
        ]


class FriendshipAssociationForm(EditForm):
    """An association; without an agency chosen, saving creates the agency it acts as."""

    rules = rules.validate_friendship_association
    fieldsets = (
        (_("Association"), ("name", "kind", "union", "agency", "partner_country", "member_count")),
        (_("Founding decision"), ("founded_on", "founding_decision_number", "founding_decision_issuer")),
        (_("Contact details"), ("email", "phone", "address")),
    )

    class Meta(EditForm.Meta):
        model = FriendshipAssociation
        fields = [
            "name", "kind", "union", "agency", "partner_country", "founded_on", "founding_decision_number",
            "founding_decision_issuer", "member_count", "email", "phone", "address",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["union"].queryset = FriendshipAssociation.objects.filter(kind=FriendshipAssociation.Kind.UNION)
        if not self.instance.pk:
            self.fields["agency"].required = False
            self.fields["agency"].help_text = _("Leave empty to create the agency with the association's name.")

    def clean(self):
        cleaned_data = super().clean()
        name = cleaned_data.get("name")
        if not cleaned_data.get("agency") and name and Agency.objects.filter(name=name).exists():
            self.add_error("agency", _("An agency with this name exists already: choose it."))
        return cleaned_data

    def _get_validation_exclusions(self):
        exclude = super()._get_validation_exclusions()
        if not self.cleaned_data.get("agency"):
            exclude.add("agency")
        return exclude

    def save(self, commit=True):
        association = self.instance
        if association.agency_id is None:
            code = base = slugify(association.name)[:40] or "association"
            number = 1
            while Agency.objects.filter(code=code).exists():
                number += 1
                code = f"{base}-{number}"
            association.agency = Agency.objects.create(
                name=association.name, code=code, kind=Agency.Kind.ASSOCIATION,
                parent=association.union.agency if association.union_id else None,
            )
        return super().save(commit)


class AssociationTermForm(ChildForm):
    rules = rules.validate_association_term

    class Meta(EditForm.Meta):
        model = AssociationTerm
        fields = ["number", "start_year", "end_year", "congress_on", "executive_committee_size"]


class AssociationOfficerForm(ChildForm):
    rules = rules.validate_association_officer

    class Meta(EditForm.Meta):
        model = AssociationOfficer
        fields = ["role", "name", "position", "term", "from_date", "to_date", "email", "phone"]


class AssociationOfficerFormSet(ChildFormSet):
    def adjust_form(self, form):
        # An officer's term is one of their association's terms.
        form.fields["term"].queryset = (
            AssociationTerm.objects.filter(association=self.instance) if self.instance.pk
            else AssociationTerm.objects.none()
        )


class AssociationChapterForm(ChildForm):
    class Meta(EditForm.Meta):
        model = AssociationChapter
        fields = ["name", "locality", "established_on", "member_count"]


AssociationTermFormSet = inlineformset_factory(
    FriendshipAssociation, AssociationTerm, form=AssociationTermForm, formset=ChildFormSet, extra=0,
    can_delete=True,
)
AssociationOfficerFormSet = inlineformset_factory(
    FriendshipAssociation, AssociationOfficer, form=AssociationOfficerForm, formset=AssociationOfficerFormSet,
    extra=0, can_delete=True,
)
AssociationChapterFormSet = inlineformset_factory(
    FriendshipAssociation, AssociationChapter, form=AssociationChapterForm, formset=ChildFormSet, extra=0,
    can_delete=True,
)


class AssociationReportForm(EditForm):
    rules = rules.validate_association_report
    fieldsets = (
        (_("Report"), ("association", "year", "period")),
        (_("1. Peace, solidarity and friendship"), ("peace_friendship",)),
        (_("2. Foreign NGO work"), ("ngo_work", "aid_items_count", "aid_mobilised_vnd", "aid_disbursed_vnd")),
        (_("3. External information"), ("external_information",)),
        (_("4. Overseas Vietnamese"), ("overseas_vietnamese",)),
        (_("5. Organisation building"), ("organisation_building", "chapters_count", "members_count",
                                         "new_members_count")),
        (_("6. Coordination and emulation"), ("coordination_emulation",)),
        (_("Delegations"), ("delegations_sent", "delegations_received", "delegations_notes")),
        (_("Difficulties and next period"), ("difficulties", "next_plans")),
    )

    class Meta(EditForm.Meta):
        model = AssociationReport
        fields = [
            "association", "year", "period", "peace_friendship", "ngo_work", "aid_items_count", "aid_mobilised_vnd",
            "aid_disbursed_vnd", "external_information", "overseas_vietnamese", "organisation_building",
            "chapters_count", "members_count", "new_members_count", "coordination_emulation", "delegations_sent",
            "delegations_received", "delegations_notes", "difficulties", "next_plans",
        ]


class OccasionForm(EditForm):
    rules = rules.validate_occasion
    fieldsets = (
        (_("Occasion"), ("title", "kind", "is_active")),
        (_("Date"), ("date_rule", "day", "month", "base_year")),
        (_("Concerns"), ("country", "partner", "association", "agreement")),
    )
    wide_fields = ("title",)

    class Meta(EditForm.Meta):
        model = Occasion
        fields = [
            "kind", "title", "date_rule", "month", "day", "base_year", "country", "partner", "association",
            "agreement", "is_active", "notes",
        ]


class OccasionDateForm(ChildForm):
    rules = rules.validate_occasion_date

    class Meta(EditForm.Meta):
        model = OccasionDate
        fields = ["year", "date", "end_date"]


OccasionDateFormSet = inlineformset_factory(
    Occasion, OccasionDate, form=OccasionDateForm, formset=ChildFormSet, extra=1, can_delete=True,
)


class GreetingForm(EditForm):
    rules = rules.validate_greeting
    fieldsets = (
        (_("Greeting"), ("occasion", "year", "form", "assigned_to")),
        (_("Recipient and signer"), ("recipient", "recipient_contact", "signer")),
        (_("Text"), ("body",)),
        (_("Dispatch"), ("document_number", "sent_on", "file")),
    )

    class Meta(EditForm.Meta):
        model = Greeting
        fields = [
            "occasion", "year", "form", "signer", "recipient", "recipient_contact", "body", "document_number",
            "sent_on", "assigned_to", "file",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recipient_contact"].queryset = Contact.objects.select_related("partner")
        self.fields["recipient_contact"].label_from_instance = lambda contact: f"{contact} – {contact.partner}"
        self.fields["assigned_to"].queryset = self.fields["assigned_to"].queryset.filter(is_active=True).order_by(
            "username"
        )

