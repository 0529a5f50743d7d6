"""A small, fixed site for the search ranking rules (independent of the real content).

Pages have the shape Material + overrides/main.html give them: ``<html lang>``, the
header (with words that must NOT be indexed), ``article.md-content__inner``, and for
untranslated Ede pages the fallback notice and ``data-bdhvs="fallback-content" lang="vi"``.
The real search assets (overrides/assets/...) are copied in, then the real index writer runs.
"""
from __future__ import annotations

import html
import shutil
from pathlib import Path

from bdhvs.search import writer

ROOT = Path(__file__).resolve().parents[2]
ASSETS = [
    "assets/javascripts/on-demand.js",  # the site's root and the loader search.js uses (first in the bundle)
    "assets/javascripts/search.js",
    "assets/javascripts/search-ui.js",
    "assets/stylesheets/search.css",
]

FILLER = (
    "<p>Bà con làm theo từng bước dưới đây. Nếu chưa rõ, hỏi cán bộ Tổ công nghệ số cộng đồng "
    "ở thôn, buôn. Mỗi bước có hình minh hoạ.</p>"
)

# path -> (html lang, h1, body html). Vietnamese pages first.
VI_PAGES = {
    "index.html": ("Trang chủ hướng dẫn", "<p>Trang đầu của bộ hướng dẫn.</p>"),
    # Title match vs body match: same length, the body page says the words twice.
    "chu-ky-so/index.html": ("Chữ ký số", FILLER + "<p>Chuẩn bị điện thoại.</p>"),
    "huong-dan-chung/index.html": (
        "Hướng dẫn chung",
        FILLER + "<p>Có thể dùng chữ ký số. Chữ ký số giúp ký giấy tờ.</p>",
    ),
    # Exact diacritics vs folded: one word differs only by its tone mark.
    "ma-xac-nhan/index.html": ("Trang A", FILLER + "<p>Nhập mã vào ô trống.</p>"),
    "con-ma/index.html": ("Trang B", FILLER + "<p>Nhập ma vào ô trống.</p>"),
    # d vs đ.
    "dan-toc/index.html": ("Trang C", FILLER + "<p>Ghi tên dân tộc của bạn.</p>"),
    "dan-ghi-ta/index.html": ("Trang D", FILLER + "<p>Ghi tên đàn của bạn.</p>"),
    "dinh-danh/index.html": ("Định danh điện tử", FILLER + "<p>Tài khoản đăng ký trên VNeID.</p>"),
    # Has an Ede translation (below): must NOT appear in Ede results.
    "co-ban-dich/index.html": ("Bài đã dịch sang Êđê", FILLER + "<p>Hướng dẫn dùng điện thoại an toàn.</p>"),
}
EDE_PAGES = {
    "ede/index.html": ("Klei Êđê", "<p>Hdră ƀuôn sang.</p>"),
    "ede/co-ban-dich/index.html": ("Mơ̆ng hmư̆ čô", "<p>Klei blŭ ñu ƀuôn.</p>"),
}
# Pages for the rules of issue 17, with the front matter the site's head partial writes
# (<meta name="bdhvs-search">): path -> (h1, body, page_type, front-matter title, description).
RULE_PAGES = {
    # i/y: the same word spelled both ways; typed either way, both are found, exact first.
    "ky-nang/index.html": ("Trang E", FILLER + "<p>Học kỹ năng mỗi tuần.</p>", "guide", "", ""),
    "ki-nang/index.html": ("Trang F", FILLER + "<p>Học kĩ năng mỗi tuần.</p>", "guide", "", ""),
    # c/k and run-together names: "Đắc Lắc", "daklakso".
    "dak-lak-so/index.html": ("Gửi phản ánh qua Đắk Lắk số", FILLER + "<p>Chụp ảnh rồi gửi phản ánh.</p>",
                              "guide", "", ""),
    # Synonym from the data file (tải = cài đặt): no fixture page says "tải".
    "cai-dat/index.html": ("Cài đặt ứng dụng", FILLER + "<p>Mở cửa hàng ứng dụng, chạm Cài đặt.</p>",
                           "guide", "", ""),
    # Glossary synonym: BHYT (glossary definition "Bảo hiểm y tế.").
    "the-bhyt/index.html": ("Thẻ bảo hiểm y tế", FILLER + "<p>Mang thẻ bảo hiểm y tế khi đi khám.</p>",
                            "guide", "", ""),
    # Run-together split: the page says "dịch vụ công" only as separate words.
    "cong-dich-vu/index.html": ("Nộp hồ sơ trên cổng", FILLER + "<p>Vào cổng dịch vụ công để nộp hồ sơ.</p>",
                                "guide", "", ""),
    # Front-matter title and description indexed: "passcode" is only there.
    "giu-tai-khoan/index.html": ("Giữ tài khoản", FILLER + "<p>Đặt mật khẩu mạnh.</p>", "guide",
                                 "Giữ tài khoản - mật khẩu và passcode", "Giữ kín passcode của bạn, không đọc cho ai."),
    # Guide above listing: same title; the listing says "lưu trú" more often.
    "luu-tru/index.html": ("Thông báo lưu trú", FILLER + "<p>Báo khi có khách đến ở.</p>", "guide", "", ""),
    "cac-bai-luu-tru/index.html": ("Thông báo lưu trú",
                                   "<p>Các bài về lưu trú: lưu trú ở nhà, lưu trú ở nhà nghỉ, lưu trú của khách.</p>",
                                   "section", "", ""),
    # Issue 24. "tài" is one half of "tài khoản" everywhere in this site: typed "tai" without
    # "khoan", the reader means another "tai" (rules.BOUND); "tải" is kept for the synonym test.
    "mo-tai-khoan/index.html": ("Mở tài khoản ngân hàng", FILLER + "<p>Tài khoản ngân hàng giữ tiền. Mở tài khoản "
                                "tại quầy. Tài khoản cần mật khẩu.</p>", "guide", "", ""),
    "tai-nghe/index.html": ("Dùng tai nghe khi gọi ngân hàng", FILLER + "<p>Cắm tai nghe trước khi gọi quầy.</p>",
                            "guide", "", ""),
    # A complete last word: "gia" is a word ("giả"); "giấy" only starts with it (in the text only:
    # the address names the page by its title, as editors do, so it adds no "giay").
    "vi-trong-ung-dung/index.html": ("Ví trong ứng dụng", FILLER + "<p>Ứng dụng có ví giấy tờ. Giấy tờ trong ví. Thêm "
                              "giấy tờ mới.</p>", "guide", "", ""),
    "ung-dung-la/index.html": ("Ứng dụng lạ", FILLER + "<p>Ứng dụng giả đòi quyền lạ.</p>", "guide", "", ""),
    # Function words: "tại" (at) is in this title; "tải" (download) only in the other page's text.
    "lam-giay-tai-xa/index.html": ("Làm giấy khai sinh tại xã", FILLER + "<p>Mang giấy tờ đến xã.</p>",
                                   "guide", "", ""),
    "tai-ban-khai/index.html": ("Bản khai sinh trên điện thoại", FILLER + "<p>Tải bản khai sinh về máy.</p>",
                                "guide", "", ""),
    # Address words: the file is named "bao-ve-mat-khau"; the page never says "bảo vệ".
    "bao-ve-mat-khau/index.html": ("Đừng đọc điều bí mật", FILLER + "<p>Không đọc mật khẩu cho ai.</p>",
                                   "guide", "", ""),
    # Question words: this page's title is the question words themselves.
    "lam-sao/index.html": ("Làm sao để hỏi", "<p>Làm sao để hỏi cán bộ khi chưa rõ.</p>", "guide", "", ""),
}
# Editors' pages: never in citizens' search, in either language (by page_type, not path).
EDITOR_PAGES = {
    "bien-tap/ban-dich/index.html": ("vi", "Tình trạng bản dịch", "<p>Bản dịch nào đã xong, bản nào còn nháp.</p>"),
    "ede/bien-tap/ban-dich/index.html": ("rad", "Tình trạng bản dịch", "<p>Bản dịch nào đã xong, bản nào còn nháp.</p>"),
}
# Ede pages built from the Vietnamese source (no translation): the same content again.
EDE_FALLBACKS = [p for p in list(VI_PAGES) + list(RULE_PAGES) if "ede/" + p not in EDE_PAGES]

# The data files the index reads (data_dir): a synonyms file and a glossary.
SYNONYMS_YML = """question_words: [làm sao, để, thì]
function_words: [tại, của]
synonyms:
  - words: [cài đặt, tải]
    source: bài thử của bộ kiểm tra
"""
GLOSSARY_YML = """- term: BHYT
  definition: Bảo hiểm y tế.
  source: {title: bài thử, url: https://example.org/}
  ede: null
  ede_status: wanted
  ede_source: null
"""

HEADER_WORDS = "Thuật ngữ hỏi đáp Tổng hợp menu"  # on every page, outside the article

PAGE = """<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{h1} - Fixture</title>{head}
<meta name="viewport" content="width=device-width,initial-scale=1"></head>
<body>
<header class="md-header"><nav class="md-header__inner">{header}
<div class="md-header__option bdhvs-search"><button type="button" class="md-header__button md-icon"
 data-bdhvs-search-open hidden aria-label="Tìm kiếm" aria-haspopup="dialog">Tìm</button></div></nav></header>
<main class="md-main"><div class="md-content">
<article class="md-content__inner md-typeset">{article}</article></div></main>
<a href="{root}index.html">Trang chủ</a>
<script src="{root}assets/javascripts/on-demand.js" defer></script>
<script src="{root}assets/javascripts/search.js" defer></script>
</body></html>
"""

FALLBACK_ARTICLE = """<div class="admonition note bdhvs-fallback-notice" role="note" data-bdhvs="fallback-notice">
<p>Trang này chưa được dịch sang tiếng Êđê.</p></div>
<div lang="vi" data-bdhvs="fallback-content"><h1 id="t">{h1}<a class="headerlink" href="#t">¶</a></h1>{body}</div>"""


def _root(rel: str) -> str:
    return "../" * rel.count("/")


def search_meta(page_type: str, title: str = "", description: str = "") -> str:
    """The marker overrides/partials/bdhvs/search/head.html writes."""
    esc = html.escape
    return (f'<meta name="bdhvs-search" content="{esc(page_type)}" data-title="{esc(title)}" '
            f'data-description="{esc(description)}">')


def _write(site: Path, rel: str, lang: str, article: str, h1: str, head: str = "") -> None:
    path = site / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(PAGE.format(lang=lang, h1=h1, header=HEADER_WORDS, article=article, root=_root(rel), head=head),
                    encoding="utf-8")


def write_data(data_dir: Path) -> Path:
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "search-synonyms.yml").write_text(SYNONYMS_YML, encoding="utf-8")
    (data_dir / "glossary.yml").write_text(GLOSSARY_YML, encoding="utf-8")
    return data_dir


def make_fixture_site(site: Path, *, index: bool = True) -> Path:
    site = Path(site)
    if site.exists():
        shutil.rmtree(site)
    for rel, (h1, body) in VI_PAGES.items():
        _write(site, rel, "vi", f'<h1 id="t">{h1}<a class="headerlink" href="#t">¶</a></h1>{body}', h1)
    for rel, (h1, body, page_type, title, description) in RULE_PAGES.items():
        _write(site, rel, "vi", f'<h1 id="t">{h1}<a class="headerlink" href="#t">¶</a></h1>{body}', h1,
               search_meta(page_type, title or h1, description))
    for rel, (lang, h1, body) in EDITOR_PAGES.items():
        _write(site, rel, lang, f'<h1 id="t">{h1}</h1>{body}', h1, search_meta("editor", h1))
    for rel, (h1, body) in EDE_PAGES.items():
        _write(site, rel, "rad", f'<h1 id="t">{h1}<a class="headerlink" href="#t">¶</a></h1>{body}', h1)
    for rel in EDE_FALLBACKS:
        h1, body = (VI_PAGES.get(rel) or RULE_PAGES[rel])[:2]
        _write(site, "ede/" + rel, "rad", FALLBACK_ARTICLE.format(h1=h1, body=body), h1)
    for asset in ASSETS:
        target = site / asset
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ROOT / "overrides" / asset, target)
    if index:
        writer.build_search_index(site, write_data(site.parent / (site.name + "-data")))
    return site
