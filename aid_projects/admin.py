"""Admin for foreign NGO aid: projects with their transactions and reports inline (history kept by simple-history).

The status is read-only once a project exists: it changes through `doingoai.core.services.transition`.
"""

from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from plans.admin import StatusReadOnlyOnChangeMixin

from .models import AidProject, AidReport, MobilisationProgramme, Sector, Transaction


@admin.register(Sector)
class SectorAdmin(SimpleHistoryAdmin):
    list_display = ("name", "code")
    search_fields = ("name", "code")


@admin.register(MobilisationProgramme)
class MobilisationProgrammeAdmin(SimpleHistoryAdmin):
    list_display = ("title", "decision_number", "start_year", "end_year", "target_usd")
    search_fields = ("title", "decision_number")


class TransactionInline(admin.TabularInline):
    model = Transaction
    extra = 0
    fields = ("kind", "date", "amount", "currency", "exchange_rate_vnd", "form", "note")


class AidReportInline(admin.TabularInline):
    model = AidReport
    extra = 0
    fields = ("period", "period_start", "period_end", "opening_balance_vnd", "received_vnd", "used_vnd",
              "closing_balance_vnd", "submitted_on")


@admin.register(AidProject)
class AidProjectAdmin(StatusReadOnlyOnChangeMixin, SimpleHistoryAdmin):
    list_display = ("code", "name_vi", "form", "donor", "governing_agency", "committed_amount", "currency",
                    "approved_on", "status")
    list_filter = ("status", "form", "delivery", "management_form", "sectors", "state_budget_revenue")
    search_fields = ("code", "name_vi", "name_en", "beneficiaries", "approval_number")
    date_hierarchy = "approved_on"
    raw_id_fields = ("donor", "governing_agency", "aid_owner", "locations")
    autocomplete_fields = ("sectors", "programme", "plan_activities")
    list_select_related = ("donor", "governing_agency")
    inlines = [TransactionInline, AidReportInline]


@admin.register(Transaction)
class TransactionAdmin(SimpleHistoryAdmin):
    list_display = ("project", "kind", "date", "amount", "currency", "exchange_rate_vnd", "form")
    list_filter = ("kind", "form", "currency")
    search_fields = ("project__code", "project__name_vi", "note")
    date_hierarchy = "date"
    autocomplete_fields = ("project",)
    list_select_related = ("project",)


@admin.register(AidReport)
class AidReportAdmin(SimpleHistoryAdmin):
    list_display = ("project", "period", "period_start", "period_end", "received_vnd", "used_vnd",
                    "closing_balance_vnd", "submitted_on")
    list_filter = ("period",)
    search_fields = ("project__code", "project__name_vi", "notes")
    autocomplete_fields = ("project",)
    list_select_related = ("project",)
