"""Celery tasks that e-mail notifications. They take ids, claim before sending, and are safe to run twice."""

from __future__ import annotations

import logging
from collections.abc import Callable

from celery import shared_task
from django.conf import settings

from . import services

logger = logging.getLogger(__name__)

MAX_RETRIES = 5


def backoff(retries: int) -> int:
    """Seconds before retry number `retries + 1`: 60, 240, 960, 3840, 15360 by default (about 5.7 hours in all);
    the base is settings.DOINGOAI["EMAIL_RETRY_SECONDS"]."""
    return int(settings.DOINGOAI.get("EMAIL_RETRY_SECONDS", 60)) * 4**retries


def _deliver(task, send: Callable[[int], str], pk: int, what: str) -> str:
    try:
        return send(pk)
    except services.EmailNotSent as error:
        if error.permanent or task.request.retries >= task.max_retries:
            logger.error("%s %s not sent, giving up: %s", what, pk, error)
            return "failed"
        if task.request.is_eager:
            # No worker to hand a delayed retry to (embedded mode): try again now, as many times as a worker would.
            for _attempt in range(task.max_retries - task.request.retries):
                try:
                    return send(pk)
                except services.EmailNotSent as again:
                    error = again
                    if again.permanent:
                        break
            logger.error("%s %s not sent, giving up: %s", what, pk, error)
            return "failed"
        logger.warning("%s %s not sent (%s); retrying.", what, pk, error)
        raise task.retry(exc=error, countdown=backoff(task.request.retries)) from error


@shared_task(bind=True, acks_late=True, ignore_result=True, max_retries=MAX_RETRIES)
def send_digest(self, digest_id: int) -> str:
    """Send the digest e-mail `digest_id` once; retry a transient SMTP failure with backoff."""
    return _deliver(self, services.send_digest, digest_id, "Digest")


@shared_task(bind=True, acks_late=True, ignore_result=True, max_retries=MAX_RETRIES)
def send_notification_email(self, notification_id: int) -> str:
    """E-mail notification `notification_id` on its own, once; retry a transient SMTP failure with backoff."""
    return _deliver(self, services.send_notification_email, notification_id, "Notification")
