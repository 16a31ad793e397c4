"""A year filter given nonsense answers with the list (the bad value ignored), never a server error."""

import pytest
from django.urls import reverse


YEAR_FILTERS = [
    ("delegations:delegation_list", "year"),
    ("aid_projects:aidproject_list", "year"),
    ("plans:directive_list", "year"),
    ("plans:plan_list", "year"),
    ("plans:activity_list", "year"),
    ("plans:progressupdate_list", "year"),
    ("partners:agreement_list", "signed_year"),
    ("partners:associationreport_list", "year"),
    ("partners:greeting_list", "year"),
]


@pytest.mark.parametrize(("url_name", "parameter"), YEAR_FILTERS)
@pytest.mark.parametrize("value", ["0", "0.0", "-5", "99999", "abc"])
def test_a_bad_year_is_refused_cleanly(client_as, url_name, parameter, value):
    response = client_as("staff").get(reverse(url_name), {parameter: value})
    assert response.status_code == 200


@pytest.mark.parametrize("path", ["/api/v1/delegations/", "/api/v1/plans/", "/api/v1/activities/", "/api/v1/tasks/"])
def test_a_bad_year_is_a_400_in_the_api(client_as, path):
    response = client_as("staff").get(path, {"year": "0"}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert response.json()["errors"]["year"] == ["Ensure this value is greater than or equal to 1900."]


def test_a_good_year_still_filters(client_as):
    from tests.factories import DelegationFactory

    DelegationFactory(title="Đoàn năm 2026")
    response = client_as("staff").get(reverse("delegations:delegation_list"), {"year": "2026"})
    assert "Đoàn năm 2026" in response.content.decode()
    response = client_as("staff").get(reverse("delegations:delegation_list"), {"year": "2025"})
    assert "Đoàn năm 2026" not in response.content.decode()
