"""The Vietnamese text each Ede translation was made from, to show what changed since.

Design: `bdhvs translate` (scaffold) and `bdhvs translate --sync` write the hash of the
Vietnamese page into the Ede page's front matter (``translation.source_hash``) AND a
copy of that exact Vietnamese file to ``data/translation-base/<path under docs/vi/>``.
`bdhvs translations --stale` diffs that copy against today's Vietnamese page.

Why a copy and not only git history: it works in a fresh clone, with shallow CI
checkouts and before anything is committed. If the copy is missing or does not match
the recorded hash (edited by hand), the Vietnamese file's git history is searched for
the version with that hash.
"""
from __future__ import annotations

import difflib
import hashlib
import json
import subprocess
import unicodedata

from bdhvs.i18n import frontmatter
from bdhvs.i18n.project import Project


def source_hash(text: str) -> str:
    """16 hex digits of SHA-256 over the CONTENT of the Vietnamese file (NFC, LF newlines):
    the front matter's values, not how they are written (quotes, `[a, b]` or a block list,
    key order — what the browser editor restyles on every save), and the body without
    leading and trailing blank space. A save that changes no value leaves the hash, so a
    reviewed translation does not turn stale."""
    normal = unicodedata.normalize("NFC", text.replace("\r\n", "\n"))
    try:
        page = frontmatter.split(normal)
    except frontmatter.PageError:  # unreadable front matter: the text itself
        return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:16]
    meta = json.dumps(page.meta, sort_keys=True, ensure_ascii=False, default=str)
    canon = meta + "\n---\n" + "\n".join(line.rstrip() for line in page.body.strip("\n").split("\n")) + "\n"
    return hashlib.sha256(canon.encode("utf-8")).hexdigest()[:16]


def save(project: Project, source: str, text: str) -> None:
    path = project.base_dir / source
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def load(project: Project, source: str, recorded_hash: str | None) -> str | None:
    """The Vietnamese text whose hash is ``recorded_hash``, or None if it cannot be found."""
    if not recorded_hash:
        return None
    path = project.base_dir / source
    if path.exists():
        text = path.read_text(encoding="utf-8")
        if source_hash(text) == recorded_hash:
            return text
    return _from_git(project, source, recorded_hash)


def _from_git(project: Project, source: str, recorded_hash: str) -> str | None:
    rel = (project.vi_dir / source).relative_to(project.root).as_posix()
    try:
        log = subprocess.run(["git", "-C", str(project.root), "log", "--format=%H", "--", rel],
                             capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    for commit in log.stdout.split():
        show = subprocess.run(["git", "-C", str(project.root), "show", f"{commit}:{rel}"],
                              capture_output=True, timeout=30)
        if show.returncode == 0:
            text = show.stdout.decode("utf-8", "replace")
            if source_hash(text) == recorded_hash:
                return text
    return None


def diff(old: str, new: str, source: str, recorded_hash: str) -> str:
    lines = difflib.unified_diff(
        old.splitlines(keepends=True), new.splitlines(keepends=True),
        fromfile=f"docs/vi/{source} (lúc dịch, mã {recorded_hash})",
        tofile=f"docs/vi/{source} (hiện nay)",
    )
    out = "".join(line if line.endswith("\n") else line + "\n" for line in lines)
    return out
