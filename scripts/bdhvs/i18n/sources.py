"""The data files that say which Ede words have a source, with Vietnamese errors.

- data/ede-words.yml: Ede words/phrases quoted from sources (ede, vi, source, status).
- data/ede-ui.yml:    Material UI strings (key, vi, ede, source, status); the ONE table of
                      which UI string is Ede and which stays Vietnamese.
- data/glossary.yml:  the site glossary (owned by the content team); its ``ede``,
                      ``ede_status`` and ``ede_source`` fields feed the translators.

Statuses: ``wanted`` (no Ede yet: a native speaker must translate), ``sourced`` (Ede
quoted from a named source, not reviewed: preview builds only), ``reviewed`` (checked
by an Ede-speaking teacher/official: public).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bdhvs.i18n.frontmatter import PageError

STATUSES = ("wanted", "sourced", "reviewed")
HAS_EDE = {"sourced", "reviewed"}
NAV_PREFIX = "nav:"  # ede-ui.yml key of a navigation label: "nav:<Vietnamese label>"


@dataclass
class Item:
    ede: str | None
    vi: str
    status: str
    source: str | None
    key: str | None = None  # ede-ui key
    note: str | None = None
    line: int = 0


def _load_list(data_dir: Path, filename: str, strict: bool) -> list[tuple[dict, int]]:
    """(entry, line) of each entry the gate's reader accepted (bdhvs.inputs.datafiles: ONE
    schema and the Ede rules for the file). ``strict``: the first problem is raised as a
    PageError (tools, tests); otherwise bad entries are left out — the gate reports them as
    findings to `bdhvs check` and to the build."""
    from bdhvs.inputs import datafiles

    record = datafiles.read(filename, data_dir, root=data_dir.parent)
    if strict and record.errors:
        first = record.errors[0]
        raise PageError(data_dir / filename, f"{first.message}. {first.hint}", first.line)
    data = record.data
    key = "terms" if isinstance(data, dict) and "terms" in data else None
    return [(entry, line) for entry, line, _path in record.items(key)]


def ede_words(data_dir: Path, *, strict: bool = True) -> list[Item]:
    return [Item(e.get("ede"), e["vi"], e.get("status", "sourced"), e.get("source"), note=e.get("note"), line=line)
            for e, line in _load_list(data_dir, "ede-words.yml", strict)]


def ede_ui(data_dir: Path, *, strict: bool = True) -> list[Item]:
    return [Item(e.get("ede"), str(e.get("vi", "")), e.get("status", "wanted"), e.get("source"), key=e["key"],
                 note=e.get("note"), line=line)
            for e, line in _load_list(data_dir, "ede-ui.yml", strict)]


def glossary(data_dir: Path, *, strict: bool = True) -> list[Item]:
    items = []
    for entry, line in _load_list(data_dir, "glossary.yml", strict):
        term = entry.get("term") or entry.get("vi")
        status = entry.get("ede_status") or ("sourced" if entry.get("ede") else "wanted")
        items.append(Item(entry.get("ede"), str(term), status, entry.get("ede_source"),
                          note=entry.get("definition"), line=line))
    return items


def ui_strings(data_dir: Path, preview: bool) -> dict[str, str]:
    """Material key -> Ede string used by partials/languages/ede.html: reviewed entries
    only; in a preview build sourced (unreviewed) entries too."""
    allowed = HAS_EDE if preview else {"reviewed"}
    return {item.key: item.ede for item in ede_ui(data_dir, strict=False) if item.status in allowed and item.ede}


def sourced_terms(data_dir: Path) -> list[str]:
    """Every Ede word or phrase with a source (any of the three files)."""
    terms = [i.ede for i in ede_words(data_dir, strict=False) if i.status in HAS_EDE]
    terms += [i.ede for i in ede_ui(data_dir, strict=False) if i.status in HAS_EDE]
    terms += [i.ede for i in glossary(data_dir, strict=False) if i.status in HAS_EDE]
    return [t for t in terms if t]
