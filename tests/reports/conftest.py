"""Fixtures of the report tests: files under a temporary media root, PDF text, and the real-worker switch.

Tests marked `celery_worker` start a real Celery worker against Redis and PostgreSQL. They run only where both are
configured (CI sets CELERY_BROKER_URL and a PostgreSQL DATABASE_URL; see .ci/run) and are skipped elsewhere.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import unicodedata

import pytest
from django.db import connection


def real_worker_environment() -> str | None:
    """Why the real-worker tests cannot run here, or None when they can."""
    if not os.environ.get("CELERY_BROKER_URL"):
        return "needs CELERY_BROKER_URL (a Redis broker), as in CI"
    if connection.vendor != "postgresql":
        return "needs PostgreSQL (DATABASE_URL), as in CI"
    return None


@pytest.fixture(autouse=True)
def _skip_real_worker_tests_outside_ci(request):
    if request.node.get_closest_marker("celery_worker"):
        reason = real_worker_environment()
        if reason:
            pytest.skip(reason)


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def pdf_text(content: bytes) -> str:
    """The text of a PDF as pdftotext reads it, NFC-normalised, with runs of spaces squeezed."""
    tool = shutil.which("pdftotext")
    assert tool, "pdftotext (poppler-utils) is not installed: run `make test`"
    text = subprocess.run([tool, "-enc", "UTF-8", "-", "-"], input=content, capture_output=True, check=True).stdout
    return " ".join(unicodedata.normalize("NFC", text.decode("utf-8")).split())


def pdf_fonts(content: bytes, tmp_path) -> str:
    """The `pdffonts` table of a PDF."""
    tool = shutil.which("pdffonts")
    assert tool, "pdffonts (poppler-utils) is not installed: run `make test`"
    path = tmp_path / "fonts-check.pdf"
    path.write_bytes(content)
    return subprocess.run([tool, str(path)], capture_output=True, text=True, check=True).stdout
