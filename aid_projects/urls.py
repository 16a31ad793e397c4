from django.urls import path

from partners.urls import record_urls

from . import views

app_name = "aid_projects"
urlpatterns = [
    path("", views.AidProjectListView.as_view(), name="aidproject_list"),
    path("new/", views.AidProjectCreateView.as_view(), name="aidproject_create"),
    path("<int:pk>/", views.AidProjectDetailView.as_view(), name="aidproject_detail"),
    path("<int:pk>/edit/", views.AidProjectUpdateView.as_view(), name="aidproject_update"),
    path("<int:pk>/delete/", views.AidProjectDeleteView.as_view(), name="aidproject_delete"),
    path("<int:pk>/history/", views.AidProjectHistoryView.as_view(), name="aidproject_history"),
    path("<int:pk>/status/<str:status>/", views.AidProjectTransitionView.as_view(), name="aidproject_transition"),
    *record_urls("sectors", "sector", (
        views.SectorListView, views.SectorCreateView, views.SectorDetailView, views.SectorUpdateView,
        views.SectorDeleteView, views.SectorHistoryView,
    )),
    *record_urls("programmes", "mobilisationprogramme", (
        views.MobilisationProgrammeListView, views.MobilisationProgrammeCreateView,
        views.MobilisationProgrammeDetailView, views.MobilisationProgrammeUpdateView,
        views.MobilisationProgrammeDeleteView, views.MobilisationProgrammeHistoryView,
    )),
]
