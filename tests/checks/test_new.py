"""`bdhvs new <slug>`: a scaffold that validates against the guide schema and that the
checks accept except for the placeholder source, which an editor must replace."""
from __future__ import annotations

import datetime as dt

import pytest

from bdhvs.checks import frontmatter, runner
from bdhvs.checks.source import load
from bdhvs.commands import new


def test_scaffold_creates_guide_media_folder_and_ede_stub(tmp_path):
    docs = tmp_path / "docs"
    (docs / "vi" / "huong-dan").mkdir(parents=True)
    (docs / "vi" / "huong-dan" / "index.md").write_text("---\ntitle: x\n---\n", encoding="utf-8")
    created = new.scaffold("dang-ky-thu", docs, today=dt.date(2026, 11, 25))
    rel = sorted(p.relative_to(docs).as_posix() for p in created)
    assert rel == ["ede/huong-dan/dang-ky-thu.md", "huong-dan/dang-ky-thu/README.txt", "vi/huong-dan/dang-ky-thu.md"]

    doc, problems = load(docs / "vi/huong-dan/dang-ky-thu.md", root=tmp_path, docs_dir=docs)
    assert problems == [] and frontmatter.check(doc) == []
    assert doc.meta["review"] == {"status": "draft"} and doc.meta["last_reviewed"] == "2026-11-25"
    for heading in ("## Bạn cần chuẩn bị", "## Các bước", "## Lỗi thường gặp", "## An toàn", "## Hướng dẫn liên quan"):
        assert heading in doc.text

    findings = runner.check_paths([docs / "vi/huong-dan/dang-ky-thu.md"], runner.Options(root=tmp_path, docs_dir=docs))
    # the placeholder source, and the reminder to write the self-check (a warning: questions are
    # written from the finished guide, never by the template)
    assert [(f.line, f.code) for f in findings] == [(1, "GUIDE-NO-SELFCHECK"), (15, "URL-DOMAIN")]
    # written in the repository's one front-matter style, Ede stub too (no FM-STYLE)
    styled = runner.Options(root=tmp_path, docs_dir=docs, front_style=True)
    both = [docs / "vi/huong-dan/dang-ky-thu.md", docs / "ede/huong-dan/dang-ky-thu.md"]
    assert [f for f in runner.check_paths(both, styled) if f.code == "FM-STYLE"] == []

    ede, problems = load(docs / "ede/huong-dan/dang-ky-thu.md", root=tmp_path, docs_dir=docs)
    assert problems == [] and ede.meta["translation"] == {"source": "huong-dan/dang-ky-thu.md", "status": "draft"}
    assert frontmatter.check(ede) == []


def test_scaffold_never_overwrites(tmp_path):
    docs = tmp_path / "docs"
    new.scaffold("bai-a", docs)
    page = docs / "vi/huong-dan/bai-a.md"
    page.write_text("bài của tôi", encoding="utf-8")
    with pytest.raises(ValueError, match="không ghi đè"):
        new.scaffold("bai-a", docs)
    assert page.read_text(encoding="utf-8") == "bài của tôi"


@pytest.mark.parametrize("slug", ["Đăng ký", "dang_ky", "-x", "a--b", ""])
def test_bad_slug_gets_a_vietnamese_suggestion(tmp_path, slug):
    with pytest.raises(ValueError, match="không hợp lệ"):
        new.scaffold(slug, tmp_path / "docs")
    assert not (tmp_path / "docs").exists()
