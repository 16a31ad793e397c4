"""What an uploaded file may be: one of a few document and image types, under a size limit, checked by content.

The name's extension is only a claim; the first bytes (and, for Word and Excel files, the package manifest) must
agree with it. The browser's Content-Type header is ignored: the client chooses it.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

MANIFEST = "[Content_Types].xml"
# A real manifest is a few kilobytes; anything far larger is not an Office document we want to parse.
MANIFEST_MAX_BYTES = 1024 * 1024


@dataclass(frozen=True)
class FileType:
    """One allowed kind of file: its extensions, the MIME type it is served with, and how to recognise it."""

    label: str
    extensions: tuple[str, ...]
    mime_type: str
    # For Office files: the content type of the main part that [Content_Types].xml must declare.
    office_main_part: str = ""


PDF = FileType("PDF", (".pdf",), "application/pdf")
DOCX = FileType(
    "Word (.docx)",
    (".docx",),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    office_main_part="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
)
XLSX = FileType(
    "Excel (.xlsx)",
    (".xlsx",),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    office_main_part="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
)
JPEG = FileType("JPEG", (".jpg", ".jpeg"), "image/jpeg")
PNG = FileType("PNG", (".png",), "image/png")
ALLOWED_TYPES = (PDF, DOCX, XLSX, JPEG, PNG)
BY_EXTENSION = {extension: file_type for file_type in ALLOWED_TYPES for extension in file_type.extensions}
ACCEPT_ATTRIBUTE = ",".join(BY_EXTENSION)


def max_upload_bytes() -> int:
    """The size limit, read on each call so that a changed setting applies at once."""
    return int(settings.DOINGOAI.get("UPLOAD_MAX_MB", 20)) * 1024 * 1024


def allowed_types_text() -> str:
    return ", ".join(file_type.label for file_type in ALLOWED_TYPES)


def _starts_with(uploaded, signature: bytes, within: int = 0) -> bool:
    uploaded.seek(0)
    head = uploaded.read(len(signature) + within)
    uploaded.seek(0)
    return signature in head if within else head.startswith(signature)


def _office_package_declares(uploaded, main_part: str) -> bool:
    """True when `uploaded` is a zip whose [Content_Types].xml declares `main_part` (Word or Excel, not macros)."""
    uploaded.seek(0)
    try:
        with zipfile.ZipFile(uploaded) as package:
            info = package.getinfo(MANIFEST)
            if info.file_size > MANIFEST_MAX_BYTES:
                return False
            manifest = package.read(info).decode("utf-8", errors="replace")
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, RuntimeError, NotImplementedError):
        return False
    finally:
        uploaded.seek(0)
    return f'ContentType="{main_part}"' in manifest


def content_matches(uploaded, file_type: FileType) -> bool:
    """Whether the bytes of `uploaded` are really a file of `file_type`."""
    if file_type is PDF:
        # Readers accept the header anywhere in the first kilobyte; some generators put bytes before it.
        return _starts_with(uploaded, b"%PDF-", within=1024)
    if file_type is PNG:
        return _starts_with(uploaded, b"\x89PNG\r\n\x1a\n")
    if file_type is JPEG:
        return _starts_with(uploaded, b"\xff\xd8\xff")
    return _starts_with(uploaded, b"PK\x03\x04") and _office_package_declares(uploaded, file_type.office_main_part)


def validate_upload(uploaded) -> FileType:
    """Check one uploaded file and return its type; raise ValidationError with a message the uploader can act on."""
    name = PurePath(uploaded.name or "").name
    extension = PurePath(name).suffix.lower()
    file_type = BY_EXTENSION.get(extension)
    if file_type is None:
        raise ValidationError(
            _("“%(name)s” cannot be uploaded: only these file types are accepted: %(types)s."),
            code="file_type",
            params={"name": name, "types": allowed_types_text()},
        )
    if not uploaded.size:
        raise ValidationError(_("“%(name)s” is empty."), code="file_empty", params={"name": name})
    limit = max_upload_bytes()
    if uploaded.size > limit:
        raise ValidationError(
            _("“%(name)s” is %(size)s; files may be at most %(limit)s."),
            code="file_size",
            params={"name": name, "size": filesizeformat(uploaded.size), "limit": filesizeformat(limit)},
        )
    if not content_matches(uploaded, file_type):
        raise ValidationError(
            _(
                "“%(name)s” is not a real %(type)s file, although its name says so. It may be damaged or of "
                "another type: save it again as %(type)s and upload it once more."
            ),
            code="file_content",
            params={"name": name, "type": file_type.label},
        )
    return file_type
