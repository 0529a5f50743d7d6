"""One front-matter style across the repository (issue 25): the Python writer
(content/frontstyle.py: check --fix, new, translate, inbox) and the editor's writer
(cms/frontstyle.js, Decap's `bdhvs-frontmatter` format, reading with js-yaml as /admin/
does) give the same bytes for every page of docs/ and for awkward values; `bdhvs check`
reports a page in another style (FM-STYLE, file:line, Vietnamese hint) and `--fix` rewrites
it without touching a value or the body. (Translation staleness on content:
tests/i18n/test_staleness_on_style.py.)"""
from __future__ import annotations

import datetime as dt
import json
import subprocess


from bdhvs import settings
from bdhvs.checks import data, fixes, runner
from bdhvs.cms import bundle
from bdhvs.content import frontstyle
from bdhvs.i18n import frontmatter
from bdhvs.inputs import yamlsafe
from cms_helpers import require_bundle
from conftest import ROOT

JS = ROOT / "scripts" / "bdhvs" / "cms" / "frontstyle.js"

# Node reads each page as the editor does (js-yaml, YAML 1.2 core schema; body = text after
# the closing --- line) and writes it with frontstyle.js, the order table from Python.
NODE = r"""
const fs = require('fs');
const yaml = require(process.argv[1]);
const style = require(process.argv[2]).make(JSON.parse(process.argv[3]));
const FRONT = /^---[ \t]*\r?\n((?:[\s\S]*?\n)?)---[ \t]*(?:\r?\n|$)/;
const out = {};
for (const [name, text] of Object.entries(JSON.parse(fs.readFileSync(0, 'utf8')))) {
  const m = FRONT.exec(text);
  const meta = yaml.load(m[1], { schema: yaml.CORE_SCHEMA }) || {};
  out[name] = style.join(meta, text.slice(m[0].length));
}
process.stdout.write(JSON.stringify(out));
"""


def editor_writes(texts: dict[str, str]) -> dict[str, str]:
    require_bundle()
    done = subprocess.run(
        ["node", "-e", NODE, str(bundle.NODE_MODULES / "js-yaml"), str(JS), json.dumps(frontstyle.order_table())],
        input=json.dumps(texts), capture_output=True, text=True, encoding="utf-8")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def repository_pages() -> dict[str, str]:
    return {p.relative_to(ROOT).as_posix(): p.read_text(encoding="utf-8") for p in sorted(settings.DOCS_DIR.rglob("*.md"))
            if p.read_text(encoding="utf-8").startswith("---\n")}


def test_every_page_of_docs_is_already_in_the_canonical_style():
    pages = repository_pages()
    assert len(pages) > 50
    off = [name for name, text in pages.items() if frontstyle.restyle(text).first_line]
    assert off == [], f"run `bdhvs check --fix` on: {off}"


def test_the_editor_writes_every_page_byte_for_byte_as_python_does():
    pages = repository_pages()
    written = editor_writes(pages)
    differ = [name for name in pages if written[name] != pages[name]]
    assert differ == [], f"the editor would restyle: {differ[:5]}"


AWKWARD = [
    "Bấm: Đăng nhập", "Có # ở giữa", "Kết thúc bằng hai chấm:", "yes", "No", "on", "null", "True",
    "2025", "1:20", "0x1F", "1e3", "III.4", "2026-11-25", "2026-11-25 10:00", " khoảng trắng đầu", "cuối ",
    "- gạch đầu", "[ngoặc]", "{ngoặc}", "*sao", "&và", "!chấm than", "|ống", ">lớn", "'nháy đơn'", '"nháy kép"',
    "%phần trăm", "@a", "`huyền`", "?hỏi", "dòng\nhai", "tab\tở giữa", "\u2028tách", "\ufeffBOM", "ꞌ",
    "ê̆ ô̆ ơ̆ ư̆ ƀ č ñ", "Ơ̆", "Bạn thấy: \"Đăng nhập\"", "https://dichvucong.gov.vn/p/home", "a\\b", "~", "=",
    "<<", "Nếu ... thì", "…", "Việc 1, việc 2", "xin chào #không", "ĐĂNG NHẬP",
]


def test_awkward_values_are_written_the_same_by_both_and_read_back_unchanged():
    meta = {"title": "Thử", "page_type": "guide", "prerequisites": AWKWARD, "time_minutes": 7,
            "sources": [{"note": v, "title": "t", "url": "https://a.vn"} for v in AWKWARD[:6]],
            "self_check": [{"question": "Hỏi?", "answers": [{"text": "Có", "correct": True}, {"text": "Không"}]}],
            "review": {"status": "draft", "reviewer": "", "date": None}}
    text = frontstyle.join(meta, "\n# Thử\n")
    assert editor_writes({"x": text})["x"] == text
    back = yamlsafe.parse(text.split("---\n")[1]).data
    assert back["prerequisites"] == [dt.date(2026, 11, 25) if v == "2026-11-25" else v for v in AWKWARD]
    assert back["review"] == {"status": "draft"}  # empty values are not written
    assert frontstyle.restyle(text).first_line == 0


# A guide as an editor may write it by hand: flow list, quotes, another key order.
HAND_WRITTEN = """---
title: "Thử một bài"
page_type: guide
description: 'Mô tả đủ dài để qua kiểm tra độ dài tối thiểu.'
audience: [citizens, students]
review: {status: draft}
---

# Thử một bài

1. Mở **VNeID**.
"""


def test_a_page_in_another_style_is_reported_at_its_line_and_fixed_without_changing_a_value(tmp_path):
    docs = tmp_path / "docs"
    page = docs / "vi" / "thu.md"
    page.parent.mkdir(parents=True)
    page.write_text(HAND_WRITTEN, encoding="utf-8")
    options = runner.Options(root=tmp_path, docs_dir=docs, front_style=True, style=False)
    found = [f for f in runner.check_paths([page], options) if f.code == "FM-STYLE"]
    assert [(f.line, f.code) for f in found] == [(2, "FM-STYLE")]  # title: quotes not needed
    assert "bdhvs check --fix" in found[0].hint and "kiểu chung" in found[0].hint

    fixes.fix_file(page, data.load(), root=tmp_path, docs_dir=docs)
    fixed = page.read_text(encoding="utf-8")
    assert fixed.split("---\n", 2)[2] == HAND_WRITTEN.split("---\n", 2)[2]  # body byte for byte
    assert frontmatter.split(fixed).meta == frontmatter.split(HAND_WRITTEN).meta
    assert "audience:\n  - citizens\n  - students\n" in fixed
    assert [f for f in runner.check_paths([page], options) if f.code == "FM-STYLE"] == []


def test_fixtures_outside_the_repository_docs_are_not_held_to_the_style(tmp_path):
    docs = tmp_path / "docs"
    page = docs / "vi" / "thu.md"
    page.parent.mkdir(parents=True)
    page.write_text(HAND_WRITTEN, encoding="utf-8")
    found = runner.check_paths([page], runner.Options(root=tmp_path, docs_dir=docs, style=False))
    assert "FM-STYLE" not in [f.code for f in found]
