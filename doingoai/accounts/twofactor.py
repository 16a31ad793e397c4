"""Optional TOTP second factor (django-otp) for department users: set-up, verification, backup codes."""

from __future__ import annotations

import segno
from django.db import transaction
from django_otp import DEVICE_ID_SESSION_KEY, devices_for_user, user_has_device, verify_token
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

# Set at login when the user has a confirmed device: until they give a code, only the verification page opens.
SECOND_FACTOR_PENDING = "doingoai_second_factor_pending"
BACKUP_CODES_SESSION_KEY = "doingoai_new_backup_codes"
BACKUP_CODE_COUNT = 10


def may_use_two_factor(user) -> bool:
    """Staff, leaders and admins may protect their login with a second factor; partner users are not offered it."""
    return user.is_authenticated and user.sees_everything


def has_two_factor(user) -> bool:
    return user_has_device(user, confirmed=True)


def pending_totp_device(user) -> TOTPDevice:
    """The unconfirmed authenticator being set up (created once, reused until confirmed)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    return device or TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)


def qr_code_svg(device: TOTPDevice) -> str:
    """The device's otpauth:// URL as an inline SVG QR code, drawn on the server (no script, no external service)."""
    return segno.make(device.config_url, error="m").svg_inline(scale=4, border=2, dark="#000", light="#fff")


def secret_for_typing(device: TOTPDevice) -> str:
    """The base32 secret in groups of four, for apps where the QR code cannot be scanned."""
    from base64 import b32encode

    secret = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[index : index + 4] for index in range(0, len(secret), 4))


def new_backup_codes(user) -> list[str]:
    """Replace the user's single-use backup codes with fresh ones and return them (shown to the user once)."""
    with transaction.atomic():
        StaticDevice.objects.filter(user=user).delete()
        device = StaticDevice.objects.create(user=user, name="backup", confirmed=True)
        codes = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
        StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def remaining_backup_codes(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def check_code(user, code: str) -> Device | None:
    """The confirmed device (authenticator or backup code) that accepts `code`, or None; failures are throttled."""
    code = "".join(code.split())
    for device in list(devices_for_user(user, confirmed=True)):
        verified = verify_token(user, device.persistent_id, code)
        if verified is not None:
            return verified
    return None


def confirm_device(device: TOTPDevice, code: str) -> bool:
    """Confirm a new authenticator if `code` comes from it; other unconfirmed set-ups of the user are dropped."""
    code = "".join(code.split())
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
        if not device.verify_token(code):
            return False
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=device.user, confirmed=False).delete()
    return True


def remove_two_factor(user) -> None:
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()


def second_factor_pending(request) -> bool:
    return bool(request.session.get(SECOND_FACTOR_PENDING)) and DEVICE_ID_SESSION_KEY not in request.session

