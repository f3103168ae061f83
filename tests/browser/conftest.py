"""Real Chromium (Debian's package) driven by Playwright, against Django's live server.

Screenshots go to test-artifacts/screenshots/. A missing Chromium fails the run: it is never skipped.
"""

import os
from pathlib import Path

from django.db import connections

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"

# Playwright's sync API keeps an event loop in this thread; the ORM calls the tests make are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def browser():
    # Function-scoped on purpose: while Playwright runs, Django sees a different connection object, so the
    # database must be set up (and restored between tests) before Playwright starts and after it stops.
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium package (apt-get install -y chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Tab:
    """A browser tab that records console errors (CSP violations among them) and takes screenshots."""

    def __init__(self, page, base_url):
        self.page = page
        self.base_url = base_url
        self.errors = []
        page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        page.on("pageerror", lambda error: self.errors.append(str(error)))

    def goto(self, path):
        response = self.page.goto(self.base_url + path)
        self.page.wait_for_load_state("networkidle")
        return response

    def screenshot(self, name):
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        self.page.evaluate("document.querySelectorAll('img[loading=lazy]').forEach(i => i.loading = 'eager')")
        self.page.wait_for_load_state("networkidle")
        self.page.screenshot(path=ARTIFACTS / f"{name}.png", full_page=True)

    def accessibility_violations(self):
        results = Axe().run(
            self.page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21aa"]}}
        )
        return [f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes)" for v in results.response["violations"]]

    def csp_violations(self):
        return [error for error in self.errors if "Content Security Policy" in error]


@pytest.fixture
def tab(browser, live_server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield Tab(context.new_page(), live_server.url)
    context.close()
    # The ORM calls a journey makes while Playwright runs open their own connection (see `browser`): close it, or
    # it would keep the test database from being dropped at the end of the run.
    connections.close_all()
