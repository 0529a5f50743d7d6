"""A small, fixed site for the search ranking rules (independent of the real content).

Pages have the shape Material + overrides/main.html give them: ``<html lang>``, the
header (with words that must NOT be indexed), ``article.md-content__inner``, and for
untranslated Ede pages the fallback notice and ``data-bdhvs="fallback-content" lang="vi"``.
The real search assets (overrides/assets/...) are copied in, then the real index writer runs.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from bdhvs.search import writer

ROOT = Path(__file__).resolve().parents[2]
ASSETS = [
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
# Ede pages built from the Vietnamese source (no translation): the same content again.
EDE_FALLBACKS = [p for p in VI_PAGES if "ede/" + p not in EDE_PAGES]

HEADER_WORDS = "Thuật ngữ hỏi đáp Tổng hợp menu"  # on every page, outside the article

PAGE = """<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{h1} - Fixture</title>
<meta name="viewport" content="width=device-width,initial-scale=1"></head>
<body>
<header class="md-header"><nav class="md-header__inner">{header}
<div class="md-header__option bdhvs-search"><button type="button" class="md-header__button md-icon"
 data-bdhvs-search-open hidden aria-label="Tìm kiếm" aria-haspopup="dialog">Tìm</button></div></nav></header>
<main class="md-main"><div class="md-content">
<article class="md-content__inner md-typeset">{article}</article></div></main>
<a href="{root}index.html">Trang chủ</a>
<script src="{root}assets/javascripts/search.js" defer></script>
</body></html>
"""

FALLBACK_ARTICLE = """<div class="admonition note bdhvs-fallback-notice" role="note" data-bdhvs="fallback-notice">
<p>Trang này chưa được dịch sang tiếng Êđê.</p></div>
<div lang="vi" data-bdhvs="fallback-content"><h1 id="t">{h1}<a class="headerlink" href="#t">¶</a></h1>{body}</div>"""


def _root(rel: str) -> str:
    return "../" * rel.count("/")


def _write(site: Path, rel: str, lang: str, article: str, h1: str) -> None:
    path = site / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(PAGE.format(lang=lang, h1=h1, header=HEADER_WORDS, article=article, root=_root(rel)),
                    encoding="utf-8")


def make_fixture_site(site: Path, *, index: bool = True) -> Path:
    site = Path(site)
    if site.exists():
        shutil.rmtree(site)
    for rel, (h1, body) in VI_PAGES.items():
        _write(site, rel, "vi", f'<h1 id="t">{h1}<a class="headerlink" href="#t">¶</a></h1>{body}', h1)
    for rel, (h1, body) in EDE_PAGES.items():
        _write(site, rel, "rad", f'<h1 id="t">{h1}<a class="headerlink" href="#t">¶</a></h1>{body}', h1)
    for rel in EDE_FALLBACKS:
        h1, body = VI_PAGES[rel]
        _write(site, "ede/" + rel, "rad", FALLBACK_ARTICLE.format(h1=h1, body=body), h1)
    for asset in ASSETS:
        target = site / asset
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ROOT / "overrides" / asset, target)
    if index:
        writer.build_search_index(site)
    return site
