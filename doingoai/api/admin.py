from django.contrib import admin

from .models import ApiToken


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Tokens are listed and revoked here; keys are never shown (only their hash is stored)."""

    list_display = ("name", "user", "prefix", "scope", "created_at", "last_used_at", "revoked_at")
    list_filter = ("scope",)
    search_fields = ("name", "user__username", "prefix")
    readonly_fields = ("user", "prefix", "created_at", "last_used_at")
    fields = ("user", "name", "prefix", "scope", "created_at", "last_used_at", "revoked_at")

    def has_add_permission(self, request) -> bool:
        # A key is handed out once, to its user: through the API, not by an administrator.
        return False
