"""45-minute lessons for trainers: ``docs/vi/bai-hoc/<slug>.md`` (``page_type: lesson``).

A lesson file is short: what the lesson is for, which guides in which order (with
minutes), what to bring, a practice task that needs no real personal data, a role-play
where it fits and three check questions, each naming the guide that teaches its
answer. Its body holds ``<!-- bdhvs:lesson -->``; the build puts there the page made
from those fields AND from the guides themselves (their titles, what they need, the
shared safety blocks of their ``risks:``, their self-check questions), so a lesson never
repeats a guide's facts by hand: when a guide changes, its lessons change with it.

``<!-- bdhvs:lessons -->`` (docs/vi/bai-hoc/index.md) lists every lesson by plan task.
The lessons are printed with the guides (`bdhvs handouts`, "Tài liệu in") and are in
the offline bundle like every page.

Plain functions (no MkDocs): the feature passes the guides' front matter.
"""
from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path

from bdhvs.content import safety, selfcheck
from bdhvs.content.guides import GUIDE_DIR, heading_of, read_guide, read_page
from bdhvs.content.schema import AUDIENCE_LABELS, AUDIENCES

LESSON_DIR = "bai-hoc"  # docs/<lang>/bai-hoc/<slug>.md
MARKER = "<!-- bdhvs:lesson -->"
LISTING_MARKER = "<!-- bdhvs:lessons -->"
LENGTH = 45  # minutes


class LessonError(ValueError):
    """A lesson that cannot be built, worded for an editor (Vietnamese, with how to fix it)."""


@dataclass(frozen=True)
class GuideInfo:
    slug: str
    src: str  # "huong-dan/<slug>.md"
    heading: str
    meta: dict


@dataclass(frozen=True)
class Lesson:
    src: str  # "bai-hoc/<slug>.md"
    title: str
    heading: str
    plan_task: str
    description: str


def load_guide(lang_dir: Path, slug: str) -> GuideInfo | None:
    found = read_guide(lang_dir, slug)
    if found is None:
        return None
    meta, body = found
    return GuideInfo(slug, f"{GUIDE_DIR}/{slug}.md", heading_of(body) or str(meta.get("title") or slug), meta)


def problems(meta: dict, guides: dict[str, GuideInfo | None]) -> list[str]:
    """What stops a lesson from being built (Vietnamese, each with how to fix it)."""
    out = []
    items = meta.get("guides") if isinstance(meta.get("guides"), list) else []
    if not items:
        return ["bài học cần danh sách guides (mỗi mục: guide: <tên-bài>, minutes: <số phút>)."]
    named = []
    for item in items:
        slug = item.get("guide") if isinstance(item, dict) else None
        if not isinstance(slug, str) or guides.get(slug) is None:
            out.append(f"guides: không có bài hướng dẫn '{slug}' (docs/vi/{GUIDE_DIR}/{slug}.md). Cách sửa: viết đúng "
                       "tên tệp của bài, không có đuôi .md.")
        named.append(slug)
        if not isinstance(item, dict) or not isinstance(item.get("minutes"), int) or item.get("minutes", 0) < 1:
            out.append(f"guides: bài '{slug}' cần minutes: số phút (số nguyên).")
    total = sum(i.get("minutes", 0) for i in items if isinstance(i, dict) and isinstance(i.get("minutes"), int))
    if total > LENGTH - 5:
        out.append(f"guides: tổng {total} phút, quá {LENGTH - 5} phút (cần 5 phút cuối cho câu hỏi kiểm tra). "
                   "Cách sửa: bớt phút hoặc bớt bài.")
    checks = meta.get("check") if isinstance(meta.get("check"), list) else []
    if len(checks) != 3:
        out.append("check: cần đúng 3 câu hỏi kiểm tra (question, answer, guide).")
    for n, item in enumerate(checks, 1):
        slug = item.get("guide") if isinstance(item, dict) else None
        if slug not in named:
            out.append(f"check: câu {n} dẫn bài '{slug}', nhưng bài đó không có trong guides của bài học. Cách sửa: "
                       "ghi tên bài hướng dẫn dạy điều này (mỗi câu trả lời phải lấy từ chính các bài được dạy).")
    for key in ("goal", "practice"):
        if not isinstance(meta.get(key), str) or not meta.get(key).strip():
            out.append(f"thiếu '{key}'.")
    if not isinstance(meta.get("bring"), list) or not meta.get("bring"):
        out.append("thiếu 'bring' (những thứ cần mang theo).")
    return out


def _link(page_src: str, target_src: str, text: str) -> str:
    return f"[{text}]({posixpath.relpath(target_src, posixpath.dirname(page_src) or '.')})"


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def render(meta: dict, page_src: str, guides: dict[str, GuideInfo], blocks: dict[str, safety.Block]) -> str:
    """Markdown of a lesson (``problems`` is empty)."""
    items = meta["guides"]
    audience = meta.get("audience") or []
    who = ", ".join(AUDIENCE_LABELS[a] for a in AUDIENCES if a in audience)
    out = [f"**Mục tiêu:** {_one_line(meta['goal'])}", "",
           f"**Thời lượng:** {LENGTH} phút · **Dành cho:** {who} · **Nhiệm vụ trong kế hoạch của xã:** "
           f"{meta.get('plan_task', '')}", ""]

    out += ["## Thứ tự dạy", "", "| Phút | Việc | Nhấn mạnh |", "|---|---|---|"]
    start = 0
    for item in items:
        guide = guides[item["guide"]]
        end = start + item["minutes"]
        focus = _one_line(item.get("focus") or guide.meta.get("description") or "")
        out.append(f"| {start}–{end} | {_link(page_src, guide.src, guide.heading)} | {focus.replace('|', '/')} |")
        start = end
    out.append(f"| {start}–{LENGTH} | Thực hành, đóng vai và 3 câu hỏi kiểm tra | Xem bên dưới |")
    out.append("")

    out += ["## Cần mang theo", ""] + [f"- {_one_line(thing)}" for thing in meta["bring"]] + [""]
    needs, seen = [], set()
    for item in items:
        for thing in guides[item["guide"]].meta.get("prerequisites") or []:
            text = _one_line(thing)
            if text.lower() not in seen and not text.lower().startswith("không cần"):
                seen.add(text.lower())
                needs.append(f"- {text}")
    if needs:
        out += ["Bà con cần có (theo phần “Bạn cần chuẩn bị” của các bài):", ""] + needs + [""]

    topics = [t for t in safety.SAFETY_TOPICS
              if any(t in safety.declared(guides[i["guide"]].meta) for i in items) and t in blocks]
    if topics:
        out += ["## Khung an toàn đọc cùng lớp", "",
                "Các bài trong buổi học có những khung này. Đọc to cho cả lớp, hỏi lại từng ý.", ""]
        for topic in topics:
            out += [safety.render(blocks[topic]), ""]

    out += ["## Thực hành (không dùng thông tin thật của ai)", "", meta["practice"].strip(), ""]
    if isinstance(meta.get("role_play"), str) and meta["role_play"].strip():
        out += ["## Đóng vai", "", meta["role_play"].strip(), ""]

    out += ["## Ba câu hỏi kiểm tra", ""]
    for n, item in enumerate(meta["check"], 1):
        guide = guides[item["guide"]]
        out.append(f"{n}. **{_one_line(item['question'])}**  ")
        out.append(f"    Đáp án: {_one_line(item['answer'])} (bài {_link(page_src, guide.src, guide.heading)})")
    out.append("")

    quiz = [(guides[i["guide"]], q) for i in items
            for q in (guides[i["guide"]].meta.get("self_check") or []) if not selfcheck.problems([q])]
    if quiz:
        out += ["## Câu hỏi tự kiểm tra cuối các bài", "",
                "Bà con tự làm trên điện thoại sau buổi học (cuối mỗi bài); đáp án đúng in đậm.", ""]
        for guide, q in quiz:
            right = next(a for a in q["answers"] if a.get("correct") is True)
            out.append(f"- {_one_line(q['question'])} → **{_one_line(right['text'])}** "
                       f"({_link(page_src, guide.src, guide.heading)})")
        out.append("")
    return "\n".join(out)


def load_lessons(lang_dir: Path) -> list[Lesson]:
    found = []
    for path in sorted((Path(lang_dir) / LESSON_DIR).glob("*.md")):
        meta, body = read_page(path)
        if meta.get("page_type") != "lesson":
            continue
        found.append(Lesson(f"{LESSON_DIR}/{path.name}", str(meta.get("title") or path.stem),
                            heading_of(body) or str(meta.get("title") or path.stem),
                            str(meta.get("plan_task") or ""), str(meta.get("description") or "")))
    return found


def _task_key(task: str) -> tuple:
    return tuple(int(p) if p.isdigit() else 0 for p in task.replace("III.", "").split("."))


def render_listing(lessons: list[Lesson], page_src: str) -> str:
    if not lessons:
        return "Chưa có bài học nào."
    out = []
    for lesson in sorted(lessons, key=lambda l: (_task_key(l.plan_task), l.heading)):
        out.append(f"- **{lesson.plan_task}** · {_link(page_src, lesson.src, lesson.heading)}  \n  {lesson.description}")
    return "\n".join(out)
