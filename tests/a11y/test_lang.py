"""`lang` on every element: no Vietnamese text read out as Ede, no Ede text read out as
Vietnamese. Screen readers pick their voice from `lang`; axe cannot tell languages apart.

Heuristics, both with a source: Ede has no tone marks (research ede-language.md), so a
run of Vietnamese dictionary syllables carrying tone marks inside lang="rad" is Vietnamese;
Ede's breve letters (ĕ ĭ ŏ ŭ ƀ, and ê ô ơ ư + U+0306) do not exist in Vietnamese."""
from __future__ import annotations

import re
import unicodedata

import pytest

from a11y_pages import all_pages  # noqa: F401 (fixture)
from bdhvs.checks import data as project_data
from conftest import PHONE

pytestmark = pytest.mark.browser

VISIBLE_TEXT_BY_LANG = """() => { const out = []; const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (w.nextNode()) { const n = w.currentNode, t = n.textContent.trim(), el = n.parentElement;
    if (!t || !el || ['SCRIPT', 'STYLE', 'TEMPLATE'].includes(el.tagName) || !el.getClientRects().length) continue;
    const holder = el.closest('[lang]');
    out.push([holder ? holder.lang : '', t.slice(0, 200), el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ')[0] : '')]); }
  return out; }"""
WORD = re.compile(r"[^\W\d_][\w\u0300-\u036f]*")
TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
EDE_ONLY = re.compile("[ĕĭŏŭƀɃĔĬŎŬ]|[êôơưÊÔƠƯ]\u0306")
# Reported, not ours to fix: overrides/partials/bdhvs/fallback-notice.html — the title
# <p class="admonition-title"> holds Vietnamese ("· Bản tiếng Việt") without lang="vi".
# Delete the entry once the partial is fixed.
KNOWN: set[tuple[str, str]] = set()


def looks_vietnamese(text: str, syllables: frozenset[str], ede: frozenset[str]) -> bool:
    words = [w.lower() for w in WORD.findall(unicodedata.normalize("NFC", text))]
    if len(words) < 3:
        return False
    vietnamese = [w for w in words if w in syllables]
    toned = [w for w in vietnamese if w not in ede and TONES & set(unicodedata.normalize("NFD", w))]
    return len(vietnamese) >= 0.7 * len(words) and len(toned) >= 2


def test_heuristic_tells_the_languages_apart():
    pd = project_data.cached()
    assert looks_vietnamese("Trang này chưa được dịch sang tiếng Êđê.", pd.vi_syllables, pd.ede_words)
    assert looks_vietnamese("· Bản tiếng Việt", pd.vi_syllables, pd.ede_words)
    assert not looks_vietnamese("Klei blŭ Việt", pd.vi_syllables, pd.ede_words)
    assert not looks_vietnamese("Klei Êđê hriăm đru", pd.vi_syllables, pd.ede_words)
    assert EDE_ONLY.search("hmư\u0306") and not EDE_ONLY.search("Đăng ký tài khoản")


def test_text_is_marked_with_the_language_it_is_in(server, new_page, all_pages):
    pd = project_data.cached()
    page = new_page(**PHONE).page
    problems = []
    for path in all_pages:
        page.goto(server.url + path)
        for lang, text, where in page.evaluate(VISIBLE_TEXT_BY_LANG):
            if (where, text) in KNOWN:
                continue
            if lang == "rad" and looks_vietnamese(text, pd.vi_syllables, pd.ede_words):
                problems.append(f"{path}: Vietnamese text marked Ede in <{where}>: {text[:80]!r}")
            if lang == "vi" and EDE_ONLY.search(unicodedata.normalize("NFC", text)):
                problems.append(f"{path}: Ede text marked Vietnamese in <{where}>: {text[:80]!r}")
    assert not problems, "\n".join(problems)
