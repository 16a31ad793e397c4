"""Progress reporting: agencies and associations report on their activities; department officers review.

A progress update is append-only (see `ProgressUpdate.save`): a returned update is answered with a new one. An
accepted update moves the activity to the reported status and progress, through the same service that officers
use on the plan page, so a closed year stays read-only.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from doingoai.core.services import transition
from doingoai.notifications.models import Notification
from doingoai.notifications.services import NewNotification, notify
from partners.models import Agency

from .models import Activity, Plan, ProgressUpdate, ReportingPeriod
from .services import set_activity_status

RUNNING = (Plan.Status.APPROVED, Plan.Status.IN_PROGRESS)


def reporting_agency(user, activity: Activity) -> Agency | None:
    """The agency `user` reports for on `activity`: their own if it leads or coordinates it; for department officers,
    the lead agency (they may enter a report received on paper). None: this user may not report on it."""
    if not (user.is_authenticated and user.is_active):
        return None
    if user.can_edit_records:
        return activity.lead_agency
    agency_id = user.scope_agency_id
    if agency_id is None:
        return None
    # Through `coordinating_agencies.all()`: detail pages prefetch it, so asking costs no query there.
    if activity.lead_agency_id == agency_id or any(
        agency.pk == agency_id for agency in activity.coordinating_agencies.all()
    ):
        return Agency.objects.get(pk=agency_id)
    return None


def may_report_progress(user, activity: Activity) -> bool:
    """Reports are on the activities of a plan being carried out (approved or in progress), by those taking part."""
    return activity.task.plan.status in RUNNING and reporting_agency(user, activity) is not None


def role_of(agency_id: int | None, activity: Activity) -> str:
    """"lead" or "coordinating": how an agency takes part in an activity (for "my activities")."""
    return "lead" if activity.lead_agency_id == agency_id else "coordinating"


@transaction.atomic
def submit_progress(activity: Activity, period: ReportingPeriod, *, by, activity_status: str, progress: int,
                    narrative: str) -> ProgressUpdate:
    """Record a progress report on `activity` for `period`; refused when the period is locked."""
    agency = reporting_agency(by, activity)
    if agency is None:
        raise PermissionDenied(_("You do not take part in this activity, so you cannot report on it."))
    if activity.task.plan.status not in RUNNING:
        raise ValidationError(_("Progress is reported once the plan is approved, and no longer after its year is "
                                "closed."), code="plan_not_running")
    period = ReportingPeriod.objects.select_for_update().get(pk=period.pk)
    if period.is_locked:
        raise ValidationError(
            {"period": _("The reporting period %(period)s is locked: the department must reopen it first.")
             % {"period": period}},
            code="period_locked",
        )
    update = ProgressUpdate(
        activity=activity, period=period, agency=agency, author=by, activity_status=activity_status,
        progress=progress, narrative=narrative,
    )
    update._history_user = by
    update.full_clean()
    update.save()
    return update


@transaction.atomic
def review_progress(update: ProgressUpdate, *, by, accept: bool, comment: str = "") -> ProgressUpdate:
    """Accept (the activity takes the reported status and progress) or return with a comment; tell the author."""
    if not by.can_edit_records:
        raise PermissionDenied(_("Only department officers review progress reports."))
    comment = comment.strip()
    if not accept and not comment:
        raise ValidationError({"comment": _("Say what needs to change: the comment goes to the author.")})
    to_status = ProgressUpdate.ReviewStatus.ACCEPTED if accept else ProgressUpdate.ReviewStatus.RETURNED
    transition(update, to_status, by=by, comment=comment, reviewed_by=by, reviewed_at=timezone.now(),
               review_comment=comment)
    activity = update.activity
    if accept:
        set_activity_status(activity, update.activity_status, update.progress, by=by,
                            comment=_("Accepted progress report #%(number)s") % {"number": update.pk})
    if update.author_id and update.author_id != by.pk:
        text = (_("Your progress report on “%(activity)s” was accepted.") if accept
                else _("Your progress report on “%(activity)s” was returned: %(comment)s"))
        notify([NewNotification(
            recipient=update.author, text=text % {"activity": activity.content[:120], "comment": comment},
            link=update.get_absolute_url(), category=Notification.Category.ACTIVITY,
        )])
    return update
