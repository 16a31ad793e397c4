from django.urls import path

from . import views

app_name = "dashboard"
urlpatterns = [
    path("", views.home, name="home"),
    path("dashboard/", views.leadership, name="leadership"),
    path("dashboard/export.xlsx", views.export_xlsx, name="export_xlsx"),
    path("dashboard/export.pdf", views.export_pdf, name="export_pdf"),
]
