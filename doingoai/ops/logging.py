"""Structured logs: one JSON object per line, carrying the id of the request or task that wrote it.

This module imports nothing from Django, so that gunicorn's own logging configuration (deploy/gunicorn.conf.py) can
use the same formatter before Django is loaded.
"""

from __future__ import annotations

import datetime
import json
import logging
from contextvars import ContextVar

# The id of the request being served (or of the request that queued the running task); "" outside both.
request_id_var: ContextVar[str] = ContextVar("doingoai_request_id", default="")
# The id and name of the Celery task being run in this context, if any.
task_var: ContextVar[tuple[str, str] | None] = ContextVar("doingoai_task", default=None)

# Attributes every LogRecord has; anything else on a record came from `extra=` and goes into the JSON object.
_STANDARD_ATTRIBUTES = set(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {"message", "asctime"}
# Django's loggers pass the request object itself; its repr says nothing the access log does not say better.
_SKIPPED_EXTRAS = {"request", "server_time"}


class RequestIdFilter(logging.Filter):
    """Puts `request_id` (and `task_id`, `task` inside a Celery task) on every record, for any formatter."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not getattr(record, "request_id", None):
            record.request_id = request_id_var.get() or "-"
        task = task_var.get()
        if task and not getattr(record, "task_id", None):
            record.task_id, record.task = task
        return True


class JsonFormatter(logging.Formatter):
    """`{"time", "level", "logger", "message", "request_id", ...extra fields, "exc"}` on one line, UTF-8 text."""

    def format(self, record: logging.LogRecord) -> str:
        payload = {
            "time": datetime.datetime.fromtimestamp(record.created, tz=datetime.timezone.utc).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", None) or request_id_var.get() or None,
        }
        for key, value in record.__dict__.items():
            if key in _STANDARD_ATTRIBUTES or key in _SKIPPED_EXTRAS or key.startswith("_") or key in payload:
                continue
            payload[key] = value
        if record.exc_info:
            payload["exc"] = self.formatException(record.exc_info)
        if record.stack_info:
            payload["stack"] = self.formatStack(record.stack_info)
        return json.dumps(payload, ensure_ascii=False, default=str)
