"""At login, remember whether the user still owes a second factor (so that no page needs to ask the database)."""

from __future__ import annotations

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from .twofactor import SECOND_FACTOR_PENDING, has_two_factor


@receiver(user_logged_in, dispatch_uid="accounts_second_factor_pending")
def mark_second_factor_pending(sender, request, user, **kwargs) -> None:
    if request is not None and hasattr(request, "session"):
        request.session[SECOND_FACTOR_PENDING] = has_two_factor(user)
