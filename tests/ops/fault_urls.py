"""Pages for the fault tests: one reads the database through the session and the user, one uses the Redis cache."""

from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import HttpResponse
from django.urls import include, path


@login_required
def database_page(request):
    return HttpResponse(f"{request.user.username}: {get_user_model().objects.count()} users")


def cache_page(request):
    cache.set("fault-test", "hit", 30)
    return HttpResponse(f"cache {cache.get('fault-test')}")


urlpatterns = [
    path("", include("doingoai.core.urls")),
    path("db/", database_page),
    path("cache/", cache_page),
]
