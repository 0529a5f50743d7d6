"""The editor's blockers, tried on a 360x740 phone in real Chromium as a commune staff
member would (issue 25): the local editor (decap-server on 127.0.0.1) on a COPY of the
project; each test saves through the form and looks at the files on disk."""
from __future__ import annotations

import datetime as dt
import re

import pytest
import yaml
from playwright.sync_api import expect

from bdhvs.cms.local import Proxy, free_port
from bdhvs.deploy.serve import SiteServer
from cms_helpers import copy_project, require_bundle
from conftest import PHONE

pytestmark = pytest.mark.browser

WAIT = 30_000
GUIDE = "bao-cao-lua-dao"  # a Vietnamese guide with no Ede translation yet


@pytest.fixture(scope="module")
def editor(tmp_path_factory):
    require_bundle()
    base = tmp_path_factory.mktemp("cms-blockers")
    project = copy_project(base / "proj")
    port = free_port()
    proxy_url = f"http://127.0.0.1:{port}/api/v1"
    built = project.build(proxy_url, dest=base / "site")
    assert built.returncode == 0, built.output
    with Proxy(project.root, port=port) as proxy, SiteServer(base / "site") as site:
        yield {"project": project, "proxy": proxy, "site": site}


@pytest.fixture
def phone(editor, new_page):
    page = new_page(**PHONE, locale="vi-VN").page
    page.set_default_timeout(WAIT)

    def open_(route: str):
        page.goto(editor["site"].url + "admin/#" + route)
        login = page.get_by_role("button", name="Đăng nhập")
        title = page.locator('.Pane1 [id^="title-field-"]').first
        title.or_(login).first.wait_for()
        if login.is_visible():
            login.click()
        expect(title).not_to_have_value("", timeout=WAIT)
        return page

    page.open = open_
    return page


def publish(page):
    page.get_by_text("Công bố", exact=True).click()
    page.get_by_text("Công bố ngay", exact=True).click()


def front_matter(path):
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n", 2)[1])


def type_into(page, field, text: str):
    """As a person does: tap the box, select what is there, type on the keyboard."""
    field.click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    page.keyboard.type(text, delay=30)


def wait_saved(page):
    expect(page.get_by_text(re.compile("đã được lưu", re.I)).first).to_be_visible(
        timeout=WAIT)


def test_dates_typed_day_month_year_or_iso_are_stored_as_typed(editor, phone):
    vi_file = editor["project"].docs / "vi" / "huong-dan" / f"{GUIDE}.md"
    day = dt.date.today() - dt.timedelta(days=3)
    page = phone.open(f"/collections/guides/entries/huong-dan/{GUIDE}")
    dates = page.locator('.Pane1 [id^="date-field-"]')
    type_into(page, page.locator('.Pane1 [id^="last_reviewed-field-"]').first, day.strftime("%d/%m/%Y"))
    type_into(page, dates.first, day.isoformat())  # the first source's "read on" date, typed ISO
    publish(page)
    wait_saved(page)
    meta = front_matter(vi_file)
    assert meta["last_reviewed"] == day and meta["sources"][0]["date"] == day


def test_a_date_in_the_future_or_before_2020_is_refused_in_the_form(editor, phone):
    vi_file = editor["project"].docs / "vi" / "huong-dan" / f"{GUIDE}.md"
    before = vi_file.read_bytes()
    page = phone.open(f"/collections/guides/entries/huong-dan/{GUIDE}")
    type_into(page, page.locator('.Pane1 [id^="last_reviewed-field-"]').first, "25/11/1902")
    publish(page)
    expect(page.get_by_text("Ngày trước năm 2020", exact=False).first).to_be_visible()
    assert vi_file.read_bytes() == before


def test_saving_a_guide_nobody_translated_writes_no_ede_file(editor, phone):
    docs = editor["project"].docs
    vi_file, ede_file = docs / "vi" / "huong-dan" / f"{GUIDE}.md", docs / "ede" / "huong-dan" / f"{GUIDE}.md"
    page = phone.open(f"/collections/guides/entries/huong-dan/{GUIDE}")
    before = vi_file.read_text(encoding="utf-8")
    field = page.locator('.Pane1 [id^="time_minutes-field-"]').first
    type_into(page, field, "7")
    publish(page)
    wait_saved(page)
    assert "time_minutes: 7" in vi_file.read_text(encoding="utf-8") != before
    assert not ede_file.exists(), f"an Ede file nobody wrote: {ede_file.read_bytes()[:40]!r}"


def test_the_translator_form_offers_no_reviewed_status(editor, phone):
    page = phone.open(f"/collections/guides/entries/huong-dan/{GUIDE}")
    status = page.locator('.Pane2 [id^="status-field-"]').nth(1)  # review.status, then translation.status
    status.scroll_into_view_if_needed()
    status.click()
    expect(page.get_by_text("Bản nháp (chưa duyệt, không hiện cho bà con)", exact=True)).to_be_visible()
    assert page.get_by_text("Đã duyệt (hiện cho bà con)", exact=True).count() == 0
