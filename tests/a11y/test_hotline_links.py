"""Hotlines a reader can tap: confirmed numbers of data/hotlines.yml open the dialler
(tel:) or the messages app (sms:) on a phone; 1900 numbers say the call costs money;
numbers not confirmed stay plain text."""
from __future__ import annotations

import re

import pytest

from a11y_pages import all_pages  # noqa: F401  (fixture)
from bdhvs.reading import hotlines
from bdhvs.settings import DATA_DIR
from bdhvs.yamlfast import safe_load
from conftest import PHONE

pytestmark = pytest.mark.browser

CONFIRMED = {h.digits: h for h in hotlines.load(DATA_DIR / "hotlines.yml")}
ALL = {re.sub(r"\D", "", str(h["number"])): h["status"]
       for h in safe_load((DATA_DIR / "hotlines.yml").read_text(encoding="utf-8"))["hotlines"]}


def test_hotlines_in_a_guide_can_be_tapped(server, new_page):
    page = new_page(**PHONE).page
    page.goto(server.url + "huong-dan/khoa-tai-khoan-vneid/")
    link = page.locator("article ol a[href='tel:19000368']").first
    assert link.is_visible() and link.inner_text().replace(" ", "") == "19000368"
    box = link.bounding_box()
    assert box["height"] >= 24  # a finger can hit it
    after = link.evaluate("a => a.parentElement.textContent.slice(a.parentElement.textContent.indexOf(a.textContent))")
    assert "mất phí" in after, after
    page.goto(server.url + "huong-dan/nhan-tin-bao-lua-dao/")
    assert page.locator("article ol a[href='tel:156']").is_visible()
    assert page.locator("article ol a[href='sms:5656']").is_visible()  # 5656 takes text messages only


def test_only_confirmed_numbers_are_links_and_1900_says_it_costs(server, new_page, all_pages):  # noqa: F811
    page = new_page(**PHONE, java_script_enabled=False).page
    wrong, seen = [], 0
    for path in all_pages:
        page.goto(server.url + path)
        for href, note in page.eval_on_selector_all(
                "a[href^='tel:'], a[href^='sms:']",
                "as => as.map(a => [a.getAttribute('href'), (a.nextElementSibling && a.nextElementSibling.textContent) || ''])"):
            seen += 1
            digits = href.split(":", 1)[1]
            if digits not in CONFIRMED:
                wrong.append(f"/{path}: {href} (status {ALL.get(digits, 'not in data/hotlines.yml')})")
            if digits.startswith("1900") and "mất phí" not in note:
                wrong.append(f"/{path}: {href} without the cost note")
    assert seen >= 5
    assert wrong == [], "\n".join(wrong)
    assert any(status != "ok" and status != "verified" for status in ALL.values())  # the rule has a case to skip


def test_linker_skips_headings_links_and_counts():
    linker = hotlines.Linker([hotlines.Hotline("19000368", False), hotlines.Hotline("156", False)])
    html = ('<h2>Gọi 1900 0368</h2><p>Gọi 1900 0368.</p><p><a href="x">1900 0368</a></p>'
            '<p>Có 156 trang, gửi đến <strong>156</strong>.</p>')
    out = linker.apply(html)
    assert out.count('href="tel:19000368"') == 1 and "<h2>Gọi 1900 0368</h2>" in out
    assert out.count('href="tel:156"') == 1 and "Có 156 trang" in out
    assert "(gọi số 1900 mất phí)" in out
