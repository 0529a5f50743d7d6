"""Glossary terms added for the hard words, the four secrets card, and tooltips that
fire whatever the case ("Mã PIN" / "mã PIN", ".apk" / "APK"), still once per page."""
from __future__ import annotations

import pytest

from bdhvs.content import glossary
from bdhvs.content.feature import explain_once
from bdhvs.settings import DATA_DIR
from conftest import PHONE, StaticServer
from content_helpers import soup
import guidesite

TERMS = glossary.load(DATA_DIR / "glossary.yml")
BY_TERM = {t.term: t for t in TERMS}
HARD_WORDS = ["kích hoạt", "đường link", "Ví giấy tờ", "mã PIN", "tích hợp", "chứng thư chữ ký số", "lưu trú",
              "trình duyệt", "mức 1", "mức 2", "mật khẩu", "passcode", "OTP"]


@pytest.mark.parametrize("word", HARD_WORDS)
def test_hard_words_are_in_the_glossary_with_a_source(word):
    term = BY_TERM[word]
    assert term.definition and term.source_title and term.source_url.startswith("https://")


def test_spellings_cover_both_cases_and_other_forms():
    assert set(glossary.spellings(BY_TERM["mã PIN"])) >= {"mã PIN", "Mã PIN"}
    assert "apk" in glossary.spellings(BY_TERM["APK"])  # as in ".apk"
    assert {"chứng thư số", "chứng thư"} <= set(glossary.spellings(BY_TERM["chứng thư chữ ký số"]))
    abbr = glossary.render_abbr(TERMS)
    for term in TERMS:
        for form in glossary.spellings(term):
            assert f"*[{form}]: " in abbr
    # one definition per spelling: a term's own entry is never overridden by another's variant
    forms = [line.split("]:")[0] for line in abbr.splitlines() if line.startswith("*[")]
    assert len(forms) == len(set(forms))


def test_explain_once_counts_the_spellings_of_a_term_as_one():
    html = '<p><abbr title="Mã mở ví">Mã PIN</abbr> rồi <abbr title="Mã mở ví">mã PIN</abbr>.</p>'
    assert explain_once(html) == '<p><abbr tabindex="0" title="Mã mở ví">Mã PIN</abbr> rồi mã PIN.</p>'


def test_secrets_card_on_the_glossary_page(site):
    card = soup(site / "thuat-ngu/index.html").select_one('article [data-bdhvs="secrets"]')
    assert card is not None
    items = card.select("li")
    assert [li.strong.get_text() for li in items] == ["Mật khẩu", "Passcode", "OTP", "Mã PIN"]
    for li, name in zip(items, glossary.SECRETS):
        term = BY_TERM[name]
        text = " ".join(li.get_text().split())
        assert term.definition in text and term.secret.replace("**", "") in text
        assert li.select_one("a")["href"] == term.source_url
    text = " ".join(card.get_text().split())
    assert "công an" in text and "ngân hàng" in text
    assert glossary.SECRETS_WARNING_SOURCE[1] in {a["href"] for a in card.select("a")}


def test_the_card_needs_its_four_terms(tmp_path):
    with pytest.raises(glossary.GlossaryError) as info:
        glossary.render_secrets([t for t in TERMS if t.term != "mã PIN"])
    assert "mã PIN" in str(info.value) and "Cách sửa" in str(info.value)


@pytest.fixture(scope="module")
def tiny_server(tmp_path_factory):
    server = StaticServer(guidesite.built_site(tmp_path_factory.mktemp("cases")))
    yield server
    server.close()


@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.parametrize("path, text", [("huong-dan/chu-hoa/", "Mã PIN"), ("huong-dan/chu-thuong/", "mã PIN")])
def test_tooltip_fires_whatever_the_case(tiny_server, new_page, path, text):
    page = new_page(**PHONE).page
    page.goto(tiny_server.url + path)
    abbr = page.locator("article abbr", has_text=text)
    assert abbr.count() == 1 and abbr.inner_text() == text
    assert abbr.get_attribute("title") == BY_TERM["mã PIN"].definition
    abbr.focus()  # a tap focuses it: the explanation shows in a bar (guide.css)
    shown = abbr.evaluate("e => getComputedStyle(e, '::after').content")
    assert BY_TERM["mã PIN"].definition in shown


@pytest.mark.slow
@pytest.mark.browser
def test_both_cases_on_one_page_are_explained_once(tiny_server, new_page):
    page = new_page(**PHONE).page
    page.goto(tiny_server.url + "huong-dan/co-ghi-chu/")
    pins = page.locator("article abbr[title]", has_text="PIN")
    assert pins.count() == 1 and pins.inner_text() == "Mã PIN"  # first use; "mã PIN" later is plain
    assert "Không nói mã PIN cho ai" in page.locator("article").inner_text()
    apk = page.locator("article abbr[title]", has_text="apk")
    assert apk.count() == 1 and apk.get_attribute("title") == BY_TERM["APK"].definition
