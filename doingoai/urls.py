"""The top of the site: composes every app's pages, the API and the admin."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("doingoai.dashboard.urls")),
    path("", include("doingoai.core.urls")),
    path("accounts/", include("doingoai.accounts.urls")),
    path("files/", include("doingoai.files.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("plans/", include("plans.urls")),
    path("partners/", include("partners.urls")),
    path("delegations/", include("delegations.urls")),
    path("aid-projects/", include("aid_projects.urls")),
    path("reports/", include("doingoai.reports.urls")),
    path("calendar/", include("doingoai.agenda.urls")),
    path("notifications/", include("doingoai.notifications.urls")),
    path("api/", include("doingoai.api_urls")),
    path("admin/", admin.site.urls),
]
