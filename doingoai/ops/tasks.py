"""Celery tasks of the operations app."""

from __future__ import annotations

import socket

from celery import shared_task

from .heartbeat import record_heartbeat


@shared_task(bind=True, ignore_result=True)
def heartbeat(self) -> None:
    """Sent by beat every WORKER_HEARTBEAT_SECONDS: the worker that runs it records that it is alive.

    It proves that beat sends and a worker runs; no result is stored (one a minute would bury the others).
    """
    record_heartbeat(self.request.hostname or socket.gethostname())
