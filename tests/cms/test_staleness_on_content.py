"""Translation staleness is measured on content (issue 25): the browser editor restyles
the front matter on save (quotes, flow lists written as block lists, dates unquoted); a
save that changes no value keeps a reviewed translation current. A changed word does not."""
from __future__ import annotations

import yaml

from bdhvs.i18n import base

VI = """---
title: Thử
plan_task: "III.4"
audience: [citizens, students]
sources:
  - title: "Nguồn thử"
    date: 2025-07-05
---

# Thử

1. Mở **VNeID**.
"""


def decap_style(text: str) -> str:
    """The same values written as a YAML serialiser writes them (block lists, own quoting),
    with the body's trailing newline changed."""
    head, body = text.split("---\n", 2)[1:]
    meta = yaml.safe_load(head)
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n" + body.rstrip("\n")


def test_a_restyled_front_matter_keeps_the_hash():
    restyled = decap_style(VI)
    assert restyled != VI and "- citizens" in restyled
    assert base.source_hash(restyled) == base.source_hash(VI)


def test_a_changed_value_or_word_changes_the_hash():
    assert base.source_hash(VI.replace("III.4", "III.5")) != base.source_hash(VI)
    assert base.source_hash(VI.replace("Mở", "Bấm")) != base.source_hash(VI)
