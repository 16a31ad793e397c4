"""Progress reports: an agency or association reports on an activity; a department officer accepts or returns it."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ..forms import ProgressReportForm, ProgressReviewForm
from ..models import Activity, ProgressUpdate
from ..progress import may_report_progress, reporting_agency, review_progress, submit_progress
from .common import add_service_error


@login_required
@require_http_methods(["GET", "POST"])
def report_progress(request, pk: int):
    activity = get_object_or_404(
        Activity.objects.for_user(request.user).select_related("task__plan", "lead_agency"), pk=pk
    )
    if not may_report_progress(request.user, activity):
        raise PermissionDenied
    agency = reporting_agency(request.user, activity)
    form = ProgressReportForm(request.POST or None, activity=activity)
    if request.method == "POST" and form.is_valid():
        try:
            update = submit_progress(activity, form.cleaned_data["period"], by=request.user, **{
                name: form.cleaned_data[name] for name in ("activity_status", "progress", "narrative")
            })
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Your progress report has been sent to the department for review."))
            return HttpResponseRedirect(update.get_absolute_url())
    return render(request, "plans/progress_report_form.html", {
        "activity": activity, "agency": agency, "form": form,
        "previous": activity.progress_updates.select_related("period", "author").order_by("-created_at")[:10],
    })


@login_required
@require_POST
def review(request, pk: int):
    update = get_object_or_404(ProgressUpdate.objects.for_user(request.user).select_related("activity"), pk=pk)
    if not request.user.can_edit_records:
        raise PermissionDenied
    form = ProgressReviewForm(request.POST)
    if form.is_valid():
        try:
            review_progress(update, by=request.user, accept=form.cleaned_data["decision"] == "accept",
                            comment=form.cleaned_data["comment"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Review recorded; the author has been told."))
    else:
        messages.error(request, _("Choose accept or return."))
    return HttpResponseRedirect(update.get_absolute_url())
