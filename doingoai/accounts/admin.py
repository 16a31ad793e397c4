from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ("username", "get_full_name", "role", "agency", "association", "is_active", "last_login")
    list_filter = ("role", "is_active", "is_staff")
    search_fields = ("username", "first_name", "last_name", "email")
    raw_id_fields = ("agency", "association")
    fieldsets = DjangoUserAdmin.fieldsets + (
        (_("Role and scope"), {"fields": ("role", "agency", "association", "job_title", "phone")}),
    )
    add_fieldsets = DjangoUserAdmin.add_fieldsets + (
        (_("Role and scope"), {"fields": ("role", "agency", "association")}),
    )
