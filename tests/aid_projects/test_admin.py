"""The admin of the aid_projects app opens for every model: list, add form, change form and history."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests import factories

RECORDS = {
    "sector": lambda: factories.SectorFactory(),
    "mobilisationprogramme": lambda: factories.MobilisationProgrammeFactory(),
    "aidproject": lambda: factories.TransactionFactory().project,
    "transaction": lambda: factories.TransactionFactory(),
    "aidreport": lambda: factories.AidReportFactory(),
}


@pytest.mark.parametrize("model", RECORDS)
def test_admin_pages_open(client_as, model):
    client = client_as("admin")
    record = RECORDS[model]()
    assert client.get(reverse(f"admin:aid_projects_{model}_changelist"), {"q": "x"}).status_code == 200
    assert client.get(reverse(f"admin:aid_projects_{model}_add")).status_code == 200
    assert client.get(reverse(f"admin:aid_projects_{model}_change", args=[record.pk])).status_code == 200
    assert client.get(reverse(f"admin:aid_projects_{model}_history", args=[record.pk])).status_code == 200
