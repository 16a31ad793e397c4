"""Creating notifications and e-mailing them: each at once, or in the one daily digest of each user.

Once-only e-mail rests on two things: a unique row per e-mail (a `Digest` per user and day; the `Notification`
itself for a single e-mail), and a claim by conditional UPDATE (only the worker whose UPDATE changed the row sends).
A failed SMTP attempt is recorded as failed, so a retry claims the row again and sends once. The one case that can
still send twice is a worker that dies after the SMTP server accepted the message and before it recorded so: the
claim is then taken back after `CLAIM_STALE_AFTER`. The Message-ID is the same on every attempt, so a mail system
that de-duplicates will drop such a second copy.
"""

from __future__ import annotations

import datetime
import logging
import smtplib
from collections.abc import Iterable
from dataclasses import dataclass
from email.utils import parseaddr

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from .models import DeliveryPreference, Digest, Notification

logger = logging.getLogger(__name__)

# A claim older than this is taken as lost (its worker died) and may be taken again.
CLAIM_STALE_AFTER = datetime.timedelta(minutes=15)
# Lines per category in a digest; the rest is a count and a link to the notifications page.
DIGEST_ITEMS_PER_CATEGORY = 50


class EmailNotSent(Exception):
    """The SMTP server did not take the message; `permanent` when retrying cannot help (a 5xx answer)."""

    def __init__(self, message: str, permanent: bool = False) -> None:
        super().__init__(message)
        self.permanent = permanent


@dataclass(frozen=True)
class NewNotification:
    recipient: object  # a User
    text: str
    link: str = ""
    category: str = Notification.Category.OTHER


def deliveries(user_ids: Iterable[int]) -> dict[int, str]:
    """Each user's delivery choice (`DeliveryPreference.Delivery`), the digest when they made none. One query."""
    user_ids = list(user_ids)
    chosen = dict(DeliveryPreference.objects.filter(user_id__in=user_ids).values_list("user_id", "delivery"))
    return {user_id: chosen.get(user_id, DeliveryPreference.Delivery.DIGEST) for user_id in user_ids}


def delivery_of(user) -> str:
    return deliveries([user.pk])[user.pk]


def set_delivery(user, delivery: str) -> DeliveryPreference:
    preference, _created = DeliveryPreference.objects.update_or_create(user=user, defaults={"delivery": delivery})
    if delivery == DeliveryPreference.Delivery.NONE:
        # Nothing already waiting goes out after the user said no e-mail.
        Notification.objects.filter(recipient=user, email_status=Notification.EmailStatus.PENDING).update(
            email_status=Notification.EmailStatus.NOT_NEEDED
        )
    return preference


def notify(items: Iterable[NewNotification]) -> list[Notification]:
    """Create the notifications (one insert); those of users who want each e-mail at once are e-mailed on commit."""
    items = list(items)
    if not items:
        return []
    choice = deliveries({item.recipient.pk for item in items})
    rows = []
    for item in items:
        wants_mail = bool(item.recipient.email) and choice[item.recipient.pk] != DeliveryPreference.Delivery.NONE
        rows.append(Notification(
            recipient=item.recipient, text=item.text, link=item.link, category=item.category,
            email_status=Notification.EmailStatus.PENDING if wants_mail else Notification.EmailStatus.NOT_NEEDED,
        ))
    created = Notification.objects.bulk_create(rows, batch_size=500)
    at_once = [row.pk for row in created
               if row.pk and row.email_status == Notification.EmailStatus.PENDING
               and choice[row.recipient_id] == DeliveryPreference.Delivery.EMAIL]
    if at_once:
        from .tasks import send_notification_email

        for pk in at_once:
            transaction.on_commit(lambda pk=pk: send_notification_email.delay(pk), robust=True)
    return created


def mark_read(user, ids: Iterable[int] | None = None) -> int:
    """Mark the user's notifications `ids` (all unread ones when None) as read; returns how many changed."""
    rows = Notification.objects.for_user(user).unread()
    if ids is not None:
        rows = rows.filter(pk__in=list(ids))
    return rows.update(read_at=timezone.now())


# --- The daily digest -------------------------------------------------------------------------------------------


def _claimable(now: datetime.datetime) -> Q:
    return Q(status__in=[Digest.Status.PENDING, Digest.Status.FAILED]) | Q(
        status=Digest.Status.SENDING, claimed_at__lt=now - CLAIM_STALE_AFTER
    )


def prepare_digests(day: datetime.date) -> list[int]:
    """Make sure each user with notifications waiting for a digest has the digest of `day`; return the ids still to
    send. Waiting are notifications in no digest yet or in one that did not go out (it is then superseded by the
    digest of `day`). A user whose digest of `day` went out already gets the rest tomorrow: one e-mail a day."""
    unsent = [Digest.Status.PENDING, Digest.Status.FAILED]
    waiting = (
        Notification.objects.filter(email_status=Notification.EmailStatus.PENDING)
        # Not yet in a digest, or in one that has not gone out (failed today, or on an earlier day).
        .filter(Q(digest__isnull=True) | Q(digest__status__in=unsent, digest__day__lte=day))
        .filter(Q(recipient__notification_preference__isnull=True)
                | Q(recipient__notification_preference__delivery=DeliveryPreference.Delivery.DIGEST))
        .exclude(recipient__email="")
        .filter(recipient__is_active=True)
        .values_list("recipient_id", flat=True)
        .distinct()
    )
    user_ids = list(waiting)
    if user_ids:
        Digest.objects.bulk_create([Digest(recipient_id=pk, day=day) for pk in user_ids], ignore_conflicts=True)
    return list(
        Digest.objects.filter(day=day, recipient_id__in=user_ids).filter(_claimable(timezone.now()))
        .values_list("pk", flat=True)
    )


def send_digest(digest_id: int) -> str:
    """Send digest `digest_id` if this call can claim it; returns "sent", "taken" (sent or being sent elsewhere)
    or "empty". Raises `EmailNotSent` after recording the failure, so that the caller may retry."""
    now = timezone.now()
    claimed = Digest.objects.filter(pk=digest_id).filter(_claimable(now)).update(
        status=Digest.Status.SENDING, claimed_at=now, attempts=F("attempts") + 1
    )
    if not claimed:
        return "taken"
    digest = Digest.objects.select_related("recipient").get(pk=digest_id)
    with transaction.atomic():
        # Earlier digests of the user that never went out hand their notifications over to this one.
        older = list(
            Digest.objects.filter(recipient_id=digest.recipient_id, day__lt=digest.day,
                                  status__in=[Digest.Status.PENDING, Digest.Status.FAILED])
            .values_list("pk", flat=True)
        )
        if older:
            Digest.objects.filter(pk__in=older, status__in=[Digest.Status.PENDING, Digest.Status.FAILED]).update(
                status=Digest.Status.SUPERSEDED
            )
        Notification.objects.filter(recipient_id=digest.recipient_id, email_status=Notification.EmailStatus.PENDING).filter(
            Q(digest__isnull=True) | Q(digest_id__in=older)
        ).update(digest=digest)
    items = list(
        digest.notifications.filter(email_status=Notification.EmailStatus.PENDING).order_by("category", "created_at", "pk")
    )
    if not items or not digest.recipient.email:
        Digest.objects.filter(pk=digest_id, status=Digest.Status.SENDING).update(status=Digest.Status.PENDING)
        return "empty"
    message = digest_message(digest, items)
    try:
        _send(message)
    except EmailNotSent as error:
        Digest.objects.filter(pk=digest_id, status=Digest.Status.SENDING).update(
            status=Digest.Status.FAILED, last_error=str(error)[:2000]
        )
        raise
    sent_at = timezone.now()
    Digest.objects.filter(pk=digest_id).update(
        status=Digest.Status.SENT, sent_at=sent_at, message_id=message.extra_headers["Message-ID"],
        item_count=len(items), last_error="",
    )
    Notification.objects.filter(pk__in=[item.pk for item in items]).update(
        email_status=Notification.EmailStatus.SENT, emailed_at=sent_at
    )
    return "sent"


def send_notification_email(notification_id: int) -> str:
    """E-mail one notification on its own (the user's "e-mail each" choice); same claim and outcomes as a digest."""
    now = timezone.now()
    claimable = Q(email_status__in=[Notification.EmailStatus.PENDING, Notification.EmailStatus.FAILED]) | Q(
        email_status=Notification.EmailStatus.SENDING, email_claimed_at__lt=now - CLAIM_STALE_AFTER
    )
    claimed = Notification.objects.filter(pk=notification_id, digest__isnull=True).filter(claimable).update(
        email_status=Notification.EmailStatus.SENDING, email_claimed_at=now, email_attempts=F("email_attempts") + 1
    )
    if not claimed:
        return "taken"
    notification = Notification.objects.select_related("recipient").get(pk=notification_id)
    message = notification_message(notification)
    try:
        _send(message)
    except EmailNotSent as error:
        Notification.objects.filter(pk=notification_id).update(
            email_status=Notification.EmailStatus.FAILED, last_error=str(error)[:2000]
        )
        raise
    Notification.objects.filter(pk=notification_id).update(
        email_status=Notification.EmailStatus.SENT, emailed_at=timezone.now(), last_error=""
    )
    return "sent"


def _send(message: EmailMultiAlternatives) -> None:
    try:
        with get_connection(fail_silently=False) as connection:
            connection.send_messages([message])
    except smtplib.SMTPRecipientsRefused as error:
        codes = [code for code, _text in error.recipients.values()]
        raise EmailNotSent(f"recipients refused: {error.recipients}", permanent=all(c >= 500 for c in codes)) from error
    except smtplib.SMTPResponseException as error:
        raise EmailNotSent(f"{error.smtp_code} {error.smtp_error!r}", permanent=error.smtp_code >= 500) from error
    except (smtplib.SMTPException, OSError) as error:
        raise EmailNotSent(repr(error)) from error


# --- Messages ---------------------------------------------------------------------------------------------------


def site_url() -> str:
    return settings.DOINGOAI.get("SITE_URL", "").rstrip("/")


def _message_id(kind: str, pk: int) -> str:
    domain = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "localhost"
    return f"<doingoai-{kind}-{pk}@{domain}>"


def _context(user) -> dict:
    return {
        "user": user, "site_config": settings.DOINGOAI, "site_url": site_url(),
        "notifications_url": site_url() + reverse("notifications:notification_list"),
    }


def digest_message(digest: Digest, items: list[Notification]) -> EmailMultiAlternatives:
    """The digest e-mail, in the site's language (Vietnamese): items grouped by category, each with its link."""
    labels = dict(Notification.Category.choices)
    order = list(labels)
    groups: dict[str, list[Notification]] = {}
    for item in items:
        groups.setdefault(item.category, []).append(item)
    with translation.override(settings.LANGUAGE_CODE):
        sections = [
            {"label": str(labels.get(category, category)), "items": rows[:DIGEST_ITEMS_PER_CATEGORY],
             "more": max(0, len(rows) - DIGEST_ITEMS_PER_CATEGORY)}
            for category, rows in sorted(groups.items(), key=lambda pair: order.index(pair[0]) if pair[0] in order else 99)
        ]
        context = {**_context(digest.recipient), "day": date_format(digest.day, "SHORT_DATE_FORMAT"),
                   "sections": sections, "count": len(items)}
        subject = render_to_string("emails/digest_subject.txt", context).strip()
        text = render_to_string("emails/digest.txt", context)
        html = render_to_string("emails/digest.html", context)
    message = EmailMultiAlternatives(
        subject=" ".join(subject.split()), body=text, to=[digest.recipient.email],
        headers={"Message-ID": _message_id("digest", digest.pk)},
    )
    message.attach_alternative(html, "text/html")
    return message


def notification_message(notification: Notification) -> EmailMultiAlternatives:
    with translation.override(settings.LANGUAGE_CODE):
        context = {**_context(notification.recipient), "notification": notification}
        subject = render_to_string("emails/notification_subject.txt", context).strip()
        text = render_to_string("emails/notification.txt", context)
        html = render_to_string("emails/notification.html", context)
    message = EmailMultiAlternatives(
        subject=" ".join(subject.split()), body=text, to=[notification.recipient.email],
        headers={"Message-ID": _message_id("notification", notification.pk)},
    )
    message.attach_alternative(html, "text/html")
    return message
