"""The admin of the plans app opens for every model: list, add form, change form and history."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests import factories

RECORDS = {
    "directive": lambda: factories.DirectiveFactory(parent=factories.DirectiveFactory()),
    "plan": lambda: factories.TaskFactory().plan,
    "task": lambda: factories.ActivityFactory().task,
    "activity": lambda: factories.ActivityFactory(coordinating_agencies=[factories.AgencyFactory()]),
    "activitycoordination": lambda: factories.ActivityFactory(
        coordinating_agencies=[factories.AgencyFactory()]
    ).coordinations.get(),
    "reportingperiod": lambda: factories.ReportingPeriodFactory(),
    "progressupdate": lambda: factories.ProgressUpdateFactory(),
}
WITH_HISTORY = set(RECORDS) - {"activitycoordination"}


@pytest.mark.parametrize("model", RECORDS)
def test_admin_pages_open(client_as, model):
    client = client_as("admin")
    record = RECORDS[model]()
    assert client.get(reverse(f"admin:plans_{model}_changelist"), {"q": "x"}).status_code == 200
    assert client.get(reverse(f"admin:plans_{model}_add")).status_code == 200
    assert client.get(reverse(f"admin:plans_{model}_change", args=[record.pk])).status_code == 200
    if model in WITH_HISTORY:
        assert client.get(reverse(f"admin:plans_{model}_history", args=[record.pk])).status_code == 200


def test_progress_updates_are_read_only_in_the_admin(client_as):
    update = factories.ProgressUpdateFactory()
    page = client_as("admin").get(reverse("admin:plans_progressupdate_change", args=[update.pk])).content.decode()
    assert 'name="narrative"' not in page
