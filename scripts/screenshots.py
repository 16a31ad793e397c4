"""Screenshots of the main pages at 1366×768 for docs/screenshots/, taken from the demo (`make run` going).

    .venv/bin/python scripts/screenshots.py [http://127.0.0.1:8000]

The PDF pages (report-*.png) come from the reports tests and benchmarks (docs/reports.md), not from here.
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
PASSWORD = "doingoai-demo"


def shoot(page, path: str, name: str, click: str | None = None) -> None:
    page.goto(path)
    if click:
        page.locator(click).first.click()
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(OUT / f"{name}.png"))
    print(f"{name}.png  {path}")


def main(base_url: str) -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for username, shots in (
            ("leader", [("/", "dashboard", None)]),
            ("staff", [
                ("/plans/?year=2026", "plan_editor", "#results tbody a >> nth=0"),
                ("/partners/foreign-partners/?q=champasak", "partner", "#results tbody a >> nth=0"),
                ("/delegations/?direction=inbound", "delegation", "#results tbody a >> nth=0"),
            ]),
        ):
            context = browser.new_context(viewport={"width": 1366, "height": 768}, base_url=base_url, locale="vi-VN")
            page = context.new_page()
            page.goto("/accounts/login/")
            page.fill("#id_username", username)
            page.fill("#id_password", PASSWORD)
            page.click("button[type=submit]")
            page.wait_for_url(lambda url: "/accounts/login/" not in url)
            for path, name, click in shots:
                if name == "plan_editor":
                    page.goto(path)
                    plan_url = page.locator("#results tbody a").first.get_attribute("href")
                    shoot(page, plan_url.rstrip("/") + "/editor/", name)
                else:
                    shoot(page, path, name, click)
            context.close()
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000")
