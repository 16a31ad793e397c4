"""Downloading an attachment: only for users who may see its record, always as a download with its own name."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.checks import run_checks
from django.core.exceptions import ValidationError

from doingoai.files.models import Attachment
from doingoai.files.services import attach, attach_all
from tests import factories
from tests.files import samples
from tests.files.samples import upload

# Every persona for an attachment of association X's report: its representative and the department see it.
EXPECTED_STATUS = {
    "anonymous": 302,
    "admin": 200,
    "staff": 200,
    "leader": 200,
    "focal_a": 404,
    "focal_b": 404,
    "rep_x": 200,
    "rep_y": 404,
}


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def report_file(world):
    report = factories.AssociationReportFactory(association=world.association_x)
    return attach(report, upload("Báo cáo 6 tháng – Hội Việt Nam – Lào.pdf", samples.pdf()), by=world.users["rep_x"])


@pytest.mark.parametrize("persona", EXPECTED_STATUS)
def test_download_is_scoped_by_the_parent_record(client_as, report_file, persona):
    response = client_as(persona).get(f"/files/{report_file.pk}/")
    assert response.status_code == EXPECTED_STATUS[persona]
    if response.status_code == 200:
        assert b"".join(response.streaming_content) == samples.pdf()


def test_download_has_the_original_name_and_safe_headers(client_as, report_file):
    response = client_as("staff").get(f"/files/{report_file.pk}/")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "filename*=utf-8''B%C3%A1o%20c%C3%A1o%206%20th%C3%A1ng" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "private, no-store"
    assert "sandbox" in response["Content-Security-Policy"]
    response.close()


def test_download_follows_scope_of_a_progress_update(client_as, world):
    activity = factories.ActivityFactory(lead_agency=world.agency_a)
    update = factories.ProgressUpdateFactory(activity=activity, author=world.users["staff"])
    evidence = attach(update, upload("ảnh.jpg", samples.jpeg()), by=world.users["focal_a"])
    assert client_as("focal_a").get(f"/files/{evidence.pk}/").status_code == 200
    assert client_as("focal_b").get(f"/files/{evidence.pk}/").status_code == 404
    assert client_as("rep_x").get(f"/files/{evidence.pk}/").status_code == 404


def test_attachment_of_a_record_without_scope_is_served_to_nobody(client_as, world):
    # accounts.User has no `for_user`: no rule says who may see it, so nobody gets the file.
    attachment = attach(world.users["staff"], upload("ảnh.png", samples.png()), by=world.users["admin"])
    assert client_as("admin").get(f"/files/{attachment.pk}/").status_code == 404


def test_attachment_of_a_deleted_record_is_not_found(client_as, report_file):
    report_file.parent.delete()
    assert client_as("staff").get(f"/files/{report_file.pk}/").status_code == 404


def test_missing_stored_file_is_not_found_not_an_error(client_as, report_file):
    Path(report_file.file.path).unlink()
    assert client_as("staff").get(f"/files/{report_file.pk}/").status_code == 404


def test_unknown_attachment_is_not_found(client_as, db):
    assert client_as("staff").get("/files/999999/").status_code == 404


def test_download_answers_only_get(client_as, report_file):
    assert client_as("staff").post(f"/files/{report_file.pk}/").status_code == 405


def test_file_is_stored_under_a_random_name_outside_the_static_root(report_file, media):
    path = Path(report_file.file.path)
    assert path.is_relative_to(media)
    assert not path.is_relative_to(Path(django_settings.STATIC_ROOT))
    assert "Lào" not in path.name and "Báo" not in path.name
    assert len(path.stem) == 32 and path.suffix == ".pdf"
    assert path.read_bytes() == samples.pdf()
    assert (report_file.size, report_file.mime_type) == (len(samples.pdf()), "application/pdf")


def test_two_uploads_of_the_same_name_get_different_files(world, report_file):
    again = attach(report_file.parent, upload(report_file.original_name, samples.pdf()), by=world.users["rep_x"])
    assert again.file.name != report_file.file.name


def test_stored_type_comes_from_the_content_check_not_the_browser(world):
    report = factories.AssociationReportFactory(association=world.association_x)
    attachment = attach(report, upload("ảnh.png", samples.png(), content_type="text/html"), by=None)
    assert attachment.mime_type == "image/png"


def test_deleting_an_attachment_deletes_its_file_after_commit(report_file, django_capture_on_commit_callbacks):
    path = Path(report_file.file.path)
    with django_capture_on_commit_callbacks(execute=True):
        report_file.delete()
    assert not path.exists()


def test_bad_file_is_not_stored(world, media):
    report = factories.AssociationReportFactory(association=world.association_x)
    with pytest.raises(ValidationError):
        attach(report, upload("giả.pdf", b"MZ"), by=None)
    assert not Attachment.objects.exists()
    assert not [path for path in Path(media).rglob("*") if path.is_file()]


def test_admin_lists_attachments_with_a_download_link(client_as, report_file):
    response = client_as("admin").get("/admin/files/attachment/")
    assert response.status_code == 200
    assert report_file.original_name in response.content.decode()
    change = client_as("admin").get(f"/admin/files/attachment/{report_file.pk}/change/")
    assert f'href="/files/{report_file.pk}/"' in change.content.decode()


def test_system_check_refuses_media_inside_the_static_root(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path / "static"
    settings.MEDIA_ROOT = tmp_path / "static" / "media"
    assert "files.E001" in {message.id for message in run_checks()}
    settings.MEDIA_ROOT = tmp_path / "media"
    assert "files.E001" not in {message.id for message in run_checks()}


def test_a_batch_with_a_bad_file_stores_nothing(world, media):
    report = factories.AssociationReportFactory(association=world.association_x)
    with pytest.raises(ValidationError):
        attach_all(report, [upload("tốt.pdf", samples.pdf()), upload("xấu.pdf", b"MZ")], by=None)
    assert not Attachment.objects.exists()
    assert not [path for path in Path(media).rglob("*") if path.is_file()]
