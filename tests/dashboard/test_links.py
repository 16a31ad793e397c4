"""Every number is a door: each figure's link opens the list it counts, and that list shows exactly that many rows."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from doingoai.dashboard import figures as dashboard

from .conftest import walk_figures


class FigureLinks(HTMLParser):
    """The links of a page that carry `data-figure-count`: (href, count)."""

    def __init__(self) -> None:
        super().__init__()
        self.links: set[tuple[str, int]] = set()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "a" and "data-figure-count" in attributes:
            self.links.add((attributes["href"], int(attributes["data-figure-count"])))


def figure_links(html: str) -> set[tuple[str, int]]:
    parser = FigureLinks()
    parser.feed(html)
    return parser.links


def list_count(client, url: str) -> int:
    # As HTMX asks it: the same view and queryset, only the table partial is rendered (faster).
    response = client.get(url, headers={"HX-Request": "true"})
    assert response.status_code == 200, url
    # Only the list's own filters: a filter value the list refused would show the unfiltered count.
    assert not response.context["filterset"].errors, (url, response.context["filterset"].errors)
    return response.context["result_count"]


def test_every_figure_links_to_a_list_with_the_same_count(province, client_as):
    client = client_as("leader")
    data = dashboard.compute(province.year, province.today)
    found = list(walk_figures(data))
    assert len(found) > 100
    checked = {}
    for path, figure in found:
        if figure["url"] not in checked:
            checked[figure["url"]] = list_count(client, figure["url"])
        assert checked[figure["url"]] == figure["count"], (path, figure["url"])
    # The fixture makes sure the check is not vacuous: most lists are not empty.
    assert sum(1 for count in checked.values() if count) > 40


def test_every_number_on_the_page_opens_a_list_with_that_count(province, client_as):
    client = client_as("leader")
    page = client.get(reverse("dashboard:leadership"), {"year": province.year}).content.decode()
    links = figure_links(page)
    assert len(links) > 60
    for url, count in sorted(links):
        assert list_count(client, url) == count, url


@pytest.mark.parametrize("persona", ["staff", "admin"])
def test_the_links_count_the_same_for_every_user_who_sees_the_dashboard(province, client_as, persona):
    client = client_as(persona)
    data = dashboard.compute(province.year, province.today)
    for _path, figure in walk_figures(data["plans"]):
        assert list_count(client, figure["url"]) == figure["count"]


@pytest.mark.parametrize("url", [
    "/partners/agreements/?signed_year=0.0",
    "/partners/agreements/?signed_year=2026.5",
    "/delegations/?month=13",
    "/delegations/?month=1.5",
    "/delegations/?start_from=2026-02-30",
    "/aid-projects/?disbursed_in=abc",
    "/aid-projects/?disbursed_in=0",
    "/partners/occasions/?upcoming_days=100000",
    "/partners/occasions/?upcoming_days=-1",
    "/partners/associations/?report_missing=1999-foo",
])
def test_bad_values_of_the_dashboards_filters_are_refused_not_crashed_on(world, client_as, url):
    response = client_as("leader").get(url)
    assert response.status_code == 200
    assert response.context["filterset"].errors
