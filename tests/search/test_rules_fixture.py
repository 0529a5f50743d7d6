"""Issue 17 rules on the fixture site (tests/search/fixture_site.py), in real Chromium,
typing into the site's own search box: i/y and c/k variants, synonyms from the data file
and the glossary, run-together words split, front-matter title/description indexed,
question words dropped, guides above listings, editors' pages never shown."""
from __future__ import annotations

import pytest

from conftest import PHONE
from search_helpers import fixture_server, fixture_site, open_search, paths, search  # noqa: F401

from bdhvs.search import rules

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def pages(fixture_server, browser):
    """A Vietnamese and an Ede page with search open (reused by every query)."""
    context = browser.new_context(**PHONE)
    opened = {}
    for lang, path in [("vi", "chu-ky-so/"), ("ede", "ede/")]:
        page = context.new_page()
        page.goto(fixture_server.url + path)
        open_search(page)
        opened[lang] = page
    yield opened
    context.close()


def top(pages, server, query, lang="vi"):
    return paths(search(pages[lang], query), server.url)


def test_i_and_y_are_the_same_letter_but_exact_spelling_first(pages, fixture_server):
    assert top(pages, fixture_server, "kỹ năng")[:2] == ["ky-nang/", "ki-nang/"]
    assert top(pages, fixture_server, "kĩ năng")[:2] == ["ki-nang/", "ky-nang/"]
    assert set(top(pages, fixture_server, "ki nang")[:2]) == {"ky-nang/", "ki-nang/"}
    assert set(top(pages, fixture_server, "ky nang")[:2]) == {"ky-nang/", "ki-nang/"}


@pytest.mark.parametrize("query", ["Đắc Lắc số", "dac lac so", "Đắk Lắc", "dak lak"])
def test_final_c_and_k_are_the_same(pages, fixture_server, query):
    assert top(pages, fixture_server, query)[:1] == ["dak-lak-so/"]


def test_synonym_from_the_data_file(pages, fixture_server):
    # No page says "tải"; the fixture synonyms file says tải = cài đặt.
    assert top(pages, fixture_server, "tải")[:1] == ["cai-dat/"]
    assert top(pages, fixture_server, "tai ung dung")[:1] == ["cai-dat/"]


def test_synonym_from_the_glossary(pages, fixture_server):
    # The page says "bảo hiểm y tế"; the glossary defines BHYT as "Bảo hiểm y tế."
    assert top(pages, fixture_server, "bhyt")[:1] == ["the-bhyt/"]
    assert top(pages, fixture_server, "thẻ BHYT")[:1] == ["the-bhyt/"]


@pytest.mark.parametrize("query,expected", [
    ("dichvucong", "cong-dich-vu/"),
    ("daklakso", "dak-lak-so/"),
    ("đắklắk", "dak-lak-so/"),
    ("kinang", "ki-nang/ ky-nang/"),
])
def test_run_together_words_are_split(pages, fixture_server, query, expected):
    found = top(pages, fixture_server, query)
    assert found and found[0] in expected.split(), (query, found)


def test_known_word_is_not_split(fixture_server, new_page):
    rec = new_page(**PHONE)
    rec.page.goto(fixture_server.url + "dinh-danh/")
    open_search(rec.page)
    assert paths(search(rec.page, "vneid"), fixture_server.url)[:1] == ["dinh-danh/"]
    shards = [u.rsplit("/", 1)[1] for u in rec.requests if "/search-index/vi/t/" in u]
    assert shards and all(s.startswith("vn") for s in shards), shards  # no split: only "vn…" shards


def test_front_matter_title_and_description_are_indexed(pages, fixture_server):
    # "passcode" is only in the front matter (title, description), not in the page heading or text.
    assert top(pages, fixture_server, "passcode")[:1] == ["giu-tai-khoan/"]
    assert top(pages, fixture_server, "giữ kín")[:1] == ["giu-tai-khoan/"]


def test_guide_ranks_above_listing(pages, fixture_server):
    found = top(pages, fixture_server, "thông báo lưu trú")
    assert found[:2] == ["luu-tru/", "cac-bai-luu-tru/"], found
    found = top(pages, fixture_server, "luu tru")
    assert found.index("luu-tru/") < found.index("cac-bai-luu-tru/"), found


def test_question_words_are_dropped(pages, fixture_server):
    # Typing "làm sao để lưu…": without the rule, "Làm sao để hỏi" (3 of the 4 words, in
    # its title) would come first.
    assert top(pages, fixture_server, "làm sao để lưu")[:1] == ["luu-tru/"]
    assert top(pages, fixture_server, "lam sao de luu")[:1] == ["luu-tru/"]
    # Alone, they are searched: the page whose title they are is found.
    assert top(pages, fixture_server, "làm sao")[:1] == ["lam-sao/"]


@pytest.mark.parametrize("query", ["tình trạng bản dịch", "tinh trang ban dich", "bản dịch nào đã xong"])
def test_editor_pages_are_not_in_search(pages, fixture_server, query):
    for lang in ("vi", "ede"):
        found = top(pages, fixture_server, query, lang)
        assert not [p for p in found if "bien-tap" in p], (lang, found)


def test_browser_folds_words_like_the_index(pages):
    """The browser applies the rules shipped in meta.js: same folded form as Python."""
    words = ["ký", "kí", "Kỹ", "lấy", "máy", "Đắk", "Lắk", "khẩu", "kích", "quý", "mỹ", "DakLak",
             "yêu", "ƀuôn", "đăng", "tuyến", "mk", "hy"]
    browser_folded = pages["vi"].evaluate("ws => ws.map(w => window.bdhvsSearch.fold(w))", words)
    assert browser_folded == [rules.fold(w) for w in words]
    assert rules.fold("ký") == rules.fold("kí") and rules.fold("Đắk") == rules.fold("Đắc")
