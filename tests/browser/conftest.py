"""What the browser tier's tests share: a page opened in a fresh context (the session's Chromium,
tests/conftest.py), with the clipboard allowed and its script errors kept."""

from __future__ import annotations

import pytest

from tests.helpers.browser import CLIPBOARD, DESKTOP


@pytest.fixture
def open_page(browser):
    """open_page(url, viewport=DESKTOP, clipboard=True) -> a Page in a fresh context."""
    contexts = []

    def opened(url: str, viewport: dict = DESKTOP, clipboard: bool = True):
        context = browser.new_context(viewport=viewport, permissions=CLIPBOARD if clipboard else [])
        contexts.append(context)
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.errors = errors
        page.goto(url)
        return page

    yield opened
    for context in contexts:
        context.close()
