from django.contrib import admin
from django.template.defaultfilters import filesizeformat
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .models import Attachment


@admin.register(Attachment)
class AttachmentAdmin(admin.ModelAdmin):
    """Attachments are added through the portal's forms (which check them); here they are listed and deleted."""

    list_display = ("original_name", "content_type", "object_id", "purpose", "file_size", "uploaded_by", "uploaded_at")
    list_filter = ("content_type", "mime_type")
    search_fields = ("original_name",)
    date_hierarchy = "uploaded_at"
    list_select_related = ("content_type", "uploaded_by")
    fields = ("download", "content_type", "object_id", "purpose", "mime_type", "file_size", "uploaded_by", "uploaded_at")
    readonly_fields = fields

    @admin.display(description=_("size"))
    def file_size(self, attachment: Attachment) -> str:
        return filesizeformat(attachment.size)

    @admin.display(description=_("file"))
    def download(self, attachment: Attachment) -> str:
        return format_html('<a href="{}">{}</a>', attachment.get_absolute_url(), attachment.original_name)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
