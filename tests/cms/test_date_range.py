"""`bdhvs check` refuses the dates an editor writes (source read, last review, in-app
review) when they are before 2020 or in the future: the year 1902 the browser's date
box used to store, or a slip into next year. `published` (when the source appeared) may
be older. One Vietnamese finding on the line of the date."""
from __future__ import annotations

import datetime as dt

import pytest

from bdhvs.checks import runner
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "content"))
import guidesite  # noqa: E402

TOMORROW = (dt.date.today() + dt.timedelta(days=1)).isoformat()


def _check(tmp_path, old: str, new: str):
    page = tmp_path / "docs" / "vi" / "huong-dan" / "thu.md"
    page.parent.mkdir(parents=True, exist_ok=True)
    text = guidesite.GUIDE.format(title="Thử ngày", review="  status: reviewed\n  reviewer: Cán bộ xã\n  date: 2026-11-21")
    assert old in text
    page.write_text(text.replace(old, new), encoding="utf-8")
    return [f for f in runner.check_paths([page], runner.Options(root=tmp_path, docs_dir=tmp_path / "docs"))
            if f.code.startswith("FM-")]


@pytest.mark.parametrize("old, new, line", [
    ("    date: 2025-07-05", "    date: 1902-07-05", 15),  # a source read in 1902
    ("last_reviewed: 2026-11-20", "last_reviewed: 2019-12-31", 16),
    ("last_reviewed: 2026-11-20", f"last_reviewed: {TOMORROW}", 16),
    ("  date: 2026-11-21", f"  date: {TOMORROW}", 20),  # review.date
])
def test_a_date_before_2020_or_in_the_future_is_refused_on_its_line(tmp_path, old, new, line):
    found = _check(tmp_path, old, new)
    assert [(f.code, f.line) for f in found] == [("FM-DATE-RANGE", line)]
    assert ("trước năm 2020" in found[0].message) or ("tương lai" in found[0].message)
    assert "25/11/2026" in found[0].hint  # how to type it in the editor


def test_an_old_publication_date_and_todays_date_are_fine(tmp_path):
    today = dt.date.today().isoformat()
    assert _check(tmp_path, "    date: 2025-07-05", f"    date: {today}\n    published: 2005") == []
