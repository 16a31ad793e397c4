"""Template helpers of the plans pages. None of them queries the database."""

from __future__ import annotations

from django import template

register = template.Library()


@register.filter
def person(user) -> str:
    """A user's full name, else their username; "—" when there is none (a deleted user, a data import)."""
    if user is None or user == "":
        return "—"
    return user.get_full_name() or user.username
