"""Lessons for trainers: a short lesson file + the guides it names -> a printable
45-minute lesson page, listed on "Tài liệu in" (printed by `bdhvs handouts`) and in the
offline bundle; and the real lesson files of the plan topics."""
from __future__ import annotations

import os
import posixpath
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bdhvs import settings
from bdhvs.checks.runner import Options, check_paths
from bdhvs.classroom import bundle, handouts
from bdhvs.content import lessons, safety
from bdhvs.content.guides import read_page
from content_helpers import GUIDES, soup
from guidesite import build
from kitsite import LESSON, LESSON_PAGES, make_kit_project

PLAN_TASKS = {g_meta.get("plan_task") for g_meta in (read_page(settings.DOCS_DIR / "vi" / g.src)[0] for g in GUIDES)}
REAL_LESSONS = lessons.load_lessons(settings.DOCS_DIR / "vi")


@pytest.fixture(scope="module")
def lesson_site(tmp_path_factory):
    base = tmp_path_factory.mktemp("lesson")
    project = make_kit_project(base / "project", LESSON_PAGES)
    result = build(project, base / "site")
    assert result.returncode == 0, result.output
    return project, result.site


def test_lesson_page_is_made_from_the_lesson_file_and_the_guides(lesson_site):
    _, site = lesson_site
    article = soup(site / "bai-hoc" / "thu" / "index.html").select_one("article")
    text = re.sub(r"\s+([.,:;!?)])", r"\1", article.get_text(" ", strip=True))  # glossary terms are <abbr>
    rows = [[c.get_text(" ", strip=True) for c in tr.select("td")] for tr in article.select("table tr")[1:]]
    assert [r[0] for r in rows] == ["0–10", "10–30", "30–45"]
    # the order table links the guides themselves, with their own titles
    links = [a["href"] for a in article.select("table a")]
    assert [posixpath.normpath(posixpath.join("bai-hoc/thu/", h)) for h in links] == [
        "huong-dan/da-duyet", "huong-dan/khung-an-toan"]
    assert rows[1][1] == "Hướng dẫn có khung an toàn" and rows[1][2] == "Gọi ngân hàng trước."
    # what to bring: the lesson's list and the guides' own prerequisites
    assert "Thẻ ATM mẫu." in text and "Điện thoại có cài VNeID." in text and "Điện thoại có Internet." in text
    # the guides' shared safety blocks (risks: mat-tien, ma-otp of khung-an-toan), each once
    boxes = article.select(".admonition.safety")
    assert len(boxes) == 2 and "Gọi ngân hàng ngay" in text
    # practice, role-play, the three check questions with answers and the guide they come from
    assert "không dùng số tài khoản thật" in text and "Cuộc gọi giả công an đòi mã OTP." in text
    assert "Đáp án: Gọi ngân hàng. (bài Hướng dẫn có khung an toàn)" in text
    # the guides' self-check questions, right answer shown
    assert "Đã lỡ chuyển tiền cho kẻ gian, việc đầu tiên là gì? → Gọi ngân hàng" in text
    # printed with a QR code like a guide
    assert soup(site / "bai-hoc" / "thu" / "index.html").select("[data-bdhvs=handout]")


def test_lessons_are_listed_and_printed_with_the_handouts(lesson_site):
    _, site = lesson_site
    listing = soup(site / "bai-hoc" / "index.html").select_one("article")
    assert "III.3 · Bài học 45 phút: thử" in listing.get_text(" ", strip=True)
    handout_list = soup(site / "tai-lieu-in" / "index.html")
    [item] = handout_list.select("[data-bdhvs=lesson-list] li")
    assert "khoảng 45 phút" in item.get_text(" ", strip=True)
    jobs = {job.page: job.pdf for job in handouts.jobs(site)}
    assert jobs["bai-hoc/thu/index.html"] == "tai-lieu-in/bai-hoc-thu.pdf"
    assert "huong-dan/khung-an-toan/index.html" in jobs  # guides still printed


def test_bdhvs_handouts_prints_the_lesson(lesson_site, tmp_path, require):
    from bdhvs.browser import CHROMIUM
    require(Path(CHROMIUM).exists(), f"Chromium not at {CHROMIUM}")
    _, site = lesson_site
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    # the documented command, in its own process (the browser tests' Playwright runs in this one)
    proc = subprocess.run([sys.executable, "-m", "bdhvs.cli", "handouts", "--site", str(copy)], cwd=settings.ROOT,
                          env=dict(os.environ, PYTHONUTF8="1"), capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    pdf = copy / "tai-lieu-in" / "bai-hoc-thu.pdf"
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 10_000
    listing = soup(copy / "tai-lieu-in" / "index.html")
    [link] = listing.select('[data-bdhvs=lesson-list] a[data-bdhvs="handout-pdf"]')
    assert (copy / "tai-lieu-in" / link["href"]).resolve() == pdf.resolve()


def test_offline_bundle_carries_the_lessons(lesson_site, tmp_path):
    project, _ = lesson_site
    dest = tmp_path / "offline"
    bundle.build_offline_site(dest, root=project)
    page = dest / "bai-hoc" / "thu.html"
    assert page.is_file()
    for a in soup(page).select("article table a"):
        assert (page.parent / a["href"]).resolve().is_file(), a["href"]
    assert "bai-hoc/index.html" in bundle.README_TEXT


def test_unknown_guide_stops_the_build_and_the_check_says_it(tmp_path):
    bad = LESSON.replace("guide: da-duyet\n    minutes: 10", "guide: khong-co\n    minutes: 10")
    project = make_kit_project(tmp_path / "p", {**LESSON_PAGES, "vi/bai-hoc/thu.md": bad})
    result = build(project, tmp_path / "site")
    assert result.returncode != 0 and "Traceback" not in result.output
    assert "docs/vi/bai-hoc/thu.md: bài học: guides: không có bài hướng dẫn 'khong-co'" in result.output
    findings = check_paths([project / "docs" / "vi" / "bai-hoc" / "thu.md"],
                           Options(root=project, docs_dir=project / "docs", data_dir=project / "data", style=False))
    # the unknown guide at `guides:`, and the check question that now names a guide not taught, at `check:`
    assert sorted(f.line for f in findings if f.code == "GUIDE-LESSON") == [8, 18]


def test_check_question_must_come_from_a_taught_guide():
    guides = {"a": lessons.GuideInfo("a", "huong-dan/a.md", "A", {})}
    meta = {"guides": [{"guide": "a", "minutes": 10}], "goal": "x", "practice": "x", "bring": ["x"],
            "check": [{"question": "q", "answer": "a", "guide": "a"}] * 2 + [{"question": "q", "answer": "a",
                                                                               "guide": "b"}]}
    [problem] = lessons.problems(meta, guides)
    assert "câu 3 dẫn bài 'b'" in problem


# --- the real lessons ------------------------------------------------------------------------
def test_every_plan_topic_the_guides_cover_has_a_lesson():
    def topic(task: str) -> str:  # "III.1.4" -> "III.1", "III.3" -> "III.3"
        return ".".join(task.split(".")[:2])
    covered = {topic(t) for t in PLAN_TASKS if t}
    taught = {topic(lesson.plan_task) for lesson in REAL_LESSONS}
    assert covered <= taught, f"no lesson for {sorted(covered - taught)}"


@pytest.mark.parametrize("lesson", REAL_LESSONS, ids=[l.src for l in REAL_LESSONS])
def test_real_lesson_is_complete(lesson):
    meta, _ = read_page(settings.DOCS_DIR / "vi" / lesson.src)
    wanted = {i["guide"] for i in meta["guides"]}
    guides = {slug: lessons.load_guide(settings.DOCS_DIR / "vi", slug) for slug in wanted}
    assert lessons.problems(meta, guides) == []
    markdown = lessons.render(meta, lesson.src, guides, safety.load(settings.DATA_DIR))
    assert "## Ba câu hỏi kiểm tra" in markdown and "## Thực hành" in markdown
    assert "không" in meta["practice"].lower()  # the practice says what NOT to use (no real personal data)
