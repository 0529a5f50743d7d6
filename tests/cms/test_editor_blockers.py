"""The editor's blockers, tried on a 360x740 phone in real Chromium as a commune staff
member would (issue 25): the local editor (decap-server on 127.0.0.1) on a COPY of the
project; each test saves through the form and looks at the files on disk."""
from __future__ import annotations

import datetime as dt
import re
import urllib.parse

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
        yield {"project": project, "proxy": proxy, "site": site, "site_dir": base / "site"}


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


def test_the_save_button_stays_in_reach_at_the_bottom_of_the_ede_column(editor, phone):
    page = phone.open(f"/collections/guides/entries/huong-dan/{GUIDE}")
    last = page.locator('.Pane2 [id^="body-field-"]').first  # the Ede text, at the very bottom
    last.scroll_into_view_if_needed()
    last.click()
    page.keyboard.type("Bản dịch thử.", delay=20)  # a translator at work: there is something to save
    assert page.locator(".Pane2").bounding_box()["y"] < 0  # the page did scroll far down
    save = page.get_by_text("Công bố", exact=True).first
    box = save.bounding_box(timeout=5000)
    assert box and 0 <= box["y"] and box["y"] + box["height"] <= 740, box
    save.click()  # reachable by a finger, nothing covers it
    expect(page.get_by_text("Công bố ngay", exact=True)).to_be_visible()


def test_an_image_over_the_size_limit_is_refused(editor, phone, tmp_path):
    from bdhvs.cms import config

    big = tmp_path / "anh-rat-lon.png"
    big.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * (config.IMAGE_MAX_BYTES + 1_000_000))
    page = phone.open(f"/collections/guides/entries/huong-dan/{GUIDE}")
    messages = []
    page.on("dialog", lambda d: (messages.append(d.message), d.accept()))
    page.locator(".Pane1").get_by_role("button", name="Thêm ảnh chụp màn hình").click()
    page.locator('input[type="file"]').set_input_files(str(big))
    for _ in range(75):  # the alert comes after the file is read
        if messages:
            break
        page.wait_for_timeout(200)
    assert messages and str(config.IMAGE_MAX_BYTES // 1000) in messages[0], messages
    assert not (editor["project"].docs / "huong-dan" / GUIDE / big.name).exists()


def test_the_published_admin_without_login_explains_the_options(editor, new_page):
    """On the published site (not 127.0.0.1) with no login configured: a Vietnamese page,
    not a login that goes to api.netlify.com and fails."""
    page = new_page(**PHONE, locale="vi-VN").page
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    site = editor["site_dir"]

    def serve(route):  # the built site, as if published at bdhvs-krong-a.example
        path = site / urllib.parse.urlparse(route.request.url).path.lstrip("/")
        path = path / "index.html" if path.is_dir() else path
        route.fulfill(path=str(path)) if path.is_file() else route.fulfill(status=404)

    page.context.route("http://bdhvs-krong-a.example/**", serve)
    page.goto("http://bdhvs-krong-a.example/admin/")
    expect(page.get_by_role("heading", name="Trình biên tập trên trang này chưa bật đăng nhập")).to_be_visible(
        timeout=WAIT)
    text = page.locator("main").inner_text()
    assert "không cần tài khoản" in text and "make cms" in text and "MỘT máy chủ đăng nhập" in text
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert not any("netlify" in url for url in requests)


ENGLISH = re.compile(r"Writing in|Fill in from|Toggle|Sync scrolling|\bExpand\b|\bCollapse\b|\bAdd\b| field\b|"
                     r"Account options|Unpublished Entries")


def test_the_side_by_side_form_speaks_vietnamese(editor, phone):
    """What is shown and what a screen reader says: no English left in the guide form."""
    page = phone.open(f"/collections/guides/entries/huong-dan/{GUIDE}")
    expect(page.get_by_text("Đang viết cột EDE", exact=False).first).to_be_attached()
    visible = page.locator("body").inner_text()
    spoken = page.locator("body").aria_snapshot()
    assert ENGLISH.findall(visible) == [] and ENGLISH.findall(spoken) == [], (
        ENGLISH.findall(visible), ENGLISH.findall(spoken))
    assert page.locator(".Pane2").get_by_role("button", name="Chép từ cột ngôn ngữ khác").count() == 1
