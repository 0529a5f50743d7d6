"""Harms of issue #23 that a citizen would notice if they came back, read from the BUILT
pages (what a reader sees: staff notes, source lists and page furniture left out).

Money lost -> bank first; screen sharing / Accessibility warned where the guides send people;
lost phone -> SIM, bank, VNeID, unlock before logging in again; the official-address list is
not presented as complete; QR codes are not harmless; 1900 0368 costs money and its locking
role is hedged; paper BHYT cards still work; one name for the Ví giấy tờ PIN; no dated promise
presented as still ahead; gaps the sources fill; no citizen sentence over 25 syllables."""
from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest

from content_helpers import GUIDES, guide_url, soup

# Reference date of the December 2026 review: a deadline before it, stated in citizen text,
# must be said to have passed (the freshness check of `bdhvs check` covers later dates).
REVIEW_DATE = (2026, 12, 7)
MAX_SYLLABLES = 25
FURNITURE = (".bdhvs-sources", ".bdhvs-handout", ".bdhvs-guide-labels", ".bdhvs-draft-notice",
             ".bdhvs-staff-line", ".admonition.staff", ".bdhvs-addresses", ".headerlink", "script", "style")
POLICE = re.compile(r"công an (xã|gần nhất)|cơ quan công an", re.I)
LOSS = re.compile(r"(?<!nghi )bị lừa|lỡ chuyển|đã chuyển tiền|lỡ trả tiền|mất tiền(?! cước)", re.I)


def page(site, slug_or_path: str):
    """The citizen part of a built page: its <article> without furniture and staff notes."""
    rel = slug_or_path if slug_or_path.endswith("/") else guide_url(slug_or_path)
    article = soup(site / rel / "index.html").select_one("article")
    for sel in FURNITURE:
        for el in article.select(sel):
            el.decompose()
    return article


def text(el) -> str:
    return re.sub(r"\s+", " ", el.get_text(" ", strip=True))


def blocks(article):
    """Innermost reading units: list items (without their nested lists), paragraphs, definitions."""
    for el in article.find_all(["p", "li", "dd", "dt", "td"]):
        if el.name == "p" and el.find_parent(["li", "dd"]):
            continue
        if el.find_parent(attrs={"data-bdhvs": "self-check"}):
            continue  # the self-check quiz asks about the page; its numbered questions are not steps
        yield el


def own_text(el) -> str:
    """Text of a block without the text of nested lists (each nested item is its own block)."""
    clone = soup_fragment(el)
    for nested in clone.find_all(["ol", "ul", "dl"]):
        nested.decompose()
    return text(clone)


def soup_fragment(el):
    from bs4 import BeautifulSoup
    return BeautifulSoup(str(el), "html.parser")


ALL_PAGES = [g.slug for g in GUIDES] + ["hoi-dap/", "ho-tro/"]


# --- bank first --------------------------------------------------------------------------

@pytest.mark.parametrize("slug", ALL_PAGES)
def test_after_money_is_lost_the_bank_comes_before_the_police(site, slug):
    """Every citizen instruction about a loss that names the police names the bank first."""
    problems = []
    for el in blocks(page(site, slug)):
        t = own_text(el)
        if el.name == "li" and el.parent is not None and el.parent.name == "ol":
            # A numbered list is read in order: the bank may be an earlier step of the same list.
            earlier = [own_text(li) for li in el.find_previous_siblings("li")]
            t = " ".join(reversed(earlier)) + " " + t
        police = POLICE.search(t)
        if not police or not LOSS.search(t) or "lấy lại tiền" in t and "Không" in t[:20]:
            continue
        bank = re.search(r"ngân hàng", t, re.I)
        if not bank or bank.start() > police.start():
            problems.append(t[:140])
    assert problems == [], slug


@pytest.mark.parametrize("slug", ["mua-hang-truc-tuyen-an-toan", "cuoc-thi-chuyen-doi-so", "to-giac-lua-dao-vneid",
                                  "thanh-toan-qr-ngan-hang", "nop-phi-dich-vu-cong"])
def test_money_pages_link_to_the_after_a_scam_guide(site, slug):
    links = {urlparse(a["href"]).path.rstrip("/").split("/")[-1] for a in page(site, slug).select("a[href]")}
    assert "bao-cao-lua-dao" in links, slug


def test_qr_payment_guide_says_what_to_do_after_paying_a_scammer(site):
    article = page(site, "thanh-toan-qr-ngan-hang")
    heading = next((h for h in article.find_all(["h2", "h3"]) if re.search(r"đã chuyển tiền|đã bị lừa", text(h))), None)
    assert heading is not None, "no section for money already sent to a scammer"
    first = heading.find_next_sibling("ol").find("li", recursive=False)
    assert "ngân hàng" in text(first) and re.search(r"kho[áa]", text(first)), text(first)[:120]


# --- screen sharing, remote control, Accessibility -------------------------------------------

def test_accessibility_menu_step_warns_about_the_accessibility_permission(site):
    """The relatives guide sends elderly users into "Hỗ trợ tiếp cận": warn right there."""
    article = page(site, "cai-dat-dien-thoai-cho-nguoi-than")
    step = next(li for li in article.select("ol > li") if "Hỗ trợ tiếp cận" in text(li))
    t = text(step)
    assert "quyền trợ năng" in t and re.search(r"[Kk]hông (bao giờ )?bật", t), t[:200]


@pytest.mark.parametrize("slug", ["cai-dat-dien-thoai-cho-nguoi-than", "mua-hang-truc-tuyen-an-toan", "nhan-biet-lua-dao"])
def test_pages_warn_never_to_share_the_screen(site, slug):
    found = [own_text(el) for el in blocks(page(site, slug)) if "chia sẻ màn hình" in own_text(el)]
    assert any(re.search(r"[Kk]hông|tắt máy", t) for t in found), (slug, found)


def test_bank_app_refusing_to_run_is_not_fixed_by_a_caller(site):
    t = text(page(site, "thanh-toan-qr-ngan-hang"))
    assert "77/2025" in t and re.search(r"quầy ngân hàng", t)


# --- lost phone ---------------------------------------------------------------------------

def _first_index(items, pattern):
    return next((i for i, t in enumerate(items) if re.search(pattern, t, re.I)), None)


def test_lost_phone_order_is_sim_bank_vneid_then_unlock_then_log_in(site):
    article = page(site, "khoa-tai-khoan-vneid")
    items = [own_text(li) for li in article.find("ol").find_all("li", recursive=False)]
    sim, bank = _first_index(items, r"kho[áa] SIM"), _first_index(items, r"ngân hàng")
    vneid = _first_index(items, r"kho[áa] tạm (VNeID|tài khoản)")
    unlock, login = _first_index(items, r"mở kho[áa]"), _first_index(items, r"đăng nhập")
    assert None not in (sim, bank, vneid, unlock, login), items
    assert sim < vneid and bank < vneid, items
    assert unlock < login, "log in on the new phone only after the account is unlocked"


def test_lost_phone_guide_mentions_a_sim_pin(site):
    t = text(page(site, "khoa-tai-khoan-vneid"))
    assert re.search(r"mã PIN (của|cho) SIM", t)


# --- the official-address list is not complete ------------------------------------------------

ADDRESS_PAGES = ["cuoc-thi-chuyen-doi-so", "kiem-tra-trang-web-la", "nhan-biet-lua-dao", "hoc-tren-binhdanhocvuso",
                 "nop-phi-dich-vu-cong", "theo-doi-ho-so-dich-vu-cong"]


@pytest.mark.parametrize("slug", ADDRESS_PAGES)
def test_official_list_is_said_to_be_incomplete(site, slug):
    full = soup(site / guide_url(slug) / "index.html").select_one("article")
    listing = full.select_one('[data-bdhvs="official-addresses"]') or full.select_one(".bdhvs-addresses")
    assert listing is not None, slug
    nearby = " ".join(text(el) for el in listing.find_next_siblings(limit=2))
    assert "chưa đủ" in nearby and "hỏi cán bộ xã" in nearby, (slug, nearby[:200])


def test_every_gov_vn_site_a_guide_links_is_on_the_official_list(site):
    full = soup(site / guide_url("kiem-tra-trang-web-la") / "index.html").select_one("article")
    listed = text(full.select_one('[data-bdhvs="official-addresses"]') or full.select_one(".bdhvs-addresses"))
    missing = set()
    for guide in GUIDES:
        for a in page(site, guide.slug).select("a[href^='https://']"):
            host = urlparse(a["href"]).hostname or ""
            if host.endswith(".gov.vn") and host not in listed:
                missing.add(f"{guide.slug}: {host}")
    assert missing == set()


# --- QR codes ---------------------------------------------------------------------------------

def test_fake_news_guide_does_not_call_qr_codes_harmless(site):
    article = page(site, "nhan-biet-tin-gia")
    t = text(article)
    assert not re.search(r"chỉ mất tiền khi", t), "QR codes presented as harmless"
    assert "đăng nhập Zalo" in t and "mã độc" in t


# --- 1900 0368 ----------------------------------------------------------------------------

def _has_1900(t: str) -> bool:
    return "19000368" in re.sub(r"[ .]", "", t)


@pytest.mark.parametrize("slug", ALL_PAGES)
def test_1900_0368_is_said_to_cost_money_and_its_locking_role_is_hedged(site, slug):
    article = page(site, slug)
    if not _has_1900(text(article)):
        return
    assert re.search(r"(mất|tính) (tiền )?cước|mất phí", text(article)), f"{slug}: 1900 0368 without saying it costs money"
    for el in blocks(article):
        t = own_text(el)
        if _has_1900(t) and re.search(r"kho[áa]", t) and not re.search(r"mở kho[áa]", t):
            assert re.search(r"chưa|có thể", t), f"{slug}: locking role stated as fact: {t[:140]}"


# --- BHYT and the Ví giấy tờ -------------------------------------------------------------------

@pytest.mark.parametrize("slug", ["the-bhyt-dien-tu", "muc-tai-khoan-vneid", "tich-hop-giay-to", "hoi-dap/"])
def test_a_valid_paper_bhyt_card_is_said_to_still_work(site, slug):
    t = text(page(site, slug))
    assert re.search(r"(thẻ|Thẻ) (BHYT |bảo hiểm y tế )?giấy", t)
    assert re.search(r"giấy còn (hạn|hạn của bạn)[^.]{0,40}vẫn dùng được|vẫn dùng được", t), slug


@pytest.mark.parametrize("slug", ["the-bhyt-dien-tu", "muc-tai-khoan-vneid", "hoi-dap/"])
def test_who_still_gets_a_paper_card_is_not_stated_as_settled(site, slug):
    for el in blocks(page(site, slug)):
        t = own_text(el)
        if re.search(r"vẫn (được )?cấp thẻ (BHYT )?giấy|vẫn được cấp thẻ giấy", t):
            assert re.search(r"khác nhau|[Hh]ỏi", t), f"{slug}: {t[:140]}"


def test_one_name_for_the_document_wallet_secret(site):
    problems = []
    for guide in GUIDES:
        for el in blocks(page(site, guide.slug)):
            t = own_text(el)
            if re.search(r"mật khẩu (bảo vệ )?Ví giấy tờ", t) and "gọi" not in t:
                problems.append(f"{guide.slug}: {t[:120]}")
    assert problems == []


def test_unconfirmed_bhyt_card_label_is_not_bold(site):
    article = page(site, "the-bhyt-dien-tu")
    section = next(h for h in article.find_all("h2") if "VNeID" in text(h))
    steps = section.find_next_sibling("ol")
    assert not [b for b in steps.find_all("strong") if "BHYT" in text(b) or "bảo hiểm y tế" in text(b)]


# --- out of date in December 2026 -------------------------------------------------------------

DATE = re.compile(r"(?:ngày |tháng )?(?:(\d{1,2})/)?(\d{1,2})/(20\d\d)")
PROMISE = re.compile(r"trước ngày|dự kiến|hạn", re.I)
PASSED = re.compile(r"đã qua|chưa biết|đã diễn ra|không còn", re.I)


@pytest.mark.parametrize("slug", ALL_PAGES)
def test_no_passed_deadline_is_presented_as_still_ahead(site, slug):
    article = page(site, slug)
    problems = []
    for el in blocks(article):
        t = own_text(el)
        if not PROMISE.search(t):
            continue
        for m in DATE.finditer(t):
            day, month, year = int(m.group(1) or 28), int(m.group(2)), int(m.group(3))
            if (year, month, day) < REVIEW_DATE and PROMISE.search(t[max(0, m.start() - 40):m.end()]):
                nxt = el.find_next_sibling()
                around = t + " " + (own_text(nxt) if nxt else "")
                if not PASSED.search(around):
                    problems.append(t[:140])
    assert problems == [], slug


def test_payment_limits_name_the_current_circulars(site):
    t = text(page(site, "thanh-toan-qr-ngan-hang"))
    assert "50/2024/TT-NHNN" in t and "77/2025/TT-NHNN" in t


@pytest.mark.parametrize("slug", ALL_PAGES)
def test_old_ministry_names_and_merged_provinces(site, slug):
    for el in blocks(page(site, slug)):
        t = own_text(el)
        assert "Bình Dương" not in t, f"{slug}: {t[:120]}"
        if "Bộ Thông tin và Truyền thông" in t:
            nxt = el.find_next_sibling()
            around = t + " " + (own_text(nxt) if nxt else "")
            assert "Bộ Khoa học và Công nghệ" in around or re.search(r"\bcũ\b", t), f"{slug}: {t[:120]}"


def test_fake_news_centre_operator_doubt_is_said_to_citizens(site):
    article = page(site, "nhan-biet-tin-gia")
    step = next(li for li in article.select("ol > li") if "tingia.gov.vn" in text(li))
    assert re.search(r"chưa biết|chưa rõ", text(step)), text(step)[:200]


# --- gaps the sources fill ----------------------------------------------------------------------

def test_forgotten_passcode_has_steps(site):
    article = page(site, "doi-passcode-vneid")
    heading = next(h for h in article.find_all(["h2", "h3"]) if "quên passcode" in text(h).lower())
    steps = [text(li) for li in heading.find_next_sibling("ol").find_all("li", recursive=False)]
    assert any("Quên passcode" in s for s in steps) and any("OTP" in s for s in steps)


def test_stay_notice_explains_temporary_residence_and_the_fine(site):
    t = text(page(site, "thong-bao-luu-tru"))
    assert "tạm trú" in t and "30 ngày" in t and "282/2025" in t


def test_phone_number_change_mentions_the_in_app_way_with_its_doubt(site):
    article = page(site, "doi-so-dien-thoai-vneid")
    found = [own_text(el) for el in blocks(article) if "trong ứng dụng" in own_text(el) and "đổi số" in own_text(el)]
    assert found and any(re.search(r"chưa|Hỏi", t) for t in found), found


def test_health_book_lists_prescriptions(site):
    assert "đơn thuốc" in text(page(site, "so-suc-khoe-dien-tu"))


# --- plain language -----------------------------------------------------------------------------

def _sentences(t: str):
    # like the engine's measure (checks/sentences.py): a sentence ends at . ! ? or …, not at : or ;
    return [s for s in re.split(r"(?<=[.!?…][\"”])\s+|(?<=[.!?…])\s+|\s*¶\s*", t) if s.strip()]


def sentence_text(el) -> str:
    """Like own_text, but a title, paragraph or box inside the block also ends a sentence."""
    clone = soup_fragment(el)
    for nested in clone.find_all(["ol", "ul", "dl"]):
        nested.decompose()
    for part in clone.find_all(["p", "div", "figure", "figcaption"]):
        part.append(" ¶ ")
    return text(clone)


@pytest.mark.parametrize("slug", ALL_PAGES)
def test_no_citizen_sentence_is_longer_than_25_syllables(site, slug):
    """The page's own text. The shared safety boxes (data/safety/, one text for many pages) are
    left out here: they are written once, outside the guides, and measured where they are written."""
    article = page(site, slug)
    for box in article.select(".admonition.safety"):
        box.decompose()
    long = []
    for el in blocks(article):
        for s in _sentences(sentence_text(el)):
            syllables = [w for w in s.split() if re.search(r"\w", w)]
            if len(syllables) > MAX_SYLLABLES:
                long.append(f"{len(syllables)}: {s[:100]}")
    assert long == [], slug
