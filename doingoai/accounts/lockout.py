"""Helpers django-axes is configured with: the client address, the lockout page, and clearing a lockout."""

from __future__ import annotations

from axes.helpers import get_cool_off, get_failure_limit
from axes.utils import reset
from django.conf import settings
from django.shortcuts import render


def client_ip(request) -> str | None:
    """The client's address; behind N trusted reverse proxies, the address the outermost proxy saw.

    X-Forwarded-For is read only when DOINGOAI_TRUSTED_PROXIES says how many proxies append to it: otherwise a
    client could write any address there.
    """
    proxies = settings.DOINGOAI.get("TRUSTED_PROXIES", 0)
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies and forwarded:
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if len(hops) >= proxies:
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR")


def clear_lockout(username: str) -> int:
    """Forget the failed logins of `username` (after a password reset by e-mail proved who they are)."""
    return reset(username=username)


def lockout_response(request, original_response=None, credentials=None):
    """The page a locked-out user sees (HTTP 429): why, for how long, and how to get back in."""
    cool_off = get_cool_off(request)
    context = {
        "failure_limit": get_failure_limit(request, credentials),
        "cooloff_timedelta": cool_off,
        "cooloff_minutes": int(cool_off.total_seconds() // 60) if cool_off else None,
    }
    return render(request, "accounts/locked_out.html", context, status=settings.AXES_HTTP_RESPONSE_CODE)
