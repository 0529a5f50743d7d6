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

import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

from bdhvs import yamlfast
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


def _load_list(path: Path) -> list[tuple[dict, int]]:
    if not path.exists():
        return []
    text = path.read_text(encoding="utf-8")
    try:
        data, node = yamlfast.load_with_nodes(text)
    except yaml.YAMLError as exc:
        raise PageError(path, "tệp YAML viết sai cú pháp (kiểm tra thụt lề, dấu hai chấm, dấu ngoặc kép).",
                        yamlfast.error_position(exc)[0]) from None
    if data is None:
        return []
    if isinstance(data, dict) and isinstance(data.get("terms"), list):  # {terms: [...]} also accepted
        data = data["terms"]
        node = next(v for k, v in node.value if k.value == "terms")
    if not isinstance(data, list):
        raise PageError(path, "tệp phải là một danh sách, mỗi mục bắt đầu bằng '- '.")
    lines = [item.start_mark.line + 1 for item in node.value]
    return list(zip(data, lines))


def _check(path: Path, line: int, ede, status, source, what: str) -> None:
    if status not in STATUSES:
        raise PageError(path, f"{what}: status phải là wanted, sourced hoặc reviewed (đang là {status!r}).", line)
    if status in HAS_EDE and not ede:
        raise PageError(path, f"{what}: status {status} nhưng chưa có chữ Êđê (ede). "
                              "Điền chữ Êđê có nguồn, hoặc để status: wanted.", line)
    if ede and status == "wanted":
        raise PageError(path, f"{what}: có chữ Êđê nhưng status là wanted. Ghi nguồn và đổi thành sourced.", line)
    if ede and not source:
        raise PageError(path, f"{what}: chữ Êđê {ede!r} chưa ghi nguồn (source). "
                              "Không có nguồn thì xoá chữ Êđê và để status: wanted.", line)
    if ede and not unicodedata.is_normalized("NFC", ede):
        raise PageError(path, f"{what}: chữ Êđê {ede!r} chưa ở dạng chuẩn NFC. Chạy 'bdhvs check' để biết cách sửa.", line)


def ede_words(data_dir: Path) -> list[Item]:
    path = data_dir / "ede-words.yml"
    items = []
    for entry, line in _load_list(path):
        if not isinstance(entry, dict) or not entry.get("vi"):
            raise PageError(path, "mỗi mục cần có 'ede', 'vi', 'source', 'status'.", line)
        status = entry.get("status", "sourced")
        _check(path, line, entry.get("ede"), status, entry.get("source"), f"từ {entry.get('ede')!r}")
        items.append(Item(entry.get("ede"), entry["vi"], status, entry.get("source"), note=entry.get("note"), line=line))
    return items


def ede_ui(data_dir: Path) -> list[Item]:
    path = data_dir / "ede-ui.yml"
    items, seen = [], set()
    for entry, line in _load_list(path):
        if not isinstance(entry, dict) or not entry.get("key"):
            raise PageError(path, "mỗi mục cần có 'key' (khoá chuỗi của Material), 'vi', 'status'.", line)
        key = entry["key"]
        if key in seen:
            raise PageError(path, f"khoá {key!r} xuất hiện hai lần. Giữ một mục cho mỗi khoá.", line)
        seen.add(key)
        status = entry.get("status", "wanted")
        _check(path, line, entry.get("ede"), status, entry.get("source"), f"khoá {key!r}")
        if status == "reviewed" and not entry.get("reviewer"):
            raise PageError(path, f"khoá {key!r}: status reviewed cần 'reviewer' (vai trò người duyệt, "
                                  "ví dụ \"Giáo viên tiếng Êđê trường …\").", line)
        items.append(Item(entry.get("ede"), str(entry.get("vi", "")), status, entry.get("source"), key=key,
                          note=entry.get("note"), line=line))
    return items


def glossary(data_dir: Path) -> list[Item]:
    path = data_dir / "glossary.yml"
    items = []
    for entry, line in _load_list(path):
        if not isinstance(entry, dict):
            continue
        term = entry.get("term") or entry.get("vi")
        if not term:
            continue
        status = entry.get("ede_status") or ("sourced" if entry.get("ede") else "wanted")
        _check(path, line, entry.get("ede"), status, entry.get("ede_source"), f"thuật ngữ {term!r}")
        items.append(Item(entry.get("ede"), str(term), status, entry.get("ede_source"),
                          note=entry.get("definition"), line=line))
    return items


def ui_strings(data_dir: Path, preview: bool) -> dict[str, str]:
    """Material key -> Ede string used by partials/languages/ede.html: reviewed entries
    only; in a preview build sourced (unreviewed) entries too."""
    allowed = HAS_EDE if preview else {"reviewed"}
    return {item.key: item.ede for item in ede_ui(data_dir) if item.status in allowed and item.ede}


def sourced_terms(data_dir: Path) -> list[str]:
    """Every Ede word or phrase with a source (any of the three files)."""
    terms = [i.ede for i in ede_words(data_dir) if i.status in HAS_EDE]
    terms += [i.ede for i in ede_ui(data_dir) if i.status in HAS_EDE]
    terms += [i.ede for i in glossary(data_dir) if i.status in HAS_EDE]
    return [t for t in terms if t]
