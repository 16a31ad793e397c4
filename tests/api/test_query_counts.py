"""No query per row: every list endpoint makes as many queries for 50 rows as for 1, nested rows included."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from doingoai.api.models import ApiToken

from .specs import SPECS


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, {"page_size": 100})
    assert response.status_code == 200, response.content
    return len(context.captured_queries)


@pytest.mark.parametrize("name", SPECS)
def test_list_query_count_does_not_grow_with_rows(api_as, world, name):
    spec = SPECS[name]
    client = api_as("staff")
    url = reverse(f"api:{spec.basename}-list")
    spec.row()
    client.get(url)  # warm per-process caches (content types, translations) before counting
    with_one = count_queries(client, url)
    for _ in range(49):
        spec.row()
    with_fifty = count_queries(client, url)
    assert with_one == with_fifty


@pytest.mark.parametrize("name", ["activity", "plan", "delegation", "aidproject"])
def test_partner_list_query_count_does_not_grow_with_rows(api_as, world, name):
    """The scoped prefetches (partners, agreements, members…) of a partner user's list are constant too."""
    spec = SPECS[name]
    client = api_as("focal_a")
    url = reverse(f"api:{spec.basename}-list")
    spec.target(world)
    client.get(url)
    with_one = count_queries(client, url)
    for _ in range(19):
        spec.target(world)
    with_twenty = count_queries(client, url)
    assert with_one == with_twenty


def test_token_list_query_count_does_not_grow_with_rows(api_as, world):
    client = api_as("staff")
    url = reverse("api:apitoken-list")
    client.get(url)
    with_one = count_queries(client, url)
    for index in range(49):
        ApiToken.issue(world.users["staff"], name=f"token {index}")
    with_fifty = count_queries(client, url)
    assert with_one == with_fifty
