"""API clients for the personas: each signed in with a token of its own, as a program would be."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from conftest import PERSONAS
from doingoai.api.models import ApiToken


@pytest.fixture
def api_as(world):
    """`api_as("staff")` is an API client sending a read-write token of that persona; "anonymous" sends none.

    `api_as("staff", scope="read")` uses a read-only token instead.
    """

    def make(persona: str, *, scope: str = ApiToken.Scope.READ_WRITE) -> APIClient:
        assert persona in PERSONAS, persona
        client = APIClient()
        if persona != "anonymous":
            _token, key = ApiToken.issue(world.users[persona], name=f"test {persona}", scope=scope)
            client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
        return client

    return make
