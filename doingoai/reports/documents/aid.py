"""The report on foreign NGO aid for a period: by sector, donor and place, and per-project balances."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from django.db.models import (
    DecimalField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from aid_projects.models import AidProject, AidReport, Transaction

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

ACTIVE = (AidProject.Status.APPROVED, AidProject.Status.IMPLEMENTING, AidProject.Status.COMPLETED,
          AidProject.Status.CLOSED)
# When a project has reports of several kinds inside the period, the coarsest one is used.
REPORT_KIND_ORDER = {AidReport.Period.YEAR: 0, AidReport.Period.HALF_YEAR: 1, AidReport.Period.MONTH: 2}
ZERO = Decimal(0)


def _bucket() -> dict:
    return {"projects": set(), "committed_vnd": ZERO, "committed_usd": ZERO, "disbursed_vnd": ZERO,
            "disbursed_usd": ZERO}


def _rows(buckets: dict, label_key) -> list[dict]:
    rows = []
    for key, bucket in buckets.items():
        rows.append({"label": label_key(key), "count": len(bucket["projects"]), **{
            name: bucket[name] for name in ("committed_vnd", "committed_usd", "disbursed_vnd", "disbursed_usd")}})
    return sorted(rows, key=lambda row: (-row["committed_vnd"], row["label"]))


def balances(project: AidProject, reports: list[AidReport], start, end) -> dict | None:
    """Opening, received, used and closing balances of `project` for the period (Circular 23/2022/TT-BTC).

    A report covering exactly the period wins; otherwise the reports of the coarsest kind inside it are chained:
    the opening balance of the first, the sums of received and used, the closing balance of the last.
    """
    if not reports:
        return None
    exact = [report for report in reports if report.period_start == start and report.period_end == end]
    if exact:
        chosen = exact[:1]
    else:
        coarsest = min(REPORT_KIND_ORDER.get(report.period, 9) for report in reports)
        chosen = sorted((r for r in reports if REPORT_KIND_ORDER.get(r.period, 9) == coarsest),
                        key=lambda report: report.period_start)
    return {
        "project": project,
        "opening": chosen[0].opening_balance_vnd,
        "received": sum((report.received_vnd for report in chosen), ZERO),
        "used": sum((report.used_vnd for report in chosen), ZERO),
        "closing": chosen[-1].closing_balance_vnd,
        "goods": "; ".join(report.goods_received for report in chosen if report.goods_received),
        "covered": f"{chosen[0].period_start:%d/%m/%Y} – {chosen[-1].period_end:%d/%m/%Y}",
    }


class AidReportDocument(Document):
    kind = "aid"
    label = _("Foreign NGO aid report")
    description = _(
        "Aid in a period by sector, donor and place (committed and disbursed), and each project's balances: "
        "opening, received, used, closing (Circular 23/2022/TT-BTC)."
    )
    template_name = "pdf/aid.html"
    form_class = PeriodForm

    def available_to(self, user) -> bool:
        return super().available_to(user) and (user.sees_everything or user.role == user.Role.AGENCY_FOCAL)

    def title(self, cleaned_data: dict) -> str:
        return gettext("Foreign NGO aid report, %(period)s") % {
            "period": period_phrase(cleaned_data["year"], cleaned_data["period"])}

    def file_stem(self, parameters: dict) -> str:
        return "bao-cao-vien-tro-pcpnn"

    def gather(self, parameters: dict, user) -> dict:
        year, period = int(parameters["year"]), parameters["period"]
        start, end = period_bounds(year, period)
        money = DecimalField(max_digits=30, decimal_places=4)
        disbursed = Sum(
            ExpressionWrapper(F("transactions__amount") * F("transactions__exchange_rate_vnd"), output_field=money),
            filter=Q(transactions__kind=Transaction.Kind.DISBURSEMENT, transactions__date__range=(start, end)),
        )
        moved = Transaction.objects.filter(project=OuterRef("pk"), date__range=(start, end))
        reported = AidReport.objects.filter(project=OuterRef("pk"), period_start__lte=end, period_end__gte=start)
        projects = list(
            AidProject.objects.for_user(user)
            .filter(status__in=ACTIVE, approved_on__lte=end)
            .filter(Q(end_month__isnull=True) | Q(end_month__gte=start) | Exists(moved) | Exists(reported))
            .annotate(period_disbursed_vnd=Coalesce(disbursed, Value(ZERO), output_field=money))
            .select_related("donor__country")
            .prefetch_related("sectors", "locations")
            .order_by("code")
        )
        reports = defaultdict(list)
        for report in AidReport.objects.for_user(user).filter(
            project__in=[project.pk for project in projects], period_start__gte=start, period_end__lte=end
        ).order_by("period_start"):
            reports[report.project_id].append(report)

        by_sector, by_donor, by_place = defaultdict(_bucket), defaultdict(_bucket), defaultdict(_bucket)
        totals = _bucket()
        new = {"count": 0, "committed_vnd": ZERO, "committed_usd": ZERO}
        rows = []
        for project in projects:
            project.period_disbursed_vnd = Decimal(project.period_disbursed_vnd).quantize(Decimal(1))
            project.period_disbursed_usd = (project.period_disbursed_vnd / project.usd_rate_vnd).quantize(
                Decimal("0.01"))
            if start <= project.approved_on <= end:
                new["count"] += 1
                new["committed_vnd"] += project.committed_vnd
                new["committed_usd"] += project.committed_usd
            places = list(project.locations.all()) or [None]
            targets = [by_sector[sector.name] for sector in project.sectors.all()] or [by_sector[""]]
            targets += [by_donor[project.donor]] + [by_place[place] for place in places] + [totals]
            for bucket in targets:
                if project.pk in bucket["projects"]:
                    continue
                bucket["projects"].add(project.pk)
                bucket["committed_vnd"] += project.committed_vnd
                bucket["committed_usd"] += project.committed_usd
                bucket["disbursed_vnd"] += project.period_disbursed_vnd
                bucket["disbursed_usd"] += project.period_disbursed_usd
            row = balances(project, reports.get(project.pk, []), start, end)
            if row:
                rows.append(row)
        balance_totals = {name: sum((row[name] for row in rows), ZERO)
                          for name in ("opening", "received", "used", "closing")}
        doc = host_letterhead(
            "BC", kind_title="Báo cáo",
            subject=f"Tình hình tiếp nhận, quản lý và sử dụng viện trợ phi chính phủ nước ngoài "
                    f"{period_phrase(year, period)}",
            number=parameters.get("number") or "",
            date=parse_date(parameters.get("issued_on")) or timezone.localdate(),
            recipients=recipients_from(parameters.get("recipients"), (
                f"- UBND tỉnh {config('PROVINCE_NAME')} (để báo cáo);",
                "- Bộ Ngoại giao;",
                "- Bộ Tài chính;",
                "- Liên hiệp các tổ chức hữu nghị tỉnh;",
                f"- Lưu: VT, {config('HOST_BODY_SYMBOL')}.",
            )),
        )
        return {
            "doc": doc,
            "period_text": period_phrase(year, period),
            "start": start,
            "end": end,
            "projects": projects,
            "new": new,
            "totals": {**totals, "count": len(totals["projects"])},
            "by_sector": _rows(by_sector, lambda name: name or "Chưa phân loại"),
            "by_donor": _rows(by_donor, lambda donor: f"{donor.name_vi}" + (
                f" ({donor.country.name_vi})" if donor.country_id else "")),
            "by_place": _rows(by_place, lambda place: place.name if place else "Toàn tỉnh / chưa xác định"),
            "balances": rows,
            "balance_totals": balance_totals,
        }
