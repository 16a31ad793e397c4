"""The user's own sign-in page lists their recent logins and failed attempts, and nobody else's."""

from __future__ import annotations

from django.test import Client

from tests import factories


def test_security_page_lists_own_logins_and_failures_only(world):
    staff = world.users["staff"]
    Client(REMOTE_ADDR="203.0.113.20").post("/accounts/login/", {"username": staff.username, "password": "sai"})
    Client(REMOTE_ADDR="198.51.100.30").post("/accounts/login/", {"username": "p_leader", "password": "sai"})
    client = Client(REMOTE_ADDR="203.0.113.21")
    client.post("/accounts/login/", {"username": staff.username, "password": factories.PASSWORD})

    html = client.get("/accounts/security/").content.decode()
    logins = html.split('data-testid="sign-ins"')[1].split("</table>")[0]
    failures = html.split('data-testid="failures"')[1].split("</table>")[0]
    assert "203.0.113.21" in logins
    assert "203.0.113.20" in failures
    assert "198.51.100.30" not in html


def test_security_page_is_linked_from_the_user_menu(client_as):
    assert 'href="/accounts/security/"' in client_as("rep_x").get("/").content.decode()
