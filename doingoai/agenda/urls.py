from django.urls import path

from . import views

app_name = "agenda"
urlpatterns = [
    path("", views.month, name="month"),
    path("list/", views.event_list, name="list"),
    path("feed/", views.feed_settings, name="feed_settings"),
    path("feed/<str:token>.ics", views.feed, name="feed"),
]
