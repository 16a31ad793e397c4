from django.urls import path

from . import views

app_name = "notifications"
urlpatterns = [
    path("", views.NotificationListView.as_view(), name="notification_list"),
    path("read/", views.mark_read, name="notification_read"),
    path("preferences/", views.preferences, name="preferences"),
]
