"""Trigram indexes for the accent-insensitive search of activities (PostgreSQL only; SQLite has no such index).

`field__unaccent__icontains` compiles to `UPPER(doingoai_unaccent(field)::text) LIKE '%WORD%'`; a GIN trigram index
on exactly that expression answers it without reading the 100,000 rows (docs/performance.md, "Search").
Built CONCURRENTLY: a production table keeps taking writes while the index is built.
"""

from django.db import migrations

COLUMNS = ("content", "expected_result", "notes")


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for column in COLUMNS:
        schema_editor.execute(
            f"CREATE INDEX CONCURRENTLY IF NOT EXISTS ops_activity_{column}_trgm ON plans_activity "
            f"USING gin (UPPER(doingoai_unaccent({column})) gin_trgm_ops)"
        )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for column in COLUMNS:
        schema_editor.execute(f"DROP INDEX CONCURRENTLY IF EXISTS ops_activity_{column}_trgm")


class Migration(migrations.Migration):
    atomic = False
    dependencies = [("ops", "0001_initial"), ("core", "0002_unaccent"), ("plans", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
