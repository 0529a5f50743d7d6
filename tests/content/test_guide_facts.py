"""Facts of issue #14 that a reader would notice if they regressed: after a scam the bank
comes first, no guide teaches the misleading ".gov.vn only" rule, the lost-phone guide locks
the VNeID account, and every hotline a citizen reads is one data/hotlines.yml calls ok."""
from __future__ import annotations

import re

import pytest
import yaml

from bdhvs.content.guides import read_page
from bdhvs.settings import DATA_DIR, DOCS_DIR
from content_helpers import GUIDES, guide_url, soup

SCAM_GUIDES = ("nhan-biet-lua-dao", "bao-cao-lua-dao")
AFTER_SCAM = re.compile(r"đã bị lừa", re.I)
PAGES = [DOCS_DIR / "vi" / g.src for g in GUIDES] + [DOCS_DIR / "vi" / "hoi-dap.md", DOCS_DIR / "vi" / "ho-tro.md"]
OFFICIAL_ADDRESSES = "<!-- bdhvs:official-addresses -->"


def citizen_blocks(path) -> list[str]:
    """The page body as paragraphs/list blocks, without `!!! staff` blocks (staff-only)."""
    _, body = read_page(path)
    kept, in_staff = [], False
    for line in body.splitlines():
        if line.startswith("!!! staff"):
            in_staff = True
            continue
        if in_staff and (not line.strip() or line.startswith("    ")):
            continue
        in_staff = False
        kept.append(line)
    return [b for b in re.split(r"\n\s*\n", "\n".join(kept)) if b.strip()]


def after_scam_lists(site, slug):
    """First numbered list under each heading of the built page that is about 'đã bị lừa'
    (for a page whose title is about it: the first list under "Các bước")."""
    article = soup(site / guide_url(slug) / "index.html").select_one("article")
    lists = []
    for heading in article.find_all(["h1", "h2", "h3"]):
        if heading.name == "h1":  # a page about what to do after a scam: its "Các bước"
            if not AFTER_SCAM.search(heading.get_text()) or not article.find(id="cac-buoc"):
                continue
            heading = article.find(id="cac-buoc")
        elif not AFTER_SCAM.search(heading.get_text()):
            continue
        for el in heading.find_next_siblings():
            if el.name in ("h2", "h3"):
                break
            if el.name == "ol":
                lists.append(el)
                break
    return lists


def test_scam_guides_have_an_after_scam_list(site):
    for slug in SCAM_GUIDES:
        assert after_scam_lists(site, slug), f"{slug}: no numbered list under a 'đã bị lừa' heading"


@pytest.mark.parametrize("guide", GUIDES, ids=[g.slug for g in GUIDES])
def test_after_a_scam_step_one_is_calling_the_bank_to_lock_the_account(site, guide):
    for ol in after_scam_lists(site, guide.slug):
        first = ol.find("li", recursive=False).get_text(" ", strip=True)
        assert "ngân hàng" in first and re.search(r"kho[áa]", first), (guide.slug, first[:120])


def test_no_page_teaches_the_gov_vn_only_rule():
    rule = re.compile(r"(đuôi|kết thúc bằng|tận cùng (là|bằng))\s*[\"“']?\s*\.gov\.vn", re.I)
    found = []
    for path in PAGES:
        for block in citizen_blocks(path):
            plain = re.sub(r"[*`_]", "", block)
            if rule.search(plain):
                found.append(f"{path.name}: {plain.strip()[:100]}")
    assert found == []


@pytest.mark.parametrize("slug", ["nhan-biet-lua-dao", "kiem-tra-trang-web-la", "hoc-tren-binhdanhocvuso"])
def test_guides_that_check_addresses_carry_the_official_list_marker(slug):
    _, body = read_page(DOCS_DIR / "vi" / "huong-dan" / f"{slug}.md")
    assert OFFICIAL_ADDRESSES in [line.strip() for line in body.splitlines()]


def test_lost_phone_guide_locks_the_account_and_unlinks_the_old_phone(site):
    article = soup(site / guide_url("dang-nhap-dien-thoai-moi") / "index.html").select_one("article")
    lost = next(h for h in article.find_all("h3") if "bị mất" in h.get_text())
    first = lost.find_next_sibling("ol").find("li", recursive=False).get_text(" ", strip=True)
    assert re.search(r"kho[áa] tạm thời tài khoản VNeID", first), first[:120]
    assert "Quản lý thiết bị" in article.get_text() and "Hủy liên kết" in article.get_text()


def _digits(text: str) -> set[str]:
    return {re.sub(r"[ .]", "", m) for m in re.findall(r"\d[\d .]*\d|\d", text)}


def test_every_hotline_a_citizen_reads_is_ok_and_not_called_unverified():
    hotlines = yaml.safe_load((DATA_DIR / "hotlines.yml").read_text(encoding="utf-8"))["hotlines"]
    by_digits = {re.sub(r"\D", "", h["number"]): h for h in hotlines}
    doubt = re.compile(r"chưa (được )?(xác nhận|xác minh|kiểm tra)|chưa chắc|không rõ còn", re.I)
    problems, seen = [], set()
    for path in PAGES:
        for block in citizen_blocks(path):
            for digits in _digits(block) & by_digits.keys():
                seen.add(digits)
                entry = by_digits[digits]
                if entry["status"] not in ("ok", "verified"):
                    problems.append(f"{path.name}: {entry['number']} is '{entry['status']}' in hotlines.yml")
                if doubt.search(block):
                    problems.append(f"{path.name}: {entry['number']} is called unverified: {block.strip()[:100]}")
    assert problems == []
    # The number both pages needed (issue #14: data said ok, the guide said unverified).
    assert "19000368" in seen
    assert by_digits["19000368"]["status"] == "ok"
