from django.urls import path

from . import views
from .views import progress

app_name = "plans"
urlpatterns = [
    path("", views.PlanListView.as_view(), name="plan_list"),
    path("new/", views.PlanCreateView.as_view(), name="plan_create"),
    path("<int:pk>/", views.PlanDetailView.as_view(), name="plan_detail"),
    path("<int:pk>/edit/", views.PlanUpdateView.as_view(), name="plan_update"),
    path("<int:pk>/delete/", views.PlanDeleteView.as_view(), name="plan_delete"),
    path("<int:pk>/history/", views.PlanHistoryView.as_view(), name="plan_history"),
    path("<int:pk>/editor/", views.PlanEditorView.as_view(), name="plan_editor"),
    path("<int:pk>/workflow/", views.PlanWorkflowView.as_view(), name="plan_workflow"),
    path("<int:pk>/copy/", views.PlanCopyView.as_view(), name="plan_copy"),
    path("<int:pk>/changes/", views.PlanChangesView.as_view(), name="plan_changes"),
    path("<int:plan_pk>/tasks/new/", views.TaskCreateView.as_view(), name="task_create"),
    path("tasks/<int:pk>/edit/", views.TaskUpdateView.as_view(), name="task_update"),
    path("tasks/<int:pk>/delete/", views.TaskDeleteView.as_view(), name="task_delete"),
    path("tasks/<int:pk>/move/", views.TaskMoveView.as_view(), name="task_move"),
    path("tasks/<int:pk>/history/", views.TaskHistoryView.as_view(), name="task_history"),
    path("tasks/<int:task_pk>/activities/new/", views.ActivityCreateView.as_view(), name="activity_create"),
    path("tasks/<int:pk>/reorder/", views.ActivityReorderView.as_view(), name="activity_reorder"),
    path("directives/", views.DirectiveListView.as_view(), name="directive_list"),
    path("directives/new/", views.DirectiveCreateView.as_view(), name="directive_create"),
    path("directives/<int:pk>/", views.DirectiveDetailView.as_view(), name="directive_detail"),
    path("directives/<int:pk>/edit/", views.DirectiveUpdateView.as_view(), name="directive_update"),
    path("directives/<int:pk>/delete/", views.DirectiveDeleteView.as_view(), name="directive_delete"),
    path("directives/<int:pk>/history/", views.DirectiveHistoryView.as_view(), name="directive_history"),
    path("activities/", views.ActivityListView.as_view(), name="activity_list"),
    path("activities/<int:pk>/", views.ActivityDetailView.as_view(), name="activity_detail"),
    path("activities/<int:pk>/edit/", views.ActivityUpdateView.as_view(), name="activity_update"),
    path("activities/<int:pk>/delete/", views.ActivityDeleteView.as_view(), name="activity_delete"),
    path("activities/<int:pk>/move/", views.ActivityMoveView.as_view(), name="activity_move"),
    path("activities/<int:pk>/status/", views.ActivityStatusView.as_view(), name="activity_status"),
    path("activities/<int:pk>/history/", views.ActivityHistoryView.as_view(), name="activity_history"),
    path("progress-updates/", views.ProgressUpdateListView.as_view(), name="progressupdate_list"),
    path("progress-updates/<int:pk>/", views.ProgressUpdateDetailView.as_view(), name="progressupdate_detail"),
    path("progress-updates/<int:pk>/review/", progress.review, name="progressupdate_review"),
    path("activities/<int:pk>/report/", progress.report_progress, name="activity_report"),
]
