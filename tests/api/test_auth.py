"""Tokens: obtained with a username and password, read-only or read-write, listed and revoked by their owner;
anonymous requests get 401 with a WWW-Authenticate header, never a redirect to the login page."""

from __future__ import annotations

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from doingoai.api.models import ApiToken, hash_key
from tests import factories

TOKEN_URL = "/api/v1/auth/token/"


def token_client(key: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


def test_username_and_password_give_a_token_that_works(world):
    response = APIClient().post(
        TOKEN_URL, {"username": "p_staff", "password": factories.PASSWORD, "name": "sync", "scope": "read_write"},
        format="json",
    )
    assert response.status_code == 201
    body = response.json()
    token = ApiToken.objects.get(pk=body["id"])
    assert token.user == world.users["staff"]
    assert token.scope == ApiToken.Scope.READ_WRITE
    assert token.name == "sync"
    # Only the hash is stored; the key is in the answer and nowhere else.
    assert token.key_hash == hash_key(body["token"])
    assert body["token"] not in str(ApiToken.objects.values_list())
    assert body["prefix"] == body["token"][:8]
    listed = token_client(body["token"]).get(reverse("api:country-list"))
    assert listed.status_code == 200
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_a_new_token_is_read_only_unless_asked(world):
    response = APIClient().post(TOKEN_URL, {"username": "p_leader", "password": factories.PASSWORD}, format="json")
    assert response.status_code == 201
    assert response.json()["scope"] == "read"


@pytest.mark.parametrize("password", ["wrong", ""])
def test_wrong_credentials_get_no_token(world, password):
    response = APIClient().post(TOKEN_URL, {"username": "p_staff", "password": password}, format="json")
    assert response.status_code == 400
    assert response.json()["code"] == "invalid"
    assert not ApiToken.objects.exists()


def test_deactivated_user_gets_no_token_and_their_tokens_stop_working(world):
    user = world.users["staff"]
    _token, key = ApiToken.issue(user, name="old")
    user.is_active = False
    user.save()
    response = APIClient().post(TOKEN_URL, {"username": "p_staff", "password": factories.PASSWORD}, format="json")
    assert response.status_code == 400
    assert token_client(key).get(reverse("api:country-list")).status_code == 401


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_read_only_token_is_refused_every_change(api_as, world, method):
    country = factories.CountryFactory()
    client = api_as("staff", scope=ApiToken.Scope.READ)
    url = reverse("api:country-list") if method == "post" else reverse("api:country-detail", args=[country.pk])
    body = {"code": "QQ", "name_vi": "Nước", "name_en": "Land"}
    response = getattr(client, method)(url, body, format="json")
    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"
    assert client.get(url).status_code in (200, 405) and client.get(reverse("api:country-list")).status_code == 200


def test_read_only_token_cannot_move_a_record_along_its_workflow(api_as, world):
    greeting = factories.GreetingFactory()
    client = api_as("leader", scope=ApiToken.Scope.READ)
    response = client.post(reverse("api:greeting-transition", args=[greeting.pk]), {"status": "approved"}, format="json")
    assert response.status_code == 403
    greeting.refresh_from_db()
    assert greeting.status == "draft"


def test_revoked_token_gets_401(api_as, world):
    token, key = ApiToken.issue(world.users["staff"], name="to revoke", scope=ApiToken.Scope.READ_WRITE)
    client = token_client(key)
    assert client.get(reverse("api:country-list")).status_code == 200
    assert client.delete(reverse("api:apitoken-detail", args=[token.pk])).status_code == 204
    token.refresh_from_db()
    assert token.revoked_at is not None
    response = client.get(reverse("api:country-list"))
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Token")


def test_users_list_and_revoke_only_their_own_tokens(api_as, world):
    own, _key = ApiToken.issue(world.users["focal_a"], name="mine")
    other, _key = ApiToken.issue(world.users["staff"], name="not mine")
    client = api_as("focal_a")
    listed = client.get(reverse("api:apitoken-list")).json()["results"]
    names = {row["name"] for row in listed}
    assert "mine" in names and "not mine" not in names
    assert all("token" not in row and "key_hash" not in row for row in listed)
    assert client.delete(reverse("api:apitoken-detail", args=[other.pk])).status_code == 404
    other.refresh_from_db()
    assert other.revoked_at is None
    assert client.delete(reverse("api:apitoken-detail", args=[own.pk])).status_code == 204


@pytest.mark.parametrize("header", ["Token", "Token a b", "Token not-a-real-key", "Bearer xyz"])
def test_bad_credentials_are_401_or_ignored(world, header):
    response = APIClient().get(reverse("api:country-list"), HTTP_AUTHORIZATION=header)
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Token")
    assert response.json()["detail"]


def test_anonymous_gets_401_not_a_redirect(world):
    response = APIClient().get(reverse("api:plan-list"))
    assert response.status_code == 401
    assert "Location" not in response
    assert response["WWW-Authenticate"] == 'Token realm="api"'
    assert response.json()["code"] == "not_authenticated"


def test_browser_session_works_too(client_as, world):
    client = client_as("leader")
    assert client.get(reverse("api:plan-list")).status_code == 200
    # The session does not carry write rights the role lacks.
    assert client.post(reverse("api:country-list"), {}, content_type="application/json").status_code == 403


def test_session_writes_need_the_csrf_token(world):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(world.users["staff"])
    body = {"code": "QQ", "name_vi": "Nước", "name_en": "Land"}
    response = client.post(reverse("api:country-list"), body, format="json")
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]


def test_a_two_factor_login_needs_its_code_for_a_token(world):
    """A token lasts: getting one must not be a way around the second factor of the web login."""
    from django.utils import translation
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from tests.accounts.test_two_factor import code

    staff = world.users["staff"]
    device = TOTPDevice.objects.create(user=staff, name="authenticator", confirmed=True)
    credentials = {"username": "p_staff", "password": factories.PASSWORD}
    with translation.override("en"):
        without = APIClient().post(TOKEN_URL, credentials, format="json", HTTP_ACCEPT_LANGUAGE="en")
        wrong = APIClient().post(TOKEN_URL, {**credentials, "otp_code": "000000"}, format="json",
                                 HTTP_ACCEPT_LANGUAGE="en")
    assert without.status_code == 400
    assert "two-factor" in without.json()["errors"]["otp_code"][0]
    assert wrong.status_code == 400
    assert wrong.json()["errors"]["otp_code"] == ["The code is wrong or has expired."]
    assert not ApiToken.objects.filter(user=staff).exists()

    # A wrong code throttles the device for a while (django-otp); the person waits, then types the right one.
    device.refresh_from_db()
    device.throttle_reset()
    right = APIClient().post(TOKEN_URL, {**credentials, "otp_code": code(device)}, format="json")
    assert right.status_code == 201
    assert ApiToken.objects.filter(user=staff).count() == 1
