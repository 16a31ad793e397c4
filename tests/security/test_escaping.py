"""User text is escaped everywhere: script tags typed into every free-text field never reach a page as markup.

Every model gets one record (from its factory) whose every free-text field holds Vietnamese text with a script tag
and quotes; then every list, detail and other record page the URL configuration offers, and the admin, is fetched
and must show the text escaped. New models, fields and pages are covered without touching this file.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.db import models
from django.urls import URLPattern, URLResolver, get_resolver

from tests import factories

RAW = "<script>alert(1)</script>"
PAYLOAD = f"Hội hữu nghị \"Việt – Lào\" '>{RAW} đồng hành"
ESCAPED_TAG = "&lt;script&gt;"
# Namespaces whose pages are not HTML views of records: JSON API, file downloads, sign-in pages, health check.
SKIPPED_NAMESPACES = {"admin", "api", "files", "accounts", "core", "djdt"}


def project_models() -> list[type[models.Model]]:
    """Concrete models of the project's own apps (not Django's or libraries'), without history copies."""
    base = str(settings.BASE_DIR)
    return [
        model
        for model in apps.get_models()
        if apps.get_app_config(model._meta.app_label).path.startswith(base)
        and "/.venv/" not in apps.get_app_config(model._meta.app_label).path
        and not model.__name__.startswith("Historical")
    ]


def free_text_fields(model) -> list[models.Field]:
    return [
        field
        for field in model._meta.concrete_fields
        if isinstance(field, (models.CharField, models.TextField))
        and not field.choices
        and not field.primary_key
        and field.name not in {"password", "username"}
        and (field.max_length is None or field.max_length >= len(RAW))
    ]


def text_for(field: models.Field, pk: int) -> str:
    for candidate in (f"{PAYLOAD} {pk}", f"{RAW} {pk}", RAW):
        if field.max_length is None or len(candidate) <= field.max_length:
            return candidate
    raise AssertionError(field)


def make_one_of_each() -> None:
    for factory in vars(factories).values():
        is_factory = inspect.isclass(factory) and issubclass(factory, factories.DjangoModelFactory)
        if is_factory and factory._meta.model and not factory._meta.abstract:
            factory()


def fill_every_text_field() -> dict[type, int]:
    """Put the payload in every free-text field of every row; returns the number of fields filled per model."""
    filled = {}
    for model in project_models():
        fields = free_text_fields(model)
        if not fields:
            continue
        for pk in model._base_manager.values_list("pk", flat=True):
            model._base_manager.filter(pk=pk).update(**{field.attname: text_for(field, pk) for field in fields})
        filled[model] = len(fields)
    return filled


@dataclass
class Page:
    name: str
    path: str


def record_pages() -> list[Page]:
    """Every page of the URL configuration that takes no argument or one record `pk`, with a record to show."""
    pages = []

    def walk(patterns, prefix: str, namespace: str | None):
        for entry in patterns:
            if isinstance(entry, URLResolver):
                inner = entry.namespace or namespace
                walk(entry.url_patterns, prefix + str(entry.pattern), inner)
            elif isinstance(entry, URLPattern) and entry.name and namespace not in SKIPPED_NAMESPACES:
                route = prefix + str(entry.pattern)
                converters = set(entry.pattern.converters) if hasattr(entry.pattern, "converters") else set()
                if "<" not in route and not converters:
                    pages.append(Page(f"{namespace}:{entry.name}" if namespace else entry.name, "/" + route))
                elif converters == {"pk"} and namespace:
                    model_name = entry.name.rsplit("_", 1)[0]
                    try:
                        model = apps.get_model(namespace, model_name)
                    except LookupError:
                        continue
                    row = model._base_manager.order_by("pk").first()
                    if row is not None:
                        path = "/" + route.replace(route[route.index("<"):route.index(">") + 1], str(row.pk))
                        pages.append(Page(f"{namespace}:{entry.name}", path))

    walk(get_resolver().url_patterns, "", None)
    return [page for page in pages if "^" not in page.path and "$" not in page.path]


@pytest.fixture
def filled(world):
    make_one_of_each()
    return fill_every_text_field()


def test_every_model_with_free_text_gets_the_payload(filled):
    # The check below is only as good as the data: the main domain models must all be filled.
    names = {model.__name__ for model in filled}
    assert {"Plan", "Activity", "FriendshipAssociation", "AssociationReport", "Delegation", "AidProject",
            "ForeignPartner", "Agreement", "Greeting", "ProgressUpdate", "User"} <= names


def test_user_text_is_escaped_on_every_record_page(filled, client_as):
    client = client_as("staff")
    pages = record_pages()
    assert len(pages) >= 20, pages
    shown = []
    for page in pages:
        response = client.get(page.path)
        assert response.status_code != 500, page
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        html = response.content.decode()
        assert RAW not in html, f"unescaped user text on {page.name} ({page.path})"
        if ESCAPED_TAG in html:
            shown.append(page.name)
    details = [page.name for page in pages if page.name.endswith("_detail")]
    assert set(details) <= set(shown), f"detail pages that do not show any user text: {set(details) - set(shown)}"


def test_htmx_table_partials_escape_user_text(filled, client_as):
    client = client_as("staff")
    for page in record_pages():
        if page.name.endswith("_list"):
            response = client.get(page.path, headers={"HX-Request": "true"})
            assert response.status_code == 200, page
            assert RAW not in response.content.decode(), page


def test_user_text_is_escaped_in_the_admin(filled, client_as):
    client = client_as("admin")
    checked = 0
    for model in admin.site._registry:
        if model not in filled:
            continue
        meta = model._meta
        row = model._base_manager.order_by("pk").first()
        paths = [f"/admin/{meta.app_label}/{meta.model_name}/"]
        if row is not None:
            paths.append(f"/admin/{meta.app_label}/{meta.model_name}/{row.pk}/change/")
        for path in paths:
            response = client.get(path)
            assert response.status_code == 200, path
            assert RAW not in response.content.decode(), path
            checked += 1
    assert checked >= 40
