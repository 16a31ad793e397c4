"""The daily scan: which reminders are due today, for whom, saying what. Reads only; `services.run_daily` claims.

For each dated item (an occasion's occurrence, a greeting's occasion, an expiry, a due date) and its rule's offsets,
the reminder due today is the one of the **latest** offset whose day has come (30, 10 or 3 days before; negative
offsets are days after), provided that day is not before the rule came into force nor more than
`catch_up_days()` ago. So a missed day is caught up, a new rule or freshly loaded data sends nothing about the past,
and an item reminded at 10 days is not also reminded at 30. A reminder about a date already past goes out only for
offsets meant for after it (zero or negative). Each source is filtered in the database to the dates that can be due,
so the number of queries is the same for ten occasions or ten thousand, for a hundred activities or a hundred
thousand.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from delegations.models import Delegation
from doingoai.agenda.events import activity_due_between, missing_association_reports
from doingoai.notifications.models import Notification
from partners.models import Agreement, FriendshipAssociation, Greeting, Occasion
from partners.occasions import Tier, occurrences, occurrences_between
from plans.models import Activity, ReportingPeriod

from .models import ReminderRule


def catch_up_days() -> int:
    """Days a missed reminder is still sent late (settings.DOINGOAI["REMINDER_CATCH_UP_DAYS"], default 3)."""
    return int(settings.DOINGOAI.get("REMINDER_CATCH_UP_DAYS", 3))


@dataclass
class Candidate:
    """One reminder due today: the key of the sent-log, who gets it, and what it says."""

    rule: ReminderRule
    obj: models.Model
    occurrence: datetime.date
    offset: int
    recipients: list
    text: str
    link: str
    category: str
    content_type_id: int = 0

    @property
    def due_on(self) -> datetime.date:
        return self.occurrence - datetime.timedelta(days=self.offset)

    @property
    def key(self) -> tuple:
        return (self.rule.pk, self.content_type_id, self.obj.pk, self.occurrence, self.offset)


@dataclass
class Window:
    """The day a rule's reminders are looked for, and the oldest day a due reminder may still go out."""

    rule: ReminderRule
    today: datetime.date
    floor: datetime.date = field(init=False)
    offsets: list[int] = field(init=False)

    def __post_init__(self) -> None:
        self.offsets = self.rule.offset_list()
        self.floor = max(self.rule.armed_on, self.today - datetime.timedelta(days=catch_up_days()))

    @property
    def first_date(self) -> datetime.date:
        """The earliest item date that can have a reminder due (its send day ≥ floor)."""
        return self.floor + datetime.timedelta(days=min(self.offsets))

    @property
    def last_date(self) -> datetime.date:
        return self.today + datetime.timedelta(days=max(self.offsets))

    def due_offset(self, occurrence: datetime.date) -> int | None:
        """The offset whose reminder for `occurrence` is due today, or None."""
        due = [offset for offset in self.offsets if occurrence - datetime.timedelta(days=offset) <= self.today]
        if not due:
            return None
        offset = min(due)  # the latest send day that has come
        if occurrence - datetime.timedelta(days=offset) < self.floor:
            return None
        if occurrence < self.today and offset > 0:
            return None  # a "before" reminder for a date that has passed helps no one
        return offset


class Directory:
    """The active users, grouped once by role and organisation, to address reminders without a query per item."""

    def __init__(self) -> None:
        User = get_user_model()
        self.staff: list = []
        self.leaders: list = []
        self.by_pk: dict[int, object] = {}
        self.by_agency: dict[int, list] = defaultdict(list)
        self.by_association: dict[int, list] = defaultdict(list)
        for user in User.objects.filter(is_active=True).select_related("association").order_by("pk"):
            self.by_pk[user.pk] = user
            if user.role == User.Role.STAFF:
                self.staff.append(user)
            elif user.role == User.Role.LEADER:
                self.leaders.append(user)
            elif user.role == User.Role.AGENCY_FOCAL and user.agency_id:
                self.by_agency[user.agency_id].append(user)
            elif user.role == User.Role.ASSOCIATION_REP and user.association_id:
                self.by_association[user.association_id].append(user)
                self.by_agency[user.association.agency_id].append(user)

    def user(self, pk: int | None):
        return self.by_pk.get(pk) if pk else None


def _unique(users) -> list:
    seen, found = set(), []
    for user in users:
        if user is not None and user.pk not in seen:
            seen.add(user.pk)
            found.append(user)
    return found


def _d(day: datetime.date) -> str:
    return f"{day:%d/%m/%Y}"


def _when(occurrence: datetime.date, today: datetime.date) -> str:
    days = (occurrence - today).days
    if days == 0:
        return _("today")
    if days > 0:
        return ngettext("in %(days)d day", "in %(days)d days", days) % {"days": days}
    return ngettext("%(days)d day ago", "%(days)d days ago", -days) % {"days": -days}


class Scan:
    """Finds today's candidates, source by source; texts are written in the site's language (Vietnamese)."""

    def __init__(self, today: datetime.date) -> None:
        self.today = today
        self.rules = list(ReminderRule.objects.filter(is_active=True))
        self.directory = Directory()
        self.found: list[Candidate] = []
        self._content_types: dict[type, int] = {}

    def content_type_id(self, model: type[models.Model]) -> int:
        if model not in self._content_types:
            self._content_types[model] = ContentType.objects.get_for_model(model).pk
        return self._content_types[model]

    def add(self, window: Window, obj, occurrence, offset, recipients, text, link, category) -> None:
        recipients = _unique(recipients)
        if recipients:
            self.found.append(Candidate(
                rule=window.rule, obj=obj, occurrence=occurrence, offset=offset, recipients=recipients, text=text,
                link=link, category=category, content_type_id=self.content_type_id(type(obj)),
            ))

    def run(self) -> list[Candidate]:
        with translation.override(settings.LANGUAGE_CODE):
            by_kind: dict[str, list[ReminderRule]] = defaultdict(list)
            for rule in self.rules:
                by_kind[rule.kind].append(rule)
            if by_kind[ReminderRule.Kind.OCCASION]:
                self.occasions(by_kind[ReminderRule.Kind.OCCASION])
            sources = {
                ReminderRule.Kind.GREETING: self.greetings,
                ReminderRule.Kind.AGREEMENT_EXPIRY: self.agreement_expiries,
                ReminderRule.Kind.AGREEMENT_REPORT: self.agreement_reports,
                ReminderRule.Kind.DELEGATION_REPORT: self.delegation_reports,
                ReminderRule.Kind.ACTIVITY_OVERDUE: self.activities,
                ReminderRule.Kind.ASSOCIATION_REPORT: self.association_reports,
            }
            for kind, source in sources.items():
                for rule in by_kind[kind]:
                    source(Window(rule, self.today))
        return self.found

    # --- Sources ---------------------------------------------------------------------------------------------

    def occasions(self, rules: list[ReminderRule]) -> None:
        windows = {rule.occasion_kind: Window(rule, self.today) for rule in rules}
        general = windows.get("")
        start = min(window.first_date for window in windows.values())
        end = max(window.last_date for window in windows.values())
        # Only what dates and texts need: ten thousand full rows with their relations would be most of the scan.
        occasions = Occasion.objects.only("kind", "title", "date_rule", "month", "day", "base_year", "is_active")
        found = occurrences_between(occasions, start, end)
        officers: dict[tuple[int, int], set[int]] = defaultdict(set)
        for occasion_id, year, officer_id in Greeting.objects.filter(
            occasion_id__in={item.occasion.pk for item in found}, assigned_to__isnull=False
        ).values_list("occasion_id", "year", "assigned_to_id"):
            officers[(occasion_id, year)].add(officer_id)
        for occurrence in found:
            occasion = occurrence.occasion
            window = windows.get(occasion.kind, general)
            if window is None:
                continue
            offset = window.due_offset(occurrence.date)
            if offset is None:
                continue
            assigned = [self.directory.user(pk) for pk in officers.get((occasion.pk, occurrence.year), ())]
            text = _("%(title)s on %(date)s (%(when)s)") % {
                "title": occasion.title, "date": _d(occurrence.date), "when": _when(occurrence.date, self.today)}
            if occurrence.number:
                text += " – " + _("%(number)s years") % {"number": occurrence.number}
                if occurrence.tier in (Tier.ROUND, Tier.FIFTH):
                    text += f" ({Tier(occurrence.tier).label})"
            self.add(window, occasion, occurrence.date, offset, [*self.directory.staff, *assigned], text,
                     reverse("partners:occasion_detail", args=[occasion.pk]), Notification.Category.OCCASION)

    def greetings(self, window: Window) -> None:
        years = range(window.first_date.year, window.last_date.year + 1)
        rows = (
            Greeting.objects.filter(status__in=[Greeting.Status.DRAFT, Greeting.Status.APPROVED], year__in=years)
            .select_related("occasion").prefetch_related("occasion__dates")
        )
        for greeting in rows:
            year_start, year_end = datetime.date(greeting.year, 1, 1), datetime.date(greeting.year, 12, 31)
            dates = occurrences(greeting.occasion, year_start, year_end)
            if not dates:
                continue
            occurrence = dates[0].date
            offset = window.due_offset(occurrence)
            if offset is None:
                continue
            officer = self.directory.user(greeting.assigned_to_id)
            if greeting.status == Greeting.Status.DRAFT:
                recipients = [*self.directory.leaders, officer]
                state = _("not yet approved")
            else:
                recipients = [officer] if officer else self.directory.staff
                state = _("approved, not yet sent")
            text = _("%(form)s for “%(occasion)s” to %(recipient)s: %(state)s; the occasion is on %(date)s "
                     "(%(when)s)") % {
                "form": greeting.get_form_display(), "occasion": greeting.occasion.title,
                "recipient": greeting.recipient, "state": state, "date": _d(occurrence),
                "when": _when(occurrence, self.today)}
            self.add(window, greeting, occurrence, offset, recipients, text,
                     reverse("partners:greeting_detail", args=[greeting.pk]), Notification.Category.GREETING)

    def agreement_expiries(self, window: Window) -> None:
        rows = Agreement.objects.active().filter(expires_on__range=(window.first_date, window.last_date))
        for agreement in rows.order_by("expires_on", "pk"):
            offset = window.due_offset(agreement.expires_on)
            if offset is None:
                continue
            text = _("Agreement “%(title)s” expires on %(date)s (%(when)s)") % {
                "title": agreement.title, "date": _d(agreement.expires_on),
                "when": _when(agreement.expires_on, self.today)}
            self.add(window, agreement, agreement.expires_on, offset, self.directory.staff, text,
                     reverse("partners:agreement_detail", args=[agreement.pk]), Notification.Category.AGREEMENT)

    def agreement_reports(self, window: Window) -> None:
        allowed = datetime.timedelta(days=settings.DOINGOAI["AGREEMENT_REPORT_DAYS"])
        rows = Agreement.objects.active().filter(
            post_signing_report_sent_on__isnull=True,
            signed_on__range=(window.first_date - allowed, window.last_date - allowed),
        )
        for agreement in rows.order_by("signed_on", "pk"):
            due = agreement.post_signing_report_due_on
            offset = window.due_offset(due)
            if offset is None:
                continue
            template = (
                _("The report to the Prime Minister on agreement “%(title)s”, signed on %(signed)s, is late: it was "
                  "due on %(date)s")
                if due < self.today else
                _("The report to the Prime Minister on agreement “%(title)s”, signed on %(signed)s, is due on "
                  "%(date)s (%(when)s)")
            )
            text = template % {"title": agreement.title, "signed": _d(agreement.signed_on), "date": _d(due),
                               "when": _when(due, self.today)}
            self.add(window, agreement, due, offset, self.directory.staff, text,
                     reverse("partners:agreement_detail", args=[agreement.pk]), Notification.Category.AGREEMENT)

    def delegation_reports(self, window: Window) -> None:
        allowed = datetime.timedelta(days=settings.DOINGOAI["DELEGATION_REPORT_DAYS"])
        owed = [status for status in Delegation.REPORT_OWED_STATUSES if status != Delegation.Status.REPORTED]
        rows = Delegation.objects.filter(
            status__in=owed, report_received_on__isnull=True,
            end_date__range=(window.first_date - allowed, window.last_date - allowed),
        )
        for delegation in rows.order_by("end_date", "pk"):
            due = delegation.report_due_on
            offset = window.due_offset(due)
            if offset is None:
                continue
            template = (
                _("The trip report of delegation “%(title)s” is overdue: it was due on %(date)s")
                if due < self.today else
                _("The trip report of delegation “%(title)s” is due on %(date)s (%(when)s)")
            )
            text = template % {"title": delegation.title, "date": _d(due), "when": _when(due, self.today)}
            recipients = [*self.directory.by_agency.get(delegation.host_agency_id, []), *self.directory.staff]
            self.add(window, delegation, due, offset, recipients, text,
                     reverse("delegations:delegation_detail", args=[delegation.pk]), Notification.Category.DELEGATION)

    def activities(self, window: Window) -> None:
        rows = (
            Activity.objects.filter(status__in=Activity.OPEN_STATUSES)
            .filter(activity_due_between(window.first_date, window.last_date))
            .select_related("task__plan", "lead_agency")
        )
        for activity in rows.order_by("pk"):
            due = activity.due_date
            offset = window.due_offset(due)
            if offset is None:
                continue
            template = (
                _("Activity “%(activity)s” (%(agency)s) was due on %(date)s and is not done")
                if due < self.today else
                _("Activity “%(activity)s” (%(agency)s) is due on %(date)s (%(when)s)")
            )
            text = template % {"activity": activity, "agency": activity.lead_agency.short_name or activity.lead_agency,
                               "date": _d(due), "when": _when(due, self.today)}
            # The lead agency's own people answer for it; the department when the agency has nobody in the portal.
            recipients = self.directory.by_agency.get(activity.lead_agency_id) or self.directory.staff
            self.add(window, activity, due, offset, recipients, text,
                     reverse("plans:activity_detail", args=[activity.pk]), Notification.Category.ACTIVITY)

    def association_reports(self, window: Window) -> None:
        periods = list(ReportingPeriod.objects.filter(due_on__range=(window.first_date, window.last_date)))
        for period, association in missing_association_reports(FriendshipAssociation.objects.all(), periods):
            offset = window.due_offset(period.due_on)
            if offset is None:
                continue
            template = (
                _("The report of %(association)s for %(period)s is late: it was due on %(date)s")
                if period.due_on < self.today else
                _("The report of %(association)s for %(period)s is due on %(date)s (%(when)s)")
            )
            text = template % {"association": association.name, "period": period, "date": _d(period.due_on),
                               "when": _when(period.due_on, self.today)}
            recipients = self.directory.by_association.get(association.pk) or self.directory.staff
            self.add(window, association, period.due_on, offset, recipients, text,
                     reverse("partners:friendshipassociation_detail", args=[association.pk]),
                     Notification.Category.ASSOCIATION_REPORT)


def candidates(today: datetime.date) -> list[Candidate]:
    """Every reminder due on `today` (sent or not: `services.claim` keeps the ones not yet in the sent-log)."""
    return Scan(today).run()
