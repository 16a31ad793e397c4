"""API tokens: the keys programs use to call the REST API as one user."""

from __future__ import annotations

import datetime
import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Writing `last_used_at` on every request would turn each read into a write; once in a while is enough to tell
# which tokens are still in use.
LAST_USED_RESOLUTION = datetime.timedelta(minutes=5)


def hash_key(key: str) -> str:
    """The SHA-256 of a key. Keys are 256 random bits, so a plain hash is as safe as a slow one and lookups stay fast."""
    return hashlib.sha256(key.encode()).hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def active(self) -> models.QuerySet:
        return self.filter(revoked_at__isnull=True)

    def find(self, key: str) -> ApiToken | None:
        """The unrevoked token with this key, with its user, or None."""
        return self.active().select_related("user").filter(key_hash=hash_key(key)).first()


class ApiToken(models.Model):
    """A key a program uses to call the API as one user; stored hashed, read-only or read-write, revocable."""

    class Scope(models.TextChoices):
        READ = "read", _("Read only")
        READ_WRITE = "read_write", _("Read and write")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(_("name"), max_length=100, help_text=_("What the token is for, e.g. the program using it."))
    prefix = models.CharField(
        _("prefix"), max_length=8, editable=False, help_text=_("The first characters of the key, to tell tokens apart.")
    )
    key_hash = models.CharField(_("key hash"), max_length=64, unique=True, editable=False)
    scope = models.CharField(
        _("scope"), max_length=16, choices=Scope.choices, default=Scope.READ,
        help_text=_("A read-only token is refused every request that would change data."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @classmethod
    def issue(cls, user, *, name: str, scope: str = Scope.READ) -> tuple[ApiToken, str]:
        """Create a token for `user`; returns it and its key. The key is shown once and never stored."""
        key = secrets.token_urlsafe(32)
        token = cls.objects.create(user=user, name=name, scope=scope, prefix=key[:8], key_hash=hash_key(key))
        return token, key

    @property
    def is_read_only(self) -> bool:
        return self.scope != self.Scope.READ_WRITE

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    def revoke(self) -> None:
        if self.revoked_at is None:
            self.revoked_at = timezone.now()
            type(self).objects.filter(pk=self.pk, revoked_at__isnull=True).update(revoked_at=self.revoked_at)

    def touch(self) -> None:
        """Record that the token was used, at most once per `LAST_USED_RESOLUTION`."""
        now = timezone.now()
        if self.last_used_at is None or now - self.last_used_at > LAST_USED_RESOLUTION:
            self.last_used_at = now
            type(self).objects.filter(pk=self.pk).update(last_used_at=now)
