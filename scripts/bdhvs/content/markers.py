"""Which ``<!-- bdhvs:… -->`` markers a page may use, in ONE place: `bdhvs check` reports a
wrong marker at its line (checks/runner.py) and the build reports the same finding and
leaves the marker out (content/feature.py), never a traceback."""
from __future__ import annotations

import re

from bdhvs.content.schema import AUDIENCES

MARKER = re.compile(r"(?P<indent>^[ \t]*)?<!--\s*bdhvs:(?P<name>[a-z]+(?:-[a-z]+)*)(?P<args>(?:\s+[a-z]+=[a-z-]+)*)\s*-->",
                    re.M)
# Markers other features expand (left alone by the guides feature).
OTHER_MARKERS = {"translation-status", "contrib-form"}  # contrib-form: bdhvs.contrib.feature
EDITOR_DIR = "bien-tap/"  # editors' pages (page_type: editor), inside a language folder
KNOWN = ("<!-- bdhvs:guides by=platform -->, <!-- bdhvs:guides by=audience -->, "
         f"<!-- bdhvs:tasks audience=… --> (… là {', '.join(AUDIENCES)}), <!-- bdhvs:glossary -->, "
         "<!-- bdhvs:secrets -->, <!-- bdhvs:official-addresses --> (trong bài hướng dẫn), "
         "<!-- bdhvs:staff-notes -->, <!-- bdhvs:recheck-due --> (trang cho người biên tập), "
         "<!-- bdhvs:safety <chủ-đề> --> (bài hướng dẫn), <!-- bdhvs:recheck NĂM-THÁNG-NGÀY -->, "
         "<!-- bdhvs:lesson --> (bài học), <!-- bdhvs:lessons -->, "
         "<!-- bdhvs:home -->, <!-- bdhvs:topics -->, <!-- bdhvs:audiences --> (trang chủ)")


def args_of(match: re.Match) -> dict[str, str]:
    return dict(arg.split("=", 1) for arg in match.group("args").split())


def problem(match: re.Match, page_src: str, page_type) -> tuple[str, str, str] | None:
    """(code, message, hint) when the marker is not allowed here, else None.
    ``page_src``: the page's path inside its language folder ("huong-dan/x.md")."""
    name, args = match.group("name"), args_of(match)
    text = match.group(0).strip()
    if name in OTHER_MARKERS:
        return None
    if name == "official-addresses":
        if page_type == "guide" and not args:
            return None
        return ("MARK-PLACE", f"Thẻ {text} chỉ dùng trong bài hướng dẫn (page_type: guide) và không có tham số",
                "Xoá thẻ khỏi trang này, hoặc viết đúng <!-- bdhvs:official-addresses --> trên một dòng riêng của bài hướng dẫn.")
    if name == "staff-notes" and not args:
        if page_src.startswith(EDITOR_DIR):
            return None
        return ("MARK-PLACE", f"Thẻ {text} (ghi chú cho cán bộ) chỉ dùng trong trang cho người biên tập",
                f"Xoá thẻ khỏi trang này; danh sách ghi chú chỉ ở trong thư mục docs/vi/{EDITOR_DIR}.")
    if name == "recheck-due" and not args:
        if page_src.startswith(EDITOR_DIR):
            return None
        return ("MARK-PLACE", f"Thẻ {text} (danh sách cần xem lại) chỉ dùng trong trang cho người biên tập",
                f"Xoá thẻ khỏi trang này; danh sách chỉ ở trong thư mục docs/vi/{EDITOR_DIR}.")
    if name == "lesson" and not args:
        if page_type == "lesson":
            return None
        return ("MARK-PLACE", f"Thẻ {text} chỉ dùng trong bài học (page_type: lesson, thư mục docs/vi/bai-hoc/)",
                "Xoá thẻ khỏi trang này.")
    if (name in ("secrets", "glossary", "lessons", "home", "topics", "audiences") and not args) or (name == "guides" and args in ({"by": "platform"}, {"by": "audience"})) \
            or (name == "tasks" and list(args) == ["audience"] and args["audience"] in AUDIENCES):
        return None
    return ("MARK-UNKNOWN", f"Không hiểu thẻ {text}", f"Dùng một trong các thẻ {KNOWN}.")


def lang_relative(src_uri: str) -> str:
    """'vi/huong-dan/x.md' -> 'huong-dan/x.md' (paths inside a language folder)."""
    from bdhvs import settings

    first, _, rest = src_uri.partition("/")
    return rest if first in settings.LANGUAGES and rest else src_uri


def check(doc, docs_dir) -> list:
    """MARK-* findings of a page (for `bdhvs check`)."""
    from pathlib import Path

    if "bdhvs:" not in doc.text or doc.kind != "page":
        return []
    try:
        src = Path(doc.path).resolve().relative_to(Path(docs_dir).resolve()).as_posix()
    except ValueError:
        return []
    page_type = (doc.meta or {}).get("page_type") if isinstance(doc.meta, dict) else None
    out = []
    for match in MARKER.finditer(doc.text, doc.body_offset):
        found = problem(match, lang_relative(src), page_type)
        if found:
            code, message, hint = found
            start = match.start() + len(match.group("indent") or "")
            out.append(doc.at(start, code, message, hint))
    return out
