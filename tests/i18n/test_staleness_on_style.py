"""Translation staleness is measured on the Vietnamese CONTENT (issue 25): the same values
written in another front-matter style (by hand, or `bdhvs check --fix` restyling it) keep a
reviewed Ede translation current; a changed step makes it stale. `bdhvs translate` and
`bdhvs inbox` write the repository's one style (content/frontstyle.py)."""
from __future__ import annotations

import datetime as dt
import json
import shutil

import pytest

from bdhvs.content import frontstyle
from bdhvs.i18n import frontmatter, status, workflow
from bdhvs.i18n.project import Project
from tinysite import make_project


@pytest.fixture
def reviewed(tmp_path):
    proj = Project(make_project(tmp_path / "proj"))
    page = "huong-dan/thu.md"
    workflow.create(proj, page, today=dt.date(2026, 11, 20))
    ede = proj.ede_dir / page  # the translator replaces every "Cần dịch" block
    ede.write_text(frontmatter.join(frontmatter.read(ede).meta, "# hdruôm hră { #huong-dan-thu }\n\nđru\n"),
                   encoding="utf-8")
    workflow.review(proj, page, "Giáo viên tiếng Êđê trường THCS", today=dt.date(2026, 11, 20))
    assert status.entry_for(proj, page).state == "current"
    return proj, page


def hand_style(text: str) -> str:
    """The same values in another style: every list as a flow list, every text quoted."""
    page = frontmatter.split(text)
    lines = []
    for key, value in page.meta.items():
        lines.append(f"{key}: {json.dumps(value, ensure_ascii=False, default=str)}")
    return "---\n" + "\n".join(reversed(lines)) + "\n---\n" + page.body


def test_restyling_the_vietnamese_page_keeps_the_translation_current_a_changed_step_does_not(reviewed):
    proj, page = reviewed
    vi = proj.vi_dir / page
    text = vi.read_text(encoding="utf-8")
    vi.write_text(hand_style(text), encoding="utf-8")
    assert vi.read_text(encoding="utf-8") != text
    assert status.entry_for(proj, page).state == "current"
    vi.write_text(frontstyle.restyle(vi.read_text(encoding="utf-8")).text, encoding="utf-8")  # check --fix
    assert status.entry_for(proj, page).state == "current"

    step = "Chạm vào nút **Đăng nhập**."
    assert step in text
    vi.write_text(text.replace(step, "Chạm vào nút **Tiếp tục**."), encoding="utf-8")
    assert status.entry_for(proj, page).state == "stale"


def test_bdhvs_new_translate_and_inbox_write_the_canonical_style(reviewed):
    proj, page = reviewed
    for path in (proj.vi_dir / page, proj.ede_dir / page):
        text = path.read_text(encoding="utf-8")
        if path.parent.parent.name == "ede":  # written by `bdhvs translate` and --review
            assert frontstyle.restyle(text).first_line == 0, text[:400]
    from bdhvs.inbox.changes import set_review

    vi_text = frontstyle.restyle((proj.vi_dir / page).read_text(encoding="utf-8")).text
    new, _ = set_review(vi_text, "Cán bộ Công an xã", "2026-12-01")
    assert frontstyle.restyle(new).first_line == 0
    head_old, head_new = vi_text.split("---\n")[1], new.split("---\n")[1]
    changed = set(head_new.splitlines()) - set(head_old.splitlines())
    assert changed <= {"review:", "  status: draft", "  reviewer: Cán bộ Công an xã", "  date: 2026-12-01"}
    shutil.rmtree(proj.ede_dir)
