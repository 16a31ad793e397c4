"""The upload field in a form: good files pass, a bad one is named in the error and nothing else is lost."""

from __future__ import annotations

import pytest
from django import forms
from django.utils import translation
from django.utils.datastructures import MultiValueDict

from doingoai.files.forms import AttachmentField
from doingoai.files.models import Attachment
from tests import factories
from tests.files import samples
from tests.files.samples import upload


class ReportForm(forms.Form):
    difficulties = forms.CharField()
    evidence = AttachmentField()


class OneFileForm(forms.Form):
    scan = AttachmentField(multiple=False, required=True)


def bound(form_class, data, files):
    return form_class(data, MultiValueDict(files))


def test_several_good_files_clean_to_a_list():
    form = bound(ReportForm, {"difficulties": "Thiếu kinh phí"}, {
        "evidence": [upload("biên bản.docx", samples.docx()), upload("ảnh.png", samples.png())]
    })
    assert form.is_valid(), form.errors
    assert [each.name for each in form.cleaned_data["evidence"]] == ["biên bản.docx", "ảnh.png"]


def test_no_file_is_an_empty_list_when_optional():
    form = bound(ReportForm, {"difficulties": "Không"}, {})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["evidence"] == []


def test_a_bad_file_among_good_ones_is_named_and_the_other_fields_are_kept():
    form = bound(ReportForm, {"difficulties": "Thiếu kinh phí tổ chức đoàn"}, {
        "evidence": [upload("biên bản.docx", samples.docx()), upload("virus.exe", b"MZ"), upload("giả.pdf", b"MZ")]
    })
    with translation.override("en"):
        assert not form.is_valid()
        # The messages are lazy: read them in the language they are checked in.
        errors = [str(error) for error in form.errors["evidence"]]
    assert len(errors) == 2
    assert "“virus.exe” cannot be uploaded" in errors[0]
    assert "“giả.pdf” is not a real PDF file" in errors[1]
    assert form["difficulties"].value() == "Thiếu kinh phí tổ chức đoàn"
    assert "difficulties" not in form.errors


def test_single_file_mode_cleans_to_one_file_and_can_be_required():
    good = bound(OneFileForm, {}, {"scan": [upload("quyết định.pdf", samples.pdf())]})
    assert good.is_valid(), good.errors
    assert good.cleaned_data["scan"].name == "quyết định.pdf"
    assert not bound(OneFileForm, {}, {}).is_valid()
    assert not bound(OneFileForm, {}, {"scan": [upload("quyết định.pdf", b"MZ")]}).is_valid()


def test_widget_offers_only_the_allowed_types_and_several_files():
    html = str(ReportForm()["evidence"])
    assert 'accept=".pdf,.docx,.xlsx,.jpg,.jpeg,.png"' in html
    assert "multiple" in html
    assert "multiple" not in str(OneFileForm()["scan"])


def test_help_text_states_the_configured_limit(settings):
    settings.DOINGOAI = {**settings.DOINGOAI, "UPLOAD_MAX_MB": 7}
    with translation.override("en"):
        assert str(ReportForm()["evidence"].help_text) == (
            "PDF, Word (.docx), Excel (.xlsx), JPEG, PNG; at most 7.0\xa0MB per file."
        )


@pytest.mark.urls("tests.files.urls")
class TestUploadPage:
    """A page built like the domain apps' forms: what the person submitting sees."""

    @pytest.fixture(autouse=True)
    def media(self, settings, tmp_path):
        settings.MEDIA_ROOT = tmp_path / "media"

    @pytest.fixture
    def report(self, world):
        return factories.AssociationReportFactory(association=world.association_x)

    def test_bad_upload_shows_a_clear_message_and_keeps_what_was_typed(self, client_as, report):
        client = client_as("rep_x")
        client.cookies["django_language"] = "en"
        response = client.post(f"/test-evidence/{report.pk}/", {
            "difficulties": "Thiếu kinh phí <b>tổ chức</b> đoàn ra",
            "members_count": "120",
            "evidence": [upload("báo cáo.pdf", samples.pdf()), upload("danh sách.xls", b"\xd0\xcf\x11\xe0")],
        })
        assert response.status_code == 200
        html = response.content.decode()
        assert "“danh sách.xls” cannot be uploaded" in html
        assert "Thiếu kinh phí &lt;b&gt;tổ chức&lt;/b&gt; đoàn ra</textarea>" in html
        assert 'value="120"' in html
        assert not Attachment.objects.exists()
        report.refresh_from_db()
        assert report.difficulties == ""

    def test_too_large_upload_says_the_limit(self, client_as, report, settings):
        settings.DOINGOAI = {**settings.DOINGOAI, "UPLOAD_MAX_MB": 1}
        client = client_as("rep_x")
        client.cookies["django_language"] = "en"
        response = client.post(f"/test-evidence/{report.pk}/", {
            "difficulties": "Ảnh hoạt động",
            "members_count": "5",
            "evidence": [upload("ảnh lớn.png", samples.png() + b"\0" * (1024 * 1024))],
        })
        assert response.status_code == 200
        assert "“ảnh lớn.png” is 1.0\xa0MB; files may be at most 1.0\xa0MB." in response.content.decode()
        assert not Attachment.objects.exists()

    def test_good_uploads_are_stored_and_listed_for_download(self, client_as, report, world):
        client = client_as("rep_x")
        response = client.post(f"/test-evidence/{report.pk}/", {
            "difficulties": "Không",
            "members_count": "5",
            "evidence": [upload("báo cáo 6 tháng.pdf", samples.pdf()), upload("bảng.xlsx", samples.xlsx())],
        })
        assert response.status_code == 302
        stored = list(Attachment.objects.for_record(report))
        assert [each.original_name for each in stored] == ["báo cáo 6 tháng.pdf", "bảng.xlsx"]
        assert {each.uploaded_by for each in stored} == {world.users["rep_x"]}
        assert {each.purpose for each in stored} == {"evidence"}
        page = client.get(f"/test-evidence/{report.pk}/").content.decode()
        assert f'href="/files/{stored[0].pk}/"' in page
        assert "báo cáo 6 tháng.pdf" in page
