"""Small but real files of every allowed type, and impostors, made in memory for upload tests."""

from __future__ import annotations

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
EXCEL_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
EXCEL_MACRO_MAIN = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"


def pdf() -> bytes:
    return b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def png() -> bytes:
    return b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 40


def jpeg() -> bytes:
    return b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 40 + b"\xff\xd9"


def office(main_part: str | None, part_name: str = "/word/document.xml") -> bytes:
    """A zip package; with `main_part`, its [Content_Types].xml declares that part as the main document."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        if main_part is not None:
            package.writestr(
                "[Content_Types].xml",
                '<?xml version="1.0" encoding="UTF-8"?>'
                '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                '<Default Extension="xml" ContentType="application/xml"/>'
                f'<Override PartName="{part_name}" ContentType="{main_part}"/></Types>',
            )
        package.writestr(part_name.lstrip("/"), "<document>Báo cáo</document>")
    return buffer.getvalue()


def docx() -> bytes:
    return office(WORD_MAIN)


def xlsx() -> bytes:
    return office(EXCEL_MAIN, "/xl/workbook.xml")


GOOD = {
    "báo cáo 6 tháng.pdf": pdf,
    "ảnh hoạt động.png": png,
    "ảnh đoàn.jpg": jpeg,
    "ảnh đoàn 2.JPEG": jpeg,
    "biên bản.docx": docx,
    "số liệu viện trợ.xlsx": xlsx,
}


def upload(name: str, content: bytes, content_type: str = "application/octet-stream") -> SimpleUploadedFile:
    # The browser's content type is deliberately wrong or vague: the server must not trust it.
    return SimpleUploadedFile(name, content, content_type=content_type)
