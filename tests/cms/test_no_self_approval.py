"""No self-approval (issue 25): a translation is published only when `bdhvs check` allows
it — reviewed by a second person, with what the schema requires — and the check names a
translator who approved their own translation."""
from __future__ import annotations

from bdhvs.checks import runner
from bdhvs.i18n import publishing

GOOD = {"source": "huong-dan/thu.md", "status": "reviewed", "source_hash": "0123456789abcdef",
        "translator": "Giáo viên tiếng Êđê", "reviewer": "Cán bộ văn hoá xã", "date": "2026-11-20"}


def test_the_build_publishes_only_a_complete_review_by_a_second_person():
    assert publishing.is_public({"translation": GOOD})
    form_only = {k: v for k, v in GOOD.items() if k != "source_hash"}  # "Đã duyệt" picked in a form
    assert not publishing.is_public({"translation": form_only})
    assert not publishing.is_public({"translation": dict(GOOD, reviewer=" giáo viên  tiếng Êđê ")})
    assert not publishing.is_public({"translation": dict(GOOD, status="draft")})
    assert publishing.is_public({"translation": {"source": "index.md", "status": "sourced"}})


def test_the_check_names_a_self_review_on_its_line(tmp_path):
    page = tmp_path / "docs" / "ede" / "thu.md"
    page.parent.mkdir(parents=True)
    page.write_text("---\ntitle: Thử\ndescription: Trang thử cho việc kiểm tra người duyệt bản dịch.\n"
                    "page_type: info\ntranslation:\n  source: thu.md\n  status: reviewed\n"
                    "  source_hash: 0123456789abcdef\n  translator: Giáo viên tiếng Êđê\n"
                    "  reviewer: Giáo viên tiếng Êđê\n  date: 2026-11-20\n---\n\n# Thử\n", encoding="utf-8")
    found = [f for f in runner.check_paths([page], runner.Options(root=tmp_path, docs_dir=tmp_path / "docs"))
             if f.code == "FM-SELF-REVIEW"]
    assert [(f.line, f.code) for f in found] == [(10, "FM-SELF-REVIEW")]
