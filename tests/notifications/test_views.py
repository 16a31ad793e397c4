"""The notifications page: each user sees and marks only their own; the header shows the unread count; the e-mail
choice is saved, and bad input is refused with a message."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import PERSONAS
from doingoai.notifications.models import DeliveryPreference, Notification
from doingoai.notifications.services import NewNotification, notify

pytestmark = pytest.mark.django_db
SIGNED_IN = [persona for persona in PERSONAS if persona != "anonymous"]


def give(user, count: int = 1, text: str = "Quốc khánh nước Cộng hòa Dân chủ Nhân dân Lào") -> list[Notification]:
    return notify(NewNotification(recipient=user, text=f"{text} {n}", link="/calendar/", category="occasion")
                  for n in range(count))


def test_anonymous_is_sent_to_the_login_page(client_as):
    for name in ("notification_list", "preferences"):
        response = client_as("anonymous").get(reverse(f"notifications:{name}"))
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert client_as("anonymous").post(reverse("notifications:notification_read"), {"all": "1"}).status_code == 302


@pytest.mark.parametrize("persona", SIGNED_IN)
def test_every_user_sees_only_their_own_notifications(client_as, world, persona):
    for name, user in world.users.items():
        give(user, text=f"Tin cho {name}")
    response = client_as(persona).get(reverse("notifications:notification_list"))
    assert response.status_code == 200
    shown = [row.text for row in response.context["object_list"]]
    assert shown == [f"Tin cho {persona} 0"]


@pytest.mark.parametrize("persona", SIGNED_IN)
def test_header_shows_the_unread_count(client_as, world, persona):
    give(world.users[persona], 3)
    response = client_as(persona).get(reverse("dashboard:home"))
    assert response.status_code == 200
    assert b'data-testid="unread-count">3<' in response.content


def test_marking_read_touches_only_the_users_own_notifications(client_as, world):
    mine = give(world.users["staff"], 2)
    theirs = give(world.users["leader"])[0]
    client = client_as("staff")
    response = client.post(reverse("notifications:notification_read"), {"id": [mine[0].pk, theirs.pk]})
    assert response.status_code == 302
    assert Notification.objects.get(pk=mine[0].pk).is_read
    assert not Notification.objects.get(pk=mine[1].pk).is_read
    assert not Notification.objects.get(pk=theirs.pk).is_read
    client.post(reverse("notifications:notification_read"), {"all": "1", "next": "https://evil.example/"})
    assert Notification.objects.for_user(world.users["staff"]).unread().count() == 0
    assert not Notification.objects.get(pk=theirs.pk).is_read
    unread = client.get(reverse("notifications:notification_list") + "?unread=1")
    assert list(unread.context["object_list"]) == []


def test_mark_read_redirects_only_to_this_site(client_as, world):
    give(world.users["staff"])
    response = client_as("staff").post(reverse("notifications:notification_read"),
                                       {"all": "1", "next": "https://evil.example/"})
    assert response["Location"] == reverse("notifications:notification_list")


def test_mark_read_refuses_get(client_as):
    assert client_as("staff").get(reverse("notifications:notification_read")).status_code == 405


@pytest.mark.parametrize("persona", SIGNED_IN)
def test_every_user_chooses_how_they_get_e_mail(client_as, world, persona):
    client = client_as(persona)
    assert client.get(reverse("notifications:preferences")).status_code == 200
    response = client.post(reverse("notifications:preferences"), {"delivery": "email"})
    assert response.status_code == 302
    assert DeliveryPreference.objects.get(user=world.users[persona]).delivery == "email"


def test_a_bad_choice_is_refused_with_a_message(client_as, world):
    client = client_as("staff")
    client.cookies["django_language"] = "en"
    response = client.post(reverse("notifications:preferences"), {"delivery": "pigeon"})
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert not DeliveryPreference.objects.filter(user=world.users["staff"]).exists()


def test_choosing_no_e_mail_stops_what_was_waiting(client_as, world):
    give(world.users["staff"], 2)
    client_as("staff").post(reverse("notifications:preferences"), {"delivery": "none"})
    assert not Notification.objects.filter(email_status=Notification.EmailStatus.PENDING).exists()
    give(world.users["staff"])
    assert Notification.objects.filter(recipient=world.users["staff"]).latest("pk").email_status == "not_needed"


def test_each_e_mail_preference_sends_on_commit(world, mailoutbox, django_capture_on_commit_callbacks):
    DeliveryPreference.objects.create(user=world.users["staff"], delivery=DeliveryPreference.Delivery.EMAIL)
    with django_capture_on_commit_callbacks(execute=True):
        give(world.users["staff"], 2)
        give(world.users["leader"], 2)  # the digest: nothing now
    assert sorted(message.to[0] for message in mailoutbox) == [world.users["staff"].email] * 2
    assert "Quốc khánh nước Cộng hòa Dân chủ Nhân dân Lào" in mailoutbox[0].body


def test_list_query_count_does_not_grow_with_rows(client_as, world):
    client = client_as("staff")
    url = reverse("notifications:notification_list")
    give(world.users["staff"])
    client.get(url)

    def count() -> int:
        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == 200
        return len(context.captured_queries)

    one = count()
    give(world.users["staff"], 19)
    assert count() == one
