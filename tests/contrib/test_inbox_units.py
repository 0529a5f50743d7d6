"""`review:` is rewritten line by line: every other byte of the guide stays as it was."""
from __future__ import annotations

import pytest

from bdhvs.inbox.changes import set_review

HEAD = "---\ntitle: Bài\nlast_reviewed: 2026-11-20\n"
TAIL = "time_minutes: 5   # phút\n---\n\n# Bài\n\n1. Mở VNeID.\n"


@pytest.mark.parametrize("review", [
    "review:\n  status: draft\n",
    "review: {status: draft}\n",
    "review:\n    status: draft\n    reviewer: Cán bộ cũ\n    date: 2026-01-02\n",
    "",
])
def test_review_block_replaced_and_nothing_else(review):
    text = HEAD + review + TAIL
    new, changed = set_review(text, "Cán bộ: Công an xã", "2026-12-07")
    assert changed
    block = "review:\n  status: draft\n  reviewer: 'Cán bộ: Công an xã'\n  date: 2026-12-07\n"
    assert new in (HEAD + block + TAIL, HEAD + TAIL.replace("---\n\n# Bài", block + "---\n\n# Bài", 1))


def test_a_reviewed_guide_is_left_alone():
    text = HEAD + "review:\n  status: reviewed\n  reviewer: Cán bộ\n  date: 2026-11-20\n" + TAIL
    assert set_review(text, "Người khác", "2026-12-07") == (text, False)
