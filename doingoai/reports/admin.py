from django.contrib import admin

from .models import ReportJob


@admin.register(ReportJob)
class ReportJobAdmin(admin.ModelAdmin):
    list_display = ("title", "kind", "requested_by", "status", "progress", "attempts", "created_at", "finished_at")
    list_filter = ("status", "kind")
    search_fields = ("title", "requested_by__username")
    readonly_fields = ("kind", "title", "parameters", "requested_by", "status", "progress", "attempts", "file",
                       "pages", "size", "error_code", "error_detail", "started_at", "heartbeat_at", "finished_at",
                       "data_seconds", "render_seconds", "created_at", "modified_at")

    def has_add_permission(self, request):
        return False
