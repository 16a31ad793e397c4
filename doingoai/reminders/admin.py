from django.contrib import admin

from .models import ReminderRule, SentReminder


@admin.register(ReminderRule)
class ReminderRuleAdmin(admin.ModelAdmin):
    list_display = ("kind", "occasion_kind", "offsets", "is_active", "armed_on")
    list_filter = ("kind", "is_active")
    list_editable = ("offsets", "is_active")


@admin.register(SentReminder)
class SentReminderAdmin(admin.ModelAdmin):
    """The sent-log, read-only: deleting a row would let that reminder go out again."""

    list_display = ("text", "rule", "occurrence", "offset", "due_on", "recipient_count", "claimed_at")
    list_filter = ("rule",)
    search_fields = ("text",)
    date_hierarchy = "occurrence"

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
