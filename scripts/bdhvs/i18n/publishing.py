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


def _role(value) -> str:
    return " ".join(str(value or "").split()).casefold()


def self_reviewed(info: dict) -> bool:
    """The translator marked their own translation reviewed (no second person)."""
    return bool(info.get("translator")) and _role(info.get("translator")) == _role(info.get("reviewer"))


def is_public(meta: dict) -> bool:
    """Only what `bdhvs check` allows: a ``reviewed`` translation needs what the schema
    requires of it (source_hash, reviewer, date) and a reviewer who is not its translator
    (a status chosen in a form is not a review)."""
    status = translation_status(meta)
    if status == "sourced":
        return True
    if status != "reviewed":
        return False
    info = meta["translation"]
    return all(info.get(k) for k in ("source_hash", "reviewer", "date")) and not self_reviewed(info)


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

