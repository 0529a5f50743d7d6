"""Sources show when they were published (``published``: a year or a date), next to the
date the editor read them."""
from __future__ import annotations

import datetime as dt

import pytest

from bdhvs.checks import runner
from bdhvs.content.feature import format_published
from content_helpers import soup
import guidesite


def _findings(tmp_path, published: str) -> list[str]:
    page = tmp_path / "docs" / "vi" / "huong-dan" / "thu.md"
    page.parent.mkdir(parents=True, exist_ok=True)
    text = guidesite.GUIDE.format(title="Thử ngày đăng", review="  status: draft")
    text = text.replace("    date: 2025-07-05\n", f"    date: 2025-07-05\n    published: {published}\n")
    page.write_text(text, encoding="utf-8")
    found = runner.check_paths([page], runner.Options(root=tmp_path, docs_dir=tmp_path / "docs"))
    return [f"{f.line} {f.code}" for f in found if f.code.startswith("FM-")]


@pytest.mark.parametrize("value", ["2025", '"2025"', "2025-07-05", '"2025-07-05"'])
def test_a_year_or_a_date_is_accepted(tmp_path, value):
    assert _findings(tmp_path, value) == []


@pytest.mark.parametrize("value, code", [("2025-02-30", "FM-DATE"), ("25", "FM-LENGTH"), ('"tháng 7"', "FM-FORMAT"),
                                         ("3000", "FM-LENGTH"), ("05/07/2025", "FM-FORMAT")])
def test_anything_else_is_reported_on_its_line(tmp_path, value, code):
    assert _findings(tmp_path, value) == [f"16 {code}"]


def test_a_wrong_form_says_how_to_write_it(tmp_path):
    page = tmp_path / "docs" / "vi" / "huong-dan" / "thu.md"
    _findings(tmp_path, '"tháng 7"')
    found = runner.check_paths([page], runner.Options(root=tmp_path, docs_dir=tmp_path / "docs"))
    assert any("2025-07-05" in f"{f.message} {f.hint}" and "2025" in f.hint for f in found if f.code == "FM-FORMAT")


def test_wording():
    assert format_published(2025) == "Đăng năm 2025"
    assert format_published("2025") == "Đăng năm 2025"
    assert format_published(dt.date(2025, 7, 5)) == "Đăng ngày 5/7/2025"
    assert format_published("2025-12-31") == "Đăng ngày 31/12/2025"
    assert format_published(None) == ""


@pytest.mark.slow
def test_the_sources_box_shows_published_and_read_dates(tmp_path):
    project = guidesite.make_project(tmp_path / "project")
    result = guidesite.build(project, tmp_path / "site")
    assert result.returncode == 0, result.output
    box = soup(result.site / "huong-dan/co-ghi-chu/index.html").select_one('[data-bdhvs="sources"]')
    items = [" ".join(li.get_text().split()) for li in box.select("li")]
    assert items == ["Nguồn có năm đăng, Báo thử. Đăng năm 2025. Xem ngày 10/08/2025",
                     "Nguồn có ngày đăng. Đăng ngày 5/7/2025. Xem ngày 11/08/2025",
                     "Nguồn không rõ ngày đăng. Xem ngày 12/08/2025"]
