"""The glossary (data/glossary.yml): load it, check it, render it.

Each entry: ``term``, ``definition`` (plain Vietnamese, from the cited source),
``source {title, url}``, ``ede`` (an Ede word or null), ``ede_status``
(wanted | sourced | reviewed) and ``ede_source`` (where the Ede word comes from).
Rendered twice: the Thuật ngữ page, and the abbreviation list that Python-Markdown's
``abbr`` turns into tooltips on every page (data/glossary-abbr.md).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from bdhvs import yamlfast

EDE_STATUSES = ("wanted", "sourced", "reviewed")
# A Markdown link-reference "comment": tells editors where the file comes from and
# renders to nothing (the file is appended to every page).
HEADER = '[//]: # "Tệp TỰ ĐỘNG tạo từ data/glossary.yml khi dựng trang. Đừng sửa tay: sửa data/glossary.yml."'


@dataclass(frozen=True)
class Term:
    term: str
    definition: str
    source_title: str
    source_url: str
    ede: str | None
    ede_status: str
    ede_source: str | None
    line: int


class GlossaryError(ValueError):
    """A problem in data/glossary.yml, worded for an editor (Vietnamese, with the line)."""


def _fail(path: Path, line: int, message: str, hint: str) -> GlossaryError:
    return GlossaryError(f"{path.as_posix()}:{line}: {message} Cách sửa: {hint}")


def load(path: Path) -> list[Term]:
    text = path.read_text(encoding="utf-8")
    try:
        data, root = yamlfast.load_with_nodes(text)
    except yaml.YAMLError as exc:
        line, _ = yamlfast.error_position(exc)
        raise _fail(path, line, "Tệp YAML viết sai cú pháp.",
                    "kiểm tra dấu hai chấm, thụt lề bằng dấu cách (không dùng Tab) và dấu ngoặc kép.") from None
    if not isinstance(data, list):
        raise _fail(path, 1, "Tệp phải là một danh sách, mỗi mục bắt đầu bằng '- term:'.",
                    "xem mục mẫu ở đầu tệp.")
    terms, seen = [], {}
    for node, entry in zip(root.value, data):
        line = node.start_mark.line + 1
        if not isinstance(entry, dict):
            raise _fail(path, line, "Mục này không phải dạng 'tên: giá trị'.", "xem mục mẫu ở đầu tệp.")
        for key in ("term", "definition", "source"):
            if not entry.get(key):
                raise _fail(path, line, f"Thiếu trường '{key}'.",
                            "mỗi thuật ngữ cần term, definition và source {title, url}.")
        source = entry["source"]
        if not (isinstance(source, dict) and source.get("title") and str(source.get("url", "")).startswith("https://")):
            raise _fail(path, line, f"Nguồn của '{entry['term']}' thiếu tên (title) hoặc địa chỉ https:// (url).",
                        "ghi rõ nguồn chính thức hoặc đáng tin cậy đã dùng để viết định nghĩa.")
        status = entry.get("ede_status", "wanted")
        if status not in EDE_STATUSES:
            raise _fail(path, line, f"ede_status '{status}' không hợp lệ.", "chỉ dùng wanted, sourced hoặc reviewed.")
        ede = entry.get("ede")
        if ede and status == "wanted":
            raise _fail(path, line, f"'{entry['term']}' có từ tiếng Êđê nhưng ede_status vẫn là wanted.",
                        "ghi sourced (có nguồn) hoặc reviewed (người bản ngữ đã duyệt), kèm ede_source.")
        if ede and not entry.get("ede_source"):
            raise _fail(path, line, f"Từ tiếng Êđê của '{entry['term']}' thiếu nguồn (ede_source).",
                        "không tự đặt từ tiếng Êđê; chỉ ghi từ có nguồn.")
        if not ede and status != "wanted":
            raise _fail(path, line, f"'{entry['term']}' ghi ede_status {status} nhưng chưa có từ tiếng Êđê.",
                        "ghi ede: null và ede_status: wanted.")
        term = str(entry["term"]).strip()
        if term in seen:
            raise _fail(path, line, f"Thuật ngữ '{term}' bị lặp (đã có ở dòng {seen[term]}).", "xoá một mục.")
        seen[term] = line
        terms.append(Term(term, " ".join(str(entry["definition"]).split()), str(source["title"]),
                          str(source["url"]), ede or None, status, entry.get("ede_source"), line))
    return terms


def render_abbr(terms: list[Term]) -> str:
    """Abbreviation definitions for Python-Markdown's ``abbr`` (hover/tap tooltips)."""
    lines = [HEADER, ""]
    lines += [f"*[{t.term}]: {t.definition}" for t in terms]
    return "\n".join(lines) + "\n"


def render_page(terms: list[Term], *, show_unreviewed_ede: bool = False) -> str:
    """The Thuật ngữ page body: a definition list, A–Z, each with its source.

    Ede words are shown only once a native speaker reviewed them (status ``reviewed``);
    preview builds also show ``sourced`` ones, marked as drafts.
    """
    out = []
    for t in sorted(terms, key=lambda t: t.term.casefold()):
        out.append(t.term)
        out.append(f":   {t.definition}")
        out.append("")
        out.append(f"    <small>Nguồn: [{t.source_title}]({t.source_url})</small>")
        if t.ede and (t.ede_status == "reviewed" or show_unreviewed_ede):
            draft = "" if t.ede_status == "reviewed" else " (bản nháp, chưa được người bản ngữ duyệt)"
            out.append("")
            out.append(f'    Tiếng Êđê: <span lang="rad">{t.ede}</span>{draft}')
        out.append("")
    return "\n".join(out)
