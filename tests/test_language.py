"""The portal speaks Vietnamese by default; English only when the user switches."""

import pytest
from django.urls import reverse


@pytest.mark.django_db
def test_pages_are_vietnamese_even_when_the_browser_asks_for_english(client):
    response = client.get(reverse("accounts:login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response["Content-Language"] == "vi"
    assert "Đăng nhập" in response.content.decode()


@pytest.mark.django_db
def test_the_language_switcher_turns_pages_english(client):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/accounts/login/"})
    assert response.status_code == 302
    response = client.get(reverse("accounts:login"))
    assert response["Content-Language"] == "en"
    assert "Log in" in response.content.decode()
