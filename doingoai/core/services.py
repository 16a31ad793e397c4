"""Workflow transitions shared by every model with a status."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import transaction as db_transaction

from .models import StateTransition, WorkflowModel


@db_transaction.atomic
def transition(record: WorkflowModel, to_status: str, *, by=None, comment: str = "", **changes) -> WorkflowModel:
    """Move `record` to `to_status` if its workflow allows it, save it with `changes`, and log the change.

    The row is locked first (SELECT ... FOR UPDATE on PostgreSQL) so two people approving at once cannot both pass
    the check; the status on the locked row is the one that counts.
    """
    model = type(record)
    locked = model._base_manager.select_for_update().get(pk=record.pk)
    locked.check_transition(to_status)
    from_status = locked.status
    record.status = to_status
    for name, value in changes.items():
        setattr(record, name, value)
    if by is not None:
        record._history_user = by
    record.full_clean()
    # Save only what the transition changes, so an append-only record can still be reviewed.
    record.save(update_fields=["status", *changes, "modified_at"])
    StateTransition.objects.create(
        content_type=ContentType.objects.get_for_model(model),
        object_id=record.pk,
        from_status=from_status,
        to_status=to_status,
        by=by,
        comment=comment,
    )
    return record


def transitions_of(record) -> list[StateTransition]:
    """The recorded status changes of `record`, newest first, with `from_label` and `to_label` for display."""
    labels = dict(type(record)._meta.get_field("status").flatchoices)
    changes = list(
        StateTransition.objects.filter(
            content_type=ContentType.objects.get_for_model(type(record)), object_id=record.pk
        ).select_related("by")
    )
    for change in changes:
        change.from_label = labels.get(change.from_status, change.from_status)
        change.to_label = labels.get(change.to_status, change.to_status)
    return changes
