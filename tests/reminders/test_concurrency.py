"""Two workers running the same day at the same moment send each reminder, and each user's digest, once."""

from __future__ import annotations

import threading

import pytest
from django.conf import settings
from django.db import connection

from doingoai.notifications.models import Notification
from doingoai.reminders.models import SentReminder
from doingoai.reminders.services import run_daily

from .conftest import TODAY

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not settings.USING_POSTGRES, reason="SQLite has one writer: nothing runs at the same time"),
]


def test_two_runs_at_once_claim_and_send_once(province, smtp):
    barrier = threading.Barrier(2)
    errors = []

    def worker():
        try:
            barrier.wait()
            run_daily(TODAY)
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert SentReminder.objects.count() == 7
    assert Notification.objects.count() == 9
    assert sorted(smtp.recipients()) == sorted(
        province.world.users[persona].email for persona in ("staff", "leader", "focal_a", "rep_x"))
