"""What changed in a plan since a moment, read from the history: tasks and activities added, changed or removed.

For every record touched since then, the net change is the difference between its last version before the moment
and its current (or last) version, with everyone who touched it and when. The number of queries does not depend on
the number of changes.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from doingoai.core.models import StateTransition

from .models import Activity, ActivityCoordination, Plan, PlanRevision, Task

IGNORED_FIELDS = ("modified_at", "created_at")
ADDED, CHANGED, REMOVED = "added", "changed", "removed"
KIND_LABELS = {ADDED: _("Added"), CHANGED: _("Changed"), REMOVED: _("Removed")}


@dataclass
class FieldChange:
    label: str
    old: Any
    new: Any


@dataclass
class RecordChange:
    """The net change of one task or activity since the moment."""

    kind: str
    record_id: int
    label: str
    number: str
    at: datetime.datetime
    users: list = field(default_factory=list)
    fields: list[FieldChange] = field(default_factory=list)
    exists: bool = True
    url: str = ""

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]


@dataclass
class PlanChanges:
    since: datetime.datetime
    plan_fields: list[FieldChange]
    plan_users: list
    tasks: list[RecordChange]
    activities: list[RecordChange]
    transitions: list
    revisions: list

    @property
    def is_empty(self) -> bool:
        return not (self.plan_fields or self.tasks or self.activities or self.transitions or self.revisions)

    def count(self, kind: str) -> int:
        return sum(1 for change in self.tasks + self.activities if change.kind == kind)

    @property
    def count_added(self) -> int:
        return self.count(ADDED)

    @property
    def count_changed(self) -> int:
        return self.count(CHANGED)

    @property
    def count_removed(self) -> int:
        return self.count(REMOVED)

    @property
    def sections(self) -> list[tuple[str, list[RecordChange]]]:
        return [(_("Tasks"), self.tasks), (_("Activities"), self.activities)]


def _display(model: type[models.Model], name: str, value, names: dict) -> Any:
    model_field = model._meta.get_field(name)
    if value in (None, ""):
        return "—"
    if model_field.choices:
        return dict(model_field.flatchoices).get(value, value)
    if isinstance(model_field, models.ForeignKey):
        return names.get((model_field.related_model, value), f"#{value}")
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    return value


def _by_record(versions) -> dict[int, list]:
    grouped: dict[int, list] = {}
    for version in versions:
        grouped.setdefault(version.id, []).append(version)
    return grouped


def _last_before(history_model, ids, since) -> dict[int, Any]:
    """Each record's last version before `since`, in one query."""
    latest = {}
    rows = history_model.objects.filter(id__in=ids, history_date__lt=since).order_by(
        "id", "-history_date", "-history_id"
    )
    for version in rows:
        latest.setdefault(version.id, version)
    return latest


def _users(versions) -> list:
    users = []
    for version in versions:
        if version.history_user is not None and version.history_user not in users:
            users.append(version.history_user)
    return users


def _net_changes(model, window: dict[int, list], before: dict[int, Any]) -> list[tuple]:
    """(kind, first, last, previous, field deltas) for every record with a net change in the window."""
    results = []
    for record_id, versions in window.items():
        last = versions[-1]
        previous = before.get(record_id)
        existed = previous is not None and previous.history_type != "-"
        if not existed:
            if last.history_type == "-":
                continue  # added and removed again since: nothing to report
            results.append((ADDED, record_id, versions, last, []))
        elif last.history_type == "-":
            results.append((REMOVED, record_id, versions, previous, []))
        else:
            delta = last.diff_against(previous, excluded_fields=IGNORED_FIELDS)
            if delta.changes:
                results.append((CHANGED, record_id, versions, last, delta.changes))
    return results


def plan_changes_since(plan: Plan, since: datetime.datetime) -> PlanChanges:
    """Everything recorded about `plan`, its tasks and activities since `since` (an aware datetime)."""
    task_history = Task.history.model
    activity_history = Activity.history.model
    coordination_history = ActivityCoordination.history.model
    plan_history = Plan.history.model

    # Every task that ever belonged to the plan, deleted ones included, and every activity that ever sat in one.
    task_ids = task_history.objects.filter(plan_id=plan.pk).values("id")
    activity_ids = activity_history.objects.filter(task_id__in=task_ids).values("id")

    task_window = _by_record(
        task_history.objects.filter(plan_id=plan.pk, history_date__gte=since)
        .select_related("history_user").order_by("history_date", "history_id")
    )
    activity_window = _by_record(
        activity_history.objects.filter(id__in=activity_ids, history_date__gte=since)
        .select_related("history_user").order_by("history_date", "history_id")
    )
    coordination_window = list(
        coordination_history.objects.filter(activity_id__in=activity_ids, history_date__gte=since)
        .select_related("history_user").order_by("history_date", "history_id")
    )
    task_before = _last_before(task_history, list(task_window), since)
    activity_before = _last_before(activity_history, list(activity_window), since)

    task_results = _net_changes(Task, task_window, task_before)
    activity_results = _net_changes(Activity, activity_window, activity_before)

    # Coordinating agencies: an agency was added if its first event since then is a creation and its last one is not
    # a deletion; removed in the opposite case.
    added: dict[int, set] = {}
    removed: dict[int, set] = {}
    coordination_versions: dict[int, list] = {}
    by_pair: dict[tuple[int, int], list] = {}
    for version in coordination_window:
        by_pair.setdefault((version.activity_id, version.agency_id), []).append(version)
        coordination_versions.setdefault(version.activity_id, []).append(version)
    for (activity_id, agency_id), versions in by_pair.items():
        first, last = versions[0].history_type, versions[-1].history_type
        if first == "+" and last != "-":
            added.setdefault(activity_id, set()).add(agency_id)
        elif first == "-" and last == "-":
            removed.setdefault(activity_id, set()).add(agency_id)

    # The plan's own fields (its status is told by the status changes below).
    plan_window = list(
        plan_history.objects.filter(id=plan.pk, history_date__gte=since)
        .select_related("history_user").order_by("history_date", "history_id")
    )
    plan_deltas = []
    if plan_window:
        previous = _last_before(plan_history, [plan.pk], since).get(plan.pk)
        if previous is not None:
            plan_deltas = plan_window[-1].diff_against(previous, excluded_fields=(*IGNORED_FIELDS, "status")).changes

    # Names for foreign keys and agencies, one query per related model.
    wanted: dict[type, set] = {}

    def want(model, name, value):
        model_field = model._meta.get_field(name)
        if isinstance(model_field, models.ForeignKey) and value is not None:
            wanted.setdefault(model_field.related_model, set()).add(value)

    for model, deltas in [(Plan, plan_deltas)] + [
        (model, result[4]) for model, results in ((Task, task_results), (Activity, activity_results))
        for result in results
    ]:
        for delta in deltas:
            want(model, delta.field, delta.old)
            want(model, delta.field, delta.new)
    agency_model = Activity._meta.get_field("lead_agency").related_model
    for agencies in list(added.values()) + list(removed.values()):
        wanted.setdefault(agency_model, set()).update(agencies)
    current_coordinations: dict[int, set] = {}
    touched = set(added) | set(removed)
    for activity_id, agency_id in ActivityCoordination.objects.filter(activity_id__in=touched).values_list(
        "activity_id", "agency_id"
    ):
        current_coordinations.setdefault(activity_id, set()).add(agency_id)
        wanted.setdefault(agency_model, set()).add(agency_id)
    task_numbers = {}
    for version in task_history.objects.filter(plan_id=plan.pk).order_by("history_date", "history_id"):
        task_numbers[version.id] = version.number  # the last known number of every task, deleted ones included
    names = {}
    for related_model, ids in wanted.items():
        for obj in related_model._base_manager.filter(pk__in=ids):
            names[(related_model, obj.pk)] = str(obj)

    existing_tasks = set(Task.objects.filter(plan=plan).values_list("pk", flat=True))
    tasks = []
    for kind, record_id, versions, version, deltas in task_results:
        tasks.append(RecordChange(
            kind=kind, record_id=record_id, label=version.title, number=str(version.number),
            at=versions[-1].history_date, users=_users(versions),
            fields=[FieldChange(Task._meta.get_field(d.field).verbose_name, _display(Task, d.field, d.old, names),
                                _display(Task, d.field, d.new, names)) for d in deltas],
            exists=record_id in existing_tasks,
            url=f"{reverse('plans:plan_detail', args=[plan.pk])}#task-{record_id}",
        ))

    existing_activities = set(Activity.objects.filter(task__plan=plan).values_list("pk", flat=True))
    activities = {}
    for kind, record_id, versions, version, deltas in activity_results:
        activities[record_id] = RecordChange(
            kind=kind, record_id=record_id, label=version.content,
            number=f"{task_numbers.get(version.task_id, '?')}.{version.number}",
            at=versions[-1].history_date, users=_users(versions),
            fields=[FieldChange(Activity._meta.get_field(d.field).verbose_name,
                                _display(Activity, d.field, d.old, names), _display(Activity, d.field, d.new, names))
                    for d in deltas],
            exists=record_id in existing_activities,
            url=reverse("plans:activity_detail", args=[record_id]),
        )
    # Coordinating agencies changed on activities that were there before and still are.
    not_changed = {pk for pk, change in activities.items() if change.kind != CHANGED}
    current_activities = {
        activity.pk: activity
        for activity in Activity.objects.filter(pk__in=touched - not_changed).select_related("task")
    }
    for activity_id in touched:
        change = activities.get(activity_id)
        if change is not None and change.kind != CHANGED:
            continue
        activity = current_activities.get(activity_id)
        if activity is None:
            continue
        after = current_coordinations.get(activity_id, set())
        before = (after - added.get(activity_id, set())) | removed.get(activity_id, set())
        if before == after:
            continue
        if change is None:
            versions = coordination_versions[activity_id]
            change = activities[activity_id] = RecordChange(
                kind=CHANGED, record_id=activity_id, label=activity.content,
                number=f"{activity.task.number}.{activity.number}", at=versions[-1].history_date,
                users=_users(versions), url=reverse("plans:activity_detail", args=[activity_id]),
            )
        else:
            change.users += [user for user in _users(coordination_versions[activity_id]) if user not in change.users]
            change.at = max(change.at, coordination_versions[activity_id][-1].history_date)
        change.fields.append(FieldChange(
            ActivityCoordination._meta.verbose_name_plural,
            "; ".join(sorted(names[(agency_model, pk)] for pk in before)) or "—",
            "; ".join(sorted(names[(agency_model, pk)] for pk in after)) or "—",
        ))

    plan_fields = [
        FieldChange(Plan._meta.get_field(d.field).verbose_name, _display(Plan, d.field, d.old, names),
                    _display(Plan, d.field, d.new, names))
        for d in plan_deltas
    ]
    labels = dict(Plan.Status.choices)
    transitions = list(
        StateTransition.objects.filter(
            content_type=ContentType.objects.get_for_model(Plan), object_id=plan.pk, at__gte=since
        ).select_related("by").order_by("at", "pk")
    )
    for change in transitions:
        change.from_label = labels.get(change.from_status, change.from_status)
        change.to_label = labels.get(change.to_status, change.to_status)
    revisions = list(
        PlanRevision.objects.filter(plan=plan)
        .filter(models.Q(opened_at__gte=since) | models.Q(closed_at__gte=since))
        .select_related("opened_by", "closed_by")
        .order_by("number")
    )

    def order(change: RecordChange):
        return tuple(int(part) if part.isdigit() else 0 for part in change.number.split("."))

    return PlanChanges(
        since=since,
        plan_fields=plan_fields,
        plan_users=_users(plan_window),
        tasks=sorted(tasks, key=order),
        activities=sorted(activities.values(), key=order),
        transitions=transitions,
        revisions=revisions,
    )
