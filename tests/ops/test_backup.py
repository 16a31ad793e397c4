"""The restore drill: a backup restored loses nothing (every table's rows and content, every uploaded file), on the
database the suite runs on (PostgreSQL with pg_dump/pg_restore, or SQLite with its backup API)."""

import io
import json
import tarfile

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from doingoai.ops.backup import media_fingerprints, read_manifest, table_fingerprints
from plans.models import Activity, Plan
from tests import factories

UPLOADS = {
    "directives/2025/chi-thi-12-ct-tw.pdf": b"%PDF-1.7 " + bytes(range(256)) * 40,
    "evidence/2026/báo cáo tổng kết.pdf": "Báo cáo kết quả thực hiện kế hoạch".encode(),
    "greetings/2026/thư chúc mừng.docx": b"PK\x03\x04" + b"\x00" * 100,
}


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    for name, content in UPLOADS.items():
        path = settings.MEDIA_ROOT / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    return settings.MEDIA_ROOT


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_restore_drill_round_trip_loses_nothing(media, tmp_path):
    call_command("seed_scale", factor=0.05, verbosity=0)
    before_tables, before_files = table_fingerprints(), media_fingerprints(media)
    assert before_tables["plans_activity"]["rows"] >= 5000
    assert len(before_files) == len(UPLOADS)

    archive = tmp_path / "backups" / "drill.tar.gz"
    call_command("backup", output=archive, verbosity=0)
    assert archive.stat().st_mode & 0o077 == 0  # personal data: readable by its owner only
    manifest = read_manifest(archive)
    assert manifest["vendor"] == connection.vendor
    assert manifest["tables"] == before_tables
    assert manifest["media"] == before_files

    # Damage everything a bad day can: rows deleted, changed and added; files lost, altered and added.
    Activity.objects.filter(pk__in=Activity.objects.order_by("pk").values("pk")[:500]).delete()
    Plan.objects.update(signer="Người ký đã bị sửa")
    factories.CountryFactory(code="ZZ")
    (media / "directives/2025/chi-thi-12-ct-tw.pdf").unlink()
    (media / "evidence/2026/báo cáo tổng kết.pdf").write_bytes(b"overwritten")
    (media / "stray.txt").write_text("not in the backup")
    assert table_fingerprints() != before_tables
    assert media_fingerprints(media) != before_files

    out = io.StringIO()
    call_command("restore", str(archive), interactive=False, stdout=out)
    assert "verified" in out.getvalue()
    assert table_fingerprints() == before_tables
    assert media_fingerprints(media) == before_files
    assert Activity.objects.count() == before_tables["plans_activity"]["rows"]


@pytest.mark.django_db(transaction=True)
def test_restore_reports_a_backup_that_does_not_match_its_manifest(media, tmp_path):
    factories.CountryFactory(code="VN")
    archive = tmp_path / "b.tar.gz"
    call_command("backup", output=archive, verbosity=0)

    # The same archive, with a manifest that expects one more country and a file the archive does not hold.
    tampered = tmp_path / "tampered.tar.gz"
    with tarfile.open(archive) as source, tarfile.open(tampered, "w:gz") as target:
        for member in source.getmembers():
            data = source.extractfile(member).read() if member.isfile() else None
            if member.name == "manifest.json":
                manifest = json.loads(data)
                manifest["tables"]["partners_country"]["rows"] += 1
                manifest["media"]["lost.pdf"] = {"size": 1, "sha256": "0" * 64}
                data = json.dumps(manifest).encode()
                member.size = len(data)
            target.addfile(member, io.BytesIO(data) if data is not None else None)

    err = io.StringIO()
    with pytest.raises(CommandError, match="differs from the backup"):
        call_command("restore", str(tampered), interactive=False, stderr=err, verbosity=0)
    assert "partners_country" in err.getvalue()
    assert "lost.pdf: missing" in err.getvalue()


@pytest.mark.django_db(transaction=True)
def test_restore_refuses_a_backup_of_the_other_database_kind(media, tmp_path):
    archive = tmp_path / "b.tar.gz"
    call_command("backup", output=archive, verbosity=0)
    other = "sqlite" if connection.vendor == "postgresql" else "postgresql"
    forged = tmp_path / "forged.tar.gz"
    manifest = json.dumps({**read_manifest(archive), "vendor": other}).encode()
    with tarfile.open(forged, "w:gz") as target:
        info = tarfile.TarInfo("manifest.json")
        info.size = len(manifest)
        target.addfile(info, io.BytesIO(manifest))
    with pytest.raises(CommandError, match=f"backup is of a {other} database"):
        call_command("restore", str(forged), interactive=False, verbosity=0)


def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path, db):
    stray = tmp_path / "photo.tar.gz"
    with tarfile.open(stray, "w:gz") as target:
        info = tarfile.TarInfo("photo.jpg")
        target.addfile(info, io.BytesIO(b""))
    with pytest.raises(CommandError, match="not a doingoai backup"):
        call_command("restore", str(stray), interactive=False)


def test_restore_asks_before_replacing_everything(tmp_path, db, monkeypatch, media):
    archive = tmp_path / "b.tar.gz"
    with tarfile.open(archive, "w:gz") as target:
        manifest = json.dumps({"format": 1, "created_at": "2026-01-01", "vendor": connection.vendor}).encode()
        info = tarfile.TarInfo("manifest.json")
        info.size = len(manifest)
        target.addfile(info, io.BytesIO(manifest))
    monkeypatch.setattr("builtins.input", lambda prompt: "no")
    with pytest.raises(CommandError, match="cancelled"):
        call_command("restore", str(archive))


def test_backup_inside_a_transaction_is_refused(tmp_path, db):
    with pytest.raises(CommandError, match="inside a transaction"):
        call_command("backup", output=tmp_path / "b.tar.gz")
