from django.contrib import admin

from .models import DeliveryPreference, Digest, Notification


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ("recipient", "category", "text", "created_at", "read_at", "email_status")
    list_filter = ("category", "email_status")
    search_fields = ("text", "recipient__username")
    raw_id_fields = ("recipient", "digest")
    date_hierarchy = "created_at"


@admin.register(Digest)
class DigestAdmin(admin.ModelAdmin):
    list_display = ("recipient", "day", "status", "attempts", "item_count", "sent_at")
    list_filter = ("status",)
    search_fields = ("recipient__username",)
    raw_id_fields = ("recipient",)
    date_hierarchy = "day"


@admin.register(DeliveryPreference)
class DeliveryPreferenceAdmin(admin.ModelAdmin):
    list_display = ("user", "delivery")
    list_filter = ("delivery",)
    raw_id_fields = ("user",)
