"""The bare references of benchmarks/web.py: the same rows with one query (pages) or DRF's two (API lists)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.urls("benchmarks.urls")]


@pytest.fixture
def activities():
    task = factories.TaskFactory()
    return [factories.ActivityFactory(task=task, number=number) for number in range(1, 61)]


def test_reference_page_renders_fifty_rows_with_one_query(client, activities):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/bench/pages/activities/")
    assert response.status_code == 200
    assert len(queries) == 1
    assert response.content.decode().count("<tr>") == 51  # the header and 50 rows


def test_reference_api_list_is_drf_with_its_count(client, activities):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/bench/api/activities/?page=2")
    assert response.status_code == 200
    assert len(queries) == 2
    body = response.json()
    assert body["count"] == 60 and len(body["results"]) == 10


@pytest.mark.parametrize("slug", ["foreign-partners", "delegations", "aid-projects"])
def test_every_reference_answers(client, slug):
    assert client.get(f"/bench/pages/{slug}/").status_code == 200
    assert client.get(f"/bench/api/{slug}/").status_code == 200
