"""Login lockout (django-axes) in front of Django's password check."""

from __future__ import annotations

from axes.backends import AxesStandaloneBackend
from django.conf import settings


class LoginLockoutBackend(AxesStandaloneBackend):
    """Refuses every password check for an account locked after too many failures; checks no password itself.

    Every login page passes the request, which axes needs to count failures. In tests only, a check without a
    request (the test client's `login()`) is let through to the next backend; in production it is an error, so a
    view that forgot the request cannot silently bypass the lockout.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None and settings.TESTING:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
