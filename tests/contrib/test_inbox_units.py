"""`review:` is set in the repository's one front-matter style (content/frontstyle.py): in a
guide written in that style (every guide of docs/) only the review lines change; the body
stays byte for byte."""
from __future__ import annotations

import pytest

from bdhvs.content import frontstyle
from bdhvs.inbox.changes import set_review

HEAD = "---\ntitle: Bài\ntime_minutes: 5\nlast_reviewed: 2026-11-20\n"
TAIL = "---\n\n# Bài\n\n1. Mở VNeID.\n"
BLOCK = 'review:\n  status: draft\n  reviewer: "Cán bộ: Công an xã"\n  date: 2026-12-07\n'


@pytest.mark.parametrize("review", [
    "review:\n  status: draft\n",
    "review:\n  status: draft\n  reviewer: Cán bộ cũ\n  date: 2026-01-02\n",
    "",
])
def test_review_block_replaced_and_nothing_else(review):
    text = HEAD + review + TAIL
    assert frontstyle.restyle(text).first_line == 0  # the guide is in the canonical style
    new, changed = set_review(text, "Cán bộ: Công an xã", "2026-12-07")
    assert changed
    assert new == HEAD + BLOCK + TAIL


def test_a_guide_in_another_style_is_written_in_the_canonical_one_body_kept():
    text = "---\ntitle: Bài\nreview: {status: draft}\nlast_reviewed: 2026-11-20\ntime_minutes: 5   # phút\n" + TAIL
    new, changed = set_review(text, "Cán bộ: Công an xã", "2026-12-07")
    assert changed and new == HEAD + BLOCK + TAIL


def test_a_reviewed_guide_is_left_alone():
    text = HEAD + "review:\n  status: reviewed\n  reviewer: Cán bộ\n  date: 2026-11-20\n" + TAIL
    assert set_review(text, "Người khác", "2026-12-07") == (text, False)
