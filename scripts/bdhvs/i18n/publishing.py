"""What Ede text may reach citizens. The publishing rule, in one place:

An Ede page (docs/ede/…) is built for citizens only if its ``translation.status`` is

- ``reviewed``: an Ede-speaking teacher or official reviewed the translation
  (``translation.reviewer`` = their role, ``translation.date`` = when); or
- ``sourced``: the page is NOT a translation. Its text is Vietnamese; Ede appears only
  as quoted words marked ``lang="rad"``, each listed with its source in
  data/ede-words.yml (or ede-ui.yml / glossary.yml as sourced/reviewed). The build
  checks every ``lang="rad"`` fragment of such a page against that list.

Anything else (``draft``, no ``translation`` record) is left out of the public build,
so the Ede URL serves the Vietnamese page with the fallback notice; it is built only
in a preview build (``BDHVS_PREVIEW=1``), with a "Bản nháp" banner.
"""
from __future__ import annotations

import unicodedata

from bs4 import BeautifulSoup

from bdhvs.i18n.words import tokens

PUBLIC_STATUSES = {"reviewed", "sourced"}


def translation_status(meta: dict) -> str | None:
    info = meta.get("translation")
    return info.get("status") if isinstance(info, dict) else None


def is_public(meta: dict) -> bool:
    return translation_status(meta) in PUBLIC_STATUSES


def unsourced_fragments(html: str, terms: list[str]) -> list[str]:
    """``lang="rad"`` fragments of ``html`` that are not made of sourced terms.

    A fragment passes when it equals a sourced term (case-insensitive, NFC) or when
    every word in it belongs to a sourced term."""
    allowed_phrases = {unicodedata.normalize("NFC", t).lower() for t in terms}
    allowed_words = {w for t in terms for w in tokens(t)}
    bad = []
    soup = BeautifulSoup(html, "html.parser")
    for el in soup.find_all(attrs={"lang": True}):
        if el["lang"] != "rad" or el.find_parent(attrs={"lang": "rad"}):
            continue
        text = " ".join(el.get_text(" ").split())
        if unicodedata.normalize("NFC", text).lower() in allowed_phrases:
            continue
        if any(w not in allowed_words for w in tokens(text)):
            bad.append(text)
    return bad


# Letters that Vietnamese does not use: on a ``sourced`` (Vietnamese) page they mean Ede
# text that is not marked ``lang="rad"``, i.e. that escaped the sourced-words check.
EDE_ONLY_LETTERS = "ƀɃčČñÑĕĔĭĬŏŎŭŬ\u0306"


def unmarked_ede(html: str) -> list[str]:
    """Words with Ede-only letters outside any ``lang="rad"`` element."""
    soup = BeautifulSoup(html, "html.parser")
    for el in soup.find_all(attrs={"lang": "rad"}):
        el.decompose()
    return sorted({w for w in tokens(soup.get_text(" ")) if any(c in EDE_ONLY_LETTERS for c in w)})


def check(doc, docs_dir, root) -> list:
    """The publishing rule as findings, for `bdhvs check` AND the build (the page reader,
    bdhvs.inputs.pages, calls it; nothing else decides): an Ede page marked ``reviewed``
    must carry the ``source_hash`` of today's Vietnamese page. A missing hash is refused
    by the schema (FM-REQUIRED); a hash of an older Vietnamese text here (I18N-STALE).
    ``sourced`` pages are not translations (see above) and carry no hash."""
    from pathlib import Path

    from bdhvs.checks.codes import finding
    from bdhvs.checks.source import node_at
    from bdhvs.i18n.base import source_hash

    meta = doc.meta if isinstance(doc.meta, dict) else {}
    info = meta.get("translation")
    if doc.lang != "ede" or not isinstance(info, dict) or info.get("status") != "reviewed":
        return []
    recorded, vi_source = info.get("source_hash"), info.get("source")
    if not isinstance(recorded, str) or not isinstance(vi_source, str) or not recorded:
        return []
    vi_path = Path(docs_dir) / "vi" / vi_source
    try:
        current = source_hash(vi_path.read_text(encoding="utf-8", errors="replace"))
    except OSError:
        current = None
    if current == recorded:
        return []
    node, key = node_at(doc.fm_node, ["translation", "source_hash"])
    mark = (key or node or doc.fm_node).start_mark
    line = doc.pos(doc.fm_offset)[0] + mark.line
    what = (f"trang tiếng Việt docs/vi/{vi_source} đã đổi từ khi dịch (mã hiện nay {current})" if current
            else f"không có trang tiếng Việt docs/vi/{vi_source}")
    return [finding(doc.name, line, mark.column + 1, "I18N-STALE",
                    f"Bản dịch ghi status: reviewed với source_hash {recorded}, nhưng {what}: "
                    "bản dịch này không được đăng cho bà con")]
