"""Deleting an attachment row deletes its file, once the deletion is committed (a rollback keeps both)."""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from .models import Attachment


@receiver(post_delete, sender=Attachment, dispatch_uid="files_delete_stored_file")
def delete_stored_file(sender, instance: Attachment, **kwargs) -> None:
    if instance.file.name:
        storage, name = instance.file.storage, instance.file.name
        transaction.on_commit(lambda: storage.delete(name))
