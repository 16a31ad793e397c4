"""Backups: the database and the uploaded files in one archive, with a manifest that lets a restore prove itself.

An archive (`.tar.gz`) holds:
- `database.dump` (PostgreSQL, `pg_dump --format=custom`) or `database.sqlite3` (SQLite, a copy made with SQLite's
  online backup API, consistent while the site runs);
- `media/`: every file under MEDIA_ROOT;
- `manifest.json`: the row count and a digest of the content of every table, taken in the same snapshot as the dump
  (PostgreSQL: `pg_dump --snapshot`), and the size and SHA-256 of every file.

`restore_backup` puts both back and recomputes the same figures: a restore that lost anything says where.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import django
from django.conf import settings
from django.db import connection as default_connection
from django.db import transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

FORMAT = 1
MANIFEST = "manifest.json"
MEDIA_DIR = "media"
DUMP_NAMES = {"postgresql": "database.dump", "sqlite": "database.sqlite3"}


class BackupError(Exception):
    """A backup or restore that cannot be done; the message says why and what to do."""


# --- What a database and a media directory contain -------------------------------------------------------------


def table_fingerprints(connection=default_connection) -> dict[str, dict]:
    """{table: {"rows": n, "digest": hex}} for every table: the digest changes if any value of any row does.

    Rows are hashed one by one and the hashes sorted, so the physical order of rows does not matter.
    """
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        return sqlite_fingerprints(connection.connection)
    fingerprints = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor, include_views=False)):
            cursor.execute(
                f"SELECT count(*), md5(coalesce(string_agg(h, '' ORDER BY h), '')) "
                f"FROM (SELECT md5(t::text) AS h FROM {connection.ops.quote_name(table)} t) AS hashed"
            )
            count, digest = cursor.fetchone()
            fingerprints[table] = {"rows": count, "digest": digest}
    return fingerprints


def sqlite_fingerprints(raw: sqlite3.Connection) -> dict[str, dict]:
    """`table_fingerprints` of an SQLite database, given its sqlite3 connection (SQLite's own tables left out)."""
    fingerprints = {}
    tables = [name for (name,) in raw.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
    )]
    for table in tables:
        quoted = _sqlite_name(table)
        # quote() gives each value as SQL text, whatever type conversion the connection applies (Django's does).
        columns = [_sqlite_name(row[1]) for row in raw.execute(f"PRAGMA table_info({quoted})")]
        select = " || ',' || ".join(f"quote({column})" for column in columns)
        hashes = sorted(hashlib.md5(row.encode()).hexdigest() for (row,) in raw.execute(f"SELECT {select} FROM {quoted}"))
        fingerprints[table] = {"rows": len(hashes), "digest": hashlib.md5("".join(hashes).encode()).hexdigest()}
    return fingerprints


def _sqlite_name(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def media_fingerprints(root: Path) -> dict[str, dict]:
    """{relative path: {"size", "sha256"}} of every file under `root` (nothing if it does not exist)."""
    files = {}
    if not root.is_dir():
        return files
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink():
            digest = hashlib.sha256()
            with path.open("rb") as stream:
                for chunk in iter(lambda: stream.read(1 << 20), b""):
                    digest.update(chunk)
            files[path.relative_to(root).as_posix()] = {"size": path.stat().st_size, "sha256": digest.hexdigest()}
    return files


@dataclass
class Differences:
    """What differs between a manifest and the restored database and files."""

    tables: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    extra_tables: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.tables or self.files)


def compare(manifest: dict, tables: dict, files: dict) -> Differences:
    differences = Differences()
    for table, expected in manifest["tables"].items():
        if tables.get(table) != expected:
            found = tables.get(table, {}).get("rows", "missing")
            differences.tables.append(f"{table}: {expected['rows']} rows expected, {found} found or content differs")
    differences.extra_tables = sorted(set(tables) - set(manifest["tables"]))
    expected_files = manifest["media"]
    for name in sorted(set(expected_files) | set(files)):
        if expected_files.get(name) != files.get(name):
            state = "missing" if name not in files else ("unexpected" if name not in expected_files else "differs")
            differences.files.append(f"{name}: {state}")
    return differences


# --- PostgreSQL client tools -----------------------------------------------------------------------------------


def _pg_environment(connection) -> dict[str, str]:
    """libpq variables for pg_dump / pg_restore, from the Django database settings (password never on argv)."""
    params = connection.settings_dict
    options = params.get("OPTIONS", {})
    env = {**os.environ, "PGDATABASE": params["NAME"]}
    for variable, value in (
        ("PGHOST", params.get("HOST")), ("PGPORT", params.get("PORT")), ("PGUSER", params.get("USER")),
        ("PGPASSWORD", params.get("PASSWORD")), ("PGSSLMODE", options.get("sslmode")),
    ):
        if value:
            env[variable] = str(value)
    return env


def _run(command: list[str], connection) -> None:
    tool = shutil.which(command[0])
    if tool is None:
        raise BackupError(f"{command[0]} is not installed: install the PostgreSQL client (apt-get install "
                          f"postgresql-client), of the server's major version or newer.")
    result = subprocess.run([tool, *command[1:]], env=_pg_environment(connection), capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed ({result.returncode}): {result.stderr.strip()[-2000:]}")


# --- Backup ----------------------------------------------------------------------------------------------------


def create_backup(output: Path, connection=default_connection) -> dict:
    """Write the archive to `output` (mode 0600: it holds personal data) and return its manifest."""
    if connection.vendor not in DUMP_NAMES:
        raise BackupError(f"Backups support PostgreSQL and SQLite, not {connection.vendor}.")
    if connection.in_atomic_block:
        raise BackupError("A backup cannot run inside a transaction: it needs its own snapshot of the database.")
    media_root = Path(settings.MEDIA_ROOT)
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="doingoai-backup-", dir=output.parent) as work:
        dump = Path(work) / DUMP_NAMES[connection.vendor]
        if connection.vendor == "postgresql":
            tables = _dump_postgresql(dump, connection)
        else:
            tables = _dump_sqlite(dump, connection)
        manifest = {
            "format": FORMAT,
            "created_at": timezone.now().isoformat(),
            "vendor": connection.vendor,
            "database": dump.name,
            "django": django.get_version(),
            "migrations": _latest_migrations(connection),
            "tables": tables,
            "media": media_fingerprints(media_root),
        }
        (Path(work) / MANIFEST).write_text(json.dumps(manifest, indent=1, ensure_ascii=False), encoding="utf-8")
        partial = output.with_name(output.name + ".partial")
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "wb") as stream, tarfile.open(fileobj=stream, mode="w:gz") as archive:
            archive.add(Path(work) / MANIFEST, arcname=MANIFEST)
            archive.add(dump, arcname=dump.name)
            if media_root.is_dir():
                for name in manifest["media"]:
                    archive.add(media_root / name, arcname=f"{MEDIA_DIR}/{name}")
        partial.replace(output)  # a backup that stopped halfway never looks like a finished one
    return manifest


def _dump_postgresql(dump: Path, connection) -> dict:
    # One read-only snapshot for pg_dump and for the digests: the manifest describes exactly what was dumped.
    with transaction.atomic(using=connection.alias):
        with connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
        _run(["pg_dump", "--format=custom", f"--snapshot={snapshot}", f"--file={dump}"], connection)
        return table_fingerprints(connection)


def _dump_sqlite(dump: Path, connection) -> dict:
    connection.ensure_connection()
    copy = sqlite3.connect(dump)
    try:
        connection.connection.backup(copy)
        # The digests come from the copy: it is what the archive holds, whatever was written since.
        return sqlite_fingerprints(copy)
    finally:
        copy.close()


def _latest_migrations(connection) -> dict[str, str]:
    latest: dict[str, str] = {}
    for app, name in MigrationRecorder(connection).applied_migrations():
        latest[app] = max(latest.get(app, ""), name)
    return dict(sorted(latest.items()))


# --- Restore ---------------------------------------------------------------------------------------------------


def read_manifest(archive_path: Path) -> dict:
    with tarfile.open(archive_path, "r:*") as archive:
        try:
            member = archive.getmember(MANIFEST)
        except KeyError:
            raise BackupError(f"{archive_path} is not a doingoai backup: it has no {MANIFEST}.") from None
        manifest = json.load(archive.extractfile(member))
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Unknown backup format {manifest.get('format')!r} (this version reads {FORMAT}).")
    return manifest


def restore_backup(archive_path: Path, connection=default_connection, verify: bool = True) -> Differences:
    """Replace the database and MEDIA_ROOT with the archive's; return what still differs (nothing, if it worked).

    Stop the web servers and workers first: the database is rewritten under them.
    """
    archive_path = Path(archive_path)
    manifest = read_manifest(archive_path)
    if manifest["vendor"] != connection.vendor:
        raise BackupError(
            f"This backup is of a {manifest['vendor']} database; the configured database is {connection.vendor}."
        )
    if connection.in_atomic_block:
        raise BackupError("A restore cannot run inside a transaction.")
    media_root = Path(settings.MEDIA_ROOT)
    media_root.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="doingoai-restore-", dir=media_root.parent) as work:
        with tarfile.open(archive_path, "r:*") as archive:
            archive.extractall(work, filter="data")
        dump = Path(work) / manifest["database"]
        if connection.vendor == "postgresql":
            connection.close()
            _run(["pg_restore", "--clean", "--if-exists", "--no-owner", "--no-privileges", "--exit-on-error",
                  "--single-transaction", f"--dbname={connection.settings_dict['NAME']}", str(dump)], connection)
        else:
            source = sqlite3.connect(dump)
            try:
                connection.ensure_connection()
                source.backup(connection.connection)
            finally:
                source.close()
        _replace_media(Path(work) / MEDIA_DIR, media_root)
    connection.close()
    if not verify:
        return Differences()
    return compare(manifest, table_fingerprints(connection), media_fingerprints(media_root))


def _replace_media(restored: Path, media_root: Path) -> None:
    """Make MEDIA_ROOT hold exactly the archived files (the directory itself stays: it may be a mount point)."""
    for entry in media_root.iterdir():
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()
    if restored.is_dir():
        for entry in restored.iterdir():
            shutil.move(str(entry), media_root / entry.name)


def default_archive_name() -> str:
    return f"doingoai-backup-{datetime.datetime.now():%Y%m%d-%H%M%S}.tar.gz"
