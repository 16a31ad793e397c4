"""`manage.py backup [--output FILE]`: the database and the uploaded files in one archive (doingoai/ops/backup.py)."""

from __future__ import annotations

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from doingoai.ops.backup import BackupError, create_backup, default_archive_name


class Command(BaseCommand):
    help = (
        "Back up the database (pg_dump on PostgreSQL, a copy on SQLite) and every uploaded file into one .tar.gz, "
        "with a manifest of row counts, table digests and file checksums that `restore` verifies."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", "-o", type=Path, default=None,
                            help="Archive to write (default: ./doingoai-backup-<date>-<time>.tar.gz).")

    def handle(self, *args, output: Path | None, verbosity: int, **options):
        output = output or Path(default_archive_name())
        started = time.monotonic()
        try:
            manifest = create_backup(output)
        except BackupError as error:
            raise CommandError(str(error)) from error
        if verbosity:
            rows = sum(table["rows"] for table in manifest["tables"].values())
            self.stdout.write(self.style.SUCCESS(
                f"Backup written to {output} ({output.stat().st_size / 1e6:.1f} MB) in "
                f"{time.monotonic() - started:.1f} s: {len(manifest['tables'])} tables, {rows:,} rows, "
                f"{len(manifest['media'])} uploaded files."
            ))
