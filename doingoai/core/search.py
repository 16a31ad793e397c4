"""Accent-insensitive text search that behaves the same on PostgreSQL and SQLite.

Both databases get a function `doingoai_unaccent(text)`: on PostgreSQL an IMMUTABLE wrapper around the `unaccent`
extension (created by migration `core.0002`, so that it can back a trigram index), on SQLite a Python function
registered on every connection. `field__unaccent__icontains=term` then matches "Đồng Tháp" for "dong thap".
"""

from __future__ import annotations

import unicodedata

from django.db import models
from django.db.backends.signals import connection_created
from django.db.models import Q
from django.dispatch import receiver

# Characters that Unicode does not decompose into a base letter and a mark; PostgreSQL's unaccent rules map them.
_EXTRA = str.maketrans({
    "đ": "d", "Đ": "D", "–": "-", "—": "-", "ß": "ss", "œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE",
    "ø": "o", "Ø": "O", "ł": "l", "Ł": "L",
})


def unaccent(text: str | None) -> str | None:
    """`text` without diacritics ("Đồng Tháp" → "Dong Thap"), as PostgreSQL's unaccent computes it."""
    if text is None:
        return None
    decomposed = unicodedata.normalize("NFD", text.translate(_EXTRA))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@receiver(connection_created)
def register_sqlite_unaccent(sender, connection, **kwargs) -> None:
    if connection.vendor == "sqlite":
        connection.connection.create_function("doingoai_unaccent", 1, unaccent, deterministic=True)


@models.CharField.register_lookup
@models.TextField.register_lookup
class Unaccent(models.Transform):
    lookup_name = "unaccent"
    function = "doingoai_unaccent"
    # Applied to the searched value too, so "Đồng Tháp" typed with its accents still matches.
    bilateral = True


def search_q(fields: list[str] | tuple[str, ...], term: str) -> Q:
    """A Q that matches rows where every word of `term` occurs, accent- and case-insensitively, in one of `fields`."""
    condition = Q()
    for word in unaccent(term).split():
        word_q = Q()
        for field in fields:
            word_q |= Q(**{f"{field}__unaccent__icontains": word})
        condition &= word_q
    return condition
