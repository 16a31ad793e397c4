"""A URLconf for the operations tests: the health check and views that fail the way outages and bugs do."""

from django.db import OperationalError, connection
from django.http import HttpResponse
from django.urls import include, path
from redis.exceptions import ConnectionError as RedisConnectionError


def database_down(request):
    raise OperationalError("connection to server at 127.0.0.1, port 9 failed: Connection refused")


def redis_down(request):
    raise RedisConnectionError("Error 111 connecting to 127.0.0.1:9. Connection refused.")


def bug(request):
    raise ValueError("a bug, not an outage")


def three_queries(request):
    with connection.cursor() as cursor:
        for _ in range(3):
            cursor.execute("SELECT 1")
    return HttpResponse("ok")


def slow_query(request):
    with connection.cursor() as cursor:
        cursor.execute(
            "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 20000) SELECT count(*) FROM c"
        )
    return HttpResponse("ok")


def fine(request):
    return HttpResponse("fine")


class FailingMiddleware:
    """Fails after the view, as a session save does when the database has just gone away."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path == "/boom/middleware/":
            raise OperationalError("server closed the connection unexpectedly")
        return response


urlpatterns = [
    path("", include("doingoai.core.urls")),
    path("boom/database/", database_down),
    path("boom/redis/", redis_down),
    path("boom/bug/", bug),
    path("boom/middleware/", fine),
    path("api/v1/boom/", database_down),
    path("queries/", three_queries),
    path("slow/", slow_query),
    path("fine/", fine),
]
