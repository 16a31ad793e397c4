"""Which uploads are accepted: the allowed types by extension and by content, within the size limit."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from doingoai.files.validation import DOCX, JPEG, PDF, PNG, XLSX, validate_upload
from tests.files import samples
from tests.files.samples import upload


@pytest.mark.parametrize(
    ("name", "make", "expected"),
    [
        ("báo cáo 6 tháng.pdf", samples.pdf, PDF),
        ("ảnh hoạt động.png", samples.png, PNG),
        ("ảnh đoàn.jpg", samples.jpeg, JPEG),
        ("ảnh đoàn.JPEG", samples.jpeg, JPEG),
        ("biên bản.docx", samples.docx, DOCX),
        ("số liệu.xlsx", samples.xlsx, XLSX),
        ("SCAN.PDF", samples.pdf, PDF),
    ],
)
def test_allowed_types_are_accepted(name, make, expected):
    assert validate_upload(upload(name, make(), content_type="text/html")) is expected


def test_pdf_with_bytes_before_the_header_is_accepted():
    assert validate_upload(upload("scan.pdf", b"\r\n\x00junk" + samples.pdf())) is PDF


@pytest.mark.parametrize(
    "name",
    ["chương trình.exe", "trang.html", "ảnh.svg", "ảnh.gif", "tài liệu.doc", "bảng.xls", "macro.docm",
     "macro.xlsm", "nén.zip", "không có đuôi", "báo cáo.pdf.exe", ".pdf"],
)
def test_other_types_are_refused_by_extension(name):
    with pytest.raises(ValidationError) as refused:
        validate_upload(upload(name, samples.pdf()))
    assert refused.value.code == "file_type"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("báo cáo.pdf", b"MZ\x90\x00 this is a Windows program"),
        ("báo cáo.pdf", b"<html><script>alert(1)</script></html>"),
        ("ảnh.png", samples.jpeg()),
        ("ảnh.jpg", samples.png()),
        ("ảnh.jpg", b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"),
        ("biên bản.docx", samples.pdf()),
        ("biên bản.docx", samples.office(None)),
        ("biên bản.docx", samples.xlsx()),
        ("số liệu.xlsx", samples.docx()),
        ("số liệu.xlsx", samples.office(samples.EXCEL_MACRO_MAIN, "/xl/workbook.xml")),
        ("số liệu.xlsx", b"PK\x03\x04 not really a zip"),
    ],
    ids=["exe-as-pdf", "html-as-pdf", "jpeg-as-png", "png-as-jpg", "svg-as-jpg", "pdf-as-docx",
         "zip-without-manifest-as-docx", "xlsx-as-docx", "docx-as-xlsx", "macro-workbook-as-xlsx", "broken-zip"],
)
def test_content_that_does_not_match_the_extension_is_refused(name, content):
    with pytest.raises(ValidationError) as refused:
        validate_upload(upload(name, content))
    assert refused.value.code == "file_content"


def test_empty_file_is_refused():
    with pytest.raises(ValidationError) as refused:
        validate_upload(upload("trống.pdf", b""))
    assert refused.value.code == "file_empty"


def test_size_limit_comes_from_settings(settings):
    settings.DOINGOAI = {**settings.DOINGOAI, "UPLOAD_MAX_MB": 1}
    limit = 1024 * 1024
    exactly = samples.pdf() + b"\0" * (limit - len(samples.pdf()))
    assert validate_upload(upload("vừa đủ.pdf", exactly)) is PDF
    with pytest.raises(ValidationError) as refused:
        validate_upload(upload("quá lớn.pdf", exactly + b"\0"))
    assert refused.value.code == "file_size"


def test_default_size_limit_is_20_megabytes(settings):
    settings.DOINGOAI = {key: value for key, value in settings.DOINGOAI.items() if key != "UPLOAD_MAX_MB"}
    content = samples.pdf() + b"\0" * (20 * 1024 * 1024)
    with pytest.raises(ValidationError) as refused:
        validate_upload(upload("lớn.pdf", content))
    assert refused.value.code == "file_size"


def test_messages_name_the_file_and_say_what_is_allowed(settings):
    settings.DOINGOAI = {**settings.DOINGOAI, "UPLOAD_MAX_MB": 1}
    with translation.override("en"):
        with pytest.raises(ValidationError) as wrong_type:
            validate_upload(upload("chương trình.exe", b"MZ"))
        with pytest.raises(ValidationError) as too_big:
            validate_upload(upload("quá lớn.pdf", samples.pdf() + b"\0" * 2 * 1024 * 1024))
        with pytest.raises(ValidationError) as impostor:
            validate_upload(upload("báo cáo.pdf", b"MZ"))
        assert wrong_type.value.messages == [(
            "“chương trình.exe” cannot be uploaded: only these file types are accepted: PDF, Word (.docx), "
            "Excel (.xlsx), JPEG, PNG."
        )]
        assert too_big.value.messages == ["“quá lớn.pdf” is 2.0\xa0MB; files may be at most 1.0\xa0MB."]
        assert "“báo cáo.pdf” is not a real PDF file" in impostor.value.messages[0]
