"""Issue 23: the new guides exist, stay drafts until staff check them, say so on the page,
and each keeps the one fact a reader could be harmed by if it regressed.

Front matter, sources and the menu are checked for every guide in test_guides.py; the
hotlines a citizen reads are checked against data/hotlines.yml in test_guide_facts.py.
Every fact below is read from the built public page (what a citizen sees), not the Markdown.
"""
from __future__ import annotations

import re

import pytest
import yaml

from bdhvs.content.guides import read_page
from bdhvs.settings import DATA_DIR, DOCS_DIR
from content_helpers import GUIDE_IDS, guide_url, soup

# The new guides of issue 23 (one task each).
ISSUE_23_GUIDES = (
    "nhan-biet-tin-nhan-gia-mao",
    "xem-lich-su-kham-benh-vneid",
    "ung-dung-ngan-hang-an-toan",
    "theo-doi-phan-anh-dak-lak-so",
    "ky-van-ban-chu-ky-so-vneid",
    "ma-pin-sim-va-khoa-sim",
    "lua-dao-chia-se-man-hinh",
    "lua-dao-viec-nhe-luong-cao",
    "hoi-chatbot-ai-viec-nha-nong",
    "ai-trong-cong-viec-can-bo-xa",
    "can-bo-hoc-khoa-duoc-giao",
    "lay-lai-tai-khoan-zalo-facebook",
)

# Names the sources confirm, so they may be bold inside the steps (app stores).
CONFIRMED_BOLD = {"CH Play", "App Store"}


def article(site, slug):
    return soup(site / guide_url(slug) / "index.html").select_one("article")


def text(el) -> str:
    return re.sub(r"\s+", " ", el.get_text(" ", strip=True))


def first_list_after(art, heading_id: str):
    heading = art.find(id=heading_id)
    assert heading is not None, f"no heading #{heading_id}"
    return heading.find_next("ol")


def steps(art, heading_id: str = "cac-buoc") -> list[str]:
    return [text(li) for li in first_list_after(art, heading_id).find_all("li", recursive=False)]


@pytest.mark.parametrize("slug", ISSUE_23_GUIDES)
def test_issue_guide_exists_as_a_sourced_draft_guide(slug):
    assert slug in GUIDE_IDS, f"docs/vi/huong-dan/{slug}.md is missing"
    meta, _ = read_page(DOCS_DIR / "vi" / "huong-dan" / f"{slug}.md")
    assert meta["page_type"] == "guide"
    assert len(meta["sources"]) >= 1
    assert all(s.get("date") for s in meta["sources"]), "every source says when it was read"
    assert meta["review"]["status"] == "draft", "only staff who tried every step may mark it reviewed"


@pytest.mark.parametrize("slug", ISSUE_23_GUIDES)
def test_issue_guide_page_shows_the_draft_notice(site, slug):
    page = soup(site / guide_url(slug) / "index.html")
    assert page.select_one('[data-bdhvs="draft-notice"]') is not None


@pytest.mark.parametrize("slug", ["xem-lich-su-kham-benh-vneid", "ky-van-ban-chu-ky-so-vneid",
                                  "theo-doi-phan-anh-dak-lak-so"])
def test_steps_bold_no_button_label_the_sources_do_not_confirm(site, slug):
    """These pages are built from sources that do not name the buttons: a bold label in the
    steps would tell a citizen to look for a word that may not be on the screen."""
    ol = first_list_after(article(site, slug), "cac-buoc")
    bold = {text(b) for b in ol.select("strong, b")}
    assert bold <= CONFIRMED_BOLD | {"0262 1022"}, bold - CONFIRMED_BOLD


def test_sms_guide_says_bank_sms_carry_no_links_and_the_sender_name_proves_nothing(site):
    page = text(article(site, "nhan-biet-tin-nhan-gia-mao"))
    assert "ngân hàng không gửi tin nhắn SMS có đường link" in page
    assert "tên người gửi đúng chưa chắc là tin thật" in page
    # the rule is "do not tap", even for a real government message
    assert "không cần bấm vào đường link trong tin nhắn" in page


def test_bank_guide_checks_the_bill_holder_before_the_otp(site):
    """Paying the wrong household's bill is money lost: the name check comes before the OTP."""
    bill = steps(article(site, "ung-dung-ngan-hang-an-toan"), "tra-tien-dien")
    check = next(i for i, s in enumerate(bill) if "tên chủ hộ" in s and "khớp" in s)
    otp = next(i for i, s in enumerate(bill) if "mã OTP" in s)
    assert check < otp
    assert "tự nhập" in bill[otp], "the OTP step says only you type it"


def test_sim_guide_stops_guessing_the_default_pin(site):
    """A wrong PIN entered again and again locks the SIM: the default codes come with 'stop'."""
    pin = steps(article(site, "ma-pin-sim-va-khoa-sim"), "dat-ma-pin-cho-sim")
    default = next(s for s in pin if "0000" in s)
    assert "đừng thử tiếp" in default
    assert "SGGP" in default, "the default codes are attributed to their only source"


def test_sim_guide_locks_the_sim_then_the_bank_then_vneid(site):
    lost = steps(article(site, "ma-pin-sim-va-khoa-sim"), "khi-mat-dien-thoai")
    assert "khoá SIM" in lost[0]
    assert "ngân hàng" in lost[1] and "khoá" in lost[1]
    assert "VNeID" in lost[2]


@pytest.mark.parametrize("slug,heading", [("lua-dao-chia-se-man-hinh", "neu-da-lo-lam-theo"),
                                          ("lua-dao-viec-nhe-luong-cao", "neu-da-lo-chuyen-tien")])
def test_after_falling_for_it_the_bank_comes_first(site, slug, heading):
    first = steps(article(site, slug), heading)[0]
    assert "ngân hàng" in first and "khoá tài khoản" in first, first


def test_job_and_loan_guide_never_pays_first(site):
    page = steps(article(site, "lua-dao-viec-nhe-luong-cao"))
    assert any("Không chuyển tiền trước" in s for s in page)


def test_screen_sharing_guide_says_stop_on_any_of_the_three_requests(site):
    first = steps(article(site, "lua-dao-chia-se-man-hinh"))[0]
    for ask in ("chia sẻ màn hình", "cài ứng dụng", "quyền trợ năng"):
        assert ask in first, ask
    assert "dừng lại" in first.lower()


def test_signing_guide_reads_the_whole_document_before_signing(site):
    assert "Đọc kỹ toàn bộ văn bản" in steps(article(site, "ky-van-ban-chu-ky-so-vneid"))[0]


def test_health_guide_links_the_health_book_page_instead_of_repeating_it(site):
    art = article(site, "xem-lich-su-kham-benh-vneid")
    hrefs = {a["href"] for a in art.select("a[href]")}
    assert any("so-suc-khoe-dien-tu" in h for h in hrefs)
    assert "mức 2" in text(art)


def test_complaint_guide_hotline_is_an_ok_hotline(site):
    page = text(article(site, "theo-doi-phan-anh-dak-lak-so"))
    assert "0262 1022" in page
    hotlines = yaml.safe_load((DATA_DIR / "hotlines.yml").read_text(encoding="utf-8"))["hotlines"]
    entry = next(h for h in hotlines if re.sub(r"\D", "", h["number"]) == "02621022")
    assert entry["status"] in ("ok", "verified") and entry["source"].startswith("https://")


def test_farm_chatbot_guide_strips_private_data_before_asking_and_checks_before_buying(site):
    """Typed text may be kept by the chatbot, and its answer may be wrong: the page removes the
    ID, bank and OTP numbers before the question, and sends the reader to khuyến nông before money."""
    page = steps(article(site, "hoi-chatbot-ai-viec-nha-nong"))
    strip = next(i for i, s in enumerate(page) if "Không gõ số căn cước" in s)
    for secret in ("số tài khoản ngân hàng", "mã OTP", "mật khẩu"):
        assert secret in page[strip], secret
    ask = next(i for i, s in enumerate(page) if s.startswith("Gõ câu hỏi"))
    check = next(i for i, s in enumerate(page) if "khuyến nông" in s)
    assert strip < ask < check
    assert "Trước khi mua" in page[check]


def test_officials_ai_guide_stops_on_secret_and_personal_data_before_typing(site):
    art = article(site, "ai-trong-cong-viec-can-bo-xa")
    never = text(art.find(id="dieu-khong-bao-gio-dua-vao-chatbot-ai").find_next("ul"))
    assert "bí mật nhà nước" in never and "thông tin cá nhân" in never
    assert "557/BKHCN-CĐSQG" in text(art)
    page = steps(art)
    secret = next(i for i, s in enumerate(page) if "mật" in s and "dừng lại" in s.lower())
    personal = next(i for i, s in enumerate(page) if "Xoá hết thông tin cá nhân" in s)
    typing = next(i for i, s in enumerate(page) if s.startswith("Gõ yêu cầu"))
    assert secret < typing and personal < typing


def test_course_guide_says_the_2026_deadline_passed_and_the_certificate_path_is_unpublished(site):
    """An official must not read a past deadline as open, nor an invented certificate menu."""
    art = article(site, "can-bo-hoc-khoa-duoc-giao")
    before = text(art.find(id="ban-can-biet-truoc").find_next("ul"))
    assert "30/11/2026" in before and "đã qua" in before
    assert "chưa được công bố" in before
    page = steps(art)
    assert "VNeID" in page[2], "log in with the official's own VNeID"
    ol = first_list_after(art, "cac-buoc")
    cert = next(li for li in ol.find_all("li", recursive=False) if "chứng chỉ" in text(li))
    assert "Phòng Văn hoá – Xã hội" in text(cert)
    assert not cert.select("strong, b"), "no certificate button is confirmed: nothing bold in that step"


def test_taken_over_account_guide_warns_contacts_first_and_sends_payers_to_their_bank(site):
    art = article(site, "lay-lai-tai-khoan-zalo-facebook")
    ids = [h.get("id") for h in art.find_all(["h2", "h3"])]
    assert ids.index("bao-nguoi-than-ngay") < ids.index("lay-lai-zalo") < ids.index("lay-lai-facebook")
    warn = steps(art, "bao-nguoi-than-ngay")[0]
    assert "người thân" in warn and "gọi điện thoại vào số quen" in warn
    paid = next(s for s in steps(art, "sau-khi-lay-lai-duoc") if "chuyển tiền" in s)
    assert paid.index("ngân hàng") < paid.index("công an"), paid
