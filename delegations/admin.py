"""Admin for delegations with their members, programme and gifts inline (history kept by simple-history).

The status is read-only once a delegation exists: it changes through `doingoai.core.services.transition`.
"""

from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from plans.admin import StatusReadOnlyOnChangeMixin

from .models import Delegation, DelegationMember, Gift, ProgrammeItem


class DelegationMemberInline(admin.TabularInline):
    model = DelegationMember
    extra = 0
    fields = ("precedence", "name_native", "name_latin", "title", "organisation", "nationality", "languages",
              "dietary_needs", "is_head")
    raw_id_fields = ("nationality",)


class ProgrammeItemInline(admin.TabularInline):
    model = ProgrammeItem
    extra = 0
    fields = ("starts_at", "ends_at", "place", "activity", "responsible_officer")


class GiftInline(admin.TabularInline):
    model = Gift
    extra = 0
    fields = ("direction", "description", "counterpart", "quantity", "value_vnd")


@admin.register(Delegation)
class DelegationAdmin(StatusReadOnlyOnChangeMixin, SimpleHistoryAdmin):
    list_display = ("title", "direction", "channel", "level", "start_date", "end_date", "host_agency", "status")
    list_filter = ("direction", "channel", "level", "status", "funding_source", "in_annual_plan")
    search_fields = ("title", "head_name", "cities", "purpose", "approval_number", "report_number")
    date_hierarchy = "start_date"
    raw_id_fields = ("host_agency", "countries", "partners", "agreements")
    autocomplete_fields = ("plan_activity",)
    list_select_related = ("host_agency",)
    inlines = [DelegationMemberInline, ProgrammeItemInline, GiftInline]


@admin.register(DelegationMember)
class DelegationMemberAdmin(SimpleHistoryAdmin):
    list_display = ("name_latin", "name_native", "title", "organisation", "delegation", "precedence", "is_head")
    list_filter = ("is_head",)
    search_fields = ("name_latin", "name_native", "organisation", "delegation__title")
    autocomplete_fields = ("delegation",)
    raw_id_fields = ("nationality",)
    list_select_related = ("delegation",)


@admin.register(ProgrammeItem)
class ProgrammeItemAdmin(SimpleHistoryAdmin):
    list_display = ("activity", "starts_at", "ends_at", "place", "responsible_officer", "delegation")
    search_fields = ("activity", "place", "responsible_officer", "delegation__title")
    autocomplete_fields = ("delegation",)
    list_select_related = ("delegation",)


@admin.register(Gift)
class GiftAdmin(SimpleHistoryAdmin):
    list_display = ("description", "direction", "counterpart", "quantity", "value_vnd", "delegation")
    list_filter = ("direction",)
    search_fields = ("description", "counterpart", "delegation__title")
    autocomplete_fields = ("delegation",)
    list_select_related = ("delegation",)
