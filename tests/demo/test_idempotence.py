"""`load_demo` on an empty database: it reports what it loaded, and running it again changes nothing."""

from __future__ import annotations

import datetime
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command

from doingoai.demo.loader import PASSWORD, DemoLoader

pytestmark = pytest.mark.django_db

DOMAIN_APPS = ("accounts", "core", "partners", "plans", "delegations", "aid_projects")


def load() -> str:
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def snapshot() -> dict[str, list[dict]]:
    """Every row of every installed model, historical tables included."""
    return {
        model._meta.label: list(model._base_manager.order_by("pk").values())
        for model in apps.get_models(include_auto_created=True)
    }


@pytest.fixture
def demo() -> str:
    return load()


def test_load_demo_prints_a_summary_and_the_logins(demo):
    assert "Đồng Tháp" in demo
    for username in ("admin", "staff", "leader", "focal_finance", "focal_culture", "assoc_laos", "assoc_cambodia"):
        assert username in demo
    assert PASSWORD in demo


def test_second_run_changes_no_row_and_writes_no_history(demo):
    before = snapshot()
    output = load()
    after = snapshot()
    assert "0 records created, 0 updated, 0 link sets changed" in output
    assert {label: len(rows) for label, rows in after.items()} == {label: len(rows) for label, rows in before.items()}
    for label, rows in before.items():
        assert after[label] == rows, label


def test_run_on_a_later_day_updates_dated_records_instead_of_duplicating_them():
    DemoLoader(today=datetime.date(2026, 11, 23)).run()
    counts = {model: model._base_manager.count() for model in apps.get_models()
              if model._meta.app_label in DOMAIN_APPS and not model.__name__.startswith("Historical")}
    DemoLoader(today=datetime.date(2026, 11, 24)).run()
    assert {model: model._base_manager.count() for model in counts} == counts
