"""Personas shared by every test: one user per role, two of each partner kind, and a client logged in as each."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from doingoai.accounts.models import User
from tests import factories

# The Playwright fixtures (browser, page, login), shared by the browser tests of every package.
pytest_plugins = ["tests.playwright_fixtures"]

PERSONAS = ("anonymous", "admin", "staff", "leader", "focal_a", "focal_b", "rep_x", "rep_y")


@dataclass
class World:
    """The organisations the personas belong to."""

    agency_a: object
    agency_b: object
    association_x: object
    association_y: object
    users: dict


@pytest.fixture
def world(db) -> World:
    agency_a = factories.AgencyFactory(name="Cơ quan A (thử)", code="test-finance")
    agency_b = factories.AgencyFactory(name="Cơ quan B (thử)", code="test-culture")
    association_x = factories.FriendshipAssociationFactory(name="Hội hữu nghị X (thử)")
    association_y = factories.FriendshipAssociationFactory(name="Hội hữu nghị Y (thử)")
    users = {
        "admin": factories.UserFactory(username="p_admin", role=User.Role.ADMIN, is_staff=True, is_superuser=True),
        "staff": factories.UserFactory(username="p_staff", role=User.Role.STAFF),
        "leader": factories.UserFactory(username="p_leader", role=User.Role.LEADER),
        "focal_a": factories.UserFactory(username="p_focal_a", role=User.Role.AGENCY_FOCAL, agency=agency_a),
        "focal_b": factories.UserFactory(username="p_focal_b", role=User.Role.AGENCY_FOCAL, agency=agency_b),
        "rep_x": factories.UserFactory(
            username="p_rep_x", role=User.Role.ASSOCIATION_REP, association=association_x
        ),
        "rep_y": factories.UserFactory(
            username="p_rep_y", role=User.Role.ASSOCIATION_REP, association=association_y
        ),
    }
    return World(agency_a, agency_b, association_x, association_y, users)


@pytest.fixture
def client_as(world, client):
    """`client_as("focal_a")` returns a test client logged in as that persona ("anonymous": logged out)."""
    from django.test import Client

    def make(persona: str) -> Client:
        assert persona in PERSONAS, persona
        new_client = Client()
        if persona != "anonymous":
            new_client.force_login(world.users[persona])
        return new_client

    return make
