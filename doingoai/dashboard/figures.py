"""The leadership dashboard's figures, aggregated in the database, each with the URL of the list it counts.

A *figure* is a dict `{"count": n, "url": "/plans/activities/?year=2026&late=true", ...}`: `count` is exactly the
number of rows the list at `url` shows (tests follow every URL and compare), extra keys carry money or dates. The
business rules (late, overdue, expiring, dormant, not started, not handed in) are the models' querysets — the same
ones the lists' FilterSets call — so a figure and its list cannot disagree.

Every function issues a fixed number of queries whatever the amount of data (grouped aggregates, never a query per
row). `figures_for(year)` caches the whole result per year and day; any change to the domain apps invalidates it
(`doingoai.dashboard.cache`). Nothing here depends on the language: labels of choices are added when rendering.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from decimal import Decimal
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import Count, DecimalField, ExpressionWrapper, F, Max, Min, Prefetch, Q, Sum
from django.db.models.functions import ExtractMonth, ExtractYear
from django.urls import reverse
from django.utils import timezone

from aid_projects.models import AidProject, Transaction
from delegations.models import Delegation
from partners.models import (
    Agreement,
    AssociationReport,
    ForeignPartner,
    FriendshipAssociation,
    Greeting,
    Occasion,
)
from plans.models import Activity, Plan, ReportingPeriod

from . import cache

# How far ahead "the next days" look, and how many years the aid trend shows.
UPCOMING_DAYS = 30
TREND_YEARS = 5
# Rows shown in a "needs attention" list; the figure beside it counts them all.
ATTENTION_ROWS = 8

MONEY = DecimalField(max_digits=38, decimal_places=8)
COMMITTED_USD = ExpressionWrapper(F("committed_amount") * F("exchange_rate_vnd") / F("usd_rate_vnd"), MONEY)
COMMITTED_VND = ExpressionWrapper(F("committed_amount") * F("exchange_rate_vnd"), MONEY)
DISBURSED_USD = ExpressionWrapper(F("amount") * F("exchange_rate_vnd") / F("project__usd_rate_vnd"), MONEY)
DISBURSED_VND = ExpressionWrapper(F("amount") * F("exchange_rate_vnd"), MONEY)


def list_url(name: str, **params) -> str:
    """The URL of list `name` filtered by `params` (True → "true"; None values are left out)."""
    query = {key: ("true" if value is True else "false" if value is False else value)
             for key, value in params.items() if value is not None}
    url = reverse(name)
    return f"{url}?{urlencode(query)}" if query else url


def figure(count, url: str, **extra) -> dict:
    return {"count": int(count or 0), "url": url, **extra}


def money(value) -> Decimal:
    """A database sum as whole US dollars or dong (SQLite sums decimals as floats)."""
    return Decimal(value or 0).quantize(Decimal(1))


def share(part: int, whole: int) -> int | None:
    return round(part * 100 / whole) if whole else None


# --- Plans ---------------------------------------------------------------------------------------------------------

def plan_figures(year: int, today: datetime.date) -> dict:
    """Completion of the year's plans: all activities, done, late; by task and by lead agency."""
    activities = Activity.objects.filter(task__plan__year=year).order_by()
    measures = {
        "total": Count("pk"),
        "done": Count("pk", filter=Q(status=Activity.Status.DONE)),
        "late": Count("pk", filter=Activity.late_condition(today)),
    }
    url = "plans:activity_list"

    def figures(row: dict, **params) -> dict:
        return {
            "total": figure(row["total"], list_url(url, year=year, **params)),
            "done": figure(row["done"], list_url(url, year=year, status=Activity.Status.DONE, **params)),
            "late": figure(row["late"], list_url(url, year=year, late=True, **params)),
            "done_share": share(row["done"], row["total"]),
        }

    by_task = [
        {"id": row["task_id"], "number": row["task__number"], "title": row["task__title"],
         "plan_id": row["task__plan_id"], **figures(row, task=row["task_id"])}
        for row in activities.values("task_id", "task__number", "task__title", "task__plan_id")
        .annotate(**measures)
        .order_by("task__plan_id", "task__number")
    ]
    by_agency = [
        {"id": row["lead_agency_id"], "name": row["lead_agency__name"],
         "short_name": row["lead_agency__short_name"] or row["lead_agency__name"],
         **figures(row, lead_agency=row["lead_agency_id"])}
        for row in activities.values("lead_agency_id", "lead_agency__name", "lead_agency__short_name")
        .annotate(**measures)
        .order_by("-total", "lead_agency__name")
    ]
    plans = [
        {**row, "url": reverse("plans:plan_detail", args=[row["pk"]])}
        for row in Plan.objects.filter(year=year).order_by("number", "pk").values("pk", "number", "title", "status")
    ]
    return {**figures(activities.aggregate(**measures)), "by_task": by_task, "by_agency": by_agency, "plans": plans}


# --- Delegations ---------------------------------------------------------------------------------------------------

def delegation_figures(year: int, today: datetime.date) -> dict:
    """Delegations starting in the year: inbound and outbound, by month, by country and by level; late reports."""
    url = "delegations:delegation_list"
    inbound, outbound = Delegation.Direction.INBOUND, Delegation.Direction.OUTBOUND
    delegations = Delegation.objects.filter(start_date__year=year).order_by()
    by_direction = {
        "inbound": Count("pk", filter=Q(direction=inbound)),
        "outbound": Count("pk", filter=Q(direction=outbound)),
    }
    totals = delegations.with_report_late(today).aggregate(
        total=Count("pk"), report_late=Count("pk", filter=Q(report_is_late=True)), **by_direction
    )

    def figures(row: dict, **params) -> dict:
        return {
            "total": figure(row["total"], list_url(url, year=year, **params)),
            "inbound": figure(row["inbound"], list_url(url, year=year, direction=inbound, **params)),
            "outbound": figure(row["outbound"], list_url(url, year=year, direction=outbound, **params)),
        }

    months = {
        row["month"]: row
        for row in delegations.annotate(month=ExtractMonth("start_date"))
        .values("month")
        .annotate(total=Count("pk"), **by_direction)
    }
    empty = {"total": 0, "inbound": 0, "outbound": 0}
    by_month = [{"month": month, **figures(months.get(month, empty), month=month)} for month in range(1, 13)]

    countries = Delegation.countries.through.objects.filter(delegation__start_date__year=year).order_by()
    by_country = [
        {"id": row["country_id"], "name": row["country__name_vi"], "code": row["country__code"],
         **figures(row, country=row["country_id"])}
        for row in countries.values("country_id", "country__name_vi", "country__code")
        .annotate(
            total=Count("delegation_id"),
            inbound=Count("delegation_id", filter=Q(delegation__direction=inbound)),
            outbound=Count("delegation_id", filter=Q(delegation__direction=outbound)),
        )
        .order_by("-total", "country__name_vi")
    ]
    levels = {row["level"]: row for row in delegations.values("level").annotate(total=Count("pk"), **by_direction)}
    by_level = [
        {"level": level, **figures(levels[level], level=level)}
        for level in Delegation.Level.values
        if level in levels
    ]
    return {
        **figures(totals),
        "report_late": figure(totals["report_late"], list_url(url, year=year, report_late=True)),
        "by_month": by_month,
        "by_country": by_country,
        "by_level": by_level,
    }


# --- Foreign aid ---------------------------------------------------------------------------------------------------

def aid_figures(year: int, today: datetime.date) -> dict:
    """Committed (projects approved in the year, not revoked) and disbursed (in the year), by year, sector, donor
    and location; projects not started within the deadline after approval."""
    url = "aid_projects:aidproject_list"
    funded = AidProject.objects.filter(status__in=AidProject.FUNDED_STATUSES).order_by()
    disbursements = Transaction.objects.filter(kind=Transaction.Kind.DISBURSEMENT).order_by()
    first_year = year - TREND_YEARS + 1

    committed_years = {
        row["year"]: row
        for row in funded.filter(approved_on__year__gte=first_year, approved_on__year__lte=year)
        .annotate(year=ExtractYear("approved_on"))
        .values("year")
        .annotate(count=Count("pk"), usd=Sum(COMMITTED_USD), vnd=Sum(COMMITTED_VND))
    }
    disbursed_years = {
        row["year"]: row
        for row in disbursements.filter(date__year__gte=first_year, date__year__lte=year)
        .annotate(year=ExtractYear("date"))
        .values("year")
        .annotate(count=Count("project_id", distinct=True), usd=Sum(DISBURSED_USD), vnd=Sum(DISBURSED_VND))
    }

    def committed(row: dict | None, **params) -> dict:
        row = row or {}
        return figure(row.get("count"), list_url(url, funded=True, **params),
                      usd=money(row.get("usd")), vnd=money(row.get("vnd")))

    def disbursed(row: dict | None, **params) -> dict:
        row = row or {}
        return figure(row.get("count"), list_url(url, **params), usd=money(row.get("usd")), vnd=money(row.get("vnd")))

    by_year = [
        {"year": each, "committed": committed(committed_years.get(each), year=each),
         "disbursed": disbursed(disbursed_years.get(each), disbursed_in=each)}
        for each in range(first_year, year + 1)
    ]

    def breakdown(group: str, label: str, param: str, extra: str | None = None) -> list[dict]:
        """Committed and disbursed money grouped by `group` (sector, donor, location): one query each."""
        fields = [group, label, *([extra] if extra else [])]
        committed_rows = approved.values(*fields).annotate(**project_measures)
        disbursed_rows = disbursed_in_year.values(*(f"project__{field}" for field in fields)).annotate(
            **transaction_measures
        )
        rows: dict[int, dict] = {}
        for kind, prefix, source in (("committed", "", committed_rows), ("disbursed", "project__", disbursed_rows)):
            for row in source:
                if row[prefix + group] is None:
                    continue
                entry = rows.setdefault(row[prefix + group], {
                    "id": row[prefix + group], "name": row[prefix + label],
                    "extra": row[prefix + extra] if extra else "",
                })
                entry[kind] = row
        return sorted(
            (
                {**entry,
                 "committed": committed(entry.get("committed"), year=year, **{param: entry["id"]}),
                 "disbursed": disbursed(entry.get("disbursed"), disbursed_in=year, **{param: entry["id"]})}
                for entry in rows.values()
            ),
            key=lambda entry: (-(entry["committed"]["usd"] + entry["disbursed"]["usd"]), entry["name"]),
        )

    approved = funded.filter(approved_on__year=year)
    disbursed_in_year = disbursements.filter(date__year=year)
    project_measures = {"count": Count("pk"), "usd": Sum(COMMITTED_USD), "vnd": Sum(COMMITTED_VND)}
    transaction_measures = {
        "count": Count("project_id", distinct=True), "usd": Sum(DISBURSED_USD), "vnd": Sum(DISBURSED_VND),
    }
    by_sector = breakdown("sectors", "sectors__name", "sector")
    by_donor = breakdown("donor", "donor__name_vi", "donor")
    by_location = breakdown("locations", "locations__name", "location", extra="locations__level")

    overdue = AidProject.objects.start_overdue(today).order_by("approved_on", "code")
    overdue_rows = [
        {"pk": project.pk, "code": project.code, "name": project.name_vi, "approved_on": project.approved_on,
         "deadline": project.start_deadline, "url": reverse("aid_projects:aidproject_detail", args=[project.pk])}
        for project in overdue[:ATTENTION_ROWS]
    ]
    return {
        "committed": by_year[-1]["committed"],
        "disbursed": by_year[-1]["disbursed"],
        "by_year": by_year,
        "by_sector": by_sector,
        "by_donor": by_donor,
        "by_location": by_location,
        "start_overdue": figure(overdue.count(), list_url(url, start_overdue=True), rows=overdue_rows),
    }


# --- Partners and agreements ---------------------------------------------------------------------------------------

def partner_figures(year: int, today: datetime.date) -> dict:
    """Foreign partners (dormant ones too) and agreements: in force, expiring soon, signed in the year, late reports."""
    partners_url, agreements_url = "partners:foreignpartner_list", "partners:agreement_list"
    partners = ForeignPartner.objects.order_by().aggregate(
        total=Count("pk"), twinned=Count("pk", filter=Q(is_twinned=True))
    )
    by_country = [
        {"id": row["country_id"], "name": row["country__name_vi"], "code": row["country__code"],
         **figure(row["total"], list_url(partners_url, country=row["country_id"]))}
        for row in ForeignPartner.objects.filter(country__isnull=False).order_by()
        .values("country_id", "country__name_vi", "country__code")
        .annotate(total=Count("pk"))
        .order_by("-total", "country__name_vi")
    ]
    expiring = Agreement.objects.expiring_soon(today).order_by("expires_on", "title")
    signed = Agreement.objects.filter(signed_on__year=year)
    late = Agreement.objects.post_signing_report_late(today).filter(signed_on__year=year).order_by("signed_on")

    def agreement_rows(rows) -> list[dict]:
        return [
            {"pk": row.pk, "title": row.title, "number": row.number, "status": row.status, "signed_on": row.signed_on,
             "expires_on": row.expires_on, "report_due_on": row.post_signing_report_due_on,
             "url": reverse("partners:agreement_detail", args=[row.pk])}
            for row in rows[:ATTENTION_ROWS]
        ]

    return {
        "partners": figure(partners["total"], list_url(partners_url)),
        "twinned": figure(partners["twinned"], list_url(partners_url, is_twinned=True)),
        "dormant": figure(ForeignPartner.objects.dormant(today).count(), list_url(partners_url, dormant=True)),
        "by_country": by_country,
        "agreements_active": figure(Agreement.objects.active().count(), list_url(agreements_url, active=True)),
        "agreements_expiring": figure(
            expiring.count(), list_url(agreements_url, expiring_soon=True), rows=agreement_rows(expiring)
        ),
        "agreements_signed": figure(signed.count(), list_url(agreements_url, signed_year=year)),
        "agreements_report_late": figure(
            late.count(), list_url(agreements_url, signed_year=year, report_late=True), rows=agreement_rows(late)
        ),
    }


# --- Friendship associations ---------------------------------------------------------------------------------------

# The last day of each association report period; a report is owed once its period is over.
PERIOD_ENDS = {AssociationReport.Period.HALF_YEAR: (6, 30), AssociationReport.Period.YEAR: (12, 31)}


def association_figures(year: int, today: datetime.date) -> dict:
    """Members and chapters by association; the year's reports by period and status, and those not handed in."""
    associations_url, reports_url = "partners:friendshipassociation_list", "partners:associationreport_list"
    members = FriendshipAssociation.Kind.ASSOCIATION
    rows = list(
        FriendshipAssociation.objects.filter(kind=members)
        .annotate(chapter_count=Count("chapters"), chapter_members=Sum("chapters__member_count"))
        .order_by("name")
        .values("pk", "name", "member_count", "chapter_count", "chapter_members", "partner_country__name_vi")
    )
    reports = defaultdict(dict)
    by_status: dict[str, dict[str, int]] = {period: defaultdict(int) for period in AssociationReport.Period.values}
    for report in AssociationReport.objects.filter(year=year, association__kind=members).values(
        "pk", "association_id", "period", "status"
    ):
        reports[report["association_id"]][report["period"]] = {
            "status": report["status"], "url": reverse("partners:associationreport_detail", args=[report["pk"]]),
        }
        by_status[report["period"]][report["status"]] += 1
    periods = []
    for period in AssociationReport.Period.values:
        key = f"{year}-{period}"
        periods.append({
            "period": period,
            "ended": today > datetime.date(year, *PERIOD_ENDS[period]),
            "expected": figure(len(rows), list_url(associations_url, kind=members)),
            "missing": figure(
                FriendshipAssociation.objects.missing_report(year, period).count(),
                list_url(associations_url, report_missing=key),
            ),
            "by_status": [
                {"status": status,
                 **figure(by_status[period][status], list_url(reports_url, year=year, period=period, status=status))}
                for status in AssociationReport.Status.values
            ],
        })
    return {
        "associations": figure(len(rows), list_url(associations_url, kind=members)),
        "members": sum(row["member_count"] for row in rows),
        "chapters": sum(row["chapter_count"] for row in rows),
        "rows": [
            {**row, "chapter_members": row["chapter_members"] or 0,
             "url": reverse("partners:friendshipassociation_detail", args=[row["pk"]]),
             "reports": reports.get(row["pk"], {})}
            for row in rows
        ],
        "periods": periods,
    }


# --- The next days -------------------------------------------------------------------------------------------------

def upcoming_figures(today: datetime.date) -> dict:
    """The next `UPCOMING_DAYS` days: occasions (round anniversaries marked), greetings awaiting approval, delegations
    arriving or leaving, and deadlines falling due."""
    end = today + datetime.timedelta(days=UPCOMING_DAYS)
    occasions = []
    upcoming = (
        Occasion.objects.upcoming(UPCOMING_DAYS, today)
        .select_related("country", "partner")
        .prefetch_related(
            "dates", Prefetch("greetings", queryset=Greeting.objects.filter(year__in=[today.year, end.year]))
        )
    )
    for occasion in upcoming:
        day = occasion.next_occurrence(today)
        if day is None:
            continue
        anniversary = occasion.anniversary(day.year)
        greetings = [greeting.status for greeting in occasion.greetings.all() if greeting.year == day.year]
        occasions.append({
            "pk": occasion.pk, "title": occasion.title, "kind": occasion.kind, "date": day,
            "country": occasion.country.name_vi if occasion.country else "",
            "anniversary": anniversary,
            # Decree 145/2013: anniversaries ending in 0 or 5 are marked with more than a letter.
            "is_round": bool(anniversary) and anniversary % 5 == 0,
            "greetings": sorted(greetings),
            "url": reverse("partners:occasion_detail", args=[occasion.pk]),
        })
    occasions.sort(key=lambda row: (row["date"], row["title"]))

    url = "delegations:delegation_list"
    window = {"start_from": today.isoformat(), "start_to": end.isoformat()}
    coming = list(
        Delegation.objects.filter(start_date__gte=today, start_date__lte=end)
        .prefetch_related("countries")
        .order_by("start_date", "title")
    )
    delegations = [
        {"pk": delegation.pk, "title": delegation.title, "direction": delegation.direction,
         "status": delegation.status, "start_date": delegation.start_date, "end_date": delegation.end_date,
         "countries": ", ".join(country.name_vi for country in delegation.countries.all()),
         "url": reverse("delegations:delegation_detail", args=[delegation.pk])}
        for delegation in coming
    ]
    counts = defaultdict(int)
    for delegation in coming:
        counts[delegation.direction] += 1

    return {
        "days": UPCOMING_DAYS,
        "end": end,
        "occasions": figure(len(occasions), list_url("partners:occasion_list", upcoming_days=UPCOMING_DAYS),
                            rows=occasions),
        "greetings_to_approve": figure(
            Greeting.objects.filter(status=Greeting.Status.DRAFT).count(),
            list_url("partners:greeting_list", status=Greeting.Status.DRAFT),
        ),
        "arriving": figure(counts[Delegation.Direction.INBOUND],
                           list_url(url, direction=Delegation.Direction.INBOUND, **window)),
        "leaving": figure(counts[Delegation.Direction.OUTBOUND],
                          list_url(url, direction=Delegation.Direction.OUTBOUND, **window)),
        "delegations": delegations,
        "deadlines": deadlines(today, end),
    }


def deadlines(today: datetime.date, end: datetime.date) -> list[dict]:
    """What falls due between `today` and `end`: trip reports, post-signing reports, aid start deadlines, progress
    reports. Each due date is the model's own (`report_due_on`, `post_signing_report_due_on`, `start_deadline`)."""
    rows = []
    trip_days = datetime.timedelta(days=settings.DOINGOAI["DELEGATION_REPORT_DAYS"])
    for delegation in Delegation.objects.filter(
        status__in=Delegation.REPORT_OWED_STATUSES, report_received_on__isnull=True,
        end_date__gte=today - trip_days, end_date__lte=end - trip_days,
    ).order_by("end_date"):
        rows.append({"kind": "trip_report", "title": delegation.title, "date": delegation.report_due_on,
                     "url": reverse("delegations:delegation_detail", args=[delegation.pk])})
    report_days = datetime.timedelta(days=settings.DOINGOAI["AGREEMENT_REPORT_DAYS"])
    for agreement in Agreement.objects.filter(
        post_signing_report_sent_on__isnull=True, signed_on__gte=today - report_days, signed_on__lte=end - report_days,
    ).order_by("signed_on"):
        rows.append({"kind": "agreement_report", "title": agreement.title, "date": agreement.post_signing_report_due_on,
                     "url": reverse("partners:agreement_detail", args=[agreement.pk])})
    for project in AidProject.objects.filter(
        status=AidProject.Status.APPROVED, started_on__isnull=True, approved_on__isnull=False
    ).order_by("approved_on"):
        if today <= project.start_deadline <= end:
            rows.append({"kind": "aid_start", "title": str(project), "date": project.start_deadline,
                         "url": reverse("aid_projects:aidproject_detail", args=[project.pk])})
    for period in ReportingPeriod.objects.filter(due_on__gte=today, due_on__lte=end, is_locked=False):
        rows.append({"kind": "progress_reports", "title": str(period), "date": period.due_on,
                     "url": list_url("plans:progressupdate_list", period=period.pk)})
    return sorted(rows, key=lambda row: row["date"])


# --- The whole dashboard -------------------------------------------------------------------------------------------

def available_years(today: datetime.date) -> list[int]:
    """The years the selector offers: every year with a plan, and the current one."""
    bounds = Plan.objects.aggregate(first=Min("year"), last=Max("year"))
    first = min(bounds["first"] or today.year, today.year)
    last = max(bounds["last"] or today.year, today.year)
    return list(range(last, first - 1, -1))


def compute(year: int, today: datetime.date) -> dict:
    """Every figure of the dashboard for `year`, as of `today`."""
    return {
        "year": year,
        "today": today,
        "years": available_years(today),
        "plans": plan_figures(year, today),
        "delegations": delegation_figures(year, today),
        "aid": aid_figures(year, today),
        "partners": partner_figures(year, today),
        "associations": association_figures(year, today),
        "upcoming": upcoming_figures(today),
    }


def figures_for(year: int, today: datetime.date | None = None) -> dict:
    """`compute(year, today)`, from the cache when nothing changed since it was computed today."""
    today = today or timezone.localdate()
    key = cache.key("figures", year, today.isoformat())
    figures = cache.get(key)
    if figures is None:
        figures = compute(year, today)
        cache.set(key, figures)
    return figures
