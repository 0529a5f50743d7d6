"""Home page task buttons are big enough to tap and work without JavaScript."""
from __future__ import annotations

import pytest

from conftest import PHONE

pytestmark = pytest.mark.browser


def test_task_buttons_are_big_tap_targets_without_javascript(server, new_page):
    page = new_page(**PHONE, java_script_enabled=False).page
    page.goto(server.url)
    buttons = page.locator(".bdhvs-tasks a")
    assert buttons.count() >= 16
    for i in range(buttons.count()):
        box = buttons.nth(i).bounding_box()
        assert box["height"] >= 48 and box["width"] >= 0.8 * PHONE["viewport"]["width"] - 40, box
    first = buttons.first
    href = first.get_attribute("href")
    first.click()
    page.wait_for_load_state()
    assert page.url.endswith(href)
