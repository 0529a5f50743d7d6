"""Freshness: `recheck:` on a page and ``<!-- bdhvs:recheck DATE -->`` on a claim.
`bdhvs check` warns from one month before the date and errors after it; the editors'
page "Cần xem lại" lists what is due. Dates are relative to today (injected)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bdhvs.checks import guidekit
from bdhvs.checks.source import load
from bdhvs.content import freshness
from content_helpers import soup
from kitsite import built_kit_site

TODAY = dt.date(2026, 12, 7)


@pytest.mark.parametrize("date, expected", [
    (dt.date(2027, 3, 31), dt.date(2027, 2, 28)),
    (dt.date(2028, 3, 31), dt.date(2028, 2, 29)),
    (dt.date(2027, 1, 15), dt.date(2026, 12, 15)),
])
def test_one_month_before(date, expected):
    assert freshness.month_before(date) == expected


@pytest.mark.parametrize("days, state", [(-1, "due"), (0, "soon"), (10, "soon"), (31, "soon"), (32, "ok"), (200, "ok")])
def test_state_relative_to_today(days, state):
    # 7/12 + 31 days = 7/1: exactly one month ahead is already "soon"; 8/1 is not.
    assert freshness.state(TODAY + dt.timedelta(days=days), TODAY) == state


def _doc(tmp_path: Path, text: str):
    page = tmp_path / "docs" / "vi" / "huong-dan" / "thu.md"
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(text, encoding="utf-8")
    doc, _ = load(page, root=tmp_path, docs_dir=tmp_path / "docs")
    return doc


def _page(today: dt.date) -> str:
    soon, past, later = (today + dt.timedelta(days=d) for d in (5, -3, 400))
    return (f"---\ntitle: Thử\ndescription: Trang thử ngày cần xem lại của một trang và của từng câu.\n"
            f"page_type: info\nrecheck: {later.isoformat()}\n---\n\n# Thử\n\n"
            f"Cuộc thi diễn ra tháng 8. <!-- bdhvs:recheck {soon.isoformat()} -->\n\n"
            f"<!-- bdhvs:recheck {past.isoformat()} -->\nLớp học ngày 30/6 ở nhà văn hoá.\n\n"
            "Ngày sai. <!-- bdhvs:recheck 2026-02-30 -->\n\n"
            "```text\n<!-- bdhvs:recheck 2000-01-01 -->\n```\n")


def test_check_warns_before_and_errors_after_with_file_line(tmp_path):
    today = dt.date.today()
    doc = _doc(tmp_path, _page(today))
    found = sorted((f.line, f.code, f.severity) for f in guidekit.check(doc, today)
                   if f.code.startswith("RECHECK"))
    assert found == [(10, "RECHECK-SOON", "warning"), (12, "RECHECK-DUE", "error"), (15, "RECHECK-DATE", "error")]
    due = next(f for f in guidekit.check(doc, today) if f.code == "RECHECK-DUE")
    assert "Lớp học ngày 30/6" in due.message and "3 ngày" in due.message  # the claim and how late
    # a year later the page date itself is due; the example in fenced code never is
    late = today + dt.timedelta(days=401)
    codes = [(f.line, f.code) for f in guidekit.check(doc, late) if f.code.startswith("RECHECK")]
    assert (5, "RECHECK-DUE") in codes and not any(line == 18 for line, _ in codes)


def test_markers_are_not_published_and_editors_page_lists_what_is_due(tmp_path_factory):
    site = built_kit_site(tmp_path_factory.mktemp("fresh"))
    guide = (site / "huong-dan" / "khung-an-toan" / "index.html").read_text(encoding="utf-8")
    assert "bdhvs:recheck" not in guide
    page = soup(site / "bien-tap" / "can-xem-lai" / "index.html")
    rows = [[c.get_text(" ", strip=True) for c in tr.select("td")] for tr in page.select("article table tr")[1:]]
    soon = dt.date.today() + dt.timedelta(days=10)
    assert rows[0][0] == "Sắp đến hạn (trong một tháng)"
    assert rows[0][1] == f"{soon.day}/{soon.month}/{soon.year}"
    assert rows[0][3].startswith("Mở ứng dụng ngân hàng. Cuộc thi kết thúc ngày 30/8.")
    assert rows[1][0] == "Còn hạn" and rows[1][3] == "Cả trang"
    link = page.select("article table tr")[1].select_one("a")
    assert link["href"].endswith("huong-dan/khung-an-toan/")


def test_listing_orders_overdue_first_and_keeps_cells_plain():
    today = TODAY
    items = [freshness.Item(3, today + dt.timedelta(days=90), "", "Còn xa", False),
             freshness.Item(4, today - dt.timedelta(days=1), "", "Có [liên kết](../x.md) | ống", False)]
    text = freshness.render_listing([("Trang A", "a.md", items)], today)
    lines = text.split("\n")
    assert "1 quá hạn, 0 sắp đến hạn, 1 còn hạn" in lines[0]
    assert lines[4].startswith("| Quá hạn xem lại |") and "Có liên kết / ống" in lines[4]
    assert "../x.md" not in text


def test_a_marker_shown_in_inline_code_is_an_example():
    text = "Viết `<!-- bdhvs:recheck NĂM-THÁNG-NGÀY -->` sau câu. Lớp học 30/6. <!-- bdhvs:recheck 2027-01-01 -->"
    [item] = freshness.items({}, text)
    assert item.date == dt.date(2027, 1, 1) and item.claim.startswith("Viết `<!-- bdhvs:recheck NĂM-THÁNG-NGÀY -->`")
    assert freshness.strip(text) == "Viết `<!-- bdhvs:recheck NĂM-THÁNG-NGÀY -->` sau câu. Lớp học 30/6."
