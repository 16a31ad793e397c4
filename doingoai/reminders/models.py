"""Reminder rules (what, how many days before or after) and the sent-log that makes each reminder go out once."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partners.models import Occasion


def parse_offsets(value: str) -> list[int]:
    """"30, 10, 3" → [30, 10, 3]; raises ValueError on anything else."""
    parts = [part.strip() for part in str(value).split(",") if part.strip()]
    if not parts:
        raise ValueError("empty")
    offsets = [int(part) for part in parts]
    if any(abs(offset) > 730 for offset in offsets) or len(set(offsets)) != len(offsets):
        raise ValueError("out of range or repeated")
    return sorted(offsets, reverse=True)


def validate_offsets(value: str) -> None:
    try:
        parse_offsets(value)
    except ValueError:
        raise ValidationError(
            _("Give whole numbers of days separated by commas, e.g. 30,10,3 (negative: days after the date), each "
              "at most 730 and none twice."),
            code="invalid_offsets",
        ) from None


class ReminderRule(models.Model):
    """What is reminded of, and how many days before its date (negative: after it) each reminder goes out."""

    class Kind(models.TextChoices):
        OCCASION = "occasion", _("Occasion coming up")
        GREETING = "greeting", _("Greeting not yet approved or sent")
        AGREEMENT_EXPIRY = "agreement_expiry", _("Agreement expiring")
        AGREEMENT_REPORT = "agreement_report", _("Agreement post-signing report due or late")
        DELEGATION_REPORT = "delegation_report", _("Delegation trip report overdue")
        ACTIVITY_OVERDUE = "activity_overdue", _("Activity past its time and not done")
        ASSOCIATION_REPORT = "association_report", _("Association report due")

    kind = models.CharField(_("reminds of"), max_length=32, choices=Kind.choices)
    occasion_kind = models.CharField(
        _("only occasions of kind"), max_length=16, choices=Occasion.Kind.choices, blank=True, default="",
        help_text=_("For occasion reminders: a rule for one kind of occasion replaces the general rule for it."),
    )
    offsets = models.CharField(
        _("days before"), max_length=100, validators=[validate_offsets],
        help_text=_("Comma-separated, e.g. 30,10,3. A negative number is days after the date (-1: the day after)."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    armed_on = models.DateField(
        _("in force from"), default=timezone.localdate,
        help_text=_("Reminders that were due before this day are never sent, so a new rule sends nothing about the "
                    "past."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    modified_at = models.DateTimeField(_("modified at"), auto_now=True)

    class Meta:
        verbose_name = _("reminder rule")
        verbose_name_plural = _("reminder rules")
        ordering = ["kind", "occasion_kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "occasion_kind"],
                name="reminder_rule_unique_kind",
                violation_error_message=_("There is already a rule for this kind."),
            ),
            models.CheckConstraint(
                condition=Q(occasion_kind="") | Q(kind="occasion"),
                name="reminder_rule_occasion_kind_only_for_occasions",
                violation_error_message=_("Only occasion reminders can be limited to a kind of occasion."),
            ),
        ]

    def __str__(self) -> str:
        label = self.get_kind_display()
        if self.occasion_kind:
            label = f"{label} – {self.get_occasion_kind_display()}"
        return f"{label}: {self.offsets}"

    def offset_list(self) -> list[int]:
        return parse_offsets(self.offsets)


class SentReminder(models.Model):
    """The sent-log: one row per reminder — rule, object, occurrence date and offset — inserted before anything is
    sent. Its unique constraint is what makes a reminder go out once, whoever runs the day and however often."""

    rule = models.ForeignKey(ReminderRule, verbose_name=_("rule"), on_delete=models.PROTECT, related_name="sent")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    occurrence = models.DateField(_("date reminded of"))
    offset = models.SmallIntegerField(_("days before"))
    due_on = models.DateField(_("due to go out on"))
    claimed_at = models.DateTimeField(_("claimed at"), auto_now_add=True)
    run = models.CharField(_("run"), max_length=32, db_index=True)
    text = models.TextField(_("text"))
    recipient_count = models.PositiveIntegerField(_("recipients"), default=0)

    class Meta:
        verbose_name = _("sent reminder")
        verbose_name_plural = _("sent reminders")
        ordering = ["-claimed_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["rule", "content_type", "object_id", "occurrence", "offset"],
                name="reminder_sent_once",
                violation_error_message=_("This reminder was already sent."),
            ),
        ]
        indexes = [models.Index(fields=["occurrence"], name="sent_reminder_occurrence")]

    def __str__(self) -> str:
        return self.text[:80]
