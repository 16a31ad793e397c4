"""The OpenAPI description: valid, generated without warnings, every field described, enums listed, examples for
the main endpoints; its documentation pages served with local assets only."""

from __future__ import annotations

import re
from io import StringIO

import pytest
import yaml
from django.core.management import call_command
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def openapi() -> dict:
    return Client().get("/api/schema/", HTTP_ACCEPT="application/json", HTTP_ACCEPT_LANGUAGE="en").json()


def test_schema_is_valid_and_complete(tmp_path):
    # --fail-on-warn: an undescribed filter, an ambiguous enum name or an unresolvable field fails here.
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yaml"),
                 stdout=StringIO(), stderr=StringIO())
    assert yaml.safe_load((tmp_path / "schema.yaml").read_text())["openapi"].startswith("3.")


def properties(openapi: dict):
    for name, component in openapi["components"]["schemas"].items():
        for field, schema in component.get("properties", {}).items():
            yield f"{name}.{field}", schema


def test_every_field_is_described(openapi):
    undescribed = [name for name, schema in properties(openapi) if not schema.get("description")]
    assert undescribed == []


def test_every_parameter_is_described(openapi):
    undescribed = [
        f"{method.upper()} {path} {parameter['name']}"
        for path, operations in openapi["paths"].items()
        for method, operation in operations.items()
        for parameter in operation.get("parameters", [])
        if not parameter.get("description")
    ]
    assert undescribed == []


def test_choices_are_listed_as_enums(openapi):
    schemas = openapi["components"]["schemas"]
    assert schemas["PlanStatusEnum"]["enum"] == ["draft", "submitted", "approved", "in_progress", "closed"]
    assert "in_force" in schemas["AgreementStatusEnum"]["enum"]
    assert schemas["Plan"]["properties"]["status"]["allOf"][0]["$ref"].endswith("/PlanStatusEnum")
    # The body of a transition lists exactly the record's statuses.
    status = schemas["DelegationTransitionRequest"]["properties"]["status"]
    assert status["allOf"][0]["$ref"].endswith("/DelegationStatusEnum")


def test_main_endpoints_have_examples(openapi):
    for path in ("/api/v1/plans/", "/api/v1/activities/", "/api/v1/delegations/", "/api/v1/aid-projects/",
                 "/api/v1/auth/token/"):
        body = openapi["paths"][path]["post"]["requestBody"]["content"]["application/json"]
        assert body.get("examples"), path


def test_every_operation_documents_its_errors(openapi):
    for path, operations in openapi["paths"].items():
        for method, operation in operations.items():
            codes = set(operation["responses"])
            if path != "/api/v1/auth/token/":
                assert {"401", "403", "404"} <= codes, (method, path)
            if method in ("post", "put", "patch"):
                assert "400" in codes, (method, path)


def test_token_authentication_is_described(openapi):
    scheme = openapi["components"]["securitySchemes"]["tokenAuth"]
    assert (scheme["type"], scheme["in"], scheme["name"]) == ("apiKey", "header", "Authorization")
    assert "Token <key>" in scheme["description"]


def test_documentation_uses_no_cdn():
    client = Client()
    response = client.get("/api/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert assets
    assert not [asset for asset in assets if asset.startswith(("http:", "https:", "//"))], assets
    for asset in assets:
        assert client.get(asset.replace("&amp;", "&")).status_code == 200, asset
    # No inline script: the Content-Security-Policy forbids it.
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html)
