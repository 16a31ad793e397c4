"""Bad input gets JSON with a field → messages map, in the request's language, never a 500; the model's rules and
database constraints apply as on the forms; stale updates and records others depend on are 409."""

from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from delegations.models import Delegation
from tests import factories

BLANK = "This field may not be blank."


def test_errors_are_in_vietnamese_by_default(api_as, world):
    response = api_as("staff").post(
        reverse("api:country-list"), {"code": "QQ", "name_vi": "", "name_en": "Land"}, format="json"
    )
    assert response.status_code == 400
    assert response["Content-Language"] == "vi"
    with translation.override("vi"):
        vietnamese = gettext(BLANK)
    assert vietnamese != BLANK  # the message has a Vietnamese translation to check against
    assert response.json()["errors"] == {"name_vi": [vietnamese]}


def test_errors_are_in_english_when_asked(api_as, world):
    response = api_as("staff").post(
        reverse("api:country-list"), {"code": "QQ", "name_vi": "", "name_en": "Land"}, format="json",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 400
    assert response["Content-Language"] == "en"
    body = response.json()
    assert body["code"] == "invalid"
    assert body["errors"] == {"name_vi": [BLANK]}
    assert body["detail"] == "The data sent is not valid."


def test_not_found_and_forbidden_are_translated(api_as, world):
    agreement = factories.AgreementFactory()
    vietnamese = api_as("focal_a").get(reverse("api:agreement-detail", args=[agreement.pk]))
    with translation.override("vi"):
        assert vietnamese.json() == {"detail": gettext("Not found."), "code": "not_found"}
    english = api_as("leader").delete(reverse("api:agreement-detail", args=[agreement.pk]), HTTP_ACCEPT_LANGUAGE="en")
    assert english.status_code == 403
    assert english.json()["code"] == "permission_denied"


def test_a_database_constraint_is_a_400_with_its_message(api_as, world):
    body = {
        "title": "Đoàn", "direction": "inbound", "countries": [factories.CountryFactory().pk], "head_name": "A",
        "start_date": "2026-03-10", "end_date": "2026-03-01", "host_agency": world.agency_a.pk,
    }
    response = api_as("staff").post(reverse("api:delegation-list"), body, format="json", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    messages = [message for messages in response.json()["errors"].values() for message in messages]
    assert "The return date cannot be before the departure date." in messages
    assert not Delegation.objects.exists()


def test_a_unique_constraint_is_a_400_with_its_message(api_as, world):
    existing = factories.AssociationReportFactory(association=world.association_x, year=2026, period="year")
    body = {"association": world.association_x.pk, "year": 2026, "period": "year"}
    response = api_as("staff").post(reverse("api:associationreport-list"), body, format="json",
                                    HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert response.json()["errors"]["non_field_errors"] == [
        "This association already has a report for this period."
    ]
    assert existing.pk


def test_a_partial_update_is_checked_against_the_whole_record(api_as, world):
    delegation = factories.DelegationFactory(start_date=datetime.date(2026, 3, 10), end_date=datetime.date(2026, 3, 14))
    response = api_as("staff").patch(
        reverse("api:delegation-detail", args=[delegation.pk]), {"end_date": "2026-03-01"}, format="json"
    )
    assert response.status_code == 400
    delegation.refresh_from_db()
    assert delegation.end_date == datetime.date(2026, 3, 14)


def test_an_id_out_of_scope_or_missing_is_refused_like_a_missing_one(api_as, world):
    body = {"task": 999999, "content": "X", "lead_agency": world.agency_a.pk}
    response = api_as("staff").post(reverse("api:activity-list"), body, format="json")
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"task"}


def test_status_cannot_be_written(api_as, world):
    agreement = factories.AgreementFactory(status="draft", signed_on=None)
    response = api_as("staff").patch(
        reverse("api:agreement-detail", args=[agreement.pk]), {"status": "terminated", "summary": "x"}, format="json"
    )
    assert response.status_code == 200
    agreement.refresh_from_db()
    assert agreement.status == "draft"
    assert agreement.summary == "x"


def test_a_stale_update_is_refused_with_409(api_as, world):
    country = factories.CountryFactory()
    client = api_as("staff")
    url = reverse("api:country-detail", args=[country.pk])
    version = client.get(url).json()["modified_at"]
    assert client.patch(url, {"notes": "first", "version": version}, format="json").status_code == 200
    stale = client.patch(url, {"notes": "second", "version": version}, format="json")
    assert stale.status_code == 409
    assert stale.json()["code"] == "conflict"
    country.refresh_from_db()
    assert country.notes == "first"


def test_deleting_a_record_others_depend_on_is_409(api_as, world):
    # Users and activities point at agency A (PROTECT).
    response = api_as("staff").delete(reverse("api:agency-detail", args=[world.agency_a.pk]), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 409
    assert "cannot be deleted" in response.json()["detail"]


def test_change_reason_goes_into_the_history(api_as, world):
    country = factories.CountryFactory()
    api_as("staff").patch(
        reverse("api:country-detail", args=[country.pk]), {"notes": "x", "change_reason": "Theo công văn 12"},
        format="json",
    )
    latest = country.history.order_by("-history_date").first()
    assert latest.history_change_reason == "Theo công văn 12"
    assert latest.history_user == world.users["staff"]


def test_malformed_json_is_a_400(api_as, world):
    response = api_as("staff").post(
        reverse("api:country-list"), data="{not json", content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json()["code"] == "parse_error"


def test_form_encoded_bodies_are_415(api_as, world):
    response = api_as("staff").post(reverse("api:country-list"), {"code": "QQ"})
    assert response.status_code == 415
