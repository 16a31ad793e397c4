"""The leader's morning: open the dashboard, look at another year, click a number, land on the list it counts."""

from __future__ import annotations

import re

import pytest
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "doingoai-demo"


@pytest.fixture
def demo(transactional_db):
    from django.core.cache import cache

    call_command("load_demo", verbosity=0)
    cache.clear()


def shown_count(page) -> int:
    text = page.locator("[data-testid=result-count]").inner_text()
    return int(re.sub(r"\D", "", text))


def test_leader_switches_the_year_clicks_a_figure_and_lands_on_the_list_it_counts(demo, page, login):
    this_year = timezone.localdate().year
    # Script errors and Content-Security-Policy violations (the charts run under the policy).
    problems = []
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on("console", lambda message: problems.append(message.text) if message.type == "error"
            and not message.location.get("url", "").endswith("/favicon.ico") else None)
    login("leader", PASSWORD)
    # The leader lands on the dashboard, with its charts drawn.
    expect(page.locator("[data-testid=year-form]")).to_be_visible()
    expect(page.locator("canvas[data-chart=tasks]")).to_have_attribute("data-chart-ready", "true")
    expect(page.locator("#id_year")).to_have_value(str(this_year))

    # Choosing last year reloads the page for that year (no button press needed).
    page.select_option("#id_year", str(this_year - 1))
    page.wait_for_url(re.compile(rf"year={this_year - 1}"))
    expect(page.locator("#id_year")).to_have_value(str(this_year - 1))
    expect(page.locator("h1")).to_contain_text(str(this_year - 1))

    # The first key figure counts the activities done that year; it opens the list of those.
    done = page.locator(".kpis a.figure-link").first
    expected = int(done.get_attribute("data-figure-count"))
    assert expected > 0
    done.click()
    page.wait_for_url(re.compile(r"/plans/activities/\?"))
    assert f"year={this_year - 1}" in page.url and "status=done" in page.url
    assert shown_count(page) == expected

    # Back on this year's dashboard, the "late" figure of the needs-attention list opens the late activities.
    page.goto("/")
    late = page.locator("[data-testid=attention] a.figure-link").first
    expected_late = int(late.get_attribute("data-figure-count"))
    assert expected_late > 0
    late.click()
    page.wait_for_url(re.compile(r"late=true"))
    assert shown_count(page) == expected_late
    expect(page.locator("#results tbody tr")).to_have_count(expected_late)

    # A bar of a chart is a door too: the tallest month of delegations opens that month's list.
    page.goto("/")
    canvas = page.locator("canvas[data-chart=months]")
    expect(canvas).to_have_attribute("data-chart-ready", "true")
    bar = page.evaluate(
        """() => {
            const chart = Chart.getChart(document.querySelector("canvas[data-chart=months]"));
            let best = null;
            chart.data.datasets.forEach((set, d) => set.data.forEach((value, i) => {
                if (value > 0 && (!best || value > best.value)) {
                    const element = chart.getDatasetMeta(d).data[i];
                    best = {value, x: element.x, y: (element.y + element.base) / 2};
                }
            }));
            return best;
        }"""
    )
    assert bar, "the demo has delegations this year"
    canvas.click(position={"x": bar["x"], "y": bar["y"]})
    page.wait_for_url(re.compile(r"/delegations/\?.*month="))
    assert shown_count(page) == bar["value"]
    assert problems == []
