"""The base of every domain queryset's `for_user`: scope is decided there and nowhere else."""

from __future__ import annotations

from django.db import models


class ScopedQuerySet(models.QuerySet):
    """A queryset whose `for_user(user)` returns exactly the rows `user` may see.

    Staff, leaders and admins see everything; partner users see what `for_partner_user` allows, which each model
    defines; anonymous or inactive users see nothing. A model that forgets to define it shows partners nothing.
    """

    def for_user(self, user) -> models.QuerySet:
        if user is None or not user.is_authenticated or not user.is_active:
            return self.none()
        if user.sees_everything:
            return self.all()
        return self.for_partner_user(user)

    def for_partner_user(self, user) -> models.QuerySet:
        return self.none()


class ReferenceQuerySet(ScopedQuerySet):
    """Reference data (countries, sectors, reporting periods…) that every signed-in user may read: forms need it."""

    def for_partner_user(self, user) -> models.QuerySet:
        return self.all()
