"""What a validated package changes in the project: a list of files (path relative to
the project, bytes) and a Vietnamese summary. Pure functions over the project's text:
nothing is written here (apply.py writes, in a separate git worktree).

- review:   the guide's ``review:`` front matter gets the role and the date; ``status``
            is NOT set to reviewed (a second person does that when merging, CONTRIBUTING
            §3); an already reviewed guide keeps its ``review:`` untouched. The step
            results, the notes and the redacted screenshots go to the editors' folder
            ``gop-y/`` (outside docs/: never published).
- feedback: one Markdown note in ``gop-y/``.
- ede:      the step texts go into docs/ede/huong-dan/<slug>.md, created as a draft by the
            translation scaffold when missing (``translation.status: draft``: never built
            for citizens, i18n/publishing.py); each recording becomes the step's Ede clip
            ``docs/huong-dan/<slug>/buoc-N.ede.opus`` with its transcript ``.txt``
            (media/audio.py), placed inside the step of the draft.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path


from bdhvs.contrib import steps as steps_mod
from bdhvs.i18n import frontmatter, scaffold
from bdhvs.i18n.status import TODO_TITLE
from bdhvs.inbox import webm
from bdhvs.inbox.package import FEEDBACK_WHAT, RESULTS, Package, PackageError

NOTES_DIR = "gop-y"


@dataclass
class Changes:
    files: dict[str, bytes] = field(default_factory=dict)
    # What a written file is compared with: findings it already had are not the package's
    # fault (a new Ede draft: the bare scaffold `bdhvs translate` would write).
    baseline: dict[str, bytes] = field(default_factory=dict)
    summary: list[str] = field(default_factory=list)
    title: str = ""
    branch: str = ""


def set_review(text: str, role: str, date: str) -> tuple[str, bool]:
    """The page with ``review:`` set to draft + reviewer + date, the front matter written in
    the repository's one style (so only the review lines change), the body byte for byte.
    (text, changed); unchanged when the page is already reviewed."""
    try:
        page = frontmatter.split(text, "page")
    except frontmatter.PageError:
        page = None
    if page is None or not page.front_text.strip():
        raise PackageError(["bài hướng dẫn không có phần đầu trang (front matter) đọc được."])
    review = page.meta.get("review") if isinstance(page.meta.get("review"), dict) else {}
    if review.get("status") == "reviewed":
        return text, False
    meta = dict(page.meta, review={"status": "draft", "reviewer": role, "date": date})
    return frontmatter.join(meta, page.body), True


def _note(pkg: Package, heading: str, body: list[str]) -> bytes:
    guide = pkg.guide
    head = [f"# {heading}", "", f"- Bài: {guide.title} (`docs/vi/huong-dan/{guide.slug}.md`)",
            f"- Gói tạo ngày: {pkg.created}"]
    if pkg.role:
        head.append(f"- Người làm (vai trò): {pkg.role}, ngày {pkg.date}")
    return ("\n".join(head + [""] + body).rstrip() + "\n").encode("utf-8")


def _quote(text: str) -> list[str]:
    return ["> " + line if line.strip() else ">" for line in text.split("\n")]


def plan(pkg: Package, root: Path, stamp: str) -> Changes:
    slug = pkg.guide.slug
    changes = Changes(branch=f"gop-y/{pkg.kind}-{slug}-{stamp}")
    if pkg.kind == "review":
        folder = f"{NOTES_DIR}/{pkg.created}-kiem-tra-{slug}-{stamp}"
        guide_rel = f"docs/vi/huong-dan/{slug}.md"
        text = (root / guide_rel).read_text(encoding="utf-8")
        new, changed = set_review(text, pkg.role, pkg.date)
        if changed:
            changes.files[guide_rel] = new.encode("utf-8")
            changes.summary.append(f"{guide_rel}: ghi người kiểm tra “{pkg.role}”, ngày {pkg.date} "
                                   "(review.status vẫn là draft: người thứ hai duyệt mới đổi thành reviewed).")
        else:
            changes.summary.append(f"{guide_rel}: bài đã được duyệt, phần review giữ nguyên; biên bản nằm ở {folder}/.")
        shots = {s.step: s for s in pkg.screenshots}
        body = []
        for item in sorted(pkg.items, key=lambda i: i["step"]):
            n = item["step"]
            body.append(f"## Bước {n}: màn hình {RESULTS[item['result']]}")
            body += ["", *_quote(pkg.guide.steps[n - 1]), ""]
            if item["note"]:
                body += ["Màn hình thật:", "", *_quote(item["note"]), ""]
            if n in shots:
                name = f"buoc-{n}.png"
                changes.files[f"{folder}/{name}"] = shots[n].png
                body += [f"![Ảnh chụp bước {n}, {len(shots[n].boxes)} vùng đã che]({name})", ""]
        changes.files[f"{folder}/README.md"] = _note(pkg, f"Kiểm tra từng bước: {pkg.guide.title}", body)
        differ = [str(i["step"]) for i in pkg.items if i["result"] == "khac"]
        changes.summary.append(f"{folder}/: biên bản {len(pkg.items)} bước"
                               + (f", bước khác màn hình: {', '.join(differ)}" if differ else ", mọi bước giống")
                               + f", {len(pkg.screenshots)} ảnh đã che.")
        changes.title = f"Kiểm tra từng bước: {slug} ({pkg.role}, {pkg.date})"
    elif pkg.kind == "feedback":
        path = f"{NOTES_DIR}/{pkg.created}-gop-y-{slug}-{stamp}.md"
        where = f"bước {pkg.step}" if pkg.step else "cả bài"
        body = [f"- Loại: {FEEDBACK_WHAT[pkg.what]}", f"- Ở đâu: {where}"]
        if pkg.link:
            body.append(f"- Liên kết: `{pkg.link}`")
        body += ["", *_quote(pkg.message)]
        changes.files[path] = _note(pkg, f"Góp ý: {pkg.guide.title}", body)
        changes.summary.append(f"{path}: ghi chú góp ý ({FEEDBACK_WHAT[pkg.what].lower()}, {where}).")
        changes.title = f"Góp ý: {slug}"
    else:
        _plan_ede(pkg, root, changes)
        changes.title = f"Bản dịch tiếng Êđê (nháp): {slug} ({pkg.role}, {pkg.date})"
    return changes


def _plan_ede(pkg: Package, root: Path, changes: Changes) -> None:
    slug = pkg.guide.slug
    source = f"huong-dan/{slug}.md"
    vi_text = (root / "docs/vi" / source).read_text(encoding="utf-8")
    ede_rel = f"docs/ede/{source}"
    ede_path = root / ede_rel
    if ede_path.exists():
        text = ede_path.read_text(encoding="utf-8")
        meta = frontmatter.split(text, ede_rel).meta
        if (meta.get("translation") or {}).get("status") != "draft":
            raise PackageError([f"{ede_rel} đã được duyệt; bản dịch mới từ điện thoại không ghi đè bản đã duyệt. "
                                "Cách sửa: người biên tập đưa bản đó về nháp trước, hoặc chép tay những câu cần sửa."])
        created = False
    else:
        text = scaffold.make(vi_text, source, dt.date.fromisoformat(pkg.date), translator=pkg.role)
        changes.baseline[ede_rel] = text.encode("utf-8")
        # As `bdhvs translate` does: the Vietnamese text the draft starts from (i18n/base.py).
        changes.files[f"data/translation-base/{source}"] = vi_text.encode("utf-8")
        created = True
    page = frontmatter.split(text, ede_rel)
    lines = page.body.split("\n")
    found = steps_mod.items(page.body)
    clips = {r.step: r for r in pkg.recordings}
    done, kept = [], []
    # From the last step up, so line numbers of earlier steps stay valid.
    for item in sorted(pkg.items, key=lambda i: -i["step"]):
        n = item["step"]
        if n > len(found):
            raise PackageError([f"bước {n}: bản tiếng Êđê {ede_rel} không có bước này."])
        step = found[n - 1]
        new_first = None
        if item["text"]:
            if TODO_TITLE not in step.first and not step.first.startswith("!!!"):
                kept.append(str(n))  # already translated: the editor compares by hand
            else:
                new_first = item["text"].replace("\n", " ")
        audio = []
        if n in clips:
            rec = clips[n]
            try:
                ogg, channels = webm.to_ogg(rec.data) if rec.container == "webm" else (rec.data, 1)
            except webm.WebmError as exc:
                raise PackageError([f"bước {n}, ghi âm: {exc}."]) from None
            base = f"docs/huong-dan/{slug}/buoc-{n}.ede"
            changes.files[f"{base}.opus"] = ogg
            changes.files[f"{base}.txt"] = (item["text"].strip() + "\n").encode("utf-8")
            audio = ["", f"    ![type:audio](../../huong-dan/{slug}/buoc-{n}.ede.opus)"]
        block = lines[step.start:step.end]
        if new_first is not None:
            marker = re.match(r"^(\d+[.)])", block[0]).group(1)
            # The first paragraph of the scaffold item is its first "Cần dịch" admonition.
            rest_start = 1
            while rest_start < len(block) and (not block[rest_start].strip() or block[rest_start].startswith("        ")):
                rest_start += 1
            block = [f"{marker} {new_first}"] + audio + ([""] if rest_start < len(block) else []) + block[rest_start:]
        elif audio:
            block = block[:1] + audio + block[1:]
        lines[step.start:step.end] = block
        done.append(n)
    body = "\n".join(lines)
    # The front matter is kept byte for byte (no restyling, no staleness from a re-dump).
    changes.files[ede_rel] = (text[: len(text) - len(page.body)] + body).encode("utf-8")
    what = "tạo bản nháp" if created else "cập nhật bản nháp"
    changes.summary.append(f"{ede_rel}: {what} (translation.status: draft, bà con chưa thấy), "
                           f"bước {', '.join(map(str, sorted(done)))}.")
    if kept:
        changes.summary.append(f"bước {', '.join(sorted(kept))}: đã có bản dịch, không ghi đè; chữ mới nằm trong ghi chú.")
    for n in sorted(clips):
        changes.summary.append(f"docs/huong-dan/{slug}/buoc-{n}.ede.opus (+ .txt lời đọc): ghi âm bước {n} tiếng Êđê.")
    folder_note = f"{NOTES_DIR}/{pkg.created}-dich-ede-{slug}-{changes.branch.rsplit('-', 1)[-1]}.md"
    note = []
    for item in sorted(pkg.items, key=lambda i: i["step"]):
        note += [f"## Bước {item['step']}", "", *_quote(pkg.guide.steps[item["step"] - 1]), ""]
        if item["text"]:
            note += ["Tiếng Êđê:", "", *_quote(item["text"]), ""]
        if item["step"] in clips:
            note += [f"Ghi âm: `docs/huong-dan/{slug}/buoc-{item['step']}.ede.opus`", ""]
    note += ["Người biết tiếng Êđê thứ hai duyệt bằng: "
             f"`bdhvs translate {source} --review \"<vai trò>\"`."]
    changes.files[folder_note] = _note(pkg, f"Dịch tiếng Êđê: {pkg.guide.title}", note)
