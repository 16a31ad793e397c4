"""Derived occasions follow their source records: a change to a country's dates, an agreement, an association's
founding date or a partner's twinning re-synchronises them when the transaction commits (once per transaction)."""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from partners.models import Agreement, Country, ForeignPartner, FriendshipAssociation
from partners.occasions import sync_derived_occasions

SOURCES = (Country, Agreement, FriendshipAssociation, ForeignPartner)


def _sync() -> None:
    sync_derived_occasions()


def schedule_sync() -> None:
    """Run `sync_derived_occasions` after the current transaction commits, once however many records it saved."""
    connection = transaction.get_connection()
    queued = getattr(connection, "run_on_commit", [])
    if connection.in_atomic_block and any(entry[1] is _sync for entry in queued):
        return
    transaction.on_commit(_sync, robust=True)


def source_changed(sender, raw: bool = False, **kwargs) -> None:
    if not raw:  # fixtures being loaded: their occasions come with them
        schedule_sync()


for _model in SOURCES:
    post_save.connect(source_changed, sender=_model, dispatch_uid=f"occasions-sync-save-{_model.__name__}")
    post_delete.connect(source_changed, sender=_model, dispatch_uid=f"occasions-sync-delete-{_model.__name__}")


@receiver(m2m_changed, sender=Agreement.foreign_parties.through)
def agreement_parties_changed(action: str, **kwargs) -> None:
    if action in ("post_add", "post_remove", "post_clear"):
        schedule_sync()
