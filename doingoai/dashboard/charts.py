"""What the page adds to the cached figures when it renders: translated labels, and the data of each chart.

Charts read their data from a JSON data island (`json_script`), never from inline JavaScript; every bar carries the
URL of the list it counts, so clicking a bar opens that list, as clicking a number in the tables does.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from aid_projects.models import AidProject
from delegations.models import Delegation
from partners.models import AdministrativeUnit, Agreement, AssociationReport, Greeting, Occasion
from plans.models import Activity, Plan

COLOURS = {"navy": "#12325b", "sky": "#7f9cc4", "green": "#2e8b57", "red": "#c8102e", "gold": "#e0a800"}

DEADLINE_LABELS = {
    "trip_report": gettext_lazy("Trip report due"),
    "agreement_report": gettext_lazy("Post-signing report due"),
    "aid_start": gettext_lazy("Aid project must start"),
    "progress_reports": gettext_lazy("Progress reports due"),
}


def labels() -> dict:
    """The display names of the choice values the figures carry, in the active language."""
    return {
        "activity_status_labels": dict(Activity.Status.choices),
        "plan_status_labels": dict(Plan.Status.choices),
        "level_labels": dict(Delegation.Level.choices),
        "direction_labels": dict(Delegation.Direction.choices),
        "delegation_status_labels": dict(Delegation.Status.choices),
        "agreement_status_labels": dict(Agreement.Status.choices),
        "report_status_labels": dict(AssociationReport.Status.choices),
        "period_labels": dict(AssociationReport.Period.choices),
        "greeting_status_labels": dict(Greeting.Status.choices),
        "occasion_kind_labels": dict(Occasion.Kind.choices),
        "unit_level_labels": dict(AdministrativeUnit.Level.choices),
        "aid_status_labels": dict(AidProject.Status.choices),
        "deadline_labels": DEADLINE_LABELS,
    }


def shorten(text: str, length: int = 42) -> str:
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def dataset(label, colour: str, figures: list[dict], value: str = "count") -> dict:
    return {
        "label": str(label),
        "colour": COLOURS[colour],
        "data": [float(each[value]) if value != "count" else each["count"] for each in figures],
        "urls": [each["url"] for each in figures],
    }


def chart_data(figures: dict) -> dict:
    """The charts of the page: labels, datasets, and the list URL behind every bar."""
    plans, delegations, aid = figures["plans"], figures["delegations"], figures["aid"]
    tasks = plans["by_task"]
    return {
        "tasks": {
            "horizontal": True,
            "labels": [shorten(f"{task['number']}. {task['title']}") for task in tasks],
            "titles": [f"{task['number']}. {task['title']}" for task in tasks],
            "datasets": [
                dataset(_("Activities"), "sky", [task["total"] for task in tasks]),
                dataset(_("Done"), "green", [task["done"] for task in tasks]),
                dataset(_("Late or overdue"), "red", [task["late"] for task in tasks]),
            ],
        },
        "months": {
            "labels": [str(month["month"]) for month in delegations["by_month"]],
            "titles": [_("Month %(month)s") % {"month": month["month"]} for month in delegations["by_month"]],
            "axis": _("Month"),
            "datasets": [
                dataset(_("Inbound"), "navy", [month["inbound"] for month in delegations["by_month"]]),
                dataset(_("Outbound"), "gold", [month["outbound"] for month in delegations["by_month"]]),
            ],
        },
        "aid_years": {
            "money": "US$",
            "labels": [str(row["year"]) for row in aid["by_year"]],
            "datasets": [
                dataset(_("Committed"), "navy", [row["committed"] for row in aid["by_year"]], "usd"),
                dataset(_("Disbursed"), "green", [row["disbursed"] for row in aid["by_year"]], "usd"),
            ],
        },
        "aid_sectors": {
            "money": "US$",
            "horizontal": True,
            "labels": [shorten(row["name"], 30) for row in aid["by_sector"]],
            "titles": [row["name"] for row in aid["by_sector"]],
            "datasets": [
                dataset(_("Committed"), "navy", [row["committed"] for row in aid["by_sector"]], "usd"),
                dataset(_("Disbursed"), "green", [row["disbursed"] for row in aid["by_sector"]], "usd"),
            ],
        },
    }
