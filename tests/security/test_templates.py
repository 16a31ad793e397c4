"""Rules every template keeps, checked on the source: CSRF token in every POST form, no inline JavaScript.

The Content-Security-Policy (script-src 'self') would silently break an inline script or handler in the browser;
these checks name the file instead.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings

FORM = re.compile(r"<form\b([^>]*)>(.*?)</form>", re.IGNORECASE | re.DOTALL)
POST = re.compile(r"""method\s*=\s*["']?post""", re.IGNORECASE)
INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc\s*=)(?![^>]*type\s*=\s*[\"']application/(?:ld\+)?json)[^>]*>", re.IGNORECASE)
HANDLER = re.compile(r"<[^>]*\s(on[a-z]+)\s*=", re.IGNORECASE | re.DOTALL)
HTMX_INLINE = re.compile(r"\shx-on[:\-]|\shx-vars\s*=|javascript:", re.IGNORECASE)


def project_templates() -> list[Path]:
    roots = [Path(directory) for directory in settings.TEMPLATES[0]["DIRS"]]
    roots += [Path(settings.BASE_DIR) / app / "templates" for app in ("plans", "partners", "delegations", "aid_projects")]
    roots += list((Path(settings.BASE_DIR) / "doingoai").glob("*/templates"))
    return sorted(path for root in roots if root.is_dir() for path in root.rglob("*.html"))


TEMPLATES = project_templates()


def ids(path: Path) -> str:
    return str(path.relative_to(settings.BASE_DIR))


def test_templates_are_found():
    assert len(TEMPLATES) > 30


@pytest.mark.parametrize("path", TEMPLATES, ids=ids)
def test_every_post_form_has_a_csrf_token(path):
    source = path.read_text()
    for attributes, body in FORM.findall(source):
        if POST.search(attributes):
            assert "{% csrf_token %}" in body, f"POST form without {{% csrf_token %}} in {ids(path)}: <form{attributes}>"


@pytest.mark.parametrize("path", TEMPLATES, ids=ids)
def test_no_inline_javascript(path):
    source = path.read_text()
    assert not INLINE_SCRIPT.search(source), f"inline <script> in {ids(path)}: move it to static/js/"
    handler = HANDLER.search(source)
    assert not handler, f"inline event handler {handler.group(1)}= in {ids(path)}: use static/js/ and data- attributes"
    assert not HTMX_INLINE.search(source), f"hx-on/hx-vars/javascript: in {ids(path)} (evaluated inline)"
