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


def load(path: Path, *, strict: bool = True) -> list[Term]:
    """The terms of data/glossary.yml, read through the gate (bdhvs.inputs.datafiles: ONE
    schema, findings at the line). ``strict``: the first error is raised as GlossaryError
    (tools, tests); otherwise only the valid terms are returned — the build's gate feature
    has already reported every problem as a finding."""
    from bdhvs.inputs import datafiles

    record = datafiles.read_path(path, datafiles.SPECS["glossary.yml"], root=path.parent.parent)
    if strict and record.errors:
        first = record.errors[0]
        raise GlossaryError(f"{first.file}:{first.line}:{first.col}  {first.code}  {first.message}. "
                            f"Cách sửa: {first.hint or 'xem mục mẫu ở đầu tệp.'}")
    return terms(record)


def terms(record) -> list[Term]:
    """Terms of a glossary record (entries the reader accepted)."""
    data = record.data
    key = "terms" if isinstance(data, dict) and "terms" in data else None
    out = []
    for entry, line, _path in record.items(key):
        source = entry["source"]
        secret = entry.get("secret")
        out.append(Term(str(entry["term"]).strip(), " ".join(str(entry["definition"]).split()), str(source["title"]),
                        str(source["url"]), entry.get("ede") or None, entry.get("ede_status", "wanted"),
                        entry.get("ede_source"), line, tuple(a.strip() for a in entry.get("also") or []),
                        " ".join(secret.split()) if secret else None))
    return out


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
