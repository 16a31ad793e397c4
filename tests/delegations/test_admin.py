"""The admin of the delegations app opens for every model: list, add form, change form and history."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests import factories

RECORDS = {
    "delegation": lambda: factories.DelegationFactory(),
    "delegationmember": lambda: factories.DelegationMemberFactory(),
    "programmeitem": lambda: factories.ProgrammeItemFactory(),
    "gift": lambda: factories.GiftFactory(),
}


@pytest.mark.parametrize("model", RECORDS)
def test_admin_pages_open(client_as, model):
    client = client_as("admin")
    record = RECORDS[model]()
    assert client.get(reverse(f"admin:delegations_{model}_changelist"), {"q": "x"}).status_code == 200
    assert client.get(reverse(f"admin:delegations_{model}_add")).status_code == 200
    assert client.get(reverse(f"admin:delegations_{model}_change", args=[record.pk])).status_code == 200
    assert client.get(reverse(f"admin:delegations_{model}_history", args=[record.pk])).status_code == 200


def test_delegation_status_is_read_only_once_created(client_as):
    delegation = factories.DelegationFactory()
    client = client_as("admin")
    assert 'name="status"' in client.get(reverse("admin:delegations_delegation_add")).content.decode()
    page = client.get(reverse("admin:delegations_delegation_change", args=[delegation.pk])).content.decode()
    assert 'name="status"' not in page
