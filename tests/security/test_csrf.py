"""CSRF protection is enforced: a POST without the token is refused, every rendered POST form carries one."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from tests import factories

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def test_login_without_the_token_is_refused(world):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/accounts/login/", {"username": "p_staff", "password": factories.PASSWORD})
    assert response.status_code == 403
    assert "_auth_user_id" not in client.session


def test_login_with_the_token_from_the_form_works(world):
    client = Client(enforce_csrf_checks=True)
    token = TOKEN.search(client.get("/accounts/login/").content.decode()).group(1)
    response = client.post(
        "/accounts/login/", {"username": "p_staff", "password": factories.PASSWORD, "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302


@pytest.mark.parametrize(
    "path", ["/accounts/logout/", "/i18n/setlang/", "/accounts/password/change/", "/accounts/two-factor/setup/"]
)
def test_signed_in_posts_without_the_token_are_refused(world, path):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.users["staff"])
    assert client.post(path, {"language": "en"}).status_code == 403


@pytest.mark.parametrize("path", ["/", "/plans/", "/accounts/security/", "/accounts/password/change/"])
def test_every_post_form_on_a_page_carries_the_token(client_as, path):
    html = client_as("staff").get(path).content.decode()
    forms = re.findall(r"<form\b[^>]*method=\"post\"[^>]*>(.*?)</form>", html, re.IGNORECASE | re.DOTALL)
    assert forms
    assert all(TOKEN.search(form) for form in forms)
