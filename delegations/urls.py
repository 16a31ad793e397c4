from django.urls import path

from . import views

app_name = "delegations"
urlpatterns = [
    path("", views.DelegationListView.as_view(), name="delegation_list"),
    path("new/", views.DelegationCreateView.as_view(), name="delegation_create"),
    path("<int:pk>/", views.DelegationDetailView.as_view(), name="delegation_detail"),
    path("<int:pk>/edit/", views.DelegationUpdateView.as_view(), name="delegation_update"),
    path("<int:pk>/delete/", views.DelegationDeleteView.as_view(), name="delegation_delete"),
    path("<int:pk>/history/", views.DelegationHistoryView.as_view(), name="delegation_history"),
    path("<int:pk>/status/<str:status>/", views.DelegationTransitionView.as_view(), name="delegation_transition"),
]
