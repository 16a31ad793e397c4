"""Signal receivers of the operations app, connected when the app is ready."""

from __future__ import annotations

import logging
import socket
import sys

from celery import signals as celery_signals
from django.core.signals import got_request_exception
from django.db import connections
from django.db.backends.signals import connection_created
from django.dispatch import receiver

from .db import install_timer
from .logging import request_id_var, task_var
from .outage import is_outage

logger = logging.getLogger(__name__)

# The Celery message header that carries the id of the request that queued a task.
REQUEST_ID_HEADER = "doingoai_request_id"


@receiver(connection_created, dispatch_uid="doingoai.ops.install_timer")
def time_queries(sender, connection, **kwargs) -> None:
    install_timer(connection)


@receiver(got_request_exception, dispatch_uid="doingoai.ops.mark_outage")
def mark_outage(sender, request=None, **kwargs) -> None:
    """An exception that Django turns into a 500 outside the view: note it if it is an outage (middleware 503s)."""
    exception = sys.exc_info()[1]
    if request is not None and exception is not None and is_outage(exception):
        request._doingoai_outage = exception


@celery_signals.worker_ready.connect(dispatch_uid="doingoai.ops.worker_ready")
def worker_started(sender=None, **kwargs) -> None:
    """A worker that has just started reports at once, without waiting for beat's first heartbeat."""
    from .heartbeat import record_heartbeat

    hostname = getattr(sender, "hostname", None) or socket.gethostname()
    try:
        record_heartbeat(hostname, started=True)
    except Exception:  # noqa: BLE001 - a worker must start even if the database is down for a moment
        logger.exception("Could not record the start of worker %s", hostname)
    finally:
        # This runs in the parent process; its connection must not be inherited by the pool's children.
        for connection in connections.all(initialized_only=True):
            if not connection.in_atomic_block:
                connection.close()


@celery_signals.before_task_publish.connect(dispatch_uid="doingoai.ops.pass_request_id")
def pass_request_id(headers=None, **kwargs) -> None:
    request_id = request_id_var.get()
    if request_id and headers is not None:
        headers.setdefault(REQUEST_ID_HEADER, request_id)


_task_tokens: dict[str, tuple] = {}


@celery_signals.task_prerun.connect(dispatch_uid="doingoai.ops.task_context")
def enter_task(task_id=None, task=None, **kwargs) -> None:
    """Log lines written by a task carry its id and name, and the id of the request that queued it."""
    request_id = getattr(task.request, REQUEST_ID_HEADER, None) or request_id_var.get() or task_id
    _task_tokens[task_id] = (request_id_var.set(request_id), task_var.set((task_id, task.name)))


@celery_signals.task_postrun.connect(dispatch_uid="doingoai.ops.task_context_end")
def leave_task(task_id=None, **kwargs) -> None:
    tokens = _task_tokens.pop(task_id, None)
    if tokens:
        try:
            task_var.reset(tokens[1])
            request_id_var.reset(tokens[0])
        except ValueError:  # set in another context (a pool that moved the task): nothing to undo here
            pass
