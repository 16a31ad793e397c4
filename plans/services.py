"""Business operations on plans. Views, the API, tasks and the shell all call these; none takes a request.

Every change to a plan's content (its header, tasks, activities and their coordinating agencies) goes through a
function here that first calls `check_plan_editable`, which locks the plan row and applies the editing rules:

- a draft is edited freely by department officers;
- a submitted plan waits for the leader's decision and is not edited;
- an approved or in-progress plan changes only inside an open revision (`open_revision` … `close_revision`), and
  every edit made then carries the revision as its reason in the history;
- a closed year is read-only until a leader unlocks it, giving a reason (`unlock_plan`, audited as a revision of
  kind "unlock").

Status changes go through `doingoai.core.services.transition`, which logs who, when and why.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from doingoai.core.services import transition

from .models import Activity, ActivityCoordination, Directive, Plan, PlanRevision, Task, validate_coordination

# Rows being renumbered are parked above every real number first: (task, number) and (plan, number) are unique
# and the database checks that row by row.
PARK_OFFSET = 10_000
# simple-history stores a change reason of at most this many characters.
REASON_LENGTH = 100


class PlanLocked(ValidationError):
    """The plan cannot be changed in its current state (submitted, approved without a revision, or closed)."""


def _require(allowed: bool, message: str) -> None:
    if not allowed:
        raise PermissionDenied(message)


def _require_editor(by) -> None:
    _require(by is not None and by.can_edit_records, _("Only department officers edit plans."))


# Editing rules ------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class EditingState:
    """Whether a plan's content may be edited now, why not if not, and the revision edits belong to."""

    editable: bool
    message: str
    revision: PlanRevision | None = None


def open_revision_of(plan: Plan) -> PlanRevision | None:
    return plan.revisions.filter(closed_at__isnull=True).select_related("opened_by").first()


def editing_state(plan: Plan, revision: PlanRevision | None) -> EditingState:
    """The editing rule for `plan` whose open revision (if any) is `revision`. Makes no query."""
    if plan.status == Plan.Status.DRAFT:
        return EditingState(True, _("Draft: department officers can change it freely until it is submitted."))
    if plan.status == Plan.Status.SUBMITTED:
        return EditingState(
            False,
            _("This plan has been submitted for approval and cannot be changed. A leader can approve it or return "
              "it to draft."),
        )
    if plan.status == Plan.Status.CLOSED:
        return EditingState(
            False, _("The year is closed: this plan is read-only. A leader can unlock it, giving a reason."),
        )
    if revision is not None:
        return EditingState(
            True,
            _("Revision %(number)s is open (%(reason)s): every change is recorded with it until it is closed.")
            % {"number": revision.number, "reason": revision.reason},
            revision,
        )
    return EditingState(
        False,
        _("This plan is approved: it changes only through a recorded revision. Open a revision, saying why, "
          "before changing it."),
    )


def check_plan_editable(plan: Plan, *, by) -> PlanRevision | None:
    """Refuse (PermissionDenied or PlanLocked) unless `by` may change `plan`'s content now.

    Locks the plan row for the rest of the caller's transaction, so that an approval or a closing revision cannot
    slip in between the check and the edit. Returns the open revision, if any.
    """
    _require_editor(by)
    locked = Plan._base_manager.select_for_update().get(pk=plan.pk)
    plan.status = locked.status
    state = editing_state(locked, open_revision_of(locked))
    if not state.editable:
        raise PlanLocked(state.message, code="plan_locked")
    return state.revision


def _stamp(record, *, by, reason: str = "", revision: PlanRevision | None = None) -> None:
    """Say who makes the next save of `record` and why, for its history."""
    record._history_user = by
    if not reason and revision is not None:
        reason = _("Revision %(number)s: %(reason)s") % {"number": revision.number, "reason": revision.reason}
    if reason:
        record._change_reason = reason[:REASON_LENGTH]


# Plans and directives -----------------------------------------------------------------------------------------------


@transaction.atomic
def save_plan(plan: Plan, *, by, reason: str = "") -> Plan:
    """Create a plan (as a draft) or save changes to its header."""
    _require_editor(by)
    revision = None
    if plan.pk:
        revision = check_plan_editable(plan, by=by)
    else:
        plan.status = Plan.Status.DRAFT
    plan.full_clean()
    _stamp(plan, by=by, reason=reason, revision=revision)
    plan.save()
    return plan


@transaction.atomic
def delete_plan(plan: Plan, *, by) -> None:
    """Delete a draft plan with its tasks and activities; a plan that was ever submitted is kept for the record."""
    _require_editor(by)
    locked = Plan._base_manager.select_for_update().get(pk=plan.pk)
    if locked.status != Plan.Status.DRAFT:
        raise PlanLocked(_("Only a draft plan can be deleted; this one is kept for the record."), code="plan_locked")
    _stamp(plan, by=by)
    plan.delete()


@transaction.atomic
def delete_directive(directive: Directive, *, by) -> None:
    """Delete a guiding document that no plan cites and no other document implements."""
    _require_editor(by)
    if directive.plans.exists():
        raise ValidationError(
            _("Plans cite this document as a legal basis; remove it from them before deleting it."), code="cited",
        )
    if directive.implementing_documents.exists():
        raise ValidationError(_("Other documents implement this one; it cannot be deleted."), code="implemented")
    _stamp(directive, by=by)
    directive.delete()


# Tasks --------------------------------------------------------------------------------------------------------------


def _renumber(records: Sequence, *, by, revision: PlanRevision | None, reason: str = "") -> None:
    """Give `records` (all the children of one parent, in their new order) the numbers 1, 2, 3… in one transaction.

    Only rows whose number changes are written, each with its history.
    """
    moving = [(record, number) for number, record in enumerate(records, start=1) if record.number != number]
    if not moving:
        return
    model = type(moving[0][0])
    model._base_manager.filter(pk__in=[record.pk for record, _number in moving]).update(
        number=F("number") + PARK_OFFSET
    )
    for record, number in moving:
        record.number = number
        _stamp(record, by=by, reason=reason, revision=revision)
        record.save(update_fields=["number", "modified_at"])


def _next_number(queryset) -> int:
    return (queryset.aggregate(last=Max("number"))["last"] or 0) + 1


@transaction.atomic
def save_task(task: Task, *, by, reason: str = "") -> Task:
    """Add a task at the end of its plan, or save changes to one."""
    revision = check_plan_editable(task.plan, by=by)
    if not task.pk:
        task.number = _next_number(Task.objects.filter(plan=task.plan))
    task.full_clean()
    _stamp(task, by=by, reason=reason, revision=revision)
    task.save()
    return task


@transaction.atomic
def delete_task(task: Task, *, by) -> None:
    """Delete an empty task and renumber the plan's remaining tasks."""
    revision = check_plan_editable(task.plan, by=by)
    if task.activities.exists():
        raise ValidationError(
            _("Task %(number)s still has activities: delete them or move them to another task first.")
            % {"number": task.number},
            code="task_not_empty",
        )
    _stamp(task, by=by, revision=revision)
    task.delete()
    _renumber(list(Task.objects.filter(plan=task.plan).order_by("number")), by=by, revision=revision)


def _reorder(siblings: list, ordered_ids: Iterable[int]) -> list:
    by_id = {record.pk: record for record in siblings}
    ordered_ids = [int(pk) for pk in ordered_ids]
    if sorted(ordered_ids) != sorted(by_id):
        raise ValidationError(
            _("The list changed while you were reordering it (someone else edited it). Reload the page and try "
              "again."),
            code="stale_order",
        )
    return [by_id[pk] for pk in ordered_ids]


def _moved(siblings: list, record, offset: int) -> list:
    order = [sibling.pk for sibling in siblings]
    index = order.index(record.pk)
    target = min(max(index + offset, 0), len(order) - 1)
    order.insert(target, order.pop(index))
    return order


@transaction.atomic
def reorder_tasks(plan: Plan, ordered_ids: Iterable[int], *, by) -> None:
    """Put the plan's tasks in the given order and renumber them 1, 2, 3…."""
    revision = check_plan_editable(plan, by=by)
    siblings = list(Task.objects.select_for_update().filter(plan=plan).order_by("number"))
    _renumber(_reorder(siblings, ordered_ids), by=by, revision=revision)


@transaction.atomic
def move_task(task: Task, offset: int, *, by) -> None:
    """Move a task up (offset -1) or down (+1) among its plan's tasks."""
    check_plan_editable(task.plan, by=by)
    siblings = list(Task.objects.filter(plan_id=task.plan_id).order_by("number"))
    reorder_tasks(task.plan, _moved(siblings, task, offset), by=by)


# Activities ---------------------------------------------------------------------------------------------------------


def _sync_coordinations(activity: Activity, agencies, *, by, revision: PlanRevision | None, reason: str) -> None:
    """Make `agencies` the activity's coordinating agencies, one row at a time so that the history records each."""
    wanted = {agency.pk for agency in agencies}
    current = {coordination.agency_id: coordination for coordination in activity.coordinations.all()}
    for agency_id, coordination in current.items():
        if agency_id not in wanted:
            _stamp(coordination, by=by, reason=reason, revision=revision)
            coordination.delete()
    for agency_id in wanted - set(current):
        coordination = ActivityCoordination(activity=activity, agency_id=agency_id)
        _stamp(coordination, by=by, reason=reason, revision=revision)
        coordination.save()


@transaction.atomic
def save_activity(
    activity: Activity, *, by, coordinating_agencies=None, countries=None, partners=None, agreements=None,
    reason: str = "",
) -> Activity:
    """Add an activity at the end of its task, or save changes to one (moving it to another task of the plan).

    The related lists are replaced when given and left alone when None.
    """
    revision = check_plan_editable(activity.task.plan, by=by)
    previous_task_id = None
    if activity.pk:
        previous_task_id = Activity._base_manager.filter(pk=activity.pk).values_list("task_id", flat=True).get()
        if Task.objects.get(pk=previous_task_id).plan_id != activity.task.plan_id:
            raise ValidationError({"task": _("An activity can only move to another task of the same plan.")})
    if not activity.pk or previous_task_id != activity.task_id:
        activity.number = _next_number(Activity.objects.filter(task_id=activity.task_id))
    if coordinating_agencies is not None:
        validate_coordination(activity.lead_agency_id, [agency.pk for agency in coordinating_agencies])
    elif activity.pk:
        validate_coordination(activity.lead_agency_id, activity.coordinations.values_list("agency_id", flat=True))
    activity.full_clean()
    _stamp(activity, by=by, reason=reason, revision=revision)
    activity.save()
    if coordinating_agencies is not None:
        _sync_coordinations(activity, coordinating_agencies, by=by, revision=revision, reason=reason)
    for name, values in (("countries", countries), ("partners", partners), ("agreements", agreements)):
        if values is not None:
            getattr(activity, name).set(values)
    if previous_task_id and previous_task_id != activity.task_id:
        _renumber(list(Activity.objects.filter(task_id=previous_task_id).order_by("number")), by=by,
                  revision=revision)
    return activity


@transaction.atomic
def delete_activity(activity: Activity, *, by) -> None:
    """Delete an activity nobody has reported on, and renumber the rest of its task."""
    revision = check_plan_editable(activity.task.plan, by=by)
    if activity.progress_updates.exists():
        raise ValidationError(
            _("Progress has been reported on this activity, so it is kept: set its status to cancelled instead."),
            code="activity_reported",
        )
    for coordination in activity.coordinations.all():
        _stamp(coordination, by=by, revision=revision)
        coordination.delete()
    _stamp(activity, by=by, revision=revision)
    task_id = activity.task_id
    activity.delete()
    _renumber(list(Activity.objects.filter(task_id=task_id).order_by("number")), by=by, revision=revision)


@transaction.atomic
def reorder_activities(task: Task, ordered_ids: Iterable[int], *, by) -> None:
    """Put the task's activities in the given order and renumber them 1, 2, 3… (the STT of the appendix)."""
    revision = check_plan_editable(task.plan, by=by)
    siblings = list(Activity.objects.select_for_update().filter(task=task).order_by("number"))
    _renumber(_reorder(siblings, ordered_ids), by=by, revision=revision)


@transaction.atomic
def move_activity(activity: Activity, offset: int, *, by) -> None:
    """Move an activity up (offset -1) or down (+1) within its task."""
    check_plan_editable(activity.task.plan, by=by)
    siblings = list(Activity.objects.filter(task_id=activity.task_id).order_by("number"))
    reorder_activities(activity.task, _moved(siblings, activity, offset), by=by)


@transaction.atomic
def set_activity_status(activity: Activity, status: str, progress: int, *, by, comment: str = "") -> Activity:
    """Record where an activity of an approved or running plan stands: its status and progress.

    This is follow-up, not a change of the plan, so it needs no revision; a closed year is read-only.
    """
    _require_editor(by)
    plan = Plan._base_manager.select_for_update().get(pk=activity.task.plan_id)
    if plan.status == Plan.Status.CLOSED:
        raise PlanLocked(editing_state(plan, None).message, code="plan_locked")
    if plan.status not in (Plan.Status.APPROVED, Plan.Status.IN_PROGRESS):
        raise PlanLocked(_("Progress is followed once the plan is approved."), code="plan_locked")
    if status == activity.status:
        activity.progress = progress
        activity.full_clean()
        _stamp(activity, by=by, reason=comment)
        activity.save(update_fields=["progress", "modified_at"])
        return activity
    if comment:
        activity._change_reason = comment[:REASON_LENGTH]
    return transition(activity, status, by=by, comment=comment, progress=progress)


# Copy to the next year ----------------------------------------------------------------------------------------------


def _next_year(day: datetime.date | None) -> datetime.date | None:
    if day is None:
        return None
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


@transaction.atomic
def copy_plan_to_next_year(plan: Plan, *, by) -> Plan:
    """Start next year's draft from `plan`: its tasks and its unfinished activities, a year later and not started.

    Every copied activity points to the one it came from (`source_activity`). Refused when the issuing body already
    has a plan for next year.
    """
    _require_editor(by)
    year = plan.year + 1
    existing = Plan.objects.filter(year=year, issuing_agency_id=plan.issuing_agency_id).first()
    if existing is not None:
        raise ValidationError(
            _("%(agency)s already has a plan for %(year)s (“%(title)s”); it was not copied again.")
            % {"agency": plan.issuing_agency, "year": year, "title": existing.title},
            code="next_year_exists",
        )
    reason = _("Copied from the %(year)s plan") % {"year": plan.year}
    copy = Plan(
        year=year, kind=plan.kind, issuing_agency_id=plan.issuing_agency_id,
        title=re.sub(rf"\b{plan.year}\b", str(year), plan.title), purpose=plan.purpose,
        implementation=plan.implementation, copied_from=plan, status=Plan.Status.DRAFT,
    )
    copy.full_clean()
    _stamp(copy, by=by, reason=reason)
    copy.save()
    copy.legal_bases.set(plan.legal_bases.all())

    unfinished = (
        Activity.objects.filter(task__plan=plan)
        .exclude(status__in=[Activity.Status.DONE, Activity.Status.CANCELLED])
        .prefetch_related("coordinations", "countries", "partners", "agreements")
        .order_by("number")
    )
    by_task: dict[int, list[Activity]] = {}
    for activity in unfinished:
        by_task.setdefault(activity.task_id, []).append(activity)
    for task in plan.tasks.order_by("number"):
        new_task = Task(plan=copy, number=task.number, title=task.title, description=task.description)
        _stamp(new_task, by=by, reason=reason)
        new_task.save()
        for number, source in enumerate(by_task.get(task.pk, []), start=1):
            new = Activity(
                task=new_task, number=number, content=source.content, lead_agency_id=source.lead_agency_id,
                quarter=source.quarter, month=source.month, start_date=_next_year(source.start_date),
                end_date=_next_year(source.end_date), budget_amount=source.budget_amount,
                budget_source=source.budget_source, expected_result=source.expected_result, notes=source.notes,
                status=Activity.Status.NOT_STARTED, progress=0, source_activity=source,
            )
            _stamp(new, by=by, reason=reason)
            new.save()
            for coordination in source.coordinations.all():
                copied = ActivityCoordination(activity=new, agency_id=coordination.agency_id)
                _stamp(copied, by=by, reason=reason)
                copied.save()
            new.countries.set(source.countries.all())
            new.partners.set(source.partners.all())
            new.agreements.set(source.agreements.all())
    return copy


# Workflow -----------------------------------------------------------------------------------------------------------


def submit_plan(plan: Plan, *, by, comment: str = "") -> Plan:
    """A department officer submits a draft plan to the leadership for approval."""
    _require(by.can_edit_records, _("Only department officers submit plans."))
    if not Activity.objects.filter(task__plan=plan).exists():
        raise ValidationError(_("Add at least one activity before submitting the plan."), code="plan_empty")
    return transition(plan, Plan.Status.SUBMITTED, by=by, comment=comment)


def approve_plan(plan: Plan, *, by, comment: str = "") -> Plan:
    """A leader approves a submitted plan; from then on it changes only through a recorded revision."""
    _require(by.can_approve, _("Only leaders approve plans."))
    return transition(plan, Plan.Status.APPROVED, by=by, comment=comment)


def return_plan(plan: Plan, *, by, comment: str) -> Plan:
    """A leader returns a submitted plan to draft, saying why."""
    _require(by.can_approve, _("Only leaders return plans."))
    if not comment.strip():
        raise ValidationError({"comment": _("Say why the plan is returned.")})
    return transition(plan, Plan.Status.DRAFT, by=by, comment=comment)


def start_plan(plan: Plan, *, by, comment: str = "") -> Plan:
    """Mark an approved plan as being carried out."""
    _require(by.can_edit_records, _("Only department officers start plans."))
    return transition(plan, Plan.Status.IN_PROGRESS, by=by, comment=comment)


@transaction.atomic
def close_plan(plan: Plan, *, by, comment: str = "") -> Plan:
    """Close the plan's year: from then on it is read-only unless unlocked."""
    _require(by.can_edit_records, _("Only department officers close plans."))
    Plan._base_manager.select_for_update().get(pk=plan.pk)
    if open_revision_of(plan) is not None:
        raise ValidationError(_("Close the open revision before closing the year."), code="revision_open")
    return transition(plan, Plan.Status.CLOSED, by=by, comment=comment)


@transaction.atomic
def unlock_plan(plan: Plan, *, by, reason: str) -> Plan:
    """Reopen a closed year for corrections: the plan goes back in progress with a revision open for the reason.

    The unlock is recorded twice: as a status change with the reason, and as a revision of kind "unlock" whose
    edits carry that reason in the history until it is closed.
    """
    _require(by.can_approve, _("Only leaders unlock a closed year."))
    if not reason.strip():
        raise ValidationError({"comment": _("Say why the closed year is unlocked.")})
    transition(plan, Plan.Status.IN_PROGRESS, by=by, comment=reason)
    _create_revision(plan, by=by, reason=reason, kind=PlanRevision.Kind.UNLOCK)
    return plan


def _create_revision(plan: Plan, *, by, reason: str, kind: str) -> PlanRevision:
    revision = PlanRevision(
        plan=plan, number=_next_number(plan.revisions.all()), kind=kind, reason=reason.strip(), opened_by=by,
        opened_at=timezone.now(),
    )
    revision.full_clean()
    revision.save()
    return revision


@transaction.atomic
def open_revision(plan: Plan, *, by, reason: str) -> PlanRevision:
    """Open a recorded revision of an approved or running plan so that its content can be changed."""
    _require(by.can_edit_records, _("Only department officers revise plans."))
    locked = Plan._base_manager.select_for_update().get(pk=plan.pk)
    if locked.status not in (Plan.Status.APPROVED, Plan.Status.IN_PROGRESS):
        raise ValidationError(_("Only an approved or running plan is revised."), code="not_revisable")
    if open_revision_of(locked) is not None:
        raise ValidationError(_("A revision of this plan is already open."), code="revision_open")
    if not reason.strip():
        raise ValidationError({"comment": _("Say why the plan is revised.")})
    return _create_revision(plan, by=by, reason=reason, kind=PlanRevision.Kind.REVISION)


@transaction.atomic
def close_revision(plan: Plan, *, by, comment: str = "") -> PlanRevision:
    """Close the plan's open revision; the plan is frozen again."""
    _require(by.can_edit_records or by.can_approve, _("Only department officers and leaders close revisions."))
    Plan._base_manager.select_for_update().get(pk=plan.pk)
    revision = open_revision_of(plan)
    if revision is None:
        raise ValidationError(_("This plan has no open revision."), code="no_revision")
    revision.closed_by = by
    revision.closed_at = timezone.now()
    revision.summary = comment.strip()
    revision.full_clean()
    revision.save()
    return revision


@dataclass(frozen=True)
class Action:
    """A workflow step a user may take on a plan now."""

    name: str
    label: str
    style: str
    comment_required: bool = False


def available_actions(plan: Plan, user, revision: PlanRevision | None) -> list[Action]:
    """The workflow steps `user` may take on `plan` now (the buttons to show). Makes no query.

    The services check again when the step is taken: this list is for display.
    """
    edits, approves = user.can_edit_records, user.can_approve
    actions = []
    status = plan.status
    if status == Plan.Status.DRAFT and edits:
        actions.append(Action("submit", _("Submit for approval"), "primary"))
    if status == Plan.Status.SUBMITTED and approves:
        actions.append(Action("approve", _("Approve"), "success"))
        actions.append(Action("return", _("Return with comments"), "outline-danger", comment_required=True))
    if status in (Plan.Status.APPROVED, Plan.Status.IN_PROGRESS):
        if revision is None and edits:
            actions.append(Action("open_revision", _("Open a revision"), "outline-primary", comment_required=True))
        if revision is not None and (edits or approves):
            actions.append(Action("close_revision", _("Close the revision"), "primary"))
        if status == Plan.Status.APPROVED and edits:
            actions.append(Action("start", _("Mark as in progress"), "outline-primary"))
        if revision is None and edits:
            actions.append(Action("close", _("Close the year"), "outline-dark"))
    if status == Plan.Status.CLOSED and approves:
        actions.append(Action("unlock", _("Unlock the year"), "outline-danger", comment_required=True))
    return actions


def take_action(plan: Plan, name: str, *, by, comment: str = ""):
    """Run the workflow step called `name` (one of `available_actions`' names)."""
    steps = {
        "submit": lambda: submit_plan(plan, by=by, comment=comment),
        "approve": lambda: approve_plan(plan, by=by, comment=comment),
        "return": lambda: return_plan(plan, by=by, comment=comment),
        "start": lambda: start_plan(plan, by=by, comment=comment),
        "close": lambda: close_plan(plan, by=by, comment=comment),
        "unlock": lambda: unlock_plan(plan, by=by, reason=comment),
        "open_revision": lambda: open_revision(plan, by=by, reason=comment),
        "close_revision": lambda: close_revision(plan, by=by, comment=comment),
    }
    if name not in steps:
        raise ValidationError(_("Unknown action."), code="unknown_action")
    return steps[name]()
