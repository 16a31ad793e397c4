"""Production mode (DJANGO_DEBUG and DOINGOAI_TESTING off): `check --deploy` is clean and the headers are set.

Settings are read once per process, so these tests start a fresh Python with the production environment.
"""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys

import pytest
from django.conf import settings

pytestmark = pytest.mark.slow

HOST = "doingoai.example.gov.vn"


def production_env() -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "DOINGOAI_"))}
    env.update(
        DJANGO_DEBUG="0",
        DOINGOAI_TESTING="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(64),
        DJANGO_ALLOWED_HOSTS=HOST,
        DJANGO_SETTINGS_MODULE="doingoai.settings",
        # Nothing below touches a database; an in-memory one keeps stray files out of the work tree.
        DATABASE_URL="sqlite://:memory:",
    )
    return env


def run_python(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args], check=False, cwd=settings.BASE_DIR, env=production_env(), capture_output=True, text=True,
        timeout=120,
    )


def test_check_deploy_reports_no_issue():
    result = run_python("manage.py", "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_secret_key_is_required_in_production():
    env_without_key = production_env()
    del env_without_key["DJANGO_SECRET_KEY"]
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], check=False, cwd=settings.BASE_DIR, env=env_without_key, capture_output=True,
        text=True, timeout=120,
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


PROBE = f"""
import json, django
django.setup()
from django.conf import settings
from django.test import Client
client = Client()
secure = client.get("/healthz", secure=True, headers={{"host": "{HOST}"}})
plain = client.get("/accounts/login/", headers={{"host": "{HOST}"}})
print(json.dumps({{
    "secure_status": secure.status_code,
    "headers": dict(secure.headers),
    "plain_status": plain.status_code,
    "plain_location": plain.get("Location"),
    "session_cookie_secure": settings.SESSION_COOKIE_SECURE,
    "csrf_cookie_secure": settings.CSRF_COOKIE_SECURE,
    "session_cookie_age": settings.SESSION_COOKIE_AGE,
}}))
"""


@pytest.fixture(scope="module")
def production():
    result = run_python("-c", PROBE)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_https_responses_carry_hsts_and_the_other_security_headers(production):
    headers = production["headers"]
    assert production["secure_status"] == 200
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["X-Frame-Options"] == "DENY"
    assert "script-src 'self';" in headers["Content-Security-Policy"] + ";"


def test_plain_http_is_redirected_to_https(production):
    assert production["plain_status"] == 301
    assert production["plain_location"] == f"https://{HOST}/accounts/login/"


def test_cookies_are_https_only_and_sessions_expire(production):
    assert production["session_cookie_secure"] is True
    assert production["csrf_cookie_secure"] is True
    assert production["session_cookie_age"] == 8 * 3600
