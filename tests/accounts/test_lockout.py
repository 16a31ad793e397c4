"""Login lockout (django-axes): after repeated failures the account is blocked for a while, with a clear page."""

from __future__ import annotations

import datetime

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.test import Client
from django.utils import timezone

from doingoai.accounts.models import User
from tests import factories

PASSWORD = factories.PASSWORD


@pytest.fixture
def officer(db):
    return factories.UserFactory(username="can_bo", role=User.Role.STAFF, email="can.bo@example.gov.vn")


def english_client(**extra) -> Client:
    client = Client(**extra)
    client.cookies["django_language"] = "en"
    return client


def log_in(client: Client, username: str, password: str, path: str = "/accounts/login/"):
    return client.post(path, {"username": username, "password": password})


def fail(client: Client, username: str, times: int, path: str = "/accounts/login/"):
    return [log_in(client, username, "sai-mật-khẩu", path) for _ in range(times)]


def test_failures_below_the_limit_only_show_the_form_error(officer, settings):
    responses = fail(english_client(), "can_bo", settings.AXES_FAILURE_LIMIT - 1)
    assert {response.status_code for response in responses} == {200}
    assert 'data-testid="login-error"' in responses[-1].content.decode()
    assert log_in(Client(), "can_bo", PASSWORD).status_code == 302


def test_reaching_the_limit_locks_the_account_with_a_clear_page(officer, settings):
    client = english_client()
    responses = fail(client, "can_bo", settings.AXES_FAILURE_LIMIT)
    locked = responses[-1]
    assert locked.status_code == 429
    html = locked.content.decode()
    assert 'data-testid="locked-out"' in html
    assert f"There were {settings.AXES_FAILURE_LIMIT} failed login attempts for this account." in html
    assert "logging in is blocked for 15 minutes" in html
    assert 'href="/accounts/password/reset/"' in html


def test_locked_account_refuses_even_the_right_password(officer, settings):
    client = Client()
    fail(client, "can_bo", settings.AXES_FAILURE_LIMIT)
    response = log_in(client, "can_bo", PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_lockout_ends_after_the_cool_off(officer, settings):
    fail(Client(), "can_bo", settings.AXES_FAILURE_LIMIT)
    AccessAttempt.objects.update(attempt_time=timezone.now() - settings.AXES_COOLOFF_TIME - datetime.timedelta(1))
    assert log_in(Client(), "can_bo", PASSWORD).status_code == 302


def test_failure_limit_and_cool_off_come_from_settings(officer, settings):
    settings.AXES_FAILURE_LIMIT = 2
    settings.AXES_COOLOFF_TIME = datetime.timedelta(minutes=40)
    responses = fail(english_client(), "can_bo", 2)
    assert [response.status_code for response in responses] == [200, 429]
    assert "blocked for 40 minutes" in responses[-1].content.decode()


def test_lockout_applies_to_one_account_from_one_address(officer, settings):
    other = factories.UserFactory(username="dong_nghiep", role=User.Role.STAFF)
    fail(Client(REMOTE_ADDR="203.0.113.7"), "can_bo", settings.AXES_FAILURE_LIMIT)
    # A colleague behind the same address, and the same person from elsewhere, still log in.
    assert log_in(Client(REMOTE_ADDR="203.0.113.7"), other.username, PASSWORD).status_code == 302
    assert log_in(Client(REMOTE_ADDR="198.51.100.2"), "can_bo", PASSWORD).status_code == 302
    assert log_in(Client(REMOTE_ADDR="203.0.113.7"), "can_bo", PASSWORD).status_code == 429


def test_admin_login_page_is_locked_too(officer, settings):
    admin_user = factories.UserFactory(username="quan_tri", role=User.Role.ADMIN, is_staff=True, is_superuser=True)
    fail(Client(), admin_user.username, settings.AXES_FAILURE_LIMIT, path="/admin/login/")
    assert log_in(Client(), admin_user.username, PASSWORD, path="/admin/login/").status_code == 429


def test_every_login_logout_and_failure_is_recorded(officer):
    client = Client(REMOTE_ADDR="203.0.113.9", HTTP_USER_AGENT="Chromium thử nghiệm")
    log_in(client, "can_bo", "sai")
    log_in(client, "can_bo", PASSWORD)
    client.post("/accounts/logout/")

    failure = AccessFailureLog.objects.get(username="can_bo")
    assert (failure.ip_address, failure.user_agent) == ("203.0.113.9", "Chromium thử nghiệm")
    login = AccessLog.objects.get(username="can_bo")
    assert (login.ip_address, login.user_agent) == ("203.0.113.9", "Chromium thử nghiệm")
    assert login.logout_time is not None


def test_admin_sees_the_login_records(client_as, officer):
    log_in(Client(), "ke_la", "thu-mat-khau")
    log_in(Client(), "can_bo", PASSWORD)
    admin = client_as("admin")
    # Logins, every failed attempt, and the failure counters that lock (an admin deletes one to unblock).
    for page, username in (("accesslog", "can_bo"), ("accessfailurelog", "ke_la"), ("accessattempt", "ke_la")):
        response = admin.get(f"/admin/axes/{page}/")
        assert response.status_code == 200, page
        assert username in response.content.decode(), page
    assert client_as("staff").get("/admin/axes/accesslog/").status_code == 302


def test_test_client_logins_keep_working(officer):
    # force_login and login() never pass a request; the lockout backend lets them through in tests only.
    assert Client().login(username="can_bo", password=PASSWORD)
    client = Client()
    client.force_login(officer)
    assert client.get("/").status_code == 200


def test_lockout_backend_demands_a_request_outside_tests(settings):
    from axes.exceptions import AxesBackendRequestParameterRequired

    from doingoai.accounts.backends import LoginLockoutBackend

    settings.TESTING = False
    with pytest.raises(AxesBackendRequestParameterRequired):
        LoginLockoutBackend().authenticate(None, username="can_bo", password=PASSWORD)


def test_client_address_behind_trusted_proxies(settings, rf):
    from doingoai.accounts.lockout import client_ip

    request = rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.5")
    assert client_ip(request) == "10.0.0.2"
    settings.DOINGOAI = {**settings.DOINGOAI, "TRUSTED_PROXIES": 1}
    assert client_ip(request) == "203.0.113.5"
    settings.DOINGOAI = {**settings.DOINGOAI, "TRUSTED_PROXIES": 3}
    assert client_ip(request) == "10.0.0.2"
