"""In-app notifications, each user's choice of how they are e-mailed, and the daily digest e-mail."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class NotificationQuerySet(models.QuerySet):
    def for_user(self, user) -> models.QuerySet:
        """A user's own notifications: they are personal, so not even administrators see others' here."""
        if user is None or not user.is_authenticated or not user.is_active:
            return self.none()
        return self.filter(recipient=user)

    def unread(self) -> models.QuerySet:
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    """One message to one user: shown in the portal, and e-mailed at once or in the daily digest as they chose."""

    class Category(models.TextChoices):
        OCCASION = "occasion", _("Occasions")
        GREETING = "greeting", _("Greetings to prepare")
        AGREEMENT = "agreement", _("International agreements")
        DELEGATION = "delegation", _("Delegation trip reports")
        ACTIVITY = "activity", _("Plan activities")
        ASSOCIATION_REPORT = "association_report", _("Association reports")
        OTHER = "other", _("Other")

    class EmailStatus(models.TextChoices):
        NOT_NEEDED = "not_needed", _("Not e-mailed")
        PENDING = "pending", _("Waiting to be e-mailed")
        SENDING = "sending", _("Being e-mailed")
        SENT = "sent", _("E-mailed")
        FAILED = "failed", _("E-mail failed")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recipient"), on_delete=models.CASCADE, related_name="notifications"
    )
    category = models.CharField(_("category"), max_length=32, choices=Category.choices, default=Category.OTHER)
    text = models.TextField(_("text"))
    link = models.CharField(_("link"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    email_status = models.CharField(
        _("e-mail"), max_length=16, choices=EmailStatus.choices, default=EmailStatus.PENDING
    )
    # The digest that carries (or carried) this notification; none while it waits or when e-mailed on its own.
    digest = models.ForeignKey(
        "Digest", verbose_name=_("digest"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="notifications",
    )
    email_attempts = models.PositiveSmallIntegerField(_("e-mail attempts"), default=0)
    email_claimed_at = models.DateTimeField(_("e-mail claimed at"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("e-mailed at"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["recipient", "read_at"], name="notification_unread"),
            models.Index(fields=["recipient", "email_status"], name="notification_email_status"),
        ]

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def is_read(self) -> bool:
        return self.read_at is not None


class DeliveryPreference(models.Model):
    """How one user wants their notifications e-mailed; a user without a row gets the daily digest."""

    class Delivery(models.TextChoices):
        EMAIL = "email", _("An e-mail for each notification")
        DIGEST = "digest", _("One daily digest e-mail")
        NONE = "none", _("No e-mail: in the portal only")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE,
        related_name="notification_preference",
    )
    delivery = models.CharField(_("delivery"), max_length=16, choices=Delivery.choices, default=Delivery.DIGEST)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")

    def __str__(self) -> str:
        return f"{self.user}: {self.get_delivery_display()}"


class Digest(models.Model):
    """The one e-mail a user gets on a day, carrying the notifications that waited for it.

    The unique (recipient, day) pair is what makes it one: a second run, a second worker or a retry finds the row
    and claims it with a conditional UPDATE (`services.send_digest`) or leaves it alone once sent.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        SUPERSEDED = "superseded", _("Superseded by a later digest")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recipient"), on_delete=models.CASCADE, related_name="digests"
    )
    day = models.DateField(_("day"))
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    claimed_at = models.DateTimeField(_("claimed at"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    message_id = models.CharField(_("message id"), max_length=255, blank=True)
    item_count = models.PositiveIntegerField(_("items"), default=0)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("digest e-mail")
        verbose_name_plural = _("digest e-mails")
        ordering = ["-day", "recipient"]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "day"],
                name="digest_one_per_user_and_day",
                violation_error_message=_("This user already has a digest for this day."),
            ),
            models.CheckConstraint(
                condition=~Q(status="sent") | Q(sent_at__isnull=False),
                name="digest_sent_has_time",
                violation_error_message=_("A sent digest needs the time it was sent."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.recipient} {self.day:%d/%m/%Y}"
