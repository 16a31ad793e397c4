"""A year filter given nonsense answers with the list (the bad value ignored), never a server error."""

import pytest
from django.urls import reverse


@pytest.mark.parametrize("url_name", ["delegations:delegation_list", "aid_projects:aidproject_list", "plans:directive_list"])
@pytest.mark.parametrize("value", ["0", "0.0", "-5", "99999", "abc"])
def test_a_bad_year_is_refused_cleanly(client_as, url_name, value):
    response = client_as("staff").get(reverse(url_name), {"year": value})
    assert response.status_code == 200


def test_a_good_year_still_filters(client_as):
    from tests.factories import DelegationFactory

    DelegationFactory(title="Đoàn năm 2026")
    response = client_as("staff").get(reverse("delegations:delegation_list"), {"year": "2026"})
    assert "Đoàn năm 2026" in response.content.decode()
    response = client_as("staff").get(reverse("delegations:delegation_list"), {"year": "2025"})
    assert "Đoàn năm 2026" not in response.content.decode()
