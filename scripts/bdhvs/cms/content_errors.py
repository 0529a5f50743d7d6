"""When the site does not build, `bdhvs cms` still opens the editor (it is how a staff
member repairs what they saved: a broken link, an image name the build refuses) and
lists what is wrong in Vietnamese, file:line, as `bdhvs check` says it."""
from __future__ import annotations

import sys

from bdhvs import settings
from bdhvs.findings import ERROR, Finding

MAX_SHOWN = 30


def findings(build_output: str, returncode: int) -> list[Finding]:
    from bdhvs.checks import runner

    options = runner.Options(root=settings.ROOT, docs_dir=settings.DOCS_DIR, data_dir=settings.DATA_DIR, style=False)
    found = [f for f in runner.check_paths([settings.DOCS_DIR], options) if f.severity == ERROR]
    # Plus what only the build sees (the build's own messages), once per place.
    places = {(f.file, f.line) for f in found}
    built = [f for f in runner.mkdocs_findings(build_output, returncode, options) if (f.file, f.line) not in places]
    if found:
        built = [f for f in built if f.code != "LINK-BUILD"]
    return found + built


def report(build_output: str, returncode: int, stream=None) -> int:
    stream = stream or sys.stderr
    found = findings(build_output, returncode)
    print(f"Nội dung đang có {len(found)} lỗi, nên trang cho bà con chưa dựng được. Trình biên tập VẪN mở: "
          "sửa các lỗi dưới đây trong trình biên tập (hoặc trong tệp), rồi chạy `bdhvs check` để xem lại.",
          file=stream)
    for item in found[:MAX_SHOWN]:
        print("  " + item.human(), file=stream)
    if len(found) > MAX_SHOWN:
        print(f"  … và {len(found) - MAX_SHOWN} lỗi khác (chạy `bdhvs check`).", file=stream)
    stream.flush()
    return len(found)
