"""Every endpoint × every persona × list / retrieve / create / update / delete, with the pages' expectations:
anonymous 401 (never a redirect), out of scope 404, above the role 403."""

from __future__ import annotations

import pytest
from django.db import transaction
from django.urls import reverse

from conftest import PERSONAS

from .specs import EDITORS, SEES_EVERYTHING, SPECS

ACTIONS = ("list", "retrieve", "create", "update", "delete")


def expected_status(spec, action: str, persona: str) -> int:
    if persona == "anonymous":
        return 401
    if action == "list":
        return 200
    if action == "retrieve":
        return 200 if persona in SEES_EVERYTHING or persona in spec.visible_to else 404
    # The role is checked before the record is looked up, as on the pages: 403 whatever the record.
    if persona not in EDITORS:
        return 403
    if spec.read_only or (spec.append_only and action != "create"):
        return 405
    return {"create": 201, "update": 200, "delete": 204}[action]


def call(client, spec, action: str, world):
    if action == "list":
        return client.get(reverse(f"api:{spec.basename}-list"))
    if action == "create":
        body = spec.create(world) if spec.create else {}
        return client.post(reverse(f"api:{spec.basename}-list"), body, format="json")
    target = spec.target(world)
    if action == "delete" and spec.deletable is not None:
        target = spec.deletable(world)
    url = reverse(f"api:{spec.basename}-detail", args=[target.pk])
    if action == "retrieve":
        return client.get(url)
    if action == "update":
        return client.patch(url, spec.update, format="json")
    return client.delete(url)


def status_as(api_as, world, spec, action: str, persona: str) -> int:
    """The status `persona` gets; what the call changes is rolled back, so that each persona starts afresh."""
    with transaction.atomic():
        response = call(api_as(persona), spec, action, world)
        transaction.set_rollback(True)
    if response.status_code != 204:
        assert response["Content-Type"].startswith("application/json"), response.content
    if response.status_code == 401:
        assert response["WWW-Authenticate"].startswith("Token")
        assert "Location" not in response
    return response.status_code


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("name", SPECS)
def test_status_by_persona(api_as, world, name, action):
    spec = SPECS[name]
    statuses = {persona: status_as(api_as, world, spec, action, persona) for persona in PERSONAS}
    assert statuses == {persona: expected_status(spec, action, persona) for persona in PERSONAS}


@pytest.mark.parametrize("name", SPECS)
def test_list_shows_exactly_the_scope(api_as, world, name):
    spec = SPECS[name]
    target = spec.target(world)
    for persona in PERSONAS[1:]:
        response = api_as(persona).get(reverse(f"api:{spec.basename}-list"), {"page_size": 200})
        assert response.status_code == 200
        ids = {row["id"] for row in response.json()["results"]}
        user = world.users[persona]
        assert ids == set(spec.model.objects.for_user(user).values_list("pk", flat=True)), persona
        assert (target.pk in ids) == (persona in SEES_EVERYTHING or persona in spec.visible_to), persona
        assert response.json()["count"] == len(ids)


@pytest.mark.parametrize("name", [name for name, spec in SPECS.items() if not spec.read_only])
def test_staff_writes_are_saved(api_as, world, name):
    """What a create and an update send is what is stored, and the answer is the nested representation."""
    spec = SPECS[name]
    client = api_as("staff")
    created = client.post(reverse(f"api:{spec.basename}-list"), spec.create(world), format="json")
    assert created.status_code == 201, created.content
    record = spec.model.objects.get(pk=created.json()["id"])
    if spec.append_only:
        return
    target = spec.target(world)
    updated = client.patch(reverse(f"api:{spec.basename}-detail", args=[target.pk]), spec.update, format="json")
    assert updated.status_code == 200, updated.content
    target.refresh_from_db()
    for name, value in spec.update.items():
        assert getattr(target, name) == value
        assert updated.json()[name] == value
    assert record.pk


@pytest.mark.parametrize("name", [name for name, spec in SPECS.items() if spec.deletable])
def test_staff_deletes(api_as, world, name):
    spec = SPECS[name]
    record = spec.deletable(world)
    response = api_as("staff").delete(reverse(f"api:{spec.basename}-detail", args=[record.pk]))
    assert response.status_code == 204
    assert not spec.model.objects.filter(pk=record.pk).exists()
