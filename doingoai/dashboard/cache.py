"""The dashboard's cache: figures kept per year and day, all dropped as soon as any domain record changes.

Keys carry a *generation*, a random token stored in the cache itself; invalidating replaces the token, so every
cached figure becomes unreachable at once (and expires by itself). A random token rather than a counter: if the
cache evicts or loses the token, a new one cannot collide with keys written under an old one. The backend is
Django's default cache: Redis in production (DJANGO_CACHE_URL), local memory in `make run`.
"""

from __future__ import annotations

import uuid

from django.core.cache import cache
from django.db import transaction

GENERATION_KEY = "dashboard:generation"
# A safety net only: a change anywhere invalidates at once.
TIMEOUT = 60 * 60
# The apps whose records the dashboard counts; a save or delete in any of them invalidates it.
WATCHED_APPS = frozenset({"partners", "plans", "delegations", "aid_projects"})


def generation() -> str:
    token = cache.get(GENERATION_KEY)
    if token is None:
        token = uuid.uuid4().hex
        # add(), not set(): two processes starting together agree on the first token.
        if not cache.add(GENERATION_KEY, token, timeout=None):
            token = cache.get(GENERATION_KEY) or token
    return token


def key(*parts) -> str:
    return ":".join(["dashboard", generation(), *(str(part) for part in parts)])


def get(cache_key: str):
    return cache.get(cache_key)


def set(cache_key: str, value) -> None:
    cache.set(cache_key, value, timeout=TIMEOUT)


def invalidate() -> None:
    cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)


def record_changed(sender, **kwargs) -> None:
    """Signal receiver: drop the figures when a record of a watched app is saved, deleted or re-linked.

    Invalidated now (this process reads its own change) and again on commit: a request that computed figures
    from the old data while the transaction was open must not have them kept.
    """
    if sender._meta.app_label not in WATCHED_APPS or kwargs.get("action", "").startswith("pre_"):
        return
    invalidate()
    transaction.on_commit(invalidate)
