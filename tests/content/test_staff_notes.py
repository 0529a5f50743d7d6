"""Staff notes (``!!! staff``): never on citizens' pages (one plain line instead), shown
in the preview build, listed on the editors' page, printed only in staff handouts."""
from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from bdhvs.content import staff
from bdhvs.content.guides import read_page
from bdhvs.settings import DOCS_DIR
from conftest import ROOT, StaticServer, build_site
from content_helpers import GUIDE_IDS, GUIDES, guide_url, soup
import guidesite

STAFF_CLASS = ".admonition.staff"
LINE = '[data-bdhvs="staff-line"]'
EDITOR_PAGE = "bien-tap/ghi-chu-can-bo/index.html"


def _plain(markdown: str) -> str:
    """The words a reader would see of a note's Markdown (no list marks, bold, links)."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"[*_`]|^\s*[-*]\s+|^\s*\d+\.\s+", "", text, flags=re.M)
    return " ".join(text.split())


def _notes(guide):
    _meta, body = read_page(DOCS_DIR / "vi" / guide.src)
    return staff.notes(body)


GUIDES_WITH_NOTES = [g for g in GUIDES if _notes(g)]


def _article_text(path) -> str:
    return " ".join(soup(path).select_one("article").get_text().split())


# -- the Markdown transformation -----------------------------------------------------

SAMPLE = """# Bài

1. Bước một.

    !!! staff "Cán bộ xã cần kiểm tra trước khi dạy"
        Chưa rõ tên nút.

        Còn một đoạn nữa.

2. Bước hai.

```markdown
!!! staff "Ví dụ trong khối mã"
    Viết như thế này.
```

??? staff
    Ghi chú gập lại.

## Lỗi thường gặp
"""


def test_strip_removes_every_block_and_leaves_one_line_where_the_first_was():
    out = staff.strip(SAMPLE)
    assert "Chưa rõ tên nút" not in out and "Còn một đoạn" not in out and "Ghi chú gập lại" not in out
    assert out.count(staff.CITIZEN_LINE) == 1
    # inside the list item (same indentation as the block it replaces), before step 2
    assert f"\n    {staff.CITIZEN_LINE}\n" in out and out.index(staff.CITIZEN_LINE) < out.index("2. Bước hai.")
    assert '!!! staff "Ví dụ trong khối mã"' in out  # code samples are not notes
    assert "## Lỗi thường gặp" in out and "1. Bước một." in out


def test_notes_are_read_with_title_body_and_line():
    notes = staff.notes(SAMPLE)
    assert [(n.title, n.line) for n in notes] == [("Cán bộ xã cần kiểm tra trước khi dạy", 5), ("", 17)]
    assert notes[0].body == "Chưa rõ tên nút.\n\nCòn một đoạn nữa."


def test_a_page_without_notes_is_unchanged_and_badly_written_notes_are_found():
    plain = "# Bài\n\n!!! note \"Ghi chú\"\n    Cho mọi người.\n"
    assert staff.strip(plain) == plain and staff.notes(plain) == []
    assert staff.loose_markers("1. !!! staff \"Sai chỗ\"\n    x\n") == [1]
    assert staff.loose_markers(SAMPLE) == []


# -- the real site -------------------------------------------------------------------

def test_the_guides_have_staff_notes_to_hide():
    assert len(GUIDES_WITH_NOTES) >= 5


def test_no_public_page_carries_a_staff_note(site):
    texts = [_plain(n.body)[:60] for g in GUIDES_WITH_NOTES for n in _notes(g)]
    assert all(len(t) > 20 for t in texts)
    pages = list(site.rglob("*.html"))
    assert len(pages) > 40
    for path in pages:
        html = path.read_text(encoding="utf-8")
        assert not staff.HTML_CLASS.search(html), path
        if "<article" in html:
            text = _article_text(path)
            for note in texts:
                assert note not in text, (path, note)
    assert not (site / EDITOR_PAGE).exists() and not (site / "ede" / EDITOR_PAGE).exists()


@pytest.mark.parametrize("lang", ["vi", "ede"])
@pytest.mark.parametrize("guide", GUIDES, ids=GUIDE_IDS)
def test_citizen_line_once_on_pages_that_had_notes_never_elsewhere(site, guide, lang):
    page = soup(site / guide_url(guide.slug, lang) / "index.html")
    lines = page.select(f"article {LINE}")
    assert len(lines) == (1 if _notes(guide) else 0)
    if lines:
        assert " ".join(lines[0].get_text().split()) == staff.CITIZEN_LINE


def test_pages_that_are_not_guides_have_no_citizen_line(site):
    for path in ("index.html", "hoi-dap/index.html", "thuat-ngu/index.html"):
        assert soup(site / path).select(LINE) == []


@pytest.fixture(scope="session")
def preview_site(tmp_path_factory):
    result = build_site(tmp_path_factory.mktemp("preview") / "site", env={"BDHVS_PREVIEW": "true"})
    assert result.returncode == 0, result.output
    return result.site


@pytest.mark.slow
def test_preview_build_shows_the_notes_and_the_editors_page_lists_them(preview_site):
    for guide in GUIDES_WITH_NOTES:
        page = soup(preview_site / guide_url(guide.slug) / "index.html")
        blocks = page.select(f"article {STAFF_CLASS}")
        assert len(blocks) == len(_notes(guide)), guide.slug
        assert page.select(LINE) == []
        text = _article_text(preview_site / guide_url(guide.slug) / "index.html")
        for note in _notes(guide):
            assert _plain(note.body)[:60] in text
    editors = soup(preview_site / EDITOR_PAGE)
    listed = editors.select(f"article {STAFF_CLASS}")
    assert len(listed) == sum(len(_notes(g)) for g in GUIDES_WITH_NOTES)
    linked = {a["href"].rstrip("/").rsplit("/", 1)[-1] for a in editors.select("article h2 a[href]:not(.headerlink)")}
    assert linked == {g.slug for g in GUIDES_WITH_NOTES}
    # an editors' page: out of the citizens' navigation and search
    nav = " ".join(a["href"] for a in soup(preview_site / "index.html").select("nav.md-nav--primary a[href]"))
    assert "ghi-chu-can-bo" not in nav
    assert editors.select_one('meta[name="bdhvs-build"][content="preview"]') is not None


# -- the tiny site: handouts, the marker's errors --------------------------------------

@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    base = tmp_path_factory.mktemp("staff")
    project = guidesite.make_project(base / "project")
    public = guidesite.build(project, base / "public")
    preview = guidesite.build(project, base / "preview", preview=True)
    assert public.returncode == 0, public.output
    assert preview.returncode == 0, preview.output
    return {"project": project, "public": public.site, "preview": preview.site, "base": base}


@pytest.mark.slow
def test_tiny_site_notes_in_a_list_item_and_at_top_level(tiny):
    public = _article_text(tiny["public"] / "huong-dan/co-ghi-chu/index.html")
    preview = _article_text(tiny["preview"] / "huong-dan/co-ghi-chu/index.html")
    for text in guidesite.STAFF_TEXTS:
        assert text not in public and text in preview
    assert public.count(staff.CITIZEN_LINE) == 1
    # the line sits in step 1, where the first note was
    step1 = soup(tiny["public"] / "huong-dan/co-ghi-chu/index.html").select("article ol > li")[0]
    assert step1.select_one(LINE) is not None
    assert _article_text(tiny["public"] / "huong-dan/ban-nhap/index.html").count(staff.CITIZEN_LINE) == 0


def _handouts(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "bdhvs.cli", "handouts", *map(str, args)], cwd=cwd,
                          env=dict(os.environ, PYTHONUTF8="1"), capture_output=True, text=True)


@pytest.mark.slow
def test_citizens_handouts_refuse_a_preview_build_and_staff_handouts_a_public_one(tiny, tmp_path):
    proc = _handouts("--site", tiny["preview"])
    assert proc.returncode == 2 and "bản xem trước" in proc.stderr and "Traceback" not in proc.stderr
    assert not list(tiny["preview"].rglob("*.pdf"))
    proc = _handouts("--staff", "--site", tiny["public"], "--out", tmp_path / "out")
    assert proc.returncode == 2 and "BDHVS_PREVIEW" in proc.stderr and "Traceback" not in proc.stderr
    proc = _handouts("--staff", "--site", tiny["preview"], "--out", tiny["preview"] / "x")
    assert proc.returncode == 2 and "ngoài trang" in proc.stderr


@pytest.mark.slow
@pytest.mark.browser
def test_staff_handouts_print_the_notes_outside_the_site(tiny, tmp_path, new_page):
    out = tmp_path / "can-bo"
    proc = _handouts("--staff", "--site", tiny["preview"], "--out", out)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    pdfs = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.pdf"))
    assert "tai-lieu-in/co-ghi-chu.pdf" in pdfs
    assert (out / "tai-lieu-in/co-ghi-chu.pdf").read_bytes().startswith(b"%PDF-")
    assert not list(tiny["preview"].rglob("*.pdf"))  # nothing written into the site, nothing linked
    # What the PDF is printed from: the notes are there and visible on paper...
    server = StaticServer(tiny["preview"])
    try:
        page = new_page().page
        page.goto(server.url + "huong-dan/co-ghi-chu/")
        page.emulate_media(media="print")
        notes = page.locator("article .admonition.staff")
        assert notes.count() == 2 and all(notes.nth(i).is_visible() for i in range(2))
        assert guidesite.STAFF_TEXTS[0] in page.locator("article").inner_text()
    finally:
        server.close()
    # ...and the citizens' page printed for the public handouts has none.
    public = (tiny["public"] / "huong-dan/co-ghi-chu/index.html").read_text(encoding="utf-8")
    assert all(t not in public for t in guidesite.STAFF_TEXTS)


@pytest.mark.slow
def test_a_staff_note_written_after_a_list_number_stops_the_build(tmp_path):
    project = guidesite.make_project(tmp_path / "project")
    page = project / "docs/vi/huong-dan/ban-nhap.md"
    page.write_text(page.read_text(encoding="utf-8") + '\n3. !!! staff "Sai chỗ"\n        Ghi chú.\n',
                    encoding="utf-8")
    result = guidesite.build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "vi/huong-dan/ban-nhap.md" in result.output and "!!! staff" in result.output
    assert "Traceback" not in result.output


@pytest.mark.slow
def test_the_editors_page_is_only_built_in_preview(tiny):
    assert not (tiny["public"] / EDITOR_PAGE).exists()
    assert not (tiny["public"] / "ede" / EDITOR_PAGE).exists()
    page = soup(tiny["preview"] / EDITOR_PAGE)
    assert [a.get_text(" ", strip=True) for a in page.select("article h2 a:not(.headerlink)")] == ["Hướng dẫn có ghi chú cho cán bộ"]
    assert len(page.select(f"article {STAFF_CLASS}")) == 2
