"""`bdhvs translate` output: same structure, shared media, visible "Cần dịch" blocks,
text copied exactly (Ede letters never "fixed")."""
from __future__ import annotations

import datetime as dt
import re
import unicodedata

import pytest

from bdhvs.i18n import base, frontmatter, scaffold, status
from tinysite import PAGES

VI = PAGES["vi/huong-dan/thu.md"]
DAY = dt.date(2026, 11, 20)


def make(text: str = VI) -> str:
    return scaffold.make(text, "huong-dan/thu.md", DAY)


def test_front_matter_is_copied_with_a_translation_record():
    out = frontmatter.split(make())
    vi = frontmatter.split(VI)
    for key in ("title", "description", "page_type"):
        assert out.meta[key] == vi.meta[key]
    assert out.meta["translation"] == {
        "source": "huong-dan/thu.md", "source_hash": base.source_hash(VI), "status": "draft", "date": DAY}


def test_headings_keep_level_and_anchor_and_are_marked():
    body = frontmatter.split(make()).body
    headings = [l for l in body.splitlines() if l.startswith("#")]
    assert headings == [
        "# Hướng dẫn thử { #huong-dan-thu .can-dich }",
        "## Các bước { #cac-buoc .can-dich }",
        "## Lỗi thường gặp { #loi-thuong-gap .can-dich }",
    ]


def test_numbered_steps_keep_their_numbers_and_every_paragraph_is_a_todo_block():
    body = frontmatter.split(make()).body
    steps = re.findall(r"^(\d+)\. !!! note \"Cần dịch\"$", body, re.M)
    assert steps == ["1", "2"]
    # Every Vietnamese sentence is still there, inside a "Cần dịch" block, unchanged.
    for sentence in ("Mở ứng dụng trên điện thoại.", "Bạn thấy: màn hình chính.",
                     "Chạm vào nút **Đăng nhập**.", "Không đưa mã OTP cho ai.",
                     "Đây là đoạn mở đầu. Nó có **chữ đậm** và [một liên kết](#cac-buoc)."):
        line = next(l for l in body.splitlines() if sentence in l)
        assert line.startswith("    "), line
    assert status.count_todo(body) == 10


def test_images_are_shared_not_copied():
    body = frontmatter.split(make()).body
    # Same relative path from docs/ede/huong-dan/ as from docs/vi/huong-dan/: the one file
    # in docs/huong-dan/thu/ serves both languages; the line is not a todo block.
    assert "\n![Hình minh hoạ màn hình](../../huong-dan/thu/anh.png)\n" in body


def test_ede_letters_are_kept_exactly():
    sample = "Klei blŭ: mơ\u0306ng hmư\u0306 ê\u0306 ô\u0306 ƀuôn čih ñu ĭ ŏ ŭ ĕ Ê\u0306"
    assert unicodedata.is_normalized("NFC", sample)
    vi = VI.replace("Một đoạn văn.", sample).replace("Đây là đoạn mở đầu.", sample + " Đây là đoạn mở đầu.")
    out = make(vi)
    assert sample in out
    assert unicodedata.is_normalized("NFC", out)
    assert out.count("\u0306") == vi.count("\u0306")
    # no caron look-alikes, no precomposed substitutes appeared
    assert not re.search("[\u011b\u01ce\u01d0\u01d2\u01d4\u030c]", out)


def test_source_hash_ignores_line_endings_but_not_content():
    assert base.source_hash(VI) == base.source_hash(VI.replace("\n", "\r\n"))
    assert base.source_hash(VI) != base.source_hash(VI.replace("Đăng nhập", "Đăng xuất"))


def test_scaffold_of_a_real_guide_matches_the_front_matter_schema():
    import json

    import jsonschema

    from bdhvs.content import schema
    from bdhvs.settings import DOCS_DIR

    vi = (DOCS_DIR / "vi/huong-dan/cai-dat-vneid.md").read_text(encoding="utf-8")
    meta = frontmatter.split(scaffold.make(vi, "huong-dan/cai-dat-vneid.md", DAY)).meta
    meta = json.loads(json.dumps(meta, default=str))  # YAML dates -> "YYYY-MM-DD", as the checks read them
    jsonschema.validate(meta, schema.SCHEMAS[meta["page_type"]])
    meta["translation"]["status"] = "reviewed"
    with pytest.raises(jsonschema.ValidationError, match="reviewer"):
        jsonschema.validate(meta, schema.SCHEMAS[meta["page_type"]])


def test_audio_and_video_references_stay_shared_in_their_step():
    vi = VI.replace("    Bạn thấy: màn hình chính.\n",
                    "    Bạn thấy: màn hình chính.\n\n    ![type:audio](../../huong-dan/thu/buoc-1.vi.opus)\n")
    body = frontmatter.split(make(vi)).body
    assert "\n    ![type:audio](../../huong-dan/thu/buoc-1.vi.opus)\n" in body
    step1 = body.split("1. ", 1)[1].split("2. ", 1)[0]
    assert step1.count('!!! note "Cần dịch"') == 2 and "type:audio" in step1


def test_tight_numbered_list_becomes_blocks_markdown_can_render():
    import markdown

    vi = "---\ntitle: t\n---\n\n## Cách in\n\n1. Mở hướng dẫn.\n2. Bấm **Ctrl** và **P**.\n3. Chọn khổ **A4**.\n"
    body = frontmatter.split(make(vi)).body
    html = markdown.markdown(body, extensions=["admonition", "attr_list"])
    assert "!!!" not in html
    assert html.count('<p class="admonition-title">Cần dịch</p>') == 3
    assert html.count("<li>") == 3


def test_every_real_page_scaffolds_into_renderable_todo_blocks():
    """Scaffold each Vietnamese page of the site; rendered, no "!!!" is left as text and no
    Vietnamese sentence ends up in a code block (a wrong indentation would do that)."""
    import markdown
    from bs4 import BeautifulSoup

    from bdhvs.settings import DOCS_DIR

    extensions = ["abbr", "admonition", "attr_list", "def_list", "footnotes", "md_in_html", "tables",
                  "pymdownx.superfences", "pymdownx.details", "pymdownx.tasklist"]
    vi_dir = DOCS_DIR / "vi"
    pages = sorted(vi_dir.rglob("*.md"))
    assert len(pages) >= 3
    for path in pages:
        vi = path.read_text(encoding="utf-8")
        source = path.relative_to(vi_dir).as_posix()
        html = markdown.markdown(frontmatter.split(make(vi)).body, extensions=extensions)
        page = BeautifulSoup(html, "html.parser")
        assert "!!!" not in page.get_text(), source
        vi_code = {c.get_text() for c in BeautifulSoup(markdown.markdown(frontmatter.split(vi).body,
                   extensions=extensions), "html.parser").select("pre")}
        for pre in page.select("pre"):
            assert pre.get_text() in vi_code, (source, pre.get_text()[:80])
