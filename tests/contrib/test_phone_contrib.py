"""Contribution from a phone, end to end: the contributors' pages in a real Chromium at
360×740 (fake camera and microphone), the package they download, `bdhvs inbox` turning it
into a branch and a commit in a temporary git repository (copy of a fixture project)."""
from __future__ import annotations

import io
import json
import random
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image, PngImagePlugin

from bdhvs.browser import CHROMIUM, CHROMIUM_ARGS
from bdhvs.deploy.serve import SiteServer  # the production headers (CSP, Permissions-Policy)
from conftest import PHONE, RecordingPage
import contrib_site

FAKE_MEDIA = ["--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream"]
ROLE = "Cán bộ Công an xã"
SECRET = (50, 50, 150, 100)  # where the screenshot shows "personal data" (noise)


def inbox(package: Path, project: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "bdhvs.cli", "inbox", str(package), "--root", str(project)],
                          capture_output=True, text=True)


def branches(project: Path) -> list[str]:
    return contrib_site.git(project, "branch", "--format=%(refname:short)").split()


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    base = tmp_path_factory.mktemp("contrib")
    return contrib_site.make_project(base / "project")


@pytest.fixture(scope="module")
def server(project, tmp_path_factory):
    build = contrib_site.build(project, tmp_path_factory.mktemp("contrib-site") / "site")
    assert build.returncode == 0, build.output
    srv = SiteServer(build.site)
    yield srv
    srv.close()


@pytest.fixture(scope="module")
def phone(playwright):
    chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS + FAKE_MEDIA, headless=True)
    context = chromium.new_context(**PHONE, locale="vi-VN", accept_downloads=True, permissions=["microphone"])
    recording = RecordingPage(context)
    recording.page.on("console", lambda m: m.type in ("error", "warning") and recording.console_errors.append(m.text))
    yield recording
    context.close()
    chromium.close()


def screenshot_with_secret(path: Path) -> Path:
    """A 'screenshot' whose SECRET area is noise, with a text chunk (metadata) naming a person."""
    image = Image.new("RGB", (300, 200), (230, 240, 250))
    rnd = random.Random(7)
    for x in range(SECRET[0], SECRET[2]):
        for y in range(SECRET[1], SECRET[3]):
            image.putpixel((x, y), (rnd.randrange(256), rnd.randrange(256), rnd.randrange(256)))
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Nguyen Van A")
    image.save(path, "PNG", pnginfo=info)
    return path


def drag(page, canvas, start, end, natural=(300, 200)):
    """A finger drawing a box: touch events through the DevTools protocol (as a phone sends)."""
    canvas.scroll_into_view_if_needed()
    box = canvas.bounding_box()
    sx, sy = box["width"] / natural[0], box["height"] / natural[1]
    cdp = page.context.new_cdp_session(page)

    def touch(kind, x, y):
        points = [] if kind == "touchEnd" else [{"x": box["x"] + x * sx, "y": box["y"] + y * sy}]
        cdp.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": points})

    touch("touchStart", *start)
    for k in range(1, 6):
        touch("touchMove", start[0] + (end[0] - start[0]) * k / 5, start[1] + (end[1] - start[1]) * k / 5)
    touch("touchEnd", *end)
    cdp.detach()


def download_package(page, tmp_path: Path) -> Path:
    page.get_by_role("button", name="Tạo gói góp ý").click()
    link = page.get_by_role("link", name="Tải gói về máy")
    link.wait_for()
    with page.expect_download() as info:
        link.click()
    target = tmp_path / info.value.suggested_filename
    info.value.save_as(target)
    return target


def test_staff_review_with_redacted_screenshot_becomes_a_commit(project, server, phone, tmp_path):
    page = phone.page
    page.goto(server.url + "bien-tap/kiem-tra-tung-buoc/")
    page.get_by_label("Bài hướng dẫn").select_option("thu")
    step1 = page.locator('[data-step="1"]')
    step1.get_by_label("Màn hình giống").check()
    step2 = page.locator('[data-step="2"]')
    step2.get_by_label("Màn hình khác").check()
    step2.get_by_label("Màn hình thật ghi gì (nếu khác)").fill("Nút ghi là Đăng nhập bằng tài khoản định danh")
    step2.locator('input[type="file"]').set_input_files(str(screenshot_with_secret(tmp_path / "anh.png")))
    canvas = step2.locator("canvas")
    canvas.wait_for(state="visible")
    drag(page, canvas, (40, 40), (160, 110))
    page.get_by_label("Vai trò của bạn").fill(ROLE)
    page.screenshot(path=str(tmp_path / "review-360.png"), full_page=True)
    package = download_package(page, tmp_path)
    assert phone.third_party(server.url.rstrip("/")) == []

    data = json.loads(package.read_text(encoding="utf-8"))
    assert data["kind"] == "review" and data["steps"][1]["image"]["boxes"]
    head = contrib_site.git(project, "rev-parse", "HEAD")
    result = inbox(package, project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Đã tạo nhánh" in result.stdout
    branch = next(b for b in branches(project) if b.startswith("gop-y/review-thu-"))
    # The editor's own checkout is untouched; the change is one commit on the branch.
    assert contrib_site.git(project, "rev-parse", "HEAD") == head
    assert contrib_site.git(project, "status", "--porcelain") == ""
    guide = contrib_site.git(project, "show", f"{branch}:docs/vi/huong-dan/thu.md")
    assert f"  reviewer: {ROLE}\n" in guide and "  status: draft\n" in guide
    assert guide.replace(f"  reviewer: {ROLE}\n", "").replace(f"  date: {data['date']}\n", "") == \
        contrib_site.GUIDE  # every other byte kept
    files = contrib_site.git(project, "show", "--name-only", "--format=", branch).split()
    image_path = next(f for f in files if f.endswith("buoc-2.png"))
    blob = subprocess.run(["git", "-C", str(project), "show", f"{branch}:{image_path}"], capture_output=True).stdout
    committed = Image.open(io.BytesIO(blob))
    assert "Author" not in committed.info and not committed.getexif()
    # The image was scaled to the phone's export size: find the secret area in it.
    scale = committed.width / 300
    region = committed.convert("RGB").crop(tuple(round(v * scale) for v in SECRET))
    assert region.getcolors() is not None and len(region.getcolors()) == 1, "the original pixels under the box are still there"
    assert "màn hình khác" in contrib_site.git(project, "show", f"{branch}:{image_path.rsplit('/', 1)[0]}/README.md")


def test_ede_text_and_recording_land_as_drafts_not_published(project, server, phone, tmp_path):
    page = phone.page
    page.goto(server.url + "bien-tap/dich-tieng-ede/")
    page.get_by_label("Bài hướng dẫn").select_option("thu")
    step = page.locator('[data-step="1"]')
    area = step.get_by_label("Tiếng Êđê")
    area.fill("Bản thử ")
    step.get_by_role("button", name="Thêm chữ ŏ").click()
    assert area.input_value() == "Bản thử ŏ"
    step.get_by_role("button", name="Ghi âm bước 1").click()
    page.get_by_role("button", name="Dừng ghi âm").wait_for()
    page.wait_for_timeout(1500)
    page.get_by_role("button", name="Dừng ghi âm").click()
    step.locator("audio").wait_for(state="visible")
    page.get_by_label("Vai trò của bạn").fill("Giáo viên tiếng Êđê")
    page.screenshot(path=str(tmp_path / "ede-360.png"), full_page=True)
    package = download_package(page, tmp_path)
    assert phone.third_party(server.url.rstrip("/")) == []

    result = inbox(package, project)
    assert result.returncode == 0, result.stdout + result.stderr
    branch = next(b for b in branches(project) if b.startswith("gop-y/ede-thu-"))
    ede = contrib_site.git(project, "show", f"{branch}:docs/ede/huong-dan/thu.md")
    assert "status: draft" in ede and "1. Bản thử ŏ" in ede
    transcript = contrib_site.git(project, "show", f"{branch}:docs/huong-dan/thu/buoc-1.ede.txt")
    assert transcript.strip() == "Bản thử ŏ"
    # The recording is the step's Ede clip, in the site's audio format (Ogg Opus, mono).
    work = tmp_path / "checkout"
    contrib_site.git(project, "worktree", "add", "-q", str(work), branch)
    try:
        from bdhvs.media import audio
        clip = work / "docs/huong-dan/thu/buoc-1.ede.opus"
        assert audio.check(clip, root=work) == []
        assert (audio.duration(clip) or 0) > 0.5
        # Built for citizens: the Ede page is not published (the Vietnamese text is served).
        built = contrib_site.build(work, tmp_path / "site")
        assert built.returncode == 0, built.output
        public = (tmp_path / "site" / "ede" / "huong-dan" / "thu" / "index.html").read_text(encoding="utf-8")
        assert "Bạn thấy: màn hình đăng nhập." in public  # the Vietnamese page, with the fallback notice
        assert "Bản thử" not in public
        # The same draft IS there in a preview build: the text landed, it is only held back.
        preview = contrib_site.build(work, tmp_path / "preview", preview=True)
        assert preview.returncode == 0, preview.output
        assert "Bản thử ŏ" in (tmp_path / "preview" / "ede" / "huong-dan" / "thu" / "index.html").read_text(encoding="utf-8")
    finally:
        contrib_site.git(project, "worktree", "remove", "--force", str(work))


def test_feedback_page_makes_a_note(project, server, phone, tmp_path):
    page = phone.page
    page.goto(server.url + "bien-tap/gop-y/")
    phone.context.set_offline(True)  # the village has no signal any more: the page still works
    try:
        page.get_by_label("Bài hướng dẫn").select_option("thu")
        page.get_by_label("Loại góp ý").select_option("lien-ket-hong")
        page.get_by_label("Bạn thấy gì").fill("Liên kết ở bước 2 không mở được.")
        page.screenshot(path=str(tmp_path / "feedback-360.png"), full_page=True)
        package = download_package(page, tmp_path)
    finally:
        phone.context.set_offline(False)
    result = inbox(package, project)
    assert result.returncode == 0, result.stdout + result.stderr
    branch = next(b for b in branches(project) if b.startswith("gop-y/feedback-thu-"))
    files = contrib_site.git(project, "show", "--name-only", "--format=", branch).split()
    assert len(files) == 1 and files[0].startswith("gop-y/")
    assert "Liên kết không mở được" in contrib_site.git(project, "show", f"{branch}:{files[0]}")


def test_citizen_pages_do_not_load_the_contributors_script(server, phone):
    phone.requests.clear()
    phone.page.goto(server.url + "huong-dan/thu/")
    assert not [u for u in phone.requests if "contrib" in u]
    phone.page.goto(server.url + "bien-tap/gop-y/")
    assert [u for u in phone.requests if u.endswith("contrib.js")]


def test_phone_handout_prints_on_one_a4_page(server, phone):
    import re

    page = phone.context.new_page()
    try:
        page.goto(server.url + "bien-tap/gop-y-bang-dien-thoai/")
        page.emulate_media(media="print")
        pdf = page.pdf(format="A4", print_background=False)
    finally:
        page.close()
    assert len(re.findall(rb"/Type\s*/Page(?!s)", pdf)) == 1


def test_phone_refuses_a_package_over_5_mb(server, phone, tmp_path):
    import os

    noise = Image.frombytes("RGB", (1600, 1600), os.urandom(1600 * 1600 * 3))  # does not compress
    noise.save(tmp_path / "to.png")
    page = phone.page
    page.goto(server.url + "bien-tap/kiem-tra-tung-buoc/")
    page.get_by_label("Bài hướng dẫn").select_option("thu")
    step = page.locator('[data-step="1"]')
    step.get_by_label("Màn hình giống").check()
    step.locator('input[type="file"]').set_input_files(str(tmp_path / "to.png"))
    step.locator("canvas").wait_for(state="visible")
    page.get_by_label("Vai trò của bạn").fill(ROLE)
    page.get_by_role("button", name="Tạo gói góp ý").click()
    status = page.get_by_role("status")
    status.filter(has_text="quá 5 MB").wait_for(timeout=60_000)
    assert page.get_by_role("link", name="Tải gói về máy").count() == 0


# Web Share, as a phone offers it (Android Chrome: Zalo, e-mail): the test stands in for the
# share sheet and keeps the File objects the page hands over.
SHARE_SHEET = """
window.__shared = [];
Object.defineProperty(Navigator.prototype, 'canShare', {configurable: true,
  value: function (data) { return !!(data && data.files && data.files.length); }});
Object.defineProperty(Navigator.prototype, 'share', {configurable: true,
  value: function (data) {
    return Promise.all(data.files.map(function (f) { return f.text(); })).then(function (texts) {
      window.__shared.push({title: data.title, files: data.files.map(function (f, i) {
        return {name: f.name, type: f.type, size: f.size, text: texts[i]}; })});
    });
  }});
"""
NO_SHARE = "delete Navigator.prototype.share; delete Navigator.prototype.canShare;"


def fill_review(page, server):
    page.goto(server.url + "bien-tap/kiem-tra-tung-buoc/")
    page.get_by_label("Bài hướng dẫn").select_option("thu")
    page.locator('[data-step="1"]').get_by_label("Màn hình giống").check()
    page.get_by_label("Vai trò của bạn").fill(ROLE)
    page.get_by_role("button", name="Tạo gói góp ý").click()
    page.get_by_role("link", name="Tải gói về máy").wait_for()


def test_the_package_goes_to_the_share_sheet_as_one_text_file(server, new_page):
    phone_page = new_page(**PHONE, locale="vi-VN", accept_downloads=True)
    page = phone_page.page
    page.add_init_script(SHARE_SHEET)
    fill_review(page, server)
    page.get_by_role("button", name="Gửi qua Zalo, thư…").click()
    page.wait_for_function("window.__shared.length === 1")
    shared = page.evaluate("window.__shared")[0]
    [file] = shared["files"]
    assert file["name"].startswith("gop-y-review-thu-") and file["name"].endswith(".txt")
    assert file["type"] == "text/plain" and shared["title"] == file["name"]
    data = json.loads(file["text"])
    assert data["kind"] == "review" and data["guide"] == "thu" and data["role"] == ROLE
    assert [(s["step"], s["result"]) for s in data["steps"]] == [(1, "giong")]
    with page.expect_download() as info:  # the same package can still be saved on the phone
        page.get_by_role("link", name="Tải gói về máy").click()
    assert Path(info.value.path()).read_text(encoding="utf-8") == file["text"]
    assert phone_page.third_party(server.url.rstrip("/")) == []


def test_without_web_share_the_page_offers_the_download_only(server, new_page, tmp_path):
    page = new_page(**PHONE, locale="vi-VN", accept_downloads=True).page
    page.add_init_script(NO_SHARE)
    fill_review(page, server)
    assert page.evaluate("typeof navigator.share") == "undefined"
    expect_no_share = page.get_by_role("button", name="Gửi qua Zalo, thư…")
    assert expect_no_share.count() == 0
    with page.expect_download() as info:
        page.get_by_role("link", name="Tải gói về máy").click()
    data = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    assert data["kind"] == "review" and data["steps"][0]["result"] == "giong"


# The microphone and blob: media are allowed on the contributors' pages only (headers.py
# CONTRIB_PATHS; the test server sends the production headers, nginx too: tests/classroom).
ASK_MICROPHONE = """() => navigator.mediaDevices.getUserMedia({audio: true})
  .then((s) => { s.getTracks().forEach((t) => t.stop()); return 'allowed'; }, (e) => e.name)"""
PLAY_BLOB = """() => new Promise((resolve) => {
  document.addEventListener('securitypolicyviolation', (e) => resolve('blocked ' + e.violatedDirective));
  const audio = new Audio(URL.createObjectURL(new Blob([new Uint8Array(64)], {type: 'audio/ogg'})));
  audio.addEventListener('error', () => setTimeout(() => resolve('loaded-or-decode-error'), 300));
  audio.load();
  setTimeout(() => resolve('nothing'), 3000);
})"""


def test_microphone_and_blob_media_only_on_the_contributors_pages(server, phone):
    page = phone.page  # fake microphone, permission granted to the site
    page.goto(server.url + "bien-tap/dich-tieng-ede/")
    assert page.evaluate(ASK_MICROPHONE) == "allowed"
    assert page.evaluate(PLAY_BLOB) == "loaded-or-decode-error"  # fetched: media-src allows blob:
    for citizen in ("huong-dan/thu/", ""):
        page.goto(server.url + citizen)
        assert page.evaluate(ASK_MICROPHONE) == "NotAllowedError", citizen  # Permissions-Policy microphone=()
        assert page.evaluate(PLAY_BLOB) == "blocked media-src", citizen
