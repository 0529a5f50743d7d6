"""Which pages are indexed, in which language, and how (no browser)."""
from __future__ import annotations

import json

from fixture_site import EDE_FALLBACKS, EDE_PAGES, EDITOR_PAGES, RULE_PAGES, VI_PAGES, make_fixture_site

from bdhvs.search import offline, pages, writer


def test_scan_site_classifies_languages_and_fallbacks(tmp_path):
    site = make_fixture_site(tmp_path / "site", index=False)
    scanned = pages.scan_site(site)
    assert {p for p, page in scanned.items() if page.indexed and page.lang == "vi"} == set(VI_PAGES) | set(RULE_PAGES)
    assert {p for p, page in scanned.items() if page.indexed and page.lang == "rad"} == set(EDE_PAGES)
    assert not [p for p in EDITOR_PAGES if scanned[p].indexed]  # editors' pages, both languages
    assert {p for p, page in scanned.items() if page.fallback} == {"ede/" + p for p in EDE_FALLBACKS}
    # The vi twin of an Ede fallback is what the Ede search shows, at the Ede address.
    twin = scanned["chu-ky-so/index.html"]
    assert twin.in_ede_search and twin.ede_url == "/ede/chu-ky-so/" and twin.ede_path == "ede/chu-ky-so/index.html"
    translated = scanned["co-ban-dich/index.html"]
    assert not translated.in_ede_search and translated.ede_url is None
    assert all(scanned[p].in_ede_search for p in EDE_PAGES)


def test_page_urls():
    assert pages.page_url("index.html") == "/"
    assert pages.page_url("ede/huong-dan/x/index.html") == "/ede/huong-dan/x/"
    assert pages.page_url("huong-dan/x.html") == "/huong-dan/x.html"  # use_directory_urls: false


def test_index_holds_the_article_only_with_folded_and_written_words(tmp_path):
    site = make_fixture_site(tmp_path / "site", index=False)
    written = offline.write_offline_index(site)
    assert {p.name for p in written} >= {"meta.js", "da.js", "0.js"}

    def data(path):
        text = path.read_text(encoding="utf-8")
        return json.loads("[" + text[text.index("(") + 1: text.rindex(")")] + "]")[-1]

    index = site / "search-index"
    pages_by_path = {data(p)["u"]: data(p) for p in (index / "vi" / "p").glob("*.js")}
    assert set(pages_by_path) == set(VI_PAGES) | set(RULE_PAGES)  # not the editors' pages
    assert pages_by_path["chu-ky-so/index.html"]["t"] == "Chữ ký số"
    assert pages_by_path["chu-ky-so/index.html"]["e"] == "ede/chu-ky-so/index.html"
    assert "e" not in pages_by_path["co-ban-dich/index.html"]
    assert all("Thuật ngữ" not in p["b"] and "¶" not in p["b"] for p in pages_by_path.values())
    shard = data(next((index / "vi" / "t").glob("di*.js")))
    assert "đinh" not in shard and "dinh" in shard  # keyed by the folded word…
    assert "định" in shard["dinh"]  # …holding the written one
    ids = {data(p)["u"]: int(p.stem) for p in (index / "vi" / "p").glob("*.js")}
    postings = shard["dinh"]["định"]
    assert postings[0] == ids["dinh-danh/index.html"] and postings[1] >= writer.TITLE_WEIGHT


def test_title_outweighs_text():
    record = writer.Record("x/index.html", "Chữ ký số", "Các bước", "Chữ ký số. Các bước. Dùng chữ ký và ký tên.")
    weights = writer.page_weights(record)
    assert weights["số"] == writer.TITLE_WEIGHT
    assert weights["ký"] == writer.TITLE_WEIGHT + 2  # title once, text twice more
    assert weights["bước"] == writer.HEADING_WEIGHT
    assert weights["dùng"] == 1


def test_tokenize_keeps_ede_letters_and_breves():
    assert writer.tokenize("Mơ̆ng hmư̆, ƀuôn-čô ÑU") == ["mơ̆ng", "hmư̆", "ƀuôn", "čô", "ñu"]
    assert writer.fold("mơ̆ng") == "mong" and writer.fold("ƀuôn") == "buon" and writer.fold("Đăng") == "dang"


def test_record_is_read_from_the_article_alone():
    """Only the article is decoded and parsed (each page carries the whole navigation);
    a page without an h1 takes its <title>."""
    html = ('<!doctype html><html lang="vi"><head><title>Hỏi &amp; đáp - BDHVS</title></head><body>'
            '<nav><a href="/x/">Trangđiềuhướng</a></nav>'
            '<article class="md-content__inner md-typeset"><p>Nội dung <code>&lt;/article&gt;</code></p></article>'
            '<footer>Chântrang</footer></body></html>').encode("utf-8")
    page = pages.classify(html, "hoi-dap/index.html")
    assert page.indexed and page.lang == "vi" and not page.fallback
    record = writer.page_record(page)
    assert record.title == "Hỏi & đáp - BDHVS"
    assert "Nội dung </article>" in record.text
    assert "Trangđiềuhướng" not in record.text and "Chântrang" not in record.text
    assert writer.page_record(pages.classify(b'<html lang="vi"><body><main>x</main></body></html>', "a.html")) is None
