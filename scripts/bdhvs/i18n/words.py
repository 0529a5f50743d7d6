"""data/words-ede.txt: the Ede word list for spell checking.

Built ONLY from (1) Ede words with a source or a review in data/ede-words.yml,
data/ede-ui.yml and data/glossary.yml, and (2) the text of Ede pages a native speaker
REVIEWED (``translation.status: reviewed``). Never from drafts, never from the
Vietnamese dictionary. One word per line, lower case, NFC (ê̆ ô̆ ơ̆ ư̆ stay base + U+0306).

Regenerate with ``bdhvs translations --words`` after adding a sourced word or
reviewing a page; tests/i18n/test_words.py fails (with that instruction) when the
committed file is out of date.
"""
from __future__ import annotations

import re
import unicodedata

from bdhvs.i18n import frontmatter, sources
from bdhvs.i18n.project import Project

# A word: letters and combining marks (U+0306 breve, U+0302 circumflex...), with inner
# apostrophes or hyphens as in personal names (H'An, Y-Yôhan).
WORD = re.compile(r"(?:[^\W\d_]|[\u0300-\u036f])+(?:['’-](?:[^\W\d_]|[\u0300-\u036f])+)*")
_STRIP = [
    re.compile(r"^(`{3,}|~{3,}).*?^\1", re.S | re.M),  # fenced code
    re.compile(r"`[^`\n]*`"),  # inline code
    re.compile(r"!\[[^\]]*\]\([^)]*\)"),  # images (alt text is checked with the page's own words)
    re.compile(r"\]\([^)]*\)"),  # link targets
    re.compile(r"<[^>]+>"),  # HTML tags
    re.compile(r"\{[^}\n]*\}"),  # attribute lists
    re.compile(r"https?://\S+"),
]
HEADER = (
    "# Danh sách từ tiếng Êđê để kiểm tra chính tả. TỰ ĐỘNG TẠO, đừng sửa tay:\n"
    "# chạy `bdhvs translations --words`. Nguồn: data/ede-words.yml, data/ede-ui.yml, data/glossary.yml\n"
    "# (mục sourced/reviewed) và các trang docs/ede/ đã được duyệt (translation.status: reviewed).\n"
    "# Một từ mỗi dòng, chữ thường, NFC.\n"
)


def tokens(text: str) -> list[str]:
    text = unicodedata.normalize("NFC", text)
    for pattern in _STRIP:
        text = pattern.sub(" ", text)
    return [w.lower() for w in WORD.findall(text)]


def reviewed_page_text(project: Project) -> list[str]:
    texts = []
    for rel in project.ede_pages():
        page = frontmatter.read(project.ede_dir / rel)
        info = page.meta.get("translation") or {}
        if isinstance(info, dict) and info.get("status") == "reviewed":
            texts += [str(page.meta.get("title", "")), str(page.meta.get("description", "")), page.body]
    return texts


def collect(project: Project) -> list[str]:
    words: set[str] = set()
    for term in sources.sourced_terms(project.data):
        words.update(tokens(term))
    for text in reviewed_page_text(project):
        words.update(tokens(text))
    return sorted(words)


def render(words: list[str]) -> str:
    return HEADER + "".join(w + "\n" for w in words)


def path(project: Project):
    return project.data / "words-ede.txt"


def write(project: Project) -> tuple[int, bool]:
    """Write the list; return (number of words, whether the file changed)."""
    text = render(collect(project))
    target = path(project)
    old = target.read_text(encoding="utf-8") if target.exists() else None
    if old != text:
        target.write_text(text, encoding="utf-8")
    return text.count("\n") - HEADER.count("\n"), old != text
