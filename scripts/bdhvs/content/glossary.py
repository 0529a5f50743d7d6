"""The glossary (data/glossary.yml): load it, check it, render it.

Each entry: ``term``, ``definition`` (plain Vietnamese, from the cited source),
``source {title, url}``, ``ede`` (an Ede word or null), ``ede_status``
(wanted | sourced | reviewed) and ``ede_source`` (where the Ede word comes from);
optional ``also`` (other ways the term is written: "chứng thư" for "chứng thư chữ ký
số") and ``secret`` (for the four secrets card: who makes or sends the code).
Rendered three times: the Thuật ngữ page, the four secrets card (``<!-- bdhvs:secrets -->``)
and the abbreviation list that Python-Markdown's ``abbr`` turns into tooltips on every
page (data/glossary-abbr.md). Python-Markdown matches abbreviations case-sensitively,
so the list also carries each spelling with its first letter in the other case ("Mã PIN"
at the start of a sentence, "mã PIN" inside one) and, for a term in capitals, its
lower-case form ("APK" in ".apk").
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from bdhvs import yamlfast
from bdhvs.publish.escaping import md_text

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
    also: tuple[str, ...] = ()
    secret: str | None = None


class GlossaryError(ValueError):
    """A problem in data/glossary.yml, worded for an editor (Vietnamese, with the line)."""


def _fail(path: Path, line: int, message: str, hint: str) -> GlossaryError:
    return GlossaryError(f"{path.as_posix()}:{line}: {message} Cách sửa: {hint}")


def load(path: Path) -> list[Term]:
    text = path.read_text(encoding="utf-8")
    try:
        data, root = yamlfast.load_with_nodes(text)
    except yaml.YAMLError as exc:
        line, _, why = yamlfast.describe_error(exc, text)
        raise _fail(path, line, f"Tệp YAML viết sai cú pháp: {why}.",
                    "kiểm tra dấu hai chấm, thụt lề bằng dấu cách (không dùng Tab) và dấu ngoặc kép.") from None
    # `terms:` then the list (the shape the browser editor at /admin/ can edit); a bare
    # list is accepted too (older files, test fixtures).
    if isinstance(data, dict) and isinstance(data.get("terms"), list):
        data = data["terms"]
        root = next(value for key, value in root.value if key.value == "terms")
    if not isinstance(data, list):
        raise _fail(path, 1, "Tệp phải có 'terms:' rồi danh sách thuật ngữ, mỗi mục bắt đầu bằng '- term:'.",
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
        also = entry.get("also") or []
        if not (isinstance(also, list) and all(isinstance(a, str) and a.strip() for a in also)):
            raise _fail(path, line, f"'also' của '{term}' phải là danh sách các cách viết khác.",
                        'ví dụ also: ["chứng thư số", "chứng thư"].')
        secret = entry.get("secret")
        if secret is not None and not (isinstance(secret, str) and secret.strip()):
            raise _fail(path, line, f"'secret' của '{term}' phải là một câu: ai tạo hoặc ai gửi mã này.",
                        "ví dụ secret: Bạn tự đặt khi kích hoạt tài khoản.")
        terms.append(Term(term, " ".join(str(entry["definition"]).split()), str(source["title"]),
                          str(source["url"]), ede or None, status, entry.get("ede_source"), line,
                          tuple(a.strip() for a in also), " ".join(secret.split()) if secret else None))
    return terms


def _flip_first(text: str) -> str:
    first = text[:1]
    return (first.lower() if first.isupper() else first.upper()) + text[1:]


def spellings(term: Term) -> list[str]:
    """Every spelling that gets the term's tooltip: the term and its ``also`` forms, each
    with the first letter in either case, plus the lower-case form of a term in capitals."""
    out = []
    for form in (term.term, *term.also):
        out += [form, _flip_first(form)]
        if form.isupper() and len(form) > 1:
            out.append(form.lower())
    return list(dict.fromkeys(out))


def render_abbr(terms: list[Term]) -> str:
    """Abbreviation definitions for Python-Markdown's ``abbr`` (hover/tap tooltips)."""
    lines, taken = [HEADER, ""], {t.term for t in terms}
    for t in terms:
        for form in spellings(t):
            if form == t.term or form not in taken:  # a term's own entry wins over a variant
                taken.add(form)
                lines.append(f"*[{form}]: {md_text(t.definition)}")
    return "\n".join(lines) + "\n"


SECRETS = ("mật khẩu", "passcode", "OTP", "mã PIN")  # the card's terms, in this order
SECRETS_WARNING = ("**Không đọc, không gửi bốn mã này cho ai**, kể cả người xưng là công an, cán bộ xã hay "
                   "nhân viên ngân hàng. Ai hỏi mã là kẻ lừa đảo: tắt máy và báo Công an xã.")
SECRETS_WARNING_SOURCE = (
    "Bộ Công an hướng dẫn cách nhận diện lừa đảo dịp Tết Nguyên đán 2026 (Tiền Phong, 29/1/2026)",
    "https://tienphong.vn/bo-cong-an-huong-dan-cach-nhan-dien-lua-dao-dip-tet-nguyen-dan-2026-post1816649.tpo")


class MissingSecret(GlossaryError):
    pass


def render_secrets(terms: list[Term], indent: str = "") -> str:
    """The four secrets card: what each code is, who makes or sends it, and that nobody
    may ask for it; every line from data/glossary.yml (``secret:``) with its source."""
    by_term = {t.term: t for t in terms}
    missing = [name for name in SECRETS if name not in by_term or not by_term[name].secret]
    if missing:
        raise MissingSecret("data/glossary.yml: thẻ <!-- bdhvs:secrets --> cần các thuật ngữ "
                            + ", ".join(f"'{m}'" for m in missing) + " có trường secret. Cách sửa: thêm các mục đó "
                            "(term, definition, secret, source) vào data/glossary.yml.")
    items = []
    for name in SECRETS:
        t = by_term[name]
        items.append(f"- **{md_text(_flip_first(t.term) if t.term[:1].islower() else t.term)}**: {md_text(t.definition)} "
                     f"{md_text(t.secret)} <small>(Nguồn: [{md_text(t.source_title)}]({t.source_url}))</small>")
    title, url = SECRETS_WARNING_SOURCE
    body = items + ["", f"{SECRETS_WARNING} <small>(Nguồn: [{title}]({url}))</small>"]
    card = ['!!! danger "Bốn mã bí mật của bạn"', ""] + [("    " + line) if line else "" for line in body]
    if indent:  # inside a list item: no wrapper (raw HTML must start a line)
        return "\n".join((indent + line) if (line and n) else line for n, line in enumerate(card))
    return "\n".join(['<div class="bdhvs-secrets" data-bdhvs="secrets" markdown>', ""] + card + ["", "</div>"])


def render_page(terms: list[Term], *, show_unreviewed_ede: bool = False) -> str:
    """The Thuật ngữ page body: a definition list, A–Z, each with its source.

    Ede words are shown only once a native speaker reviewed them (status ``reviewed``);
    preview builds also show ``sourced`` ones, marked as drafts.
    """
    out = []
    for t in sorted(terms, key=lambda t: t.term.casefold()):
        out.append(md_text(t.term))
        out.append(f":   {md_text(t.definition)}")
        out.append("")
        out.append(f"    <small>Nguồn: [{md_text(t.source_title)}]({t.source_url})</small>")
        if t.ede and (t.ede_status == "reviewed" or show_unreviewed_ede):
            draft = "" if t.ede_status == "reviewed" else " (bản nháp, chưa được người bản ngữ duyệt)"
            out.append("")
            out.append(f'    Tiếng Êđê: <span lang="rad">{md_text(t.ede)}</span>{draft}')
        out.append("")
    return "\n".join(out)
