"""Property-based testing of the whole API against its own OpenAPI description (schemathesis, in-process).

Every operation (every endpoint and method) gets generated requests — valid and invalid bodies, parameters and ids,
plus the examples the schema gives — sent with a department officer's read-write token to the WSGI application,
on the demo province. A response fails the test when it is a server error (5xx), when its status is not one the
schema documents for the operation, or when its body or content type does not match the schema.

The demo is loaded once for the module and everything the requests change is rolled back at the end. Run alone with
`pytest tests/api/test_schemathesis.py`; `SCHEMATHESIS_EXAMPLES` (random examples per operation, default 20) scales
it and `SCHEMATHESIS_COVERAGE=1` adds the exhaustive coverage phase.
"""

from __future__ import annotations

import os
from io import StringIO

import pytest
import schemathesis
from django.core import signals
from django.core.management import call_command
from django.db import close_old_connections, transaction
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from doingoai.accounts.models import User
from doingoai.api.models import ApiToken
from doingoai.wsgi import application

pytestmark = [pytest.mark.slow, pytest.mark.django_db]

EXAMPLES_PER_OPERATION = int(os.environ.get("SCHEMATHESIS_EXAMPLES", "20"))
# The coverage phase sends every boundary and invalid value the schema implies (about 10,000 requests, several
# minutes): on demand, with SCHEMATHESIS_COVERAGE=1. The suite runs the examples and the random (fuzzing) phase.
COVERAGE = os.environ.get("SCHEMATHESIS_COVERAGE", "") not in ("", "0")
MINIMUM_REQUESTS = 2000
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


class Tally:
    """How many requests were sent, to how many operations."""

    def __init__(self) -> None:
        self.requests = 0
        self.operations: set[str] = set()


@pytest.fixture(scope="module")
def staff_key(django_db_setup, django_db_blocker):
    # The requests go to the real WSGI handler, which closes the database connection around each request; here
    # that connection holds the test's transaction, so keep it open, as Django's test client does.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        with django_db_blocker.unblock(), transaction.atomic():
            call_command("load_demo", stdout=StringIO())
            _token, key = ApiToken.issue(
                User.objects.get(username="staff"), name="schemathesis", scope=ApiToken.Scope.READ_WRITE
            )
            yield key
            transaction.set_rollback(True)
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


@pytest.fixture(scope="module")
def tally():
    tally = Tally()
    yield tally
    print(f"\nschemathesis: {tally.requests} requests to {len(tally.operations)} operations")


# Loaded when the module is collected: generating the schema reads no data.
schema = schemathesis.openapi.from_wsgi("/api/schema/", application)
schema.config.phases.coverage.enabled = COVERAGE


@schema.parametrize()
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_api_conforms_to_its_schema(case, staff_key, tally):
    tally.requests += 1
    tally.operations.add(case.operation.label)
    case.call_and_validate(headers={"Authorization": f"Token {staff_key}"}, checks=CHECKS)


def test_enough_requests_were_sent(tally):
    """Runs after the property tests (same module, declared later): they covered every operation, often enough."""
    operations = {result.ok().label for result in schema.get_all_operations()}
    if not tally.operations:
        pytest.skip("run together with test_api_conforms_to_its_schema")
    assert tally.operations == operations
    assert tally.requests >= MINIMUM_REQUESTS or EXAMPLES_PER_OPERATION < 20
