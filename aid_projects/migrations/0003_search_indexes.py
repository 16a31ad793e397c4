"""Trigram indexes for the accent-insensitive search (`q`) on PostgreSQL; nothing on SQLite.

`field__unaccent__icontains` compiles to `UPPER(doingoai_unaccent(field)::text) LIKE '%…%'`; a GIN trigram index on
that very expression lets PostgreSQL answer it without reading the whole table.
"""

from django.db import migrations

INDEXES = [
    ("aid_projects_aidproject", "name_vi"),
    ("aid_projects_aidproject", "code"),
]


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, column in INDEXES:
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{table}_{column}_trgm" ON "{table}" '
            f'USING gin ((UPPER(doingoai_unaccent("{column}")::text)) gin_trgm_ops)'
        )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, column in INDEXES:
        schema_editor.execute(f'DROP INDEX IF EXISTS "{table}_{column}_trgm"')


class Migration(migrations.Migration):
    dependencies = [("core", "0002_unaccent"), ("aid_projects", "0002_timestamps_on_sectors")]
    operations = [migrations.RunPython(forwards, backwards)]
