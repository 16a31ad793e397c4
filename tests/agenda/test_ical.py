"""The personal iCal feed: valid RFC 5545, in the owner's scope, at a secret URL that can be replaced."""

from __future__ import annotations

import datetime

import icalendar
import pytest
from django.urls import reverse

from conftest import PERSONAS
from doingoai.agenda.events import Kind
from doingoai.agenda.models import FeedToken

pytestmark = pytest.mark.django_db
SIGNED_IN = [persona for persona in PERSONAS if persona != "anonymous"]


@pytest.fixture
def today_in_december(monkeypatch):
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: datetime.date(2026, 11, 25))


def feed_of(client, user):
    return client.get(reverse("agenda:feed", args=[FeedToken.for_user(user).token]))


@pytest.mark.parametrize("persona", SIGNED_IN)
def test_feed_settings_page_shows_the_personal_address(client_as, world, persona):
    response = client_as(persona).get(reverse("agenda:feed_settings"))
    assert response.status_code == 200
    token = FeedToken.objects.get(user=world.users[persona]).token
    assert f"/calendar/feed/{token}.ics" in response.content.decode()


def test_feed_is_valid_rfc_5545(client, world, december, today_in_december):
    response = feed_of(client, world.users["staff"])
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    raw = response.content
    assert raw.startswith(b"BEGIN:VCALENDAR\r\n") and raw.rstrip(b"\r\n").endswith(b"END:VCALENDAR")
    lines = raw.split(b"\r\n")
    assert all(len(line) <= 75 for line in lines), "content lines are folded at 75 octets"
    assert b"\n" not in raw.replace(b"\r\n", b"")
    calendar = icalendar.Calendar.from_ical(raw)
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    events = calendar.walk("VEVENT")
    assert events
    uids = [str(event["UID"]) for event in events]
    assert len(uids) == len(set(uids))
    for event in events:
        assert event["DTSTAMP"].dt.tzinfo is not None
        start, end = event["DTSTART"].dt, event["DTEND"].dt
        assert type(start) is datetime.date and type(end) is datetime.date and end > start
    national = next(event for event in events if "Quốc khánh nước Cộng hòa Dân chủ Nhân dân Lào" in str(event["SUMMARY"]))
    assert national["DTSTART"].dt == datetime.date(2026, 12, 2)
    assert national["DTEND"].dt == datetime.date(2026, 12, 3)  # exclusive, the day after
    trip = next(event for event in events if str(event["SUMMARY"]) == "Đoàn đi Champasak")
    assert (trip["DTSTART"].dt, trip["DTEND"].dt) == (datetime.date(2026, 12, 3), datetime.date(2026, 12, 6))
    assert str(trip["URL"]).startswith("http://testserver/delegations/")


def test_feed_holds_only_the_owners_scope(client, world, december, today_in_december):
    summaries = {
        persona: {str(event["SUMMARY"]) for event in
                  icalendar.Calendar.from_ical(feed_of(client, world.users[persona]).content).walk("VEVENT")}
        for persona in ("focal_a", "focal_b", "rep_x")
    }
    assert "Đoàn đi Champasak" in summaries["focal_a"]
    assert "Đoàn đi Champasak" not in summaries["focal_b"] | summaries["rep_x"]
    assert not any("Quốc khánh" in summary for summary in summaries["focal_a"] | summaries["rep_x"])
    assert any("Hội hữu nghị X (thử)" in summary for summary in summaries["rep_x"])


def test_regenerating_replaces_the_address_and_the_old_one_stops_working(client_as, client, world):
    user = world.users["focal_a"]
    old = FeedToken.for_user(user).token
    assert client.get(reverse("agenda:feed", args=[old])).status_code == 200
    response = client_as("focal_a").post(reverse("agenda:feed_settings"))
    assert response.status_code == 302
    new = FeedToken.objects.get(user=user).token
    assert new != old
    assert client.get(reverse("agenda:feed", args=[old])).status_code == 404
    assert client.get(reverse("agenda:feed", args=[new])).status_code == 200


def test_unknown_token_and_inactive_user_get_404(client, world):
    assert client.get(reverse("agenda:feed", args=["not-a-token"])).status_code == 404
    user = world.users["staff"]
    token = FeedToken.for_user(user).token
    user.is_active = False
    user.save()
    assert client.get(reverse("agenda:feed", args=[token])).status_code == 404


def test_every_kind_can_appear_in_the_feed(client, world, december, today_in_december):
    categories = set()
    for event in icalendar.Calendar.from_ical(feed_of(client, world.users["staff"]).content).walk("VEVENT"):
        categories.update(str(category) for category in event["CATEGORIES"].cats)
    assert len(categories) == len(Kind.values)
