"""Issue 14: the new guides exist, stay drafts until staff check them, and say so on the page.

Front matter, sources and the menu are checked for every guide in test_guides.py
(test_front_matter_is_valid_with_sources_and_review_date,
test_every_guide_is_in_the_navigation_of_every_page); this file only pins the issue's list,
so a renamed or deleted guide, or one published as "reviewed" without a staff check, fails here.
"""
from __future__ import annotations

import pytest

from bdhvs.content.guides import read_page
from bdhvs.settings import DOCS_DIR
from content_helpers import GUIDE_IDS, guide_url, soup

# The new guides of issue 14 (one task each).
ISSUE_14_GUIDES = (
    "tao-tai-khoan-ung-dung-vneid",
    "khoa-tai-khoan-vneid",
    "to-giac-lua-dao-vneid",
    "lien-ket-tai-khoan-an-sinh-xa-hoi",
    "the-bhyt-dien-tu",
    "xac-nhan-ky-nang-so-vneid",
    "thanh-toan-qr-ngan-hang",
    "mua-hang-truc-tuyen-an-toan",
    "theo-doi-ho-so-dich-vu-cong",
    "nop-phi-dich-vu-cong",
    "nhan-biet-tin-gia",
    "cuoc-thi-chuyen-doi-so",
    "cai-dat-dien-thoai-cho-nguoi-than",
)


@pytest.mark.parametrize("slug", ISSUE_14_GUIDES)
def test_issue_guide_exists_as_a_sourced_draft_guide(slug):
    assert slug in GUIDE_IDS, f"docs/vi/huong-dan/{slug}.md is missing"
    meta, _ = read_page(DOCS_DIR / "vi" / "huong-dan" / f"{slug}.md")
    assert meta["page_type"] == "guide"
    assert len(meta["sources"]) >= 1
    assert meta["review"]["status"] == "draft", "only staff who tried every step may mark it reviewed"


@pytest.mark.parametrize("slug", ISSUE_14_GUIDES)
def test_issue_guide_page_shows_the_draft_notice(site, slug):
    page = soup(site / guide_url(slug) / "index.html")
    assert page.select_one('[data-bdhvs="draft-notice"]') is not None
