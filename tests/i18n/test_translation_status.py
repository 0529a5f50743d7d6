"""Translation status across edits, in a temporary copy of a tiny docs tree (no build)."""
from __future__ import annotations

import datetime as dt

import pytest

from bdhvs import cli, settings
from bdhvs.i18n import frontmatter, report, status, workflow
from bdhvs.i18n.frontmatter import PageError
from bdhvs.i18n.project import Project
from tinysite import make_project

PAGE = "huong-dan/thu.md"
DAY = dt.date(2026, 11, 20)


@pytest.fixture
def proj(tmp_path) -> Project:
    return Project(make_project(tmp_path / "proj"))


def state(project: Project, source: str = PAGE) -> str:
    return status.entry_for(project, source).state


def translate_everything(project: Project, source: str = PAGE) -> None:
    """What a translator does: replace every "Cần dịch" block, drop the heading markers."""
    path = project.ede_dir / source
    page = frontmatter.read(path)
    body = "# hdruôm hră { #huong-dan-thu }\n\nđru\n"
    path.write_text(frontmatter.join(page.meta, body), encoding="utf-8")


def edit_vietnamese(project: Project, old: str, new: str, source: str = PAGE) -> None:
    path = project.vi_dir / source
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_lifecycle_missing_draft_current_stale(proj):
    assert state(proj) == "missing"
    workflow.create(proj, PAGE, today=DAY)
    assert state(proj) == "draft"
    meta = frontmatter.read(proj.ede_dir / PAGE).meta["translation"]
    assert meta["source"] == PAGE and meta["status"] == "draft" and len(meta["source_hash"]) == 16

    translate_everything(proj)
    workflow.review(proj, PAGE, "Giáo viên tiếng Êđê trường THCS", today=DAY)
    entry = status.entry_for(proj, PAGE)
    assert (entry.state, entry.reviewer, entry.date) == ("current", "Giáo viên tiếng Êđê trường THCS", "2026-11-20")

    edit_vietnamese(proj, "Chạm vào nút **Đăng nhập**.", "Chạm vào nút **Tiếp tục**.")
    entry = status.entry_for(proj, PAGE)
    assert entry.state == "stale" and entry.status == "reviewed"

    workflow.sync(proj, PAGE, today=DAY)
    assert state(proj) == "draft"  # the updated wording needs a new review
    assert "reviewer" not in frontmatter.read(proj.ede_dir / PAGE).meta["translation"]


def test_stale_diff_shows_exactly_what_changed(proj):
    workflow.create(proj, PAGE, today=DAY)
    edit_vietnamese(proj, "Chạm vào nút **Đăng nhập**.", "Chạm vào nút **Tiếp tục**.")
    entry = status.entry_for(proj, PAGE)
    diff = status.stale_diff(proj, entry)
    changed = [l for l in diff.splitlines() if l[:1] in "+-" and not l.startswith(("+++", "---"))]
    assert changed == ["-2. Chạm vào nút **Đăng nhập**.", "+2. Chạm vào nút **Tiếp tục**."]


def test_stale_diff_recovers_the_base_from_git_history(proj):
    import subprocess

    root = proj.root
    git = lambda *a: subprocess.run(["git", "-C", str(root), *a], check=True, capture_output=True)
    git("init", "-q")
    git("-c", "user.email=t@example.invalid", "-c", "user.name=t", "add", "docs")
    git("-c", "user.email=t@example.invalid", "-c", "user.name=t", "commit", "-q", "-m", "vi")
    workflow.create(proj, PAGE, today=DAY)
    (proj.base_dir / PAGE).unlink()  # the copy is gone: history must be used
    edit_vietnamese(proj, "Mở ứng dụng trên điện thoại.", "Mở ứng dụng VNeID trên điện thoại.")
    diff = status.stale_diff(proj, status.entry_for(proj, PAGE))
    assert "+1. Mở ứng dụng VNeID trên điện thoại." in diff


def test_page_without_recorded_hash_is_stale(proj):
    path = proj.ede_dir / PAGE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("---\ntitle: x\ntranslation:\n  source: huong-dan/thu.md\n  status: reviewed\n"
                    "  reviewer: Giáo viên\n---\n\nđru\n", encoding="utf-8")
    entry = status.entry_for(proj, PAGE)
    assert entry.state == "stale" and "source_hash" in " ".join(entry.notes)


def test_orphan_and_summary(proj):
    workflow.create(proj, PAGE, today=DAY)
    (proj.vi_dir / PAGE).unlink()
    entries = status.scan(proj)
    assert {e.source: e.state for e in entries}[PAGE] == "orphan"
    assert "không còn trang gốc" in report.summary(entries)


def test_editor_pages_are_not_listed_for_translation(proj):
    assert "bien-tap/ban-dich.md" not in {e.source for e in status.scan(proj)}
    with pytest.raises(PageError, match="người biên tập"):
        workflow.create(proj, "bien-tap/ban-dich.md")


def test_translate_never_overwrites(proj):
    path = workflow.create(proj, PAGE, today=DAY)
    path.write_text(path.read_text(encoding="utf-8") + "\nbản dịch quý\n", encoding="utf-8")
    with pytest.raises(PageError, match="KHÔNG ghi đè"):
        workflow.create(proj, PAGE, today=DAY)
    assert "bản dịch quý" in path.read_text(encoding="utf-8")


def test_review_refuses_untranslated_stale_or_named_reviewer(proj):
    workflow.create(proj, PAGE, today=DAY)
    with pytest.raises(PageError, match="Cần dịch"):
        workflow.review(proj, PAGE, "Giáo viên trường THCS")
    translate_everything(proj)
    with pytest.raises(PageError, match="tên riêng"):
        workflow.review(proj, PAGE, "Cô H'Lan")
    edit_vietnamese(proj, "Một đoạn", "Một đoạn", source="huong-dan/thu-hai.md")  # unrelated page
    edit_vietnamese(proj, "Bạn thấy: màn hình chính.", "Bạn thấy: màn hình đăng nhập.")
    with pytest.raises(PageError, match="đã thay đổi"):
        workflow.review(proj, PAGE, "Giáo viên trường THCS")


def run_cli(monkeypatch, proj, capsys, *argv):
    monkeypatch.setattr(settings, "ROOT", proj.root)
    code = cli.main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_cli_status_table_and_errors(monkeypatch, proj, capsys):
    code, out, err = run_cli(monkeypatch, proj, capsys, "translate", "huong-dan/thu")
    assert code == 0 and "docs/ede/huong-dan/thu.md" in out
    code, out, err = run_cli(monkeypatch, proj, capsys, "translate", "huong-dan/thu")
    assert code == 2 and "KHÔNG ghi đè" in err and "Traceback" not in err
    code, out, err = run_cli(monkeypatch, proj, capsys, "translate", "khong-co-trang-nay")
    assert code == 2 and "không có trang tiếng Việt này" in err
    code, out, _ = run_cli(monkeypatch, proj, capsys, "translations")
    rows = {line.split()[0]: line for line in out.splitlines() if line.startswith("huong-dan/")}
    assert "Bản nháp" in rows[PAGE] and "Chưa dịch" in rows["huong-dan/thu-hai.md"]
    edit_vietnamese(proj, "Chạm vào nút **Đăng nhập**.", "Chạm vào nút **Tiếp tục**.")
    code, out, _ = run_cli(monkeypatch, proj, capsys, "translations", "--stale")
    assert code == 1 and "+2. Chạm vào nút **Tiếp tục**." in out and "bdhvs translate --sync" in out


def test_cli_reports_broken_front_matter_in_vietnamese(monkeypatch, proj, capsys):
    path = proj.ede_dir / PAGE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("---\ntitle: [chưa đóng\n---\n", encoding="utf-8")
    code, out, err = run_cli(monkeypatch, proj, capsys, "translations")
    assert code == 2 and "docs/ede/huong-dan/thu.md" in err and "YAML" in err and "Traceback" not in err
