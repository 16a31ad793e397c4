"""The dashboard's tables as an Excel workbook (openpyxl), and the extra context of its PDF document.

Both are built from the same figures as the page, so the three never disagree. In the workbook every count is a
hyperlink to the list it counts, as on the page.
"""

from __future__ import annotations

import io
from collections.abc import Iterable

from django.conf import settings
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

HEADER_FILL = PatternFill("solid", fgColor="EEF2F7")
LINK_FONT = Font(color="12325B", underline="single")
NUMBER = "#,##0"


class Sheet:
    """One worksheet: a title row, a header row, then rows whose figures become linked cells."""

    def __init__(self, book: Workbook, title: str, heading: str, columns: list[str], base_url: str) -> None:
        # Sheet titles: at most 31 characters, none of []:*?/\ (Excel's rules).
        clean = "".join(char for char in title if char not in "[]:*?/\\")[:31]
        self.sheet = book.create_sheet(clean)
        self.base_url = base_url
        self.sheet.append([heading])
        self.sheet["A1"].font = Font(bold=True, size=13)
        self.sheet.append(columns)
        for cell in self.sheet[2]:
            cell.font = Font(bold=True)
            cell.fill = HEADER_FILL
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        self.sheet.freeze_panes = "A3"
        self.widths = [len(column) for column in columns]

    def row(self, values: Iterable) -> None:
        cells = []
        for value in values:
            if isinstance(value, dict) and "url" in value:
                cells.append((value.get("usd") if value.get("_money") else value["count"], value["url"]))
            else:
                cells.append((value, None))
        self.sheet.append([value for value, _url in cells])
        row = self.sheet.max_row
        for column, (value, url) in enumerate(cells, start=1):
            cell = self.sheet.cell(row=row, column=column)
            if url:
                cell.hyperlink = self.base_url + url
                cell.font = LINK_FONT
            if isinstance(value, (int, float)) or type(value).__name__ == "Decimal":
                cell.number_format = NUMBER
            self.widths[column - 1] = max(self.widths[column - 1], min(len(str(value or "")), 60))

    def finish(self) -> None:
        for column, width in enumerate(self.widths, start=1):
            self.sheet.column_dimensions[get_column_letter(column)].width = max(10, width + 2)


def usd(data: dict) -> dict:
    """A money figure whose cell shows the US$ amount and links to the list of the projects it sums."""
    return {**data, "_money": True}


def workbook(context: dict, base_url: str) -> bytes:
    """The workbook of the dashboard of `context["year"]`, as bytes."""
    figures, year = context["figures"], context["year"]
    plans, delegations, aid = figures["plans"], figures["delegations"], figures["aid"]
    partners, associations, upcoming = figures["partners"], figures["associations"], figures["upcoming"]
    labels = context
    book = Workbook()
    book.remove(book.active)
    as_of = date_format(figures["today"], "SHORT_DATE_FORMAT")

    def sheet(title: str, columns: list[str]) -> Sheet:
        return Sheet(book, title, f"{title} – {year} ({_('as of %(date)s') % {'date': as_of}})", columns, base_url)

    summary = sheet(_("Summary"), [_("Figure"), _("Count"), _("Amount (US$)")])
    for label, data in [
        (_("Activities"), plans["total"]),
        (_("Done"), plans["done"]),
        (_("Late or overdue"), plans["late"]),
        (_("Inbound delegations"), delegations["inbound"]),
        (_("Outbound delegations"), delegations["outbound"]),
        (_("Trip reports late"), delegations["report_late"]),
        (_("Aid committed (projects approved)"), aid["committed"]),
        (_("Aid disbursed"), aid["disbursed"]),
        (_("Aid projects not started by the deadline"), aid["start_overdue"]),
        (_("Foreign partners"), partners["partners"]),
        (_("Dormant partners"), partners["dormant"]),
        (_("Agreements in force"), partners["agreements_active"]),
        (_("Agreements expiring soon"), partners["agreements_expiring"]),
        (_("Agreements signed"), partners["agreements_signed"]),
        (_("Post-signing reports late"), partners["agreements_report_late"]),
        (_("Friendship associations"), associations["associations"]),
        (_("Greetings awaiting approval"), upcoming["greetings_to_approve"]),
    ]:
        summary.row([label, data, usd(data) if "usd" in data else None])
    summary.finish()

    tasks = sheet(_("By task"), [_("Task"), _("Activities"), _("Done"), _("Late or overdue"), _("% done")])
    for task in plans["by_task"]:
        tasks.row([f"{task['number']}. {task['title']}", task["total"], task["done"], task["late"], task["done_share"]])
    tasks.finish()

    agencies = sheet(_("By lead agency"), [_("Lead agency"), _("Activities"), _("Done"), _("Late or overdue"),
                                           _("% done")])
    for agency in plans["by_agency"]:
        agencies.row([agency["name"], agency["total"], agency["done"], agency["late"], agency["done_share"]])
    agencies.finish()

    months = sheet(_("Delegations by month"), [_("Month"), _("Inbound"), _("Outbound"), _("Total")])
    for month in delegations["by_month"]:
        months.row([month["month"], month["inbound"], month["outbound"], month["total"]])
    months.finish()

    countries = sheet(_("Delegations by country"), [_("Country"), _("Inbound"), _("Outbound"), _("Total")])
    for country in delegations["by_country"]:
        countries.row([country["name"], country["inbound"], country["outbound"], country["total"]])
    countries.finish()

    levels = sheet(_("Delegations by level"), [_("Level"), _("Inbound"), _("Outbound"), _("Total")])
    for level in delegations["by_level"]:
        levels.row([str(labels["level_labels"].get(level["level"], level["level"])), level["inbound"],
                    level["outbound"], level["total"]])
    levels.finish()

    aid_years = sheet(_("Aid by year"), [_("Year"), _("Projects approved"), _("Committed (US$)"),
                                         _("Committed (VND)"), _("Projects with disbursements"),
                                         _("Disbursed (US$)"), _("Disbursed (VND)")])
    for row in aid["by_year"]:
        aid_years.row([row["year"], row["committed"], usd(row["committed"]), row["committed"]["vnd"],
                       row["disbursed"], usd(row["disbursed"]), row["disbursed"]["vnd"]])
    aid_years.finish()

    for title, rows, first in (
        (_("Aid by sector"), aid["by_sector"], _("Sector")),
        (_("Aid by donor"), aid["by_donor"], _("Donor")),
        (_("Aid by location"), aid["by_location"], _("Location")),
    ):
        breakdown = sheet(title, [first, _("Projects approved"), _("Committed (US$)"),
                                  _("Projects with disbursements"), _("Disbursed (US$)")])
        for row in rows:
            breakdown.row([row["name"], row["committed"], usd(row["committed"]), row["disbursed"],
                           usd(row["disbursed"])])
        breakdown.finish()

    association_sheet = sheet(_("Associations"), [_("Association"), _("Members"), _("Chapters"),
                                                  _("Members of chapters"), *[
                                                      f"{labels['period_labels'][period['period']]} {year}"
                                                      for period in associations["periods"]]])
    for row in associations["rows"]:
        association_sheet.row([
            row["name"], row["member_count"], row["chapter_count"], row["chapter_members"],
            *[str(labels["report_status_labels"].get(row["reports"].get(period["period"], {}).get("status"),
                                                     _("Not handed in")))
              for period in associations["periods"]],
        ])
    association_sheet.finish()

    coming = sheet(_("Next %(days)s days") % {"days": upcoming["days"]}, [_("Date"), _("What"), _("Details")])
    for occasion in upcoming["occasions"]["rows"]:
        detail = _("%(n)sth anniversary") % {"n": occasion["anniversary"]} if occasion["anniversary"] else ""
        coming.row([occasion["date"], occasion["title"], detail])
    for delegation in upcoming["delegations"]:
        coming.row([delegation["start_date"], delegation["title"],
                    str(labels["direction_labels"].get(delegation["direction"], ""))])
    for deadline in upcoming["deadlines"]:
        coming.row([deadline["date"], deadline["title"], str(labels["deadline_labels"][deadline["kind"]])])
    for cell in coming.sheet["A"][2:]:
        cell.number_format = "DD/MM/YYYY"
    coming.finish()

    output = io.BytesIO()
    book.save(output)
    return output.getvalue()


def bar_width(value, largest) -> int:
    """A bar's length in percent of the longest one, for the PDF's charts drawn in CSS."""
    return round(float(value) * 100 / float(largest)) if largest else 0


def document_context(context: dict) -> dict:
    """What the PDF adds to the page's context: its letterhead, dates written the official way, the bars of its
    charts (drawn in CSS: a PDF runs no JavaScript)."""
    from doingoai.pdf import Letterhead, Signature, decree30_date

    figures = context["figures"]
    site = settings.DOINGOAI
    today = figures["today"]
    doc = Letterhead(
        parent_body=site["PARENT_BODY"],
        issuing_body=site["HOST_BODY"],
        kind_title="Báo cáo nhanh",
        subject=f"Tình hình công tác đối ngoại nhân dân năm {context['year']}",
        signature=Signature(title=site["HOST_BODY"]),
        date=today,
        show_number=False,
    )
    tasks = figures["plans"]["by_task"]
    widest_task = max((task["total"]["count"] for task in tasks), default=0)
    years = figures["aid"]["by_year"]
    widest_year = max((max(row["committed"]["usd"], row["disbursed"]["usd"]) for row in years), default=0)
    return {
        "doc": doc,
        "as_of": decree30_date(today),
        "until": decree30_date(figures["upcoming"]["end"]),
        "aid_tables": [
            ("Theo lĩnh vực", figures["aid"]["by_sector"]),
            ("Theo nhà tài trợ", figures["aid"]["by_donor"]),
            ("Theo địa bàn", figures["aid"]["by_location"]),
        ],
        "task_bars": [
            {**task, "total_width": bar_width(task["total"]["count"], widest_task),
             "done_width": bar_width(task["done"]["count"], widest_task)}
            for task in tasks
        ],
        "aid_bars": [
            {**row, "committed_width": bar_width(row["committed"]["usd"], widest_year),
             "disbursed_width": bar_width(row["disbursed"]["usd"], widest_year)}
            for row in years
        ],
    }
