"""The report on delegations sent and received in a period."""

from __future__ import annotations

from collections import Counter, defaultdict

from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from delegations.models import Delegation

from .base import (
    Document,
    PeriodForm,
    config,
    host_letterhead,
    parse_date,
    period_bounds,
    period_phrase,
    recipients_from,
)

OUT, IN = Delegation.Direction.OUTBOUND, Delegation.Direction.INBOUND


class DelegationsReportDocument(Document):
    kind = "delegations"
    label = _("Delegations report")
    description = _(
        "Delegations sent and received in a period: counts by country and level, the list, and late trip reports."
    )
    template_name = "pdf/delegations.html"
    form_class = PeriodForm

    def available_to(self, user) -> bool:
        return super().available_to(user) and (user.sees_everything or user.role == user.Role.AGENCY_FOCAL)

    def title(self, cleaned_data: dict) -> str:
        return gettext("Delegations report, %(period)s") % {
            "period": period_phrase(cleaned_data["year"], cleaned_data["period"])}

    def file_stem(self, parameters: dict) -> str:
        return "bao-cao-doan-ra-doan-vao"

    def gather(self, parameters: dict, user) -> dict:
        year, period = int(parameters["year"]), parameters["period"]
        start, end = period_bounds(year, period)
        issued_on = parse_date(parameters.get("issued_on")) or timezone.localdate()
        # Trips that took place: approved (or later) and overlapping the period.
        delegations = list(
            Delegation.objects.for_user(user)
            .filter(status__in=Delegation.REPORT_OWED_STATUSES, start_date__lte=end, end_date__gte=start)
            .with_report_late(today=issued_on)
            .annotate(member_count=Count("members"))
            .select_related("host_agency")
            .prefetch_related("countries")
            .order_by("start_date", "pk")
        )
        by_country: dict = defaultdict(Counter)
        by_level: dict = defaultdict(Counter)
        totals: Counter = Counter()
        for delegation in delegations:
            countries = list(delegation.countries.all())
            delegation.country_names = ", ".join(country.name_vi for country in countries)
            for country in countries:
                by_country[country.name_vi][delegation.direction] += 1
            by_level[delegation.get_level_display()][delegation.direction] += 1
            totals[delegation.direction] += 1
            totals[f"{delegation.direction}_people"] += delegation.member_count
        late = [delegation for delegation in delegations if delegation.report_is_late]
        for delegation in late:
            delegation.due_on = delegation.report_due_on
        doc = host_letterhead(
            "BC", kind_title="Báo cáo",
            subject=f"Tình hình đoàn ra, đoàn vào {period_phrase(year, period)}",
            number=parameters.get("number") or "", date=issued_on,
            recipients=recipients_from(parameters.get("recipients"), (
                f"- UBND tỉnh {config('PROVINCE_NAME')} (để báo cáo);",
                "- Bộ Ngoại giao (Cục Lễ tân Nhà nước);",
                "- Ban Đối ngoại Tỉnh ủy;",
                f"- Lưu: VT, {config('HOST_BODY_SYMBOL')}.",
            )),
        )
        return {
            "doc": doc,
            "period_text": period_phrase(year, period),
            "start": start,
            "end": end,
            "delegations": delegations,
            "outbound": [delegation for delegation in delegations if delegation.direction == OUT],
            "inbound": [delegation for delegation in delegations if delegation.direction == IN],
            "by_country": sorted(
                ((name, counts[OUT], counts[IN]) for name, counts in by_country.items()), key=lambda row: row[0]
            ),
            "by_level": [(name, counts[OUT], counts[IN]) for name, counts in by_level.items()],
            "totals": {"out": totals[OUT], "in": totals[IN], "out_people": totals[f"{OUT}_people"],
                       "in_people": totals[f"{IN}_people"]},
            "late": late,
            "report_days": config("DELEGATION_REPORT_DAYS", 10),
        }
