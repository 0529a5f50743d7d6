"""Text of the translation status: a terminal table (`bdhvs translations`) and the
Markdown of the editors' status page (docs/vi/bien-tap/ban-dich.md, filled at build time)."""
from __future__ import annotations

from bdhvs.i18n import sources, status
from bdhvs.i18n.project import Project

STATE_ORDER = ["stale", "draft", "missing", "sourced", "orphan", "current"]


def _sorted(entries):
    return sorted(entries, key=lambda e: (STATE_ORDER.index(e.state), e.source))


def _review(e: status.Entry) -> str:
    if e.status == "reviewed" and e.reviewer:
        return f"{e.reviewer}, {e.date or '?'}"
    return {"draft": "chưa duyệt", "sourced": "—", None: "—"}.get(e.status, e.status or "—")


def table(entries: list[status.Entry]) -> str:
    rows = [("Trang (docs/vi/…)", "Tình trạng", "Duyệt", "Ghi chú")]
    for e in _sorted(entries):
        rows.append((e.source, e.label, _review(e), "; ".join(e.notes)))
    widths = [max(len(r[i]) for r in rows) for i in range(3)]
    lines = []
    for n, r in enumerate(rows):
        lines.append("  ".join(r[i].ljust(widths[i]) for i in range(3)) + "  " + r[3])
        if n == 0:
            lines.append("  ".join("-" * w for w in widths) + "  " + "-" * 7)
    return "\n".join(line.rstrip() for line in lines)


def summary(entries: list[status.Entry]) -> str:
    c = status.counts(entries)
    return (f"Tổng {len(entries)} trang: {c['current']} đã dịch và mới nhất, {c['stale']} bản dịch cũ, "
            f"{c['draft']} bản nháp, {c['missing']} chưa dịch, {c['sourced']} trang tiếng Việt kèm từ Êđê có nguồn"
            + (f", {c['orphan']} không còn trang gốc" if c["orphan"] else "") + ".")


def wanted_terms(project: Project) -> list[sources.Item]:
    return [i for i in sources.glossary(project.data, strict=False) if i.status == "wanted"]


def wanted_ui(project: Project) -> list[sources.Item]:
    return [i for i in sources.ede_ui(project.data, strict=False) if i.status != "reviewed"]


def glossary_text(project: Project) -> str:
    terms = wanted_terms(project)
    if not (project.data / "glossary.yml").exists():
        return "Chưa có tệp data/glossary.yml."
    if not terms:
        return "Không có thuật ngữ nào đang cần dịch."
    lines = [f"{len(terms)} thuật ngữ cần người biết tiếng Êđê dịch (data/glossary.yml, ede_status: wanted):"]
    for t in terms:
        lines.append(f"  - {t.vi}" + (f": {t.note}" if t.note else ""))
    return "\n".join(lines)


def _md_cell(text: str) -> str:
    return (text or "").replace("|", "\\|").replace("\n", " ")


def markdown(project: Project, page_dir: str) -> str:
    """The status page body. ``page_dir`` is the status page's folder under docs/vi/
    (links to pages are relative to it)."""
    entries = status.scan(project)
    depth = len([p for p in page_dir.split("/") if p])
    up = "../" * depth
    out = [summary(entries), "", "| Trang | Tình trạng | Duyệt | Ghi chú |", "|---|---|---|---|"]
    for e in _sorted(entries):
        page = f"[`{e.source}`]({up}{e.source})" if e.state != "orphan" else f"`{e.source}`"
        out.append(f"| {page} | {e.label} | {_md_cell(_review(e))} | {_md_cell('; '.join(e.notes))} |")
    out += ["", "## Thuật ngữ cần dịch", ""]
    terms = wanted_terms(project)
    if not (project.data / "glossary.yml").exists():
        out.append("Chưa có tệp `data/glossary.yml`.")
    elif not terms:
        out.append("Không có thuật ngữ nào đang cần dịch.")
    else:
        out += ["| Thuật ngữ tiếng Việt | Giải thích |", "|---|---|"]
        out += [f"| {_md_cell(t.vi)} | {_md_cell(t.note or '')} |" for t in terms]
    out += ["", "## Chữ trên giao diện", "",
            "Các chữ này vẫn là tiếng Việt trên trang tiếng Êđê cho đến khi có bản dịch được duyệt "
            "(`data/ede-ui.yml`).", "", "| Khoá | Tiếng Việt | Tiếng Êđê có nguồn | Tình trạng |", "|---|---|---|---|"]
    labels = {"wanted": "cần dịch", "sourced": "có nguồn, chưa duyệt (chỉ ở bản xem trước)"}
    for i in wanted_ui(project):
        ede = f'<span lang="rad">{_md_cell(i.ede)}</span>' if i.ede else "—"
        out.append(f"| `{i.key}` | {_md_cell(i.vi)} | {ede} | {labels.get(i.status, i.status)} |")
    return "\n".join(out) + "\n"
