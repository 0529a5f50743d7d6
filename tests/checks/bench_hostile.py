"""Benchmark: `bdhvs check` time on hostile ~400 kB pages (thousands of unmatched brackets,
backticks, tags, nested lang spans…). Every scanner must stay near-linear; prints a table.

    .venv/bin/python tests/checks/bench_hostile.py
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from bdhvs.checks import runner

HEAD = "---\ntitle: x\ndescription: Trang mẫu dùng để kiểm tra công cụ kiểm tra nội dung.\npage_type: info\n---\n\n# x\n\n"


def lines(unit: str, width: int = 4500, count: int = 90) -> str:
    return HEAD + "\n".join([unit * (width // len(unit))] * count) + "\n"


CASES = {
    "brackets": lines("["), "bracket words": lines("[a "), "backticks": lines("` a "), "backtick runs": lines("`` a ` b "),
    "angles": lines("<a "), "link openers": lines("]("), "nested lang spans": lines('<span lang="rad">'),
    "digits": lines("0 "), "stars": lines("*"), "dotted names": lines("a."), "braces": lines("{a="),
    "quotes": lines('"ab '), "urls": lines("http://a "), "fences": HEAD + "```\n" * 20000,
    "comments": HEAD + "<!-- a\n" * 20000,
    "missing links": lines("[a](khong-co.md) "), "missing images": lines("![a](../huong-dan/x/b.png) "),
    "backslash paths": lines("[a](..\\b\\c.md) "), "unclosed quotes": "---\n" + 'a: "x\n' * 40000 + "---\n",
}
# Files that are not UTF-8 (bytes): Windows-1258 Vietnamese, and junk no encoding decodes.
BYTES = {
    "cp1258 text": HEAD.encode() + ("Đăng ky\u0301 ta\u0300i khoa\u0309n. " * 110 + "\n").encode("cp1258") * 90,
    "cp1252 junk": HEAD.encode() + (b"\xe9\xe8\xfc\xa4 " * 900 + b"\n") * 90,
}


def main() -> None:
    sys.stdout.reconfigure(encoding="utf-8")
    print("| input | bytes | seconds | codes |\n|---|---:|---:|---|")
    with tempfile.TemporaryDirectory() as tmp:
        docs = Path(tmp) / "docs" / "vi"
        docs.mkdir(parents=True)
        options = runner.Options(root=Path(tmp), docs_dir=Path(tmp) / "docs", style=False)
        runner.check_paths([], options)  # load the dictionary once
        cases = {name: text.encode("utf-8") for name, text in CASES.items()} | BYTES
        for name, data in cases.items():
            page = docs / "trang.md"
            page.write_bytes(data)
            start = time.perf_counter()
            found = runner.check_paths([page], options)
            took = time.perf_counter() - start
            print(f"| {name} | {len(data):,} | {took:.2f} | {', '.join(sorted({f.code for f in found})[:3])} |")


if __name__ == "__main__":
    main()
