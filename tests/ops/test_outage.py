"""A database or Redis that does not answer gives a clean 503 page (JSON under /api/), never a traceback, and the
next request after the service is back is served normally: nothing is kept broken between requests."""

import pytest
from django.test import Client

pytestmark = [pytest.mark.urls("tests.ops.urls")]


@pytest.fixture
def client():
    # A bug must reach the 500 handler as in production instead of being re-raised into the test.
    return Client(raise_request_exception=False)


def test_database_outage_gives_the_503_page(client):
    response = client.get("/boom/database/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Cache-Control"] == "no-store"
    body = response.content.decode()
    assert 'data-testid="service-unavailable"' in body
    assert "Traceback" not in body and "OperationalError" not in body


def test_503_page_quotes_the_request_id(client):
    response = client.get("/boom/database/", HTTP_X_REQUEST_ID="lb-0123456789abcdef")
    assert response["X-Request-ID"] == "lb-0123456789abcdef"
    assert '<code data-testid="request-id">lb-0123456789abcdef</code>' in response.content.decode()


def test_503_page_is_vietnamese_by_default_and_english_on_request(client):
    assert client.get("/boom/database/")["Content-Language"] == "vi"
    client.cookies["django_language"] = "en"
    response = client.get("/boom/database/")
    assert response["Content-Language"] == "en"
    assert "Service temporarily unavailable" in response.content.decode()


def test_redis_outage_gives_the_503_page(client):
    response = client.get("/boom/redis/")
    assert response.status_code == 503
    assert 'data-testid="service-unavailable"' in response.content.decode()


def test_api_outage_answers_json(client):
    response = client.get("/api/v1/boom/")
    assert response.status_code == 503
    assert response.json()["code"] == "service_unavailable"
    assert response.json()["request_id"] == response["X-Request-ID"]


def test_outage_raised_by_a_middleware_after_the_view_also_gives_503(client, settings):
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, "tests.ops.urls.FailingMiddleware"]
    response = Client(raise_request_exception=False).get("/boom/middleware/")
    assert response.status_code == 503
    assert 'data-testid="service-unavailable"' in response.content.decode()


def test_a_bug_is_still_a_500(client):
    assert client.get("/boom/bug/").status_code == 500


@pytest.mark.django_db
def test_the_next_request_is_served_once_the_database_answers(client, monkeypatch):
    from django.db import connection

    def refused(*args, **kwargs):
        raise connection.Database.OperationalError("connection refused")

    with monkeypatch.context() as patch:
        patch.setattr(connection, "cursor", refused)
        assert client.get("/queries/").status_code == 503
    assert client.get("/queries/").status_code == 200


def test_outage_is_logged_with_the_service(client, caplog):
    client.get("/boom/redis/")
    records = [record for record in caplog.records if record.name == "doingoai.outage"]
    assert records and records[0].service == "redis"
    assert records[0].exc_info is not None
