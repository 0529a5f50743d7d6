"""The query set on the REAL site, as people type (with and without marks, d for đ,
upper case, partial and several words): the expected guide is in the top 3, in the
Vietnamese site and in the Ede site (where untranslated guides are shown in Vietnamese,
labelled). Served under a sub-path, like the commune web server."""
from __future__ import annotations

import pytest

from conftest import PHONE, StaticServer
from search_helpers import SUB, open_search, paths, search

pytestmark = pytest.mark.browser

G = "huong-dan/"
QUERIES = [
    ("dang ky vneid", G + "dang-ky-tai-khoan-muc-1/"),
    ("đăng ký tài khoản", G + "dang-ky-tai-khoan-muc-1/"),
    ("chu ky so", G + "chu-ky-so-vneid/"),
    ("chữ ký số", G + "chu-ky-so-vneid/"),
    ("CHỮ KÝ SỐ", G + "chu-ky-so-vneid/"),
    ("chu ky s", G + "chu-ky-so-vneid/"),
    ("chung thu", G + "chu-ky-so-vneid/"),
    ("quen mat khau", G + "quen-mat-khau-vneid/"),
    ("quên mật khẩu", G + "quen-mat-khau-vneid/"),
    ("quen mat kh", G + "quen-mat-khau-vneid/"),
    ("lay lai mat khau", G + "quen-mat-khau-vneid/"),
    ("dinh danh", G + "tai-khoan-muc-1-muc-2/"),
    ("tài khoản định danh điện tử mức 2", G + "tai-khoan-muc-1-muc-2/"),
    ("muc 2", G + "tai-khoan-muc-1-muc-2/"),
    ("dich vu cong", G + "nop-ho-so-dich-vu-cong/"),
    ("Dịch vụ công quốc gia", G + "nop-ho-so-dich-vu-cong/"),
    ("nop ho so", G + "nop-ho-so-dich-vu-cong/"),
    ("thong bao luu tru", G + "thong-bao-luu-tru/"),
    ("thong bao luu", G + "thong-bao-luu-tru/"),
    ("LUU TRU", G + "thong-bao-luu-tru/"),
    ("lưu trú", G + "thong-bao-luu-tru/"),
    ("doi so dien thoai", G + "doi-so-dien-thoai-vneid/"),
    ("dien thoai moi", G + "dang-nhap-dien-thoai-moi/"),
    ("kich hoat", G + "kich-hoat-tai-khoan/"),
    ("kích hoạt tài khoản", G + "kich-hoat-tai-khoan/"),
    ("cai dat vneid", G + "cai-dat-vneid/"),
    ("ung dung gia", G + "cai-dat-vneid/"),
    ("lua dao", G + "nhan-biet-lua-dao/"),
    ("lừa đảo", G + "nhan-biet-lua-dao/"),
    ("so suc khoe", G + "so-suc-khoe-dien-tu/"),
    ("vi giay to", G + "tich-hop-giay-to/"),
    ("tich hop giay to", G + "tich-hop-giay-to/"),
    ("dak lak so", G + "dak-lak-so/"),
    ("Đắk Lắk số", G + "dak-lak-so/"),
    ("phan anh", G + "dak-lak-so/"),
    ("hoc tren nen tang", G + "hoc-tren-binhdanhocvuso/"),
    ("chatbot", G + "an-toan-khi-lam-viec-so/"),
    ("tu te tren mang", G + "an-toan-cho-hoc-sinh/"),
    ("passcode", G + "bao-ve-tai-khoan/"),
    ("thuat ngu", "thuat-ngu/"),
]


@pytest.fixture(scope="module")
def sub_server(site):
    srv = StaticServer(site, prefix=SUB)
    yield srv
    srv.close()


@pytest.fixture(scope="module")
def pages(sub_server, browser):
    """One Vietnamese and one Ede page with search open (reused by every query)."""
    context = browser.new_context(**PHONE)
    opened = {}
    for lang, path in [("vi", ""), ("ede", "ede/")]:
        page = context.new_page()
        page.goto(sub_server.url + path)
        open_search(page)
        opened[lang] = page
    yield opened
    context.close()


def test_query_set_is_big_enough():
    assert len(QUERIES) >= 30
    assert any(q != q.lower() for q, _ in QUERIES) and any(q.isascii() for q, _ in QUERIES)


@pytest.mark.parametrize("query,expected", QUERIES, ids=[q for q, _ in QUERIES])
def test_vietnamese_site_finds_the_guide(pages, sub_server, site, query, expected):
    if not (site / expected / "index.html").is_file():
        pytest.fail(f"{expected} is not in the built site: update the query set (tests/search/test_query_set.py)")
    found = paths(search(pages["vi"], query), sub_server.url)
    assert expected in found[:3], (query, found)


@pytest.mark.parametrize("query,expected", QUERIES, ids=[q for q, _ in QUERIES])
def test_ede_site_finds_the_guide_at_its_ede_address(pages, sub_server, site, query, expected):
    ede_page = site / "ede" / expected / "index.html"
    if 'data-bdhvs="fallback-content"' in ede_page.read_text(encoding="utf-8"):
        want, label = "ede/" + expected, "Tiếng Việt"  # untranslated: the Vietnamese text, labelled
    else:
        want, label = "ede/" + expected, ""  # translated: an Ede result
    results = search(pages["ede"], query)
    found = paths(results, sub_server.url)
    assert want in found[:3], (query, found)
    assert results[found.index(want)]["label"] == label
    assert all(p.startswith("ede/") for p in found), found  # the reader stays in the Ede site

