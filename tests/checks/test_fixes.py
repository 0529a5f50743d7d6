"""`bdhvs check --fix`: only the safe rewrites, exactly as expected, idempotent, atomic."""
from __future__ import annotations

import os
import shutil
import unicodedata
import subprocess
import sys
from pathlib import Path

import pytest

from bdhvs.checks import data, fixes, runner

CORPUS = Path(__file__).resolve().parent / "corpus" / "fix"
CASES = sorted(p.relative_to(CORPUS).as_posix() for p in CORPUS.rglob("*.md"))
DATA = data.load()
FIXED_CODES = {"TEXT-NFC", "TEXT-LEGACY-TCVN3", "TEXT-LEGACY-VNI", "TEXT-LEGACY-VISCII", "TEXT-MOJIBAKE", "TEXT-TONE-STYLE",
               "FILE-NOT-UTF8", "FILE-BOM", "MD010", "LINK-BACKSLASH"}


# Decoding another encoding is safe only when the dictionary recognises the words.
NEEDS_DICTIONARY = {"fix-cp1258.md", "fix-cp1252-vni.md"}


@pytest.fixture
def tree(tmp_path):
    shutil.copytree(CORPUS, tmp_path / "t")
    return tmp_path / "t"


@pytest.mark.parametrize("case", CASES)
def test_fix_gives_the_expected_text_and_is_idempotent(tree, case):
    if case.split("/")[-1] in NEEDS_DICTIONARY and not data.HUNSPELL_VI.exists():
        pytest.skip("a safe encoding guess needs data/spelling/vi_VN.dic")
    path = tree / case
    options = runner.Options(root=tree, docs_dir=tree / "docs")
    before = [f.code for f in runner.check_paths([path], options)]
    changes = fixes.fix_file(path, DATA, root=tree, docs_dir=tree / "docs")
    expected = (CORPUS / case.replace(".md", ".expected")).read_bytes()
    assert path.read_bytes() == expected
    assert bool(changes) == (expected != (CORPUS / case).read_bytes())
    after = [f.code for f in runner.check_paths([path], options)]
    assert not FIXED_CODES & set(after), after
    assert not {"LINK-BROKEN", "LINK-IMAGE"} & set(after), after  # fixed paths lead somewhere
    if set(before) & FIXED_CODES:
        assert changes
    assert fixes.fix_file(path, DATA, root=tree, docs_dir=tree / "docs") == []


def test_fix_never_touches_binary_files_or_an_unsure_encoding(tmp_path):
    cases = {
        "binary.md": b"\x00\x01binary",
        "junk.md": "Đăng ký\n".encode() + b"\x81\x8d\x90\n",  # no encoding decodes it
        # Latin-1 French decodes, but it is not Vietnamese: the guess is not safe, the file stays.
        "french.md": "Été à Paris, café crème.\n".encode("cp1252"),
    }
    for name, content in cases.items():
        path = tmp_path / name
        path.write_bytes(content)
        assert fixes.fix_file(path, DATA, root=tmp_path, docs_dir=tmp_path) == [], name
        assert path.read_bytes() == content


@pytest.mark.skipif(not data.HUNSPELL_VI.exists(), reason="the dictionary data/spelling/vi_VN.dic is missing")
def test_cli_fix_converts_a_windows_1258_file_and_says_so(tree):
    path = tree / "docs/vi/fix-cp1258.md"
    proc = subprocess.run([sys.executable, "-m", "bdhvs.cli", "check", "--fix", "--no-build", "--docs-dir", "docs",
                           "docs/vi/fix-cp1258.md"],
                          cwd=tree, capture_output=True, text=True, env=dict(os.environ, PYTHONUTF8="1"))
    assert "Traceback" not in proc.stdout + proc.stderr
    assert "đổi bảng mã Windows-1258" in proc.stdout
    assert proc.returncode == 0, proc.stdout + proc.stderr
    text = path.read_text(encoding="utf-8")
    assert "Đăng ký tài khoản định danh điện tử" in text and text == unicodedata.normalize("NFC", text)


def test_a_crash_while_converting_an_encoding_keeps_the_editors_bytes(tree, monkeypatch):
    path = tree / "docs/vi/fix-cp1258.md"
    original = path.read_bytes()

    def boom(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        fixes.fix_file(path, DATA, root=tree, docs_dir=tree / "docs")
    assert path.read_bytes() == original
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]


def test_a_crash_while_writing_keeps_the_editors_file(tmp_path, monkeypatch):
    path = tmp_path / "trang.md"
    original = "Chúc mạnh khỏe.\n"
    path.write_text(original, encoding="utf-8")

    def boom(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        fixes.fix_file(path, DATA, root=tmp_path, docs_dir=tmp_path)
    assert path.read_text(encoding="utf-8") == original
    assert [p.name for p in tmp_path.iterdir()] == ["trang.md"]  # no temporary file left


def test_fix_keeps_file_mode(tree):
    path = tree / "docs/vi/fix-nfc.md"
    path.chmod(0o640)
    fixes.fix_file(path, DATA, root=tree, docs_dir=tree / "docs")
    assert path.stat().st_mode & 0o777 == 0o640


def test_cli_fix_says_what_it_changed(tree):
    proc = subprocess.run([sys.executable, "-m", "bdhvs.cli", "check", "--fix", "--no-build", "docs/vi/fix-tone.md"],
                          cwd=tree, capture_output=True, text=True, env=dict(os.environ, PYTHONUTF8="1"))
    assert "Traceback" not in proc.stderr
    assert "“khỏe” → “khoẻ”" in proc.stdout and "Đã sửa 4 chỗ." in proc.stdout
    assert "Luật Thủy sản" in (tree / "docs/vi/fix-tone.md").read_text(encoding="utf-8")
