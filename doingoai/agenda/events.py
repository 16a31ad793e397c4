"""What falls on which day, for one user: occasions, delegations both ways, agreement expiries, reports due and
activity deadlines. The calendar pages, the iCal feed and the reminders read their dates from here.

Every source starts from `Model.objects.for_user(user)`, so a user sees on the calendar exactly the records they may
open: an agency focal point its activities' deadlines and its delegations, an association representative its
association's reports, staff and leaders everything. Each source is one to three queries whatever the range.
"""

from __future__ import annotations

import calendar
import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from delegations.models import Delegation
from partners.models import Agreement, AssociationReport, ForeignPartner, FriendshipAssociation, Occasion
from partners.occasions import Tier, occurrences_between
from plans.models import Activity, ReportingPeriod


class Kind(models.TextChoices):
    OCCASION = "occasion", _("Occasions")
    DELEGATION_OUTBOUND = "delegation_outbound", _("Outbound delegations")
    DELEGATION_INBOUND = "delegation_inbound", _("Inbound delegations")
    AGREEMENT_EXPIRY = "agreement_expiry", _("Agreement expiries")
    AGREEMENT_REPORT = "agreement_report", _("Agreement post-signing reports due")
    DELEGATION_REPORT = "delegation_report", _("Delegation trip reports due")
    ASSOCIATION_REPORT = "association_report", _("Association reports due")
    REPORTING_PERIOD = "reporting_period", _("Progress updates due")
    ACTIVITY_DEADLINE = "activity_deadline", _("Activity deadlines")


@dataclass(frozen=True)
class Event:
    """One dated item on the calendar: from `start` to `end` (both included; `end` None for a single day)."""

    kind: str
    title: str
    start: datetime.date
    end: datetime.date | None
    url: str
    key: str  # stable identity of the item and its date, for iCal UIDs
    detail: str = ""
    badge: str = ""
    partner_ids: frozenset = field(default_factory=frozenset)

    @property
    def last_day(self) -> datetime.date:
        return self.end or self.start

    @property
    def kind_label(self) -> str:
        return str(Kind(self.kind).label)

    def days(self) -> list[datetime.date]:
        return [self.start + datetime.timedelta(days=n) for n in range((self.last_day - self.start).days + 1)]


def _date(day: datetime.date) -> str:
    return f"{day:%d/%m/%Y}"


def month_ends(start: datetime.date, end: datetime.date) -> list[tuple[int, int]]:
    """(year, month) of every month whose last day lies within `start`..`end`."""
    found = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        last = datetime.date(year, month, calendar.monthrange(year, month)[1])
        if start <= last <= end:
            found.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found


def activity_due_between(start: datetime.date, end: datetime.date) -> Q:
    """Activities whose due date (`Activity.due_date`: end date, else the last day of their month, quarter or plan
    year) lies within `start`..`end`, as a database condition: the calendar and the reminders never load the rest."""
    plan_year = "task__plan__year"
    condition = Q(end_date__range=(start, end))
    ends = month_ends(start, end)
    months: dict[int, list[int]] = defaultdict(list)
    quarters: dict[int, list[int]] = defaultdict(list)
    years: list[int] = []
    for year, month in ends:
        months[year].append(month)
        if month % 3 == 0:
            quarters[year].append(month // 3)
        if month == 12:
            years.append(year)
    by_month = Q(pk__in=[])
    for year, values in months.items():
        by_month |= Q(**{plan_year: year}, month__in=values)
    by_quarter = Q(pk__in=[])
    for year, values in quarters.items():
        by_quarter |= Q(**{plan_year: year}, quarter__in=values)
    no_end = Q(end_date__isnull=True)
    condition |= no_end & Q(month__isnull=False) & by_month
    condition |= no_end & Q(month__isnull=True, quarter__isnull=False) & by_quarter
    condition |= no_end & Q(month__isnull=True, quarter__isnull=True, **{f"{plan_year}__in": years})
    return condition


def _occasion_title(occurrence) -> tuple[str, str]:
    number = occurrence.number
    if not number:
        return occurrence.occasion.title, ""
    title = gettext("%(title)s (%(number)s years)") % {"title": occurrence.occasion.title, "number": number}
    badge = str(Tier(occurrence.tier).label) if occurrence.tier in (Tier.ROUND, Tier.FIFTH) else ""
    return title, badge


def occasion_events(user, start, end, partner: ForeignPartner | None = None) -> list[Event]:
    occasions = Occasion.objects.for_user(user)
    if partner is not None:
        occasions = occasions.filter(
            Q(partner=partner) | Q(partner__isnull=True, country_id=partner.country_id, country__isnull=False)
        )
    events = []
    for occurrence in occurrences_between(occasions, start, end):
        occasion = occurrence.occasion
        title, badge = _occasion_title(occurrence)
        events.append(Event(
            kind=Kind.OCCASION, title=title, start=occurrence.date, end=occurrence.end_date,
            url=reverse("partners:occasion_detail", args=[occasion.pk]),
            key=f"occasion-{occasion.pk}-{occurrence.date:%Y%m%d}", detail=occasion.get_kind_display(), badge=badge,
            partner_ids=frozenset([occasion.partner_id]) if occasion.partner_id else frozenset(),
        ))
    return events


def delegation_events(user, start, end, partner=None) -> list[Event]:
    rows = (
        Delegation.objects.for_user(user).filter(start_date__lte=end, end_date__gte=start)
        .exclude(status=Delegation.Status.CANCELLED).select_related("host_agency")
    )
    if partner is not None:
        rows = rows.filter(partners=partner)
    events = []
    for delegation in rows.order_by("start_date", "pk"):
        outbound = delegation.direction == Delegation.Direction.OUTBOUND
        events.append(Event(
            kind=Kind.DELEGATION_OUTBOUND if outbound else Kind.DELEGATION_INBOUND, title=delegation.title,
            start=delegation.start_date, end=delegation.end_date if delegation.end_date != delegation.start_date else None,
            url=reverse("delegations:delegation_detail", args=[delegation.pk]), key=f"delegation-{delegation.pk}",
            detail=f"{delegation.get_status_display()} · {delegation.host_agency}",
        ))
    return events


def agreement_expiry_events(user, start, end, partner=None) -> list[Event]:
    rows = Agreement.objects.for_user(user).active().filter(expires_on__range=(start, end))
    if partner is not None:
        rows = rows.filter(foreign_parties=partner)
    return [
        Event(kind=Kind.AGREEMENT_EXPIRY, title=gettext("Expires: %(title)s") % {"title": agreement.title},
              start=agreement.expires_on, end=None, url=reverse("partners:agreement_detail", args=[agreement.pk]),
              key=f"agreement-expiry-{agreement.pk}-{agreement.expires_on:%Y%m%d}")
        for agreement in rows.order_by("expires_on", "pk")
    ]


def agreement_report_events(user, start, end, partner=None) -> list[Event]:
    allowed = datetime.timedelta(days=settings.DOINGOAI["AGREEMENT_REPORT_DAYS"])
    rows = Agreement.objects.for_user(user).active().filter(
        post_signing_report_sent_on__isnull=True, signed_on__range=(start - allowed, end - allowed)
    )
    if partner is not None:
        rows = rows.filter(foreign_parties=partner)
    events = []
    for agreement in rows.order_by("signed_on", "pk"):
        due = agreement.post_signing_report_due_on
        events.append(Event(
            kind=Kind.AGREEMENT_REPORT,
            title=gettext("Post-signing report due: %(title)s") % {"title": agreement.title}, start=due, end=None,
            url=reverse("partners:agreement_detail", args=[agreement.pk]),
            key=f"agreement-report-{agreement.pk}-{due:%Y%m%d}",
        ))
    return events


def delegation_report_events(user, start, end, partner=None) -> list[Event]:
    allowed = datetime.timedelta(days=settings.DOINGOAI["DELEGATION_REPORT_DAYS"])
    owed = [status for status in Delegation.REPORT_OWED_STATUSES if status != Delegation.Status.REPORTED]
    rows = Delegation.objects.for_user(user).filter(
        status__in=owed, report_received_on__isnull=True, end_date__range=(start - allowed, end - allowed)
    )
    if partner is not None:
        rows = rows.filter(partners=partner)
    return [
        Event(kind=Kind.DELEGATION_REPORT,
              title=gettext("Trip report due: %(title)s") % {"title": delegation.title}, start=delegation.report_due_on,
              end=None, url=reverse("delegations:delegation_detail", args=[delegation.pk]),
              key=f"delegation-report-{delegation.pk}-{delegation.report_due_on:%Y%m%d}")
        for delegation in rows.order_by("end_date", "pk")
    ]


def missing_association_reports(
    associations: models.QuerySet, periods: list[ReportingPeriod]
) -> list[tuple[ReportingPeriod, FriendshipAssociation]]:
    """(period, association) pairs of `associations` whose report for the period is not handed in. Two queries."""
    if not periods:
        return []
    associations = list(associations.filter(kind=FriendshipAssociation.Kind.ASSOCIATION).order_by("name"))
    if not associations:
        return []
    received = set(
        AssociationReport.objects.filter(
            association__in=associations, status__in=AssociationReport.RECEIVED_STATUSES,
            year__in={period.year for period in periods},
        ).values_list("association_id", "year", "period")
    )
    return [
        (period, association)
        for period in periods
        for association in associations
        if (association.pk, period.year, period.kind) not in received
    ]


def association_report_events(user, start, end, partner=None) -> list[Event]:
    if partner is not None:
        return []
    periods = list(ReportingPeriod.objects.for_user(user).filter(due_on__range=(start, end)).order_by("due_on"))
    return [
        Event(kind=Kind.ASSOCIATION_REPORT,
              title=gettext("Association report due: %(association)s – %(period)s")
              % {"association": association.name, "period": period},
              start=period.due_on, end=None,
              url=reverse("partners:friendshipassociation_detail", args=[association.pk]),
              key=f"association-report-{association.pk}-{period.pk}")
        for period, association in missing_association_reports(FriendshipAssociation.objects.for_user(user), periods)
    ]


def reporting_period_events(user, start, end, partner=None) -> list[Event]:
    if partner is not None:
        return []
    return [
        Event(kind=Kind.REPORTING_PERIOD, title=gettext("Progress updates due: %(period)s") % {"period": period},
              start=period.due_on, end=None, url=reverse("plans:progressupdate_list"),
              key=f"reporting-period-{period.pk}")
        for period in ReportingPeriod.objects.for_user(user).filter(due_on__range=(start, end)).order_by("due_on")
    ]


def activity_events(user, start, end, partner=None) -> list[Event]:
    rows = (
        Activity.objects.for_user(user).filter(status__in=Activity.OPEN_STATUSES)
        .filter(activity_due_between(start, end)).select_related("task__plan", "lead_agency")
    )
    if partner is not None:
        rows = rows.filter(partners=partner)
    return [
        Event(kind=Kind.ACTIVITY_DEADLINE, title=gettext("Due: %(activity)s") % {"activity": activity},
              start=activity.due_date, end=None, url=reverse("plans:activity_detail", args=[activity.pk]),
              key=f"activity-{activity.pk}-{activity.due_date:%Y%m%d}",
              detail=f"{activity.lead_agency} · {activity.get_status_display()}")
        for activity in rows.order_by("pk")
    ]


SOURCES = {
    Kind.OCCASION: occasion_events,
    Kind.DELEGATION_OUTBOUND: delegation_events,
    Kind.DELEGATION_INBOUND: delegation_events,
    Kind.AGREEMENT_EXPIRY: agreement_expiry_events,
    Kind.AGREEMENT_REPORT: agreement_report_events,
    Kind.DELEGATION_REPORT: delegation_report_events,
    Kind.ASSOCIATION_REPORT: association_report_events,
    Kind.REPORTING_PERIOD: reporting_period_events,
    Kind.ACTIVITY_DEADLINE: activity_events,
}


def events_for(
    user, start: datetime.date, end: datetime.date, kinds: list[str] | None = None,
    partner: ForeignPartner | None = None,
) -> list[Event]:
    """The events in `user`'s scope overlapping `start`..`end`, of `kinds` (all when empty), touching `partner`."""
    wanted = set(kinds or Kind.values)
    events: list[Event] = []
    called = set()
    for kind, source in SOURCES.items():
        if kind not in wanted or source in called:
            continue
        called.add(source)
        events.extend(event for event in source(user, start, end, partner) if event.kind in wanted)
    return sorted(events, key=lambda event: (event.start, event.kind, event.title))
