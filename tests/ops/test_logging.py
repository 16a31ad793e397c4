"""Structured logs: request ids, the access line with its query count, the slow-query log, JSON lines."""

import json
import logging

import pytest

from doingoai.ops.logging import JsonFormatter, RequestIdFilter, request_id_var, task_var

pytestmark = [pytest.mark.urls("tests.ops.urls")]


def access_records(caplog):
    return [record for record in caplog.records if record.name == "doingoai.request"]


def test_every_response_carries_a_request_id(client):
    first, second = client.get("/fine/"), client.get("/fine/")
    assert len(first["X-Request-ID"]) == 32
    assert first["X-Request-ID"] != second["X-Request-ID"]


def test_a_sane_incoming_request_id_is_kept_and_a_strange_one_replaced(client):
    assert client.get("/fine/", HTTP_X_REQUEST_ID="abc-123_456.789")["X-Request-ID"] == "abc-123_456.789"
    replaced = client.get("/fine/", HTTP_X_REQUEST_ID="<script>")["X-Request-ID"]
    assert replaced != "<script>" and len(replaced) == 32


@pytest.mark.django_db
def test_access_line_counts_the_queries_of_the_request(client, caplog):
    caplog.set_level(logging.INFO, logger="doingoai.request")
    response = client.get("/queries/")
    [record] = access_records(caplog)
    assert record.status == 200 and record.path == "/queries/" and record.method == "GET"
    assert record.queries == 3
    assert record.request_id == response["X-Request-ID"]
    assert record.duration_ms >= record.db_ms >= 0


def test_health_probes_are_not_logged_at_info(client, caplog, db):
    caplog.set_level(logging.INFO, logger="doingoai.request")
    client.get("/healthz")
    assert access_records(caplog) == []


@pytest.mark.django_db
def test_slow_queries_are_logged_above_the_threshold(client, caplog, settings):
    settings.SLOW_QUERY_MS = 1
    response = client.get("/slow/")
    [record] = [record for record in caplog.records if record.name == "doingoai.slow_query"]
    assert record.levelno == logging.WARNING
    assert "WITH RECURSIVE" in record.sql
    assert record.duration_ms >= 1
    assert record.request_id == response["X-Request-ID"]


@pytest.mark.django_db
def test_no_slow_query_log_when_the_threshold_is_zero(client, caplog, settings):
    settings.SLOW_QUERY_MS = 0
    client.get("/slow/")
    assert not [record for record in caplog.records if record.name == "doingoai.slow_query"]


def make_record(**extra) -> logging.LogRecord:
    record = logging.LogRecord("doingoai.test", logging.INFO, __file__, 1, "Đã lưu %s", ("kế hoạch",), None)
    record.__dict__.update(extra)
    RequestIdFilter().filter(record)
    return record


def test_json_lines_carry_the_request_id_and_extra_fields():
    token = request_id_var.set("req-1")
    try:
        line = JsonFormatter().format(make_record(status=200, path="/plans/"))
    finally:
        request_id_var.reset(token)
    payload = json.loads(line)
    assert "\n" not in line
    assert payload["message"] == "Đã lưu kế hoạch"  # UTF-8 text, not \u escapes
    assert "Đã lưu" in line
    assert payload["request_id"] == "req-1"
    assert payload["level"] == "INFO" and payload["logger"] == "doingoai.test"
    assert payload["status"] == 200 and payload["path"] == "/plans/"


def test_json_lines_carry_the_task_and_the_traceback():
    token = task_var.set(("task-id-1", "doingoai.reports.tasks.make_report"))
    try:
        try:
            raise RuntimeError("boom")
        except RuntimeError:
            import sys

            record = make_record()
            record.exc_info = sys.exc_info()
        payload = json.loads(JsonFormatter().format(record))
    finally:
        task_var.reset(token)
    assert payload["task_id"] == "task-id-1"
    assert payload["task"] == "doingoai.reports.tasks.make_report"
    assert "RuntimeError: boom" in payload["exc"]


def test_values_json_cannot_encode_are_written_as_text():
    import datetime

    payload = json.loads(JsonFormatter().format(make_record(when=datetime.date(2026, 1, 5))))
    assert payload["when"] == "2026-01-05"


def test_celery_tasks_log_with_the_id_of_the_request_that_queued_them():
    from celery import signals

    headers = {}
    token = request_id_var.set("req-42")
    try:
        signals.before_task_publish.send(sender="x", headers=headers, body=None)
    finally:
        request_id_var.reset(token)
    assert headers["doingoai_request_id"] == "req-42"

    class FakeTask:
        name = "demo.task"

        class request:
            doingoai_request_id = "req-42"

    signals.task_prerun.send(sender=FakeTask, task_id="t-1", task=FakeTask)
    try:
        assert request_id_var.get() == "req-42"
        assert task_var.get() == ("t-1", "demo.task")
    finally:
        signals.task_postrun.send(sender=FakeTask, task_id="t-1", task=FakeTask)
    assert request_id_var.get() == "" and task_var.get() is None
