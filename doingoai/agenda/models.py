"""The secret of each user's personal iCal feed."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def new_token() -> str:
    return secrets.token_urlsafe(32)


class FeedToken(models.Model):
    """The secret in a user's iCal feed URL. Regenerating replaces it: the old URL then answers 404."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(_("token"), max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now=True)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self) -> str:
        return str(self.user)

    @classmethod
    def for_user(cls, user) -> FeedToken:
        """The user's feed, created on first use."""
        feed, _created = cls.objects.get_or_create(user=user)
        return feed

    @classmethod
    def regenerate(cls, user) -> FeedToken:
        """Give the user a new secret; the previous URL stops working at once."""
        feed, created = cls.objects.get_or_create(user=user)
        if not created:
            feed.token = new_token()
            feed.save(update_fields=["token", "created_at"])
        return feed
