"""Rules checked on the Python source: no view opts out of CSRF; every password check passes the request.

django-axes counts failures per request; `authenticate()` without one is refused in production (and let through
in tests, for the test client's `login()`), so a view that forgot it would pass its tests and fail for real.
"""

from __future__ import annotations

import ast
from pathlib import Path

from django.conf import settings

SKIPPED_PARTS = {".venv", "tests", "node_modules", "migrations", "staticfiles", "media"}


def project_sources() -> list[Path]:
    base = Path(settings.BASE_DIR)
    return [path for path in base.rglob("*.py") if not SKIPPED_PARTS & set(path.relative_to(base).parts)]


def test_no_view_is_exempt_from_csrf():
    offenders = [str(path) for path in project_sources() if "csrf_exempt" in path.read_text()]
    assert offenders == []


def test_every_authenticate_call_passes_the_request():
    offenders = []
    for path in project_sources():
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name == "authenticate" and not node.args and "request" not in {kw.arg for kw in node.keywords}:
                offenders.append(f"{path}:{node.lineno}")
    assert offenders == []
