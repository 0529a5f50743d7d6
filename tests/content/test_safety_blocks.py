"""Shared safety blocks: one text per harm (data/safety/<topic>.md), put in a guide by
``<!-- bdhvs:safety <topic> -->``, required by the guide's ``risks:``. The rule is one
function (content/safety.py) used by the build and by `bdhvs check`."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from bdhvs import settings
from bdhvs.checks.runner import Options, check_paths
from bdhvs.content import safety
from bdhvs.content.guides import read_page
from content_helpers import GUIDES, soup
from guidesite import build
from kitsite import KIT_GUIDE, built_kit_site, make_kit_project

BLOCKS = safety.load(settings.DATA_DIR)


@pytest.fixture(scope="module")
def kit_site(tmp_path_factory):
    return built_kit_site(tmp_path_factory.mktemp("kit"))


def _page(site: Path):
    return soup(site / "huong-dan" / "khung-an-toan" / "index.html").select_one("article")


# --- the blocks themselves ----------------------------------------------------------------
@pytest.mark.parametrize("topic", safety.SAFETY_TOPICS)
def test_every_topic_has_a_short_sourced_block(topic):
    block = BLOCKS[topic]
    assert block.sources and all(s["url"].startswith("https://") and s["date"] for s in block.sources)
    words = len(block.body.split())
    assert 20 <= words <= 130, f"{topic}: {words} words — a box a citizen reads in one go"


def test_money_block_says_bank_first_then_police_and_no_recovery_helpers():
    body = BLOCKS["mat-tien"].body
    assert body.index("ngân hàng") < body.index("Công an xã")
    assert "lấy lại tiền" in body


def test_lost_phone_block_orders_sim_bank_vneid():
    body = BLOCKS["mat-dien-thoai"].body
    assert body.index("SIM") < body.index("ngân hàng") < body.index("VNeID")


def test_screen_block_names_the_accessibility_permission_as_phones_write_it():
    body = BLOCKS["chia-se-man-hinh"].body
    assert "quyền trợ năng" in body and "Hỗ trợ tiếp cận" in body and "chia sẻ màn hình" in body.lower()


def test_blocks_carry_no_phone_number():
    # Banks' numbers differ: citizens call the number printed on their own card.
    for block in BLOCKS.values():
        assert not re.search(r"\d{3,}", block.body.replace("2026", "")), block.topic


def test_a_broken_block_file_is_a_vietnamese_error_at_its_line(tmp_path):
    data = tmp_path / "data"
    (data / "safety").mkdir(parents=True)
    for topic in safety.SAFETY_TOPICS:
        (data / "safety" / f"{topic}.md").write_bytes((settings.DATA_DIR / "safety" / f"{topic}.md").read_bytes())
    (data / "safety" / "ma-otp.md").write_text("---\ntitle: Thử\nsources: [\n---\nNội dung.\n", encoding="utf-8")
    with pytest.raises(safety.SafetyError) as err:
        safety.load(data)
    assert str(err.value).startswith("data/safety/ma-otp.md:") and "YAML" in str(err.value)


# --- the rule ------------------------------------------------------------------------------
PAGE = """---
title: Thử
risks: [mat-tien, ma-otp]
---

# Thử

<!-- bdhvs:safety mat-tien -->

<!-- bdhvs:safety mat-dien-thoai -->

Chữ <!-- bdhvs:safety ma-otp --> giữa câu.

```text
<!-- bdhvs:safety chia-se-man-hinh -->
```
"""


def test_rule_names_each_problem_at_its_file_line():
    found = {(p.line, p.kind) for p in safety.check_page({"risks": ["mat-tien", "ma-otp"]}, PAGE)}
    assert found == {(3, "missing"),  # ma-otp declared (line 3) but no marker on a line of its own
                     (10, "undeclared"),  # mat-dien-thoai not in risks
                     (12, "loose")}  # a marker inside a sentence
    # the one in fenced code is an example, not a marker


def test_a_marker_shown_in_inline_code_is_an_example():
    assert safety.check_page({}, "---\ntitle: x\n---\n\nViết `<!-- bdhvs:safety mat-tien -->` một mình.\n") == []


def test_unknown_topic_is_named_with_the_list_of_topics():
    problems = safety.check_page({}, "---\ntitle: x\n---\n\n<!-- bdhvs:safety mat-xe -->\n")
    assert [(p.line, p.kind) for p in problems] == [(5, "unknown")]
    assert "mat-tien" in problems[0].message and "Cách sửa" in problems[0].message


# --- the build -------------------------------------------------------------------------------
def test_blocks_are_rendered_where_the_markers_are(kit_site):
    article = _page(kit_site)
    boxes = article.select(".admonition.safety")
    titles = [b.select_one(".admonition-title").get_text(" ", strip=True) for b in boxes]

    assert len(boxes) == 2
    # ma-otp inside step 1 (an indented marker), mat-tien in the "An toàn" section
    assert boxes[0].find_parent("li") is not None and "OTP" in titles[0]
    assert boxes[1].find_parent("li") is None and "ngân hàng" in titles[1]
    assert "Gọi ngân hàng ngay" in boxes[1].get_text(" ", strip=True)
    # no marker left for citizens (the fenced example stays as code)
    assert "bdhvs:safety mat-tien" not in str(article) and "bdhvs:safety ma-otp" not in str(article)


def test_block_sources_join_the_guide_sources_box(kit_site):
    page = soup(kit_site / "huong-dan" / "khung-an-toan" / "index.html")
    links = [a["href"] for a in page.select("[data-bdhvs=sources] li a")]
    assert links[0] == "https://example.gov.vn/rieng"
    for topic in ("mat-tien", "ma-otp"):
        for source in BLOCKS[topic].sources:
            assert source["url"] in links
    assert len(links) == len(set(links))


@pytest.mark.parametrize("change, line, words", [
    (("<!-- bdhvs:safety mat-tien -->\n", ""), 19, "không có thẻ <!-- bdhvs:safety mat-tien -->"),
    (("risks: [mat-tien, ma-otp]", "risks: [ma-otp]"), 55, "không khai báo 'mat-tien' trong risks"),
])
def test_build_fails_with_file_line_and_fix(tmp_path, change, line, words):
    guide = KIT_GUIDE.replace(*change)
    project = make_kit_project(tmp_path / "p", {"vi/huong-dan/khung-an-toan.md": guide})
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert f"docs/vi/huong-dan/khung-an-toan.md:{line}: " in result.output, result.output[-1500:]
    assert words in result.output and "Cách sửa" in result.output
    assert "Traceback" not in result.output
    # `bdhvs check` says the same, on the same line
    findings = check_paths([project / "docs" / "vi" / "huong-dan" / "khung-an-toan.md"],
                           Options(root=project, docs_dir=project / "docs", data_dir=project / "data", style=False))
    safety_findings = [f for f in findings if f.code == "GUIDE-SAFETY"]
    assert [(f.line, words in f.message) for f in safety_findings] == [(line, True)]


# --- the real guides, listed by topic ---------------------------------------------------------
@pytest.mark.parametrize("guide", GUIDES, ids=[g.slug for g in GUIDES])
def test_real_guide_declares_and_places_its_blocks(guide):
    path = settings.DOCS_DIR / "vi" / guide.src
    meta, _body = read_page(path)
    assert safety.check_page(meta, path.read_text(encoding="utf-8")) == []


def test_guides_by_topic_listing():
    """Which guides carry which block (printed with -s; FIX/NEW add `risks:`)."""
    by_topic = {t: [] for t in safety.SAFETY_TOPICS}
    for guide in GUIDES:
        for topic in safety.declared(read_page(settings.DOCS_DIR / "vi" / guide.src)[0]):
            by_topic[topic].append(guide.slug)
    for topic, slugs in by_topic.items():
        print(f"{topic}: {', '.join(slugs) or '(chưa có bài nào)'}")
    assert set(by_topic) == set(safety.SAFETY_TOPICS)


def test_bdhvs_check_reports_a_broken_block_file(tmp_path):
    import shutil
    data = tmp_path / "data"
    shutil.copytree(settings.DATA_DIR, data)
    (tmp_path / "docs" / "vi").mkdir(parents=True)
    target = data / "safety" / "ma-otp.md"
    target.write_text("---\ntitle: Thử\nsources:\n  - title: Không có địa chỉ\n    date: 2026-01-01\n---\nNội dung.\n",
                      encoding="utf-8")
    findings = check_paths([target], Options(root=tmp_path, docs_dir=tmp_path / "docs", data_dir=data, style=False))
    [bad] = [f for f in findings if f.code == "GUIDE-SAFETY-DATA"]
    assert bad.file == "data/safety/ma-otp.md" and "nguồn thứ 1 viết sai (thiếu trường 'url')" in bad.message
    # the other block files are fine
    assert check_paths([data / "safety" / "mat-tien.md"],
                       Options(root=tmp_path, docs_dir=tmp_path / "docs", data_dir=data, style=False)) == []
