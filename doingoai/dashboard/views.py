"""The landing page and the leadership dashboard.

Leaders land on the dashboard; department officers and admins land on their work overview and open the dashboard
as a tab; partner users (focal points, association representatives) land on their own scoped work. The dashboard
shows the whole province, so only users who see everything may open it (others get 403), and its figures are
computed once per year and day for all of them (`figures.figures_for`).
"""

from __future__ import annotations

import datetime

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.validators import MaxValueValidator
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _gettext
from django.utils.translation import gettext_lazy as _

from aid_projects.models import AidProject
from delegations.models import Delegation
from partners.models import AssociationReport, ForeignPartner, FriendshipAssociation
from plans.models import Activity, Plan

from . import charts, export, figures

# The years the dashboard (and the lists its links open) accept: from 2000 to a few years ahead.
FIRST_YEAR, YEARS_AHEAD = 2000, 5


class YearForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=FIRST_YEAR, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].max_value = timezone.localdate().year + YEARS_AHEAD
        self.fields["year"].validators.append(MaxValueValidator(self.fields["year"].max_value))


def selected_year(request) -> tuple[int, forms.Form]:
    """The year asked for in `?year=`, or the current one when absent or invalid (the form then says why)."""
    form = YearForm(request.GET)
    year = form.cleaned_data.get("year") if form.is_valid() else None
    return year or timezone.localdate().year, form


def require_dashboard_access(user) -> None:
    """The dashboard shows every agency's data: only users who see everything may open it."""
    if not user.sees_everything:
        raise PermissionDenied


@login_required
def home(request):
    """The landing page: the dashboard for leaders, the work overview for officers, scoped work for partners."""
    user = request.user
    if user.sees_everything and user.role == user.Role.LEADER:
        return leadership_page(request, show_tabs=False)
    return overview(request)


@login_required
def leadership(request):
    require_dashboard_access(request.user)
    return leadership_page(request, show_tabs=request.user.role != request.user.Role.LEADER)


def leadership_page(request, *, show_tabs: bool):
    year, form = selected_year(request)
    context = dashboard_context(year)
    context.update(year_form=form, show_tabs=show_tabs, charts=charts.chart_data(context["figures"]))
    return render(request, "dashboard/leadership.html", context)


def dashboard_context(year: int) -> dict:
    """What the page, the PDF and the workbook show: the figures and the labels of the choices they name."""
    data = figures.figures_for(year)
    return {"figures": data, "year": year, "today": data["today"], "years": data["years"], **charts.labels()}


@login_required
def export_xlsx(request):
    """The dashboard's tables as an Excel workbook, one sheet per table, every figure a link to its list."""
    require_dashboard_access(request.user)
    year, _form = selected_year(request)
    context = dashboard_context(year)
    content = export.workbook(context, base_url=request.build_absolute_uri("/").rstrip("/"))
    return attachment(content, f"{file_stem(year)}.xlsx",
                      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


@login_required
def export_pdf(request):
    """The dashboard as an A4 document in the official layout, through the reports renderer."""
    require_dashboard_access(request.user)
    from doingoai.pdf import render_pdf

    year, _form = selected_year(request)
    context = dashboard_context(year)
    context.update(export.document_context(context))
    return attachment(render_pdf("dashboard/pdf/dashboard.html", context), f"{file_stem(year)}.pdf",
                      "application/pdf")


def file_stem(year: int) -> str:
    return slugify(f"{_gettext('Dashboard')} {year} {timezone.localdate():%Y%m%d}")


def attachment(content: bytes, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def overview(request):
    """What the user has in scope, counted, every number a link to its list; partner users also see their
    activities of the year. Officers and admins reach the leadership dashboard from a tab."""
    user = request.user
    year = datetime.date.today().year
    activities = Activity.objects.for_user(user).filter(task__plan__year=year)
    cards = [
        (_("Plans"), Plan.objects.for_user(user).count(), reverse("plans:plan_list")),
        (_("Activities this year"), activities.count(), reverse("plans:activity_list") + f"?year={year}"),
        (
            _("Late activities this year"),
            activities.filter(status=Activity.Status.LATE).count(),
            reverse("plans:activity_list") + f"?year={year}&status=late",
        ),
    ]
    if user.sees_everything or user.role == user.Role.AGENCY_FOCAL:
        cards += [
            (_("Delegations"), Delegation.objects.for_user(user).count(), reverse("delegations:delegation_list")),
            (_("Aid projects"), AidProject.objects.for_user(user).count(), reverse("aid_projects:aidproject_list")),
        ]
    if user.sees_everything:
        partners = ForeignPartner.objects.for_user(user).count()
        cards.append((_("Foreign partners"), partners, reverse("partners:foreignpartner_list")))
    if user.sees_everything or user.role == user.Role.ASSOCIATION_REP:
        cards += [
            (
                _("Friendship associations"),
                FriendshipAssociation.objects.for_user(user).count(),
                reverse("partners:friendshipassociation_list"),
            ),
            (
                _("Association reports"),
                AssociationReport.objects.for_user(user).count(),
                reverse("partners:associationreport_list"),
            ),
        ]
    my_activities = (
        activities.select_related("task__plan", "lead_agency").order_by("task__number", "number")[:20]
        if user.is_partner_user
        else None
    )
    return render(
        request,
        "dashboard/home.html",
        {"cards": cards, "year": year, "my_activities": my_activities, "show_tabs": user.sees_everything},
    )
