"""`bdhvs check --fix` on lines that mix correct Unicode words with a pasted VNI/TCVN3
fragment, run as an editor runs it (a subprocess on a small project): every correct word
stays byte-identical ("có" never becomes "cú", "đó" never "đĩ", the Ede "Ñu" never "Đu"),
the legacy fragment is converted when all of it decodes to known words, and what cannot be
decoded is left as written and still reported by `bdhvs check` at its line."""
from __future__ import annotations

import re
import subprocess
import sys

import pytest

import gatekit

PAGE = "docs/vi/huong-dan/tron-lan.md"
HEAD = ("---\ntitle: Dòng trộn chữ cũ\ndescription: Trang thử có dòng trộn chữ Unicode đúng với đoạn chữ "
        "font cũ dán vào.\npage_type: info\n---\n\n# Dòng trộn chữ cũ\n\n")
# (line as pasted, line after --fix). Each line is its own paragraph.
FIXED = [
    ("Bạn có thể đọc dòng này: Céng hoµ x· héi chñ nghÜa ViÖt Nam",
     "Bạn có thể đọc dòng này: Cộng hoà xã hội chủ nghĩa Việt Nam"),  # TCVN3 after correct words
    ("Đó là khẩu hiệu: Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam",
     "Đó là khẩu hiệu: Cộng hoà xã hội chủ nghĩa Việt Nam"),  # VNI
    ("Ông ấy có nói: §éc lËp - Tù do - H¹nh phóc",
     "Ông ấy có nói: Độc lập - Tự do - Hạnh phúc"),  # "có nói" are words in TCVN3 too (cú núi)
    ("ViÖt Nam có đó", "Việt Nam có đó"),  # the correct words AFTER the fragment
    ("Cái đó có thật, Ñaêng kyù taøi khoaûn ñònh danh ñieän töû.",
     "Cái đó có thật, Đăng ký tài khoản định danh điện tử."),
    ("Mở ứng dụng rồi chạm Ñaêng nhaäp, có vậy thôi.", "Mở ứng dụng rồi chạm Đăng nhập, có vậy thôi."),
    ("Đi đâu đó, có ai nói: Vieät Nam", "Đi đâu đó, có ai nói: Việt Nam"),
    ('Từ Êđê <span lang="rad">Ñu</span> nghĩa là anh ấy; bản cũ viết Coäng hoøa',
     'Từ Êđê <span lang="rad">Ñu</span> nghĩa là anh ấy; bản cũ viết Cộng hoà'),
    ("Gõ `Céng` trong ô mã, còn Céng hoµ là chữ lỗi", "Gõ `Céng` trong ô mã, còn Cộng hoà là chữ lỗi"),
    ("Céng hoµ có đó", "Cộng hoà có đó"),
    ("nói có Céng hoµ", "nói có Cộng hoà"),
    ("Có sao đâu, ViÖt Nam", "Có sao đâu, Việt Nam"),
    # a correct symbol on a line with a fragment is not a legacy letter (© was VISCII "ẹ")
    ("© 2026 UBND xã, khẩu hiệu: Céng hoµ x· héi", "© 2026 UBND xã, khẩu hiệu: Cộng hoà xã hội"),
    ("Nhiệt độ 30 ° C, sai số ± 2, bản cũ: ViÖt Nam", "Nhiệt độ 30 ° C, sai số ± 2, bản cũ: Việt Nam"),
]
# What --fix cannot decide: left as written (the rest of the line fixed), still reported.
UNFIXABLE = [
    # a run with one token that decodes to no word: the whole run stays
    ("Trong bản cũ có chữ Céng hoµ xqzµ lạ", "Trong bản cũ có chữ Céng hoµ xqzµ lạ", "TEXT-LEGACY-TCVN3"),
    # Ñ alone may be the Ede letter (Ñu = "he, she") or VNI Đ: kept, the editor decides
    ("Tôi có Ñu và Vieät Nam", "Tôi có Ñu và Việt Nam", "TEXT-LEGACY-VNI"),
    # "100µg" is a dose, not TCVN3 (still reported: the editor decides); © stays ©
    ("Giá thuốc 100µg mỗi viên, © 2026 UBND xã Krông Á.", "Giá thuốc 100µg mỗi viên, © 2026 UBND xã Krông Á.",
     "TEXT-LEGACY-TCVN3"),
]
WORD = re.compile(r"[^\W\d_]+")


def _words_that_must_stay(pasted: str, fixed: str) -> list[str]:
    """Words of the pasted line that are written in Unicode (not part of the fragment):
    the words both lines share at the start and the end."""
    a, b = WORD.findall(pasted), WORD.findall(fixed)
    keep = []
    for x, y in zip(a, b):
        if x != y:
            break
        keep.append(x)
    for x, y in zip(reversed(a), reversed(b)):
        if x != y:
            break
        keep.append(x)
    return keep


def _check(project) -> str:
    proc = subprocess.run([sys.executable, "-m", "bdhvs.cli", "check", "--no-build", "--docs-dir", "docs"],
                          cwd=project, env=gatekit.ENV, capture_output=True, text=True, errors="replace")
    return proc.stdout + proc.stderr


@pytest.fixture(scope="module")
def fixed(tmp_path_factory):
    project = gatekit.make_project(tmp_path_factory.mktemp("fix") / "project")
    lines = [pasted for pasted, _ in FIXED] + [pasted for pasted, _, _ in UNFIXABLE]
    page = project / PAGE
    page.write_text(HEAD + "\n\n".join(lines) + "\n", encoding="utf-8")
    before = _check(project)
    proc = subprocess.run([sys.executable, "-m", "bdhvs.cli", "check", "--fix", "--no-build", "--docs-dir", "docs"],
                          cwd=project, env=gatekit.ENV, capture_output=True, text=True, errors="replace")
    after_lines = page.read_text(encoding="utf-8").split("\n")
    return {"before": before, "fix": proc.stdout + proc.stderr, "after": _check(project), "lines": after_lines,
            "first": HEAD.count("\n") + 1}


def _line_of(n: int, fixed) -> int:
    return fixed["first"] + 2 * n


@pytest.mark.slow
def test_no_traceback(fixed):
    for key in ("before", "fix", "after"):
        assert not gatekit.tracebacks(fixed[key]), fixed[key]


@pytest.mark.slow
@pytest.mark.parametrize("n", range(len(FIXED)), ids=[p for p, _ in FIXED])
def test_fragment_converted_correct_words_untouched(fixed, n):
    pasted, expected = FIXED[n]
    line = _line_of(n, fixed)
    got = fixed["lines"][line - 1]
    for word in _words_that_must_stay(pasted, expected):
        assert word in got.split() or word in WORD.findall(got), f"{word!r} changed: {got!r}"
    assert got == expected
    assert not re.search(rf"{re.escape(PAGE)}:{line}:\d+\s+TEXT-LEGACY", fixed["after"]), fixed["after"]


@pytest.mark.slow
@pytest.mark.parametrize("n", range(len(UNFIXABLE)), ids=[p for p, _, _ in UNFIXABLE])
def test_what_cannot_be_decided_stays_and_is_reported(fixed, n):
    pasted, expected, code = UNFIXABLE[n]
    line = _line_of(len(FIXED) + n, fixed)
    assert fixed["lines"][line - 1] == expected
    assert gatekit.reported(fixed["after"], f"{PAGE}:{line} {code}"), fixed["after"]
