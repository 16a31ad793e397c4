"""Request ids with an access log line per request, and a clean 503 when the database or Redis is down."""

from __future__ import annotations

import logging
import re
import time
import uuid

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.functional import empty
from django.utils.translation import gettext

from .db import QueryStats, query_stats_var
from .logging import request_id_var
from .outage import is_outage, outage_of

access_logger = logging.getLogger("doingoai.request")
outage_logger = logging.getLogger("doingoai.outage")

# An id passed on by a load balancer or proxy is kept if it looks like one; anything else is replaced.
INCOMING_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
# Probes answer many times a minute; their lines would drown the others.
QUIET_PATHS = ("/healthz",)
RETRY_AFTER_SECONDS = 30


class RequestIdMiddleware:
    """Gives each request an id (kept from `X-Request-ID` if sane), returns it in `X-Request-ID`, puts it on every
    log line written while serving the request, and logs one access line with the status, the time taken, and the
    number of SQL statements and their time. First in MIDDLEWARE, so that it times everything else."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.META.get("HTTP_X_REQUEST_ID", "")
        request_id = incoming if INCOMING_ID.match(incoming) else uuid.uuid4().hex
        request.request_id = request_id
        id_token = request_id_var.set(request_id)
        stats = QueryStats()
        stats_token = query_stats_var.set(stats)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = request_id
            self.log(request, response, stats, (time.perf_counter() - started) * 1000)
            return response
        finally:
            query_stats_var.reset(stats_token)
            request_id_var.reset(id_token)

    @staticmethod
    def log(request, response, stats: QueryStats, elapsed_ms: float) -> None:
        level = logging.DEBUG if request.path in QUIET_PATHS and response.status_code == 200 else logging.INFO
        if not access_logger.isEnabledFor(level):
            return
        # Only a user the request has already loaded: loading one here would cost a query, or fail in an outage.
        user = getattr(request, "user", None)
        loaded = getattr(user, "_wrapped", user) if user is not None else None
        user_id = getattr(loaded, "pk", None) if loaded is not empty else None
        access_logger.log(
            level,
            "%s %s %s",
            request.method,
            request.path,
            response.status_code,
            extra={
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "duration_ms": round(elapsed_ms, 1),
                "queries": stats.count,
                "db_ms": round(stats.ms, 1),
                "user_id": user_id,
            },
        )


class ServiceUnavailableMiddleware:
    """A 503 page (JSON under /api/) instead of a traceback when the database or Redis does not answer.

    Errors raised by views and templates arrive in `process_exception`. Errors raised by other middleware have
    already become a 500 response when they get here; `signals.mark_outage` noted the exception on the request,
    and the 500 is replaced. Nothing is kept between requests: the next request opens new connections, so the
    site recovers by itself once the service is back.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        outage = getattr(request, "_doingoai_outage", None)
        if response.status_code == 500 and outage is not None:
            return service_unavailable(request, outage)
        return response

    def process_exception(self, request, exception):
        if is_outage(exception):
            outage_logger.error(
                "%s is not answering: %s", outage_of(exception), exception.__class__.__name__, exc_info=exception,
                extra={"service": outage_of(exception), "path": request.path},
            )
            return service_unavailable(request, exception)
        return None


def service_unavailable(request, exception: BaseException) -> HttpResponse:
    """The 503 answer: rendered without the database (no context processors, no user, no session)."""
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    language = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
    request_id = getattr(request, "request_id", "")
    with translation.override(language):
        if request.path.startswith("/api/"):
            response = JsonResponse(
                {
                    "detail": gettext("The service is temporarily unavailable. Try again in a minute."),
                    "code": "service_unavailable",
                    "request_id": request_id,
                },
                status=503,
            )
        else:
            html = render_to_string(
                "503.html",
                {"request_id": request_id, "retry_url": request.get_full_path(), "LANGUAGE_CODE": language,
                 "site_config": settings.DOINGOAI},
            )
            response = HttpResponse(html, status=503)
        response.headers["Content-Language"] = language
    response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response.headers["Cache-Control"] = "no-store"
    return response
