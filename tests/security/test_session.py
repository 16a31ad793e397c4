"""Sessions expire: after SESSION_COOKIE_AGE, or (if configured) when the browser closes."""

from __future__ import annotations

import datetime

from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import timezone

from tests import factories


def log_in() -> Client:
    client = Client()
    assert client.post("/accounts/login/", {"username": "p_staff", "password": factories.PASSWORD}).status_code == 302
    return client


def test_login_lasts_the_configured_time(world, settings):
    settings.SESSION_COOKIE_AGE = 3600
    client = log_in()
    assert client.cookies[settings.SESSION_COOKIE_NAME]["max-age"] == 3600
    assert client.session.get_expiry_age() == 3600


def test_expired_login_sends_back_to_the_login_page(world):
    client = log_in()
    assert client.get("/").status_code == 200
    Session.objects.update(expire_date=timezone.now() - datetime.timedelta(seconds=1))
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_login_can_end_with_the_browser(world, settings):
    settings.SESSION_EXPIRE_AT_BROWSER_CLOSE = True
    client = log_in()
    assert client.cookies[settings.SESSION_COOKIE_NAME]["max-age"] == ""
    assert client.session.get_expire_at_browser_close()
