"""Optional TOTP two-factor login for department users (django-otp): set-up, the second step, backup codes."""

from __future__ import annotations

import time

import pytest
from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests import factories

PASSWORD = factories.PASSWORD
DEPARTMENT = ("admin", "staff", "leader")
PARTNERS = ("focal_a", "focal_b", "rep_x", "rep_y")
TWO_FACTOR_PAGES = ("/accounts/two-factor/setup/", "/accounts/two-factor/backup-codes/", "/accounts/two-factor/disable/")


def code(device: TOTPDevice, steps_ahead: int = 0) -> str:
    """The code the phone shows now, or `steps_ahead` 30-second steps later (a used code is never accepted twice)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():0{device.digits}d}"


def set_up(client: Client, user) -> tuple[TOTPDevice, list[str]]:
    client.get("/accounts/two-factor/setup/")
    device = TOTPDevice.objects.get(user=user)
    response = client.post("/accounts/two-factor/setup/", {"code": code(device)})
    assert response["Location"] == "/accounts/two-factor/backup-codes/"
    codes = list(StaticToken.objects.filter(device__user=user).values_list("token", flat=True))
    return TOTPDevice.objects.get(pk=device.pk), codes


def password_login(username: str) -> Client:
    client = Client()
    response = client.post("/accounts/login/", {"username": username, "password": PASSWORD})
    assert response.status_code == 302
    return client


@pytest.mark.parametrize("persona", DEPARTMENT + PARTNERS + ("anonymous",))
def test_security_page_for_every_persona(client_as, persona):
    response = client_as(persona).get("/accounts/security/")
    if persona == "anonymous":
        assert response.status_code == 302
        return
    assert response.status_code == 200
    assert ('data-testid="two-factor"' in response.content.decode()) is (persona in DEPARTMENT)


@pytest.mark.parametrize("persona", PARTNERS)
@pytest.mark.parametrize("path", TWO_FACTOR_PAGES)
def test_partner_users_are_not_offered_two_factor(client_as, persona, path):
    assert client_as(persona).get(path).status_code == 403


@pytest.mark.parametrize("path", TWO_FACTOR_PAGES + ("/accounts/two-factor/verify/",))
def test_two_factor_pages_need_a_login(db, path):
    assert Client().get(path)["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("persona", DEPARTMENT)
def test_setup_page_shows_a_server_drawn_qr_code_and_the_key(client_as, persona, world):
    response = client_as(persona).get("/accounts/two-factor/setup/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<div class="qr-code my-2" data-testid="qr-code"><svg' in html
    device = TOTPDevice.objects.get(user=world.users[persona], confirmed=False)
    secret = html.split('data-testid="secret">')[1].split("<")[0].replace(" ", "")
    from base64 import b32decode

    assert b32decode(secret + "=" * (-len(secret) % 8)) == device.bin_key


def test_reloading_setup_keeps_the_same_key(client_as, world):
    client = client_as("staff")
    client.get("/accounts/two-factor/setup/")
    client.get("/accounts/two-factor/setup/")
    assert TOTPDevice.objects.filter(user=world.users["staff"]).count() == 1


def test_wrong_code_does_not_turn_it_on(client_as, world):
    client = client_as("staff")
    client.cookies["django_language"] = "en"
    client.get("/accounts/two-factor/setup/")
    response = client.post("/accounts/two-factor/setup/", {"code": "000000"})
    assert response.status_code == 200
    assert "This code does not match." in response.content.decode()
    assert not TOTPDevice.objects.filter(user=world.users["staff"], confirmed=True).exists()


def test_setup_turns_it_on_and_shows_backup_codes_once(client_as, world):
    client = client_as("leader")
    device, codes = set_up(client, world.users["leader"])
    assert device.confirmed
    assert len(codes) == 10
    page = client.get("/accounts/two-factor/backup-codes/").content.decode()
    assert all(each in page for each in codes)
    again = client.get("/accounts/two-factor/backup-codes/").content.decode()
    assert not any(each in again for each in codes)
    assert 'data-testid="two-factor-on"' in client.get("/accounts/security/").content.decode()


def test_login_asks_for_the_code_before_any_page(client_as, world):
    device, _ = set_up(client_as("staff"), world.users["staff"])
    client = password_login(world.users["staff"].username)
    for path in ("/", "/plans/", "/admin/", "/accounts/security/"):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith("/accounts/two-factor/verify/?next="), path
    assert client.get("/api/v1/").status_code == 403

    response = client.post("/accounts/two-factor/verify/?next=/plans/", {"code": code(device, 1), "next": "/plans/"})
    assert response["Location"] == "/plans/"
    assert client.get("/").status_code == 200


def test_wrong_code_at_login_keeps_the_door_shut(client_as, world):
    set_up(client_as("staff"), world.users["staff"])
    client = password_login(world.users["staff"].username)
    client.cookies["django_language"] = "en"
    response = client.post("/accounts/two-factor/verify/", {"code": "123456"})
    assert response.status_code == 200
    assert "This code is not right or has expired." in response.content.decode()
    assert client.get("/").status_code == 302


def test_verify_page_does_not_redirect_elsewhere(client_as, world):
    device, _ = set_up(client_as("staff"), world.users["staff"])
    client = password_login(world.users["staff"].username)
    response = client.post("/accounts/two-factor/verify/", {"code": code(device, 1), "next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_a_backup_code_works_once(client_as, world):
    _, codes = set_up(client_as("staff"), world.users["staff"])
    first = password_login(world.users["staff"].username)
    assert first.post("/accounts/two-factor/verify/", {"code": codes[0]}).status_code == 302
    assert first.get("/").status_code == 200
    second = password_login(world.users["staff"].username)
    assert second.post("/accounts/two-factor/verify/", {"code": codes[0]}).status_code == 200
    assert second.get("/").status_code == 302


def test_user_without_a_device_logs_in_with_the_password_alone(world):
    client = password_login(world.users["staff"].username)
    assert client.get("/").status_code == 200
    assert client.get("/accounts/two-factor/verify/")["Location"] == "/"


def test_wrong_codes_are_throttled(client_as, world):
    device, _ = set_up(client_as("staff"), world.users["staff"])
    client = password_login(world.users["staff"].username)
    assert client.post("/accounts/two-factor/verify/", {"code": "000000"}).status_code == 200
    # Right after a wrong code even the right one is refused for a moment (django-otp doubles the wait each time).
    assert client.post("/accounts/two-factor/verify/", {"code": code(device, 1)}).status_code == 200
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_timestamp=None)
    assert client.post("/accounts/two-factor/verify/", {"code": code(device, 1)}).status_code == 302


def test_turning_it_off_needs_a_current_code(client_as, world, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = settings.OTP_STATIC_THROTTLE_FACTOR = 0
    client = client_as("staff")
    device, _ = set_up(client, world.users["staff"])
    assert client.post("/accounts/two-factor/disable/", {"code": "000000"}).status_code == 200
    assert TOTPDevice.objects.filter(user=world.users["staff"]).exists()
    response = client.post("/accounts/two-factor/disable/", {"code": code(device, 1)})
    assert response["Location"] == "/accounts/security/"
    assert not TOTPDevice.objects.filter(user=world.users["staff"]).exists()
    assert not StaticToken.objects.filter(device__user=world.users["staff"]).exists()
    assert password_login(world.users["staff"].username).get("/").status_code == 200


def test_new_backup_codes_replace_the_old_ones(client_as, world):
    client = client_as("admin")
    device, old = set_up(client, world.users["admin"])
    client.get("/accounts/two-factor/backup-codes/")
    response = client.post("/accounts/two-factor/backup-codes/", {"code": code(device, 1)})
    assert response["Location"] == "/accounts/two-factor/backup-codes/"
    new = set(StaticToken.objects.filter(device__user=world.users["admin"]).values_list("token", flat=True))
    assert len(new) == 10 and not new & set(old)


def test_admin_can_remove_a_lost_device(client_as, world):
    set_up(client_as("staff"), world.users["staff"])
    response = client_as("admin").get("/admin/otp_totp/totpdevice/")
    assert response.status_code == 200
    assert world.users["staff"].username in response.content.decode()
