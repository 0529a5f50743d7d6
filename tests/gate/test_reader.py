"""Unit tests of the gate's readers (scripts/bdhvs/inputs/): whatever the input, a record
and findings at the right line, never an exception; limits hold before any work is done."""
from __future__ import annotations

import itertools
import struct
import time
import unicodedata
import zlib
from pathlib import Path

import pytest

from bdhvs import settings
from bdhvs.inputs import datafiles, feature, images, pages, yamlsafe

ROOT = Path(__file__).resolve().parents[2]


# --- YAML ---------------------------------------------------------------------------------
def test_impossible_dates_are_problems_at_their_line_not_exceptions():
    parsed = yamlsafe.parse("a: 2026-01-05\nb: 2026-02-30\nc:\n  d: 2025-13-01\n")
    assert parsed.usable
    assert [(p.line, p.kind) for p in parsed.problems] == [(2, "date"), (4, "date")]
    assert str(parsed.data["a"]) == "2026-01-05" and parsed.data["b"] == "2026-02-30"
    assert parsed.plain() == {"a": "2026-01-05", "b": "2026-02-30", "c": {"d": "2025-13-01"}}


def test_a_duplicate_key_is_found_at_any_depth():
    parsed = yamlsafe.parse("review:\n  status: draft\n  status: reviewed\nlist:\n  - {x: 1, x: 2}\n")
    assert [(p.line, p.kind) for p in parsed.problems] == [(3, "duplicate"), (5, "duplicate")]
    assert "dòng 2" in parsed.problems[0].message


def test_alias_bomb_is_refused_before_it_is_built():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 10) + "]\n" for i in range(9))
    start = time.perf_counter()
    parsed = yamlsafe.parse(bomb)
    assert time.perf_counter() - start < 2
    assert not parsed.usable and parsed.problems[0].kind == "alias" and parsed.problems[0].line == 5
    assert "bom bí danh" in parsed.problems[0].message
    # a few honest aliases are fine in data files, never in front matter
    assert yamlsafe.parse("a: &a [1]\nb: *a\n").data == {"a": [1], "b": [1]}
    assert yamlsafe.parse("a: &a [1]\nb: *a\n", aliases_allowed=False).problems[0].line == 2


def test_depth_and_size_limits(monkeypatch):
    assert yamlsafe.parse("x: " + "[" * 500 + "]" * 500).problems[0].kind == "limit"
    monkeypatch.setattr(settings, "YAML_MAX_BYTES", 100)
    parsed = yamlsafe.parse("x: " + "y" * 200)
    assert not parsed.usable and "quá giới hạn" in parsed.problems[0].message


SHAPES = ["a: 1", "a: [1, 2", 'a: "x', "a: !!python/object/apply:os.system ['x']", "- [a]: 1", "a:\n\tb: 1",
          "? [a, b]\n: 1", "a: &x 1\nb: *y", "a: 2026-02-30T25:61:00", "\x00", "a: \ud800", "---\n---\n---",
          "a: b: c", "{a: 1, a: 1}", "a: 1e99999", "a: 0x", "%YAML 9.9\n---\na: 1", "a: |\n b\n  c\n d"]


@pytest.mark.parametrize("text", ["\n".join(combo) for combo in itertools.permutations(SHAPES, 2)][:300])
def test_no_yaml_shape_raises(text):
    parsed = yamlsafe.parse(text)
    assert parsed.usable or parsed.problems


# --- pages --------------------------------------------------------------------------------
def to_cp1258(text: str) -> bytes:
    """Vietnamese text as Windows-1258 stores it: letters with a circumflex, breve or horn
    precomposed (â ê ô ă ơ ư), tone marks as separate combining characters."""
    out = []
    for ch in text:
        base, *marks = unicodedata.normalize("NFD", ch)
        for mark in marks:
            joined = unicodedata.normalize("NFC", base + mark)
            if len(joined) == 1 and joined.encode("cp1258", "ignore"):
                base = joined
                marks.remove(mark)
                break
        out.append((base + "".join(marks)).encode("cp1258"))
    return b"".join(out)


PAGE = "---\ntitle: Trang thử\nlast_reviewed: 2026-11-20\n---\n\n# Trang thử\n\nĐăng nhập VNeID.\n"


def _docs(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / "docs" / "vi" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def _read(tmp_path, path):
    return pages.read(path, root=tmp_path, docs_dir=tmp_path / "docs", rules=False)


def test_a_page_is_read_and_its_front_matter_parsed_once(tmp_path, monkeypatch):
    path = _docs(tmp_path, "mot-lan.md", PAGE.encode())
    calls = []
    real = yamlsafe.parse
    monkeypatch.setattr(yamlsafe, "parse", lambda *a, **k: calls.append(1) or real(*a, **k))
    first = _read(tmp_path, path)
    again = [_read(tmp_path, path) for _ in range(5)]
    assert len(calls) == 1 and all(r is first for r in again)
    assert first.meta["title"] == "Trang thử" and str(first.meta["last_reviewed"]) == "2026-11-20"
    assert first.plain_meta["last_reviewed"] == "2026-11-20"
    assert first.body.lstrip().startswith("# Trang thử")


@pytest.mark.parametrize("data, code, line", [
    (PAGE.encode("utf-16"), "FILE-NOT-UTF8", 1),
    (PAGE.replace("Đăng nhập VNeID.", "Bấm vào nút Đăng nhập rồi nhập số định danh cá nhân của bạn.")
     .replace("thử", "thu"), "FILE-NOT-UTF8", 8),
    (PAGE.replace("\n", "\r").replace("2026-11-20", "2026-02-30").encode(), None, None),
    (b"\x89PNG\r\n\x1a\n" + bytes(300), "FILE-BINARY", 1),
    (b"", "FILE-EMPTY", 1),
])
def test_hostile_bytes_give_findings_at_the_line_and_still_a_record(tmp_path, data, code, line):
    data = to_cp1258(data) if isinstance(data, str) else data
    record = _read(tmp_path, _docs(tmp_path, "trang.md", data))
    if code:
        assert (code, line) in {(f.code, f.line) for f in record.findings}, record.findings
    else:  # lone CR line ends: counted as lines, the front matter is read
        assert record.meta["title"] == "Trang thử" and record.meta["last_reviewed"] == "2026-02-30"
        assert record.doc.pos(record.text.index("# Trang")) == (6, 1)


def test_windows_1258_page_is_decoded_for_the_build(tmp_path):
    text = PAGE.replace("Đăng nhập VNeID.", "Bấm vào nút Đăng nhập rồi nhập số định danh cá nhân của bạn.")
    record = _read(tmp_path, _docs(tmp_path, "ansi.md", to_cp1258(text)))
    assert "Bấm vào nút Đăng nhập" in feature.safe_source(record)


def test_the_build_never_gets_an_unknown_template_nor_a_rule_as_front_matter(tmp_path):
    page = PAGE.replace("title: Trang thử\n", "title: Trang thử\ntemplate: ../../etc/passwd\n")
    page += "\n---\n\nsau đường kẻ\n"
    record = _read(tmp_path, _docs(tmp_path, "khuon.md", page.encode()))
    assert "template" not in feature.page_meta(record) and feature.page_meta(record)["title"] == "Trang thử"
    rule_first = _read(tmp_path, _docs(tmp_path, "ke.md", b"---\ntitle: A\n---\n---\nx: 1\n---\n# A\n"))
    assert feature.safe_source(rule_first).startswith("\n---")  # not taken for front matter by MkDocs


# --- data files ---------------------------------------------------------------------------
def test_the_project_data_files_pass_their_schemas():
    findings = datafiles.check_all(ROOT / "data", root=ROOT)
    assert findings == []


def test_a_bad_entry_is_reported_at_its_line_and_left_out(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "hotlines.yml").write_text(
        'hotlines:\n  - number: "156"\n    what: Báo lừa đảo\n    status: ok\n    source: https://a.vn\n'
        '  - number: "5656"\n    what: Báo tin rác\n    status: ok\n', encoding="utf-8")
    record = datafiles.read("hotlines.yml", tmp_path / "data", root=tmp_path)
    assert [(f.file, f.line, f.code) for f in record.findings] == [("data/hotlines.yml", 6, "DATA-ENTRY")]
    assert "source" in record.findings[0].message
    assert [e["number"] for e, _line, _path in record.items("hotlines")] == ["156"]


def test_an_oversized_data_file_is_not_parsed(tmp_path, monkeypatch):
    monkeypatch.setattr(settings, "YAML_MAX_BYTES", 50)
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "domains.yml").write_text("domains: []\n" + "# " + "x" * 100 + "\n", encoding="utf-8")
    record = datafiles.read("domains.yml", tmp_path / "data", root=tmp_path)
    assert record.data is None and record.findings[0].code == "DATA-YAML" and "giới hạn" in record.findings[0].message


# --- images -------------------------------------------------------------------------------
def _png(width: int, height: int, rows: bytes | None = None) -> bytes:
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    rows = rows or zlib.compress(b"".join(b"\x00" + b"\xff\xff\xff" * width for _ in range(height)))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", rows) + chunk(b"IEND", b""))


def test_image_limits_are_read_from_the_header(tmp_path, monkeypatch):
    good = tmp_path / "buoc-1.png"
    good.write_bytes(_png(20, 10))
    assert images.limits(good, root=tmp_path) == []
    huge = tmp_path / "buoc-2.png"
    huge.write_bytes(_png(30000, 30000, rows=zlib.compress(bytes(1000))))  # 2.7 GB once decoded
    assert [f.code for f in images.limits(huge, root=tmp_path)] == ["IMG011"]
    monkeypatch.setattr(settings, "IMAGE_MAX_BYTES", 50)
    assert [f.code for f in images.limits(good, root=tmp_path)] == ["IMG012"]
