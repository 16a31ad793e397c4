from django.urls import path

from . import views

app_name = "reports"
urlpatterns = [
    path("", views.ReportJobListView.as_view(), name="reportjob_list"),
    path("new/", views.catalogue, name="catalogue"),
    path("new/<slug:kind>/", views.request_report, name="reportjob_create"),
    path("<int:pk>/", views.job_detail, name="reportjob_detail"),
    path("<int:pk>/download/", views.job_download, name="reportjob_download"),
]
