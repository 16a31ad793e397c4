from django.contrib import admin

from .models import StateTransition


@admin.register(StateTransition)
class StateTransitionAdmin(admin.ModelAdmin):
    list_display = ("at", "content_type", "object_id", "from_status", "to_status", "by")
    list_filter = ("content_type", "to_status")
    search_fields = ("comment",)
    date_hierarchy = "at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
