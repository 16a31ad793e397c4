"""Security headers on every page: a Content-Security-Policy without inline scripts, no sniffing, no framing."""

from __future__ import annotations

import pytest

PAGES = [("anonymous", "/accounts/login/"), ("anonymous", "/accounts/password/reset/")] + [
    ("admin", path) for path in ("/", "/plans/", "/partners/associations/", "/accounts/security/", "/admin/")
]


def policy(response) -> dict[str, list[str]]:
    directives = [part.strip().split() for part in response["Content-Security-Policy"].split(";") if part.strip()]
    return {name: values for name, *values in directives}


@pytest.mark.parametrize(("persona", "path"), PAGES)
def test_pages_carry_the_security_headers(client_as, persona, path):
    response = client_as(persona).get(path)
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    csp = policy(response)
    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"] == ["'self'"]
    assert csp["img-src"] == ["'self'", "data:"]
    assert csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["form-action"] == ["'self'"]
    assert csp["base-uri"] == ["'self'"]


def test_htmx_partials_and_errors_carry_the_policy_too(client_as):
    client = client_as("staff")
    assert "Content-Security-Policy" in client.get("/plans/", headers={"HX-Request": "true"})
    missing = client.get("/plans/999999/")
    assert missing.status_code == 404
    assert "Content-Security-Policy" in missing
