"""The daily run is a django-celery-beat periodic task that administrators can edit; the migration creates it."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps
from django_celery_beat.models import PeriodicTask

from doingoai.celery import app
from doingoai.reminders.models import ReminderRule

migration = importlib.import_module("doingoai.reminders.migrations.0002_default_rules_and_schedule")

pytestmark = pytest.mark.django_db


def test_migration_creates_the_daily_task_and_the_default_rules_once():
    PeriodicTask.objects.filter(name=migration.TASK_NAME).delete()
    ReminderRule.objects.all().delete()
    migration.create(apps, None)
    migration.create(apps, None)
    task = PeriodicTask.objects.get(name=migration.TASK_NAME)
    assert task.task == "doingoai.reminders.tasks.run_daily_reminders"
    assert (task.crontab.hour, task.crontab.minute, str(task.crontab.timezone)) == ("7", "0", "Asia/Ho_Chi_Minh")
    assert task.enabled
    assert {rule.kind: rule.offsets for rule in ReminderRule.objects.all()} == dict(migration.DEFAULT_RULES)
    assert ReminderRule.objects.get(kind="occasion").offset_list() == [30, 10, 3]


def test_the_task_is_registered_with_the_celery_app():
    app.loader.import_default_modules()
    assert "doingoai.reminders.tasks.run_daily_reminders" in app.tasks
    assert "doingoai.notifications.tasks.send_digest" in app.tasks


def test_run_reminders_command_runs_the_day(rules, world, capsys):
    from django.core.management import call_command

    call_command("run_reminders", "--date", "2026-11-22")
    assert "22/11/2026" in capsys.readouterr().out


def test_run_reminders_command_refuses_a_bad_date(db):
    from django.core.management import CommandError, call_command

    with pytest.raises(CommandError):
        call_command("run_reminders", "--date", "2026-13-01")
