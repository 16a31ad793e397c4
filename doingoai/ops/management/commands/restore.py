"""`manage.py restore ARCHIVE`: put back a backup made by `manage.py backup`, then verify it (doingoai/ops/backup.py)."""

from __future__ import annotations

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from doingoai.ops.backup import BackupError, read_manifest, restore_backup


class Command(BaseCommand):
    help = (
        "Replace the database and the uploaded files with those of a backup archive, then check every table's row "
        "count and digest and every file's checksum against the archive's manifest. Stop the web servers and the "
        "workers first."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path)
        parser.add_argument("--no-input", "--noinput", action="store_false", dest="interactive",
                            help="Do not ask for confirmation.")
        parser.add_argument("--no-verify", action="store_false", dest="verify",
                            help="Skip the check against the manifest (faster; not recommended).")

    def handle(self, *args, archive: Path, interactive: bool, verify: bool, verbosity: int, **options):
        if not archive.is_file():
            raise CommandError(f"No such file: {archive}")
        try:
            manifest = read_manifest(archive)
        except BackupError as error:
            raise CommandError(str(error)) from error
        if interactive:
            answer = input(
                f"This replaces the whole database and every uploaded file with the backup of "
                f"{manifest['created_at']}. Type 'yes' to continue: "
            )
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled.")
        started = time.monotonic()
        try:
            differences = restore_backup(archive, verify=verify)
        except BackupError as error:
            raise CommandError(str(error)) from error
        for table in differences.extra_tables:
            self.stderr.write(f"Not in the backup (left as it is): table {table}")
        if differences:
            for line in differences.tables + differences.files:
                self.stderr.write(f"  {line}")
            raise CommandError("The restored data differs from the backup (see above).")
        if verbosity:
            checked = (f"verified: {len(manifest['tables'])} tables and {len(manifest['media'])} files match the "
                       f"backup" if verify else "not verified")
            self.stdout.write(self.style.SUCCESS(
                f"Restored {archive} in {time.monotonic() - started:.1f} s; {checked}."
            ))
