"""End to end, offline, in real Chromium: the editor at /admin/ with the local backend
(decap-server on 127.0.0.1) on a COPY of the project. A commune editor creates a guide
through the form, adds a source and a screenshot; a translator fills the Ede column side
by side; a reviewer marks the guide reviewed. After each step the files on disk pass
`bdhvs check`, the copy builds with `mkdocs build --strict`, and the built pages show
what a reader would see."""
from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import expect

from bdhvs.cms.local import Proxy, free_port
from bdhvs.content import glossary
from bdhvs.deploy.serve import SiteServer
from cms_helpers import RECORD_CSP, copy_project, csp_violations, require_bundle, screenshot_png

pytestmark = pytest.mark.browser

SLUG = "thu-trinh-bien-tap"  # Decap's slug of the title below
TITLE = "Thử trình biên tập"
ROLE = "Cán bộ Công an xã"
WAIT = 30_000  # ms: generous, the machine is shared


def wait_for(predicate, what: str, timeout: float = 30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n"), text[:200]
    return yaml.safe_load(text.split("---\n", 2)[1])


@pytest.fixture(scope="module")
def editor(tmp_path_factory):
    require_bundle()
    base = tmp_path_factory.mktemp("cms")
    project = copy_project(base / "proj")
    port = free_port()
    proxy_url = f"http://127.0.0.1:{port}/api/v1"
    built = project.build(proxy_url, dest=base / "site")
    assert built.returncode == 0, built.output
    with Proxy(project.root, port=port) as proxy, SiteServer(base / "site") as site:
        yield {"project": project, "proxy": proxy, "site": site, "base": base, "proxy_url": proxy_url}


@pytest.fixture
def admin(editor, new_page):
    rec = new_page(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    rec.context.add_init_script(RECORD_CSP)  # the server sends the /admin/ policy (deploy/headers.py)
    page = rec.page
    page.set_default_timeout(WAIT)
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    rec.errors = errors

    def open_(route: str):
        page.goto("about:blank")
        page.goto(editor["site"].url + "admin/#" + route)
        login = page.get_by_role("button", name="Đăng nhập")  # the local backend needs no password
        page.locator('[id^="title-field-"]').or_(login).first.wait_for()
        if login.is_visible():
            login.click()
        page.locator('[id^="title-field-"]').first.wait_for()
        return page

    rec.open = open_
    return rec


def column(page, prefix: str, pane: str, k: int = 0):
    """The k-th field named ``prefix`` in one column of the side-by-side form."""
    return page.locator(pane).locator(f'[id^="{prefix}-field-"]').nth(k)


def publish(page):
    page.get_by_text("Công bố", exact=True).click()
    page.get_by_text("Công bố ngay", exact=True).click()


def rebuild(editor, name: str):
    dest = editor["base"] / name
    built = editor["project"].build(editor["proxy_url"], dest=dest)
    assert built.returncode == 0, built.output
    return dest


def check_copy(editor, *paths: Path):
    """What the editor wrote passes `bdhvs check` with zero errors (the rest of the content
    is the real content's business: tests/checks/test_real_content.py)."""
    result = editor["project"].check(*paths)
    assert result.returncode == 0, result.stdout + result.stderr


def test_create_guide_with_source_and_image_then_translate_and_review(editor, admin):
    project, page = editor["project"], admin.open("/collections/new_guides/new")
    vi_file = project.docs / "vi" / "huong-dan" / f"{SLUG}.md"
    ede_file = project.docs / "ede" / "huong-dan" / f"{SLUG}.md"
    assert not vi_file.exists()

    # 1. A new guide through the form: every required field, one source.
    field = lambda prefix: page.locator(f'[id^="{prefix}-field-"]').first  # noqa: E731
    field("title").fill(TITLE)
    field("description").fill("Trang thử nghiệm tạo bằng trình biên tập trên trình duyệt.")
    field("audience").click()
    page.get_by_text("Người dân", exact=True).click()
    page.keyboard.press("Escape")
    field("platform").click()
    page.get_by_text("VNeID", exact=True).click()
    field("plan_task").fill("III.4")
    field("time_minutes").fill("10")
    page.get_by_role("button", name="thứ cần chuẩn bị").click()
    field("item").fill("Điện thoại có Internet.")
    page.get_by_role("button", name="nguồn").click()
    page.locator('[id^="title-field-"]').nth(1).fill("Hướng dẫn cài đặt VNeID")
    field("url").fill("https://vneid.gov.vn/")
    field("publisher").fill("Bộ Công an")
    page.locator('[id^="date-field-"]').first.fill("2026-11-20")
    field("last_reviewed").fill("2026-11-25")
    field("body").fill("Trang này giúp bạn thử trình biên tập.\n\n## Các bước\n\n1. Mở ứng dụng **VNeID**.\n")
    publish(page)
    page.wait_for_url(f"**/entries/{SLUG}")
    meta = wait_for(lambda: vi_file.exists() and front_matter(vi_file), "the new guide on disk")
    assert meta["page_type"] == "guide" and meta["audience"] == ["citizens"] and meta["platform"] == "vneid"
    assert meta["review"] == {"status": "draft"}
    assert meta["sources"] == [{"title": "Hướng dẫn cài đặt VNeID", "url": "https://vneid.gov.vn/",
                                "publisher": "Bộ Công an", "date": dt.date(2026, 11, 20)}]
    assert not ede_file.exists(), "an Ede file appears only when a translator starts one"

    # 2. A screenshot, uploaded into the guide's own media folder, linked from the body.
    png = screenshot_png(editor["base"] / "buoc-1.png")
    page.get_by_role("button", name="Thêm ảnh chụp màn hình").click()
    page.locator('input[type="file"]').set_input_files(str(png))
    page.get_by_role("button", name="Lấy những cái đã chọn").click()
    expected_link = f"../../huong-dan/{SLUG}/buoc-1.png"
    body = field("body").input_value()
    assert body.endswith(f"![VIẾT mô tả ảnh: màn hình gì, nút nào]({expected_link})\n")
    field("body").fill(body.replace("VIẾT mô tả ảnh: màn hình gì, nút nào", "Màn hình chính của ứng dụng"))
    publish(page)
    image = project.docs / "huong-dan" / SLUG / "buoc-1.png"
    wait_for(lambda: image.exists() and expected_link in vi_file.read_text(encoding="utf-8"), "the screenshot saved")
    assert image.read_bytes() == png.read_bytes()
    check_copy(editor, vi_file, image.parent)
    site = rebuild(editor, "site-created")
    html = (site / "huong-dan" / SLUG / "index.html").read_text(encoding="utf-8")
    assert TITLE in html and 'data-bdhvs="draft-notice"' in html
    assert 'alt="Màn hình chính của ứng dụng"' in html and 'src="buoc-1.webp"' in html  # rendered, small
    assert (site / "huong-dan" / SLUG / "buoc-1.webp").is_file()

    # 3. The translator: Vietnamese left, Ede right; the Ede column starts from the Vietnamese.
    # A fresh start of the editor on the guide, as a translator opening it (docs-dev/cms.md:
    # moving from a just-created guide to its side-by-side view in the SAME session is not
    # reliable in Decap 3.16.3 — reload the editor first).
    page = admin.open(f"/collections/guides/entries/huong-dan/{SLUG}")
    vi = lambda prefix, k=0: column(page, prefix, ".Pane1", k)  # noqa: E731  (Vietnamese, left)
    ede = lambda prefix, k=0: column(page, prefix, ".Pane2", k)  # noqa: E731  (Ede, right)
    expect(page.locator('[id^="title-field-"]').first).to_have_value(TITLE, timeout=WAIT)
    expect(ede("title")).to_have_value("")
    expect(page.get_by_text("Đang viết cột EDE")).to_be_visible()  # the Ede column, beside the Vietnamese
    page.locator(".Pane2").get_by_role("button", name="Chép từ cột ngôn ngữ khác").click()
    dialogs = []
    page.once("dialog", lambda d: (dialogs.append(d.message), d.accept()))  # "copy the Vietnamese over?"
    page.get_by_role("menuitem", name="vi").click()
    expect(ede("title")).to_have_value(TITLE)
    ede("source").fill(f"huong-dan/{SLUG}.md")
    ede("status", 1).click()
    page.get_by_text("Bản nháp (chưa duyệt, không hiện cho bà con)", exact=True).click()
    ede("translator").fill("Giáo viên tiếng Êđê")
    publish(page)
    ede_meta = wait_for(lambda: ede_file.exists() and front_matter(ede_file), "the Ede file")
    assert ede_meta["translation"]["status"] == "draft"
    assert ede_meta["translation"]["source"] == f"huong-dan/{SLUG}.md"
    assert ede_meta["title"] == TITLE and ede_meta["sources"] == meta["sources"]
    check_copy(editor, vi_file, ede_file)
    site = rebuild(editor, "site-translated")
    ede_html = (site / "ede" / "huong-dan" / SLUG / "index.html").read_text(encoding="utf-8")
    assert 'data-bdhvs="fallback-content"' in ede_html, "an unreviewed translation is never published"

    # 4. The reviewer marks the steps checked in the real app: the draft notice goes.
    vi("status").click()
    page.get_by_text("Đã kiểm tra trong ứng dụng thật", exact=True).click()
    vi("reviewer").fill(ROLE)
    vi("date", 1).fill("2026-12-01")  # sources[0].date, then review.date
    publish(page)
    wait_for(lambda: front_matter(vi_file)["review"].get("status") == "reviewed", "the review saved")
    assert front_matter(vi_file)["review"] == {"status": "reviewed", "reviewer": ROLE,
                                                "date": dt.date(2026, 12, 1)}
    check_copy(editor, vi_file, ede_file)
    site = rebuild(editor, "site-reviewed")
    html = (site / "huong-dan" / SLUG / "index.html").read_text(encoding="utf-8")
    assert 'data-bdhvs="draft-notice"' not in html
    assert ROLE in html and 'data-bdhvs="reviewed-note"' in html
    assert admin.errors == [] and csp_violations(page) == []


def test_side_by_side_form_fits_a_phone(editor, new_page):
    """On a 360 px phone the Vietnamese and Ede columns are stacked, nothing scrolls sideways."""
    from conftest import PHONE

    rec = new_page(**PHONE, locale="vi-VN")
    page = rec.page
    page.set_default_timeout(WAIT)
    page.goto(editor["site"].url + "admin/#/collections/guides/entries/huong-dan/cai-dat-vneid")
    login = page.get_by_role("button", name="Đăng nhập")
    page.locator('[id^="title-field-"]').or_(login).first.wait_for()
    if login.is_visible():
        login.click()
    expect(page.locator('.Pane1 [id^="title-field-"]').first).not_to_have_value("", timeout=WAIT)
    vi_box, ede_box = page.locator(".Pane1").bounding_box(), page.locator(".Pane2").bounding_box()
    assert vi_box["width"] <= 360 and ede_box["width"] <= 360
    assert ede_box["y"] >= vi_box["y"] + vi_box["height"] - 1  # Ede below Vietnamese
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_glossary_term_added_through_the_form_is_explained_on_the_site(editor, admin):
    """data/glossary.yml is editable in the form (its list sits under `terms:`); a new term
    with its source lands in the file, nothing else is lost, `bdhvs check` passes and the
    build's own glossary loader (content/glossary.py, which feeds the Thuật ngữ page and the
    tooltips) reads the new term. (The copy's site build reads data/ of the repository
    itself — settings.DATA_DIR — so the page is not rebuilt from the copy here.)"""
    project, page = editor["project"], admin.page
    glossary_file = project.root / "data" / "glossary.yml"
    before = yaml.safe_load(glossary_file.read_text(encoding="utf-8"))["terms"]
    page.goto("about:blank")
    page.goto(editor["site"].url + "admin/#/collections/data/entries/glossary")
    login = page.get_by_role("button", name="Đăng nhập")
    add = page.get_by_role("button", name="thuật ngữ")
    login.or_(add).first.wait_for()
    if login.is_visible():
        login.click()
    add.first.click()
    term = "ứng dụng thử nghiệm"
    page.locator('[id^="term-field-"]').last.fill(term)
    page.locator('[id^="definition-field-"]').last.fill("Ứng dụng dùng để thử trình biên tập, không dùng thật.")
    page.locator('[id^="title-field-"]').last.fill("Hướng dẫn cài đặt VNeID")
    page.locator('[id^="url-field-"]').last.fill("https://vneid.gov.vn/")
    page.locator('[id^="ede_status-field-"]').last.click()
    page.get_by_text("wanted", exact=True).last.click()
    publish(page)
    # decap-server rewrites the file in place: a read between truncate and write sees it empty
    terms = wait_for(lambda: (lambda t: t if len(t) == len(before) + 1 else None)(
        (yaml.safe_load(glossary_file.read_text(encoding="utf-8")) or {}).get("terms") or []), "the new term saved")
    new = next(t for t in terms if t["term"] == term)
    assert new["source"] == {"title": "Hướng dẫn cài đặt VNeID", "url": "https://vneid.gov.vn/"}
    assert [t["term"] for t in terms if t["term"] != term] == [t["term"] for t in before]  # nothing lost
    check_copy(editor, glossary_file)
    loaded = {t.term: t for t in glossary.load(glossary_file)}
    assert loaded[term].source_url == "https://vneid.gov.vn/" and len(loaded) == len(before) + 1
    assert admin.errors == [] and csp_violations(page) == []
