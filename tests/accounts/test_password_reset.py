"""Password reset by e-mail: a one-time link, no hint whether an address is known, and the lockout lifted."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.test import Client

from doingoai.accounts.models import User
from tests import factories


@pytest.fixture
def officer(db):
    return factories.UserFactory(
        username="can_bo", first_name="Lan", last_name="Nguyễn", role=User.Role.STAFF, email="lan@example.gov.vn"
    )


def english_client() -> Client:
    client = Client()
    client.cookies["django_language"] = "en"
    return client


def request_link(client: Client, email: str) -> str | None:
    response = client.post("/accounts/password/reset/", {"email": email})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/password/reset/sent/"
    if not mail.outbox:
        return None
    return re.search(r"https?://testserver(/accounts/password/reset/\S+/)", mail.outbox[-1].body).group(1)


def test_pages_open_for_anonymous_visitors(db):
    client = Client()
    for path in ("/accounts/password/reset/", "/accounts/password/reset/sent/", "/accounts/password/reset/done/"):
        assert client.get(path).status_code == 200, path


def test_login_page_links_to_the_reset(db):
    assert 'href="/accounts/password/reset/"' in Client().get("/accounts/login/").content.decode()


def test_reset_mail_carries_a_link_and_the_username(officer):
    client = english_client()
    link = request_link(client, "LAN@example.gov.vn")
    message = mail.outbox[0]
    assert message.to == ["lan@example.gov.vn"]
    assert message.subject == "Reset your password for the portal of Sở Ngoại vụ Đồng Tháp"
    assert "Dear Lan Nguyễn," in message.body
    assert "Your username is: can_bo" in message.body
    assert "expires after 72 hours" in message.body
    assert link


def test_reset_mail_is_in_vietnamese_by_default_with_the_same_link(officer):
    link = request_link(Client(), "lan@example.gov.vn")
    assert link in mail.outbox[0].body
    assert "can_bo" in mail.outbox[0].body


def test_new_password_works_and_the_link_only_once(officer):
    client = Client()
    link = request_link(client, "lan@example.gov.vn")
    form_page = client.get(link, follow=True)
    set_password_url = form_page.redirect_chain[-1][0]
    response = client.post(set_password_url, {"new_password1": "Hữu-nghị-2026!", "new_password2": "Hữu-nghị-2026!"})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/password/reset/done/"
    assert Client().post("/accounts/login/", {"username": "can_bo", "password": "Hữu-nghị-2026!"}).status_code == 302

    again = Client().get(link, follow=True)
    assert 'data-testid="invalid-reset-link"' in again.content.decode()


def test_unknown_address_gets_the_same_answer_and_no_mail(officer):
    assert request_link(Client(), "ai-do@example.com") is None
    assert mail.outbox == []


def test_inactive_account_gets_no_mail(officer):
    officer.is_active = False
    officer.save()
    assert request_link(Client(), "lan@example.gov.vn") is None


def test_reset_lifts_a_lockout(officer, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        Client().post("/accounts/login/", {"username": "can_bo", "password": "sai"})
    assert Client().post("/accounts/login/", {"username": "can_bo", "password": factories.PASSWORD}).status_code == 429

    client = Client()
    link = request_link(client, "lan@example.gov.vn")
    set_password_url = client.get(link, follow=True).redirect_chain[-1][0]
    client.post(set_password_url, {"new_password1": "Hữu-nghị-2026!", "new_password2": "Hữu-nghị-2026!"})
    assert Client().post("/accounts/login/", {"username": "can_bo", "password": "Hữu-nghị-2026!"}).status_code == 302
