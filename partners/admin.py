"""Admin for partners: reference data and the records behind the pages, with their history."""

from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

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


@admin.register(Country)
class CountryAdmin(SimpleHistoryAdmin):
    list_display = ("code", "name_vi", "name_en", "relations_established_on", "national_day", "partnership_level")
    list_filter = ("partnership_level",)
    search_fields = ("code", "name_vi", "name_en")
    ordering = ("name_vi",)


@admin.register(AdministrativeUnit)
class AdministrativeUnitAdmin(SimpleHistoryAdmin):
    list_display = ("name", "level", "parent", "valid_from", "valid_to")
    list_filter = ("level",)
    search_fields = ("name",)
    autocomplete_fields = ("parent",)
    list_select_related = ("parent",)


@admin.register(Agency)
class AgencyAdmin(SimpleHistoryAdmin):
    list_display = ("name", "short_name", "code", "kind", "parent", "is_active")
    list_filter = ("kind", "is_active")
    search_fields = ("name", "short_name", "code")
    autocomplete_fields = ("parent",)
    list_select_related = ("parent",)


class NGORegistrationInline(admin.TabularInline):
    model = NGORegistration
    extra = 0
    fields = ("kind", "number", "issued_on", "expires_on", "provinces", "fields")


class ContactInline(admin.TabularInline):
    model = Contact
    extra = 0
    fields = ("protocol_rank", "honorific", "name_latin", "name_native", "title", "email", "phone", "is_active")


@admin.register(ForeignPartner)
class ForeignPartnerAdmin(SimpleHistoryAdmin):
    list_display = ("name_vi", "name_native", "kind", "country", "is_twinned", "status", "relationship_since")
    list_filter = ("kind", "status", "is_twinned", "country")
    search_fields = ("name_vi", "name_native", "abbreviation")
    autocomplete_fields = ("country", "parent")
    list_select_related = ("country",)
    inlines = (NGORegistrationInline, ContactInline)


@admin.register(NGORegistration)
class NGORegistrationAdmin(SimpleHistoryAdmin):
    list_display = ("number", "partner", "kind", "issued_on", "expires_on")
    list_filter = ("kind",)
    search_fields = ("number", "partner__name_vi", "partner__name_native")
    autocomplete_fields = ("partner",)
    list_select_related = ("partner",)
    date_hierarchy = "expires_on"


@admin.register(Contact)
class ContactAdmin(SimpleHistoryAdmin):
    list_display = ("name_latin", "name_native", "title", "partner", "protocol_rank", "email", "is_active")
    list_filter = ("is_active", "partner__country")
    search_fields = ("name_latin", "name_native", "title", "email", "partner__name_vi")
    autocomplete_fields = ("partner",)
    list_select_related = ("partner",)


@admin.register(Agreement)
class AgreementAdmin(SimpleHistoryAdmin):
    list_display = ("title", "number", "kind", "vn_signatory", "signed_on", "expires_on", "status", "report_late")
    list_filter = ("status", "kind")
    search_fields = ("title", "number", "fields", "foreign_parties__name_vi")
    autocomplete_fields = ("vn_signatory", "foreign_parties")
    list_select_related = ("vn_signatory",)
    date_hierarchy = "signed_on"

    @admin.display(boolean=True, description=_("report late"))
    def report_late(self, agreement: Agreement) -> bool:
        return agreement.is_post_signing_report_late()


class AssociationTermInline(admin.TabularInline):
    model = AssociationTerm
    extra = 0
    fields = ("number", "start_year", "end_year", "congress_on", "executive_committee_size")


class AssociationOfficerInline(admin.TabularInline):
    model = AssociationOfficer
    extra = 0
    fields = ("role", "name", "position", "term", "from_date", "to_date", "email", "phone")
    autocomplete_fields = ("term",)


class AssociationChapterInline(admin.TabularInline):
    model = AssociationChapter
    extra = 0
    fields = ("name", "locality", "established_on", "member_count")


@admin.register(FriendshipAssociation)
class FriendshipAssociationAdmin(SimpleHistoryAdmin):
    list_display = ("name", "kind", "union", "partner_country", "founded_on", "member_count", "chapter_count")
    list_filter = ("kind", "partner_country")
    search_fields = ("name", "founding_decision_number")
    autocomplete_fields = ("agency", "union", "partner_country")
    list_select_related = ("union", "partner_country")
    inlines = (AssociationTermInline, AssociationOfficerInline, AssociationChapterInline)

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(chapter_total=Count("chapters", distinct=True))

    @admin.display(description=_("chapters"), ordering="chapter_total")
    def chapter_count(self, association: FriendshipAssociation) -> int:
        return association.chapter_total


@admin.register(AssociationTerm)
class AssociationTermAdmin(SimpleHistoryAdmin):
    list_display = ("association", "number", "start_year", "end_year", "congress_on", "executive_committee_size")
    list_filter = ("association",)
    search_fields = ("association__name",)
    autocomplete_fields = ("association",)
    list_select_related = ("association",)


@admin.register(AssociationOfficer)
class AssociationOfficerAdmin(SimpleHistoryAdmin):
    list_display = ("name", "role", "association", "term", "from_date", "to_date")
    list_filter = ("role", "association")
    search_fields = ("name", "position", "association__name")
    autocomplete_fields = ("association", "term")
    list_select_related = ("association", "term")


@admin.register(AssociationChapter)
class AssociationChapterAdmin(SimpleHistoryAdmin):
    list_display = ("name", "association", "locality", "established_on", "member_count")
    list_filter = ("association",)
    search_fields = ("name", "locality", "association__name")
    autocomplete_fields = ("association",)
    list_select_related = ("association",)


@admin.register(AssociationReport)
class AssociationReportAdmin(SimpleHistoryAdmin):
    list_display = ("association", "year", "period", "status", "submitted_at", "reviewed_at")
    list_filter = ("status", "period", "year", "association")
    search_fields = ("association__name",)
    autocomplete_fields = ("association",)
    raw_id_fields = ("submitted_by", "reviewed_by")
    list_select_related = ("association",)


class OccasionDateInline(admin.TabularInline):
    model = OccasionDate
    extra = 0
    fields = ("year", "date", "end_date")


@admin.register(Occasion)
class OccasionAdmin(SimpleHistoryAdmin):
    list_display = ("title", "kind", "date_rule", "day", "month", "base_year", "country", "is_active")
    list_filter = ("kind", "date_rule", "is_active", "country")
    search_fields = ("title", "notes")
    autocomplete_fields = ("country", "partner", "association", "agreement")
    list_select_related = ("country",)
    inlines = (OccasionDateInline,)


@admin.register(OccasionDate)
class OccasionDateAdmin(SimpleHistoryAdmin):
    list_display = ("occasion", "year", "date", "end_date")
    list_filter = ("year",)
    search_fields = ("occasion__title",)
    autocomplete_fields = ("occasion",)
    list_select_related = ("occasion",)


@admin.register(Greeting)
class GreetingAdmin(SimpleHistoryAdmin):
    list_display = ("occasion", "year", "form", "recipient", "signer", "status", "sent_on", "document_number")
    list_filter = ("status", "form", "year")
    search_fields = ("recipient", "signer", "document_number", "occasion__title")
    autocomplete_fields = ("occasion", "recipient_contact")
    raw_id_fields = ("assigned_to",)
    list_select_related = ("occasion",)
