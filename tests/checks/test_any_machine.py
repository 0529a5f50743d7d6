"""What an editor on any machine reads (issue #15): every finding of a file in one run,
YAML errors on the line where they start, other encodings, Windows habits (backslashes,
names with capitals and spaces, tabs), each message in Vietnamese saying what to do.
Lines and columns are asserted by the corpus (corpus/expected.yml); here, the words."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from bdhvs import yamlfast
from bdhvs.checks import data, runner
from bdhvs.media import spec as spec_mod

CORPUS = Path(__file__).resolve().parent / "corpus"
OPTIONS = runner.Options(root=CORPUS, docs_dir=CORPUS / "docs")


def findings(name: str):
    return runner.check_paths([CORPUS / name], OPTIONS)


def message(name: str, code: str) -> str:
    return next(f.human() for f in findings(name) if f.code == code)


def run_cli(*args, cwd=CORPUS):
    return subprocess.run([sys.executable, "-m", "bdhvs.cli", "check", "--no-build", "--docs-dir", "docs", *args],
                          cwd=cwd, capture_output=True, text=True, env=dict(os.environ, PYTHONUTF8="1"))


def test_one_run_shows_the_front_matter_the_broken_link_and_the_missing_image():
    proc = run_cli("docs/vi/huong-dan/mot-lan-chay.md")
    assert proc.returncode == 1 and "Traceback" not in proc.stdout + proc.stderr
    lines = proc.stdout.splitlines()
    assert any(":2:1  FM-REQUIRED  Thiếu trường bắt buộc 'platform'" in line for line in lines)
    assert any(":23:23  LINK-IMAGE  Ảnh “../../huong-dan/mot-lan-chay/buoc-1.png” không có" in line for line in lines)
    assert any(":25:28  LINK-BROKEN  Liên kết “dang-ky-khong-co.md” trỏ tới trang không có" in line for line in lines)


def test_broken_yaml_does_not_hide_the_links_of_the_page(tmp_path):
    page = tmp_path / "docs" / "vi" / "trang.md"
    page.parent.mkdir(parents=True)
    page.write_text('---\ntitle: "Trang thử\ndescription: Trang mẫu dùng để kiểm tra.\npage_type: info\n---\n\n'
                    "# Trang thử\n\nXem [trang khác](khong-co.md).\n", encoding="utf-8")
    got = [(f.line, f.code) for f in runner.check_paths([page], runner.Options(root=tmp_path, docs_dir=tmp_path / "docs"))]
    assert got == [(2, "FM-YAML"), (9, "LINK-BROKEN")]


def test_unclosed_front_matter_still_checks_the_rest():
    assert "Thêm một dòng chỉ có --- ngay trước dòng 4" in message("docs/vi/fm-unclosed.md", "FM-UNCLOSED")


@pytest.mark.parametrize("name, words", [
    ("docs/vi/fm-yaml-quote.md", "dấu ngoặc kép \" mở ở đây chưa được đóng"),
    ("docs/vi/fm-yaml-quote-later.md", "dấu ngoặc kép \" mở ở đây chưa được đóng"),
    ("docs/vi/fm-yaml-bracket.md", "dấu [ mở ở đây chưa được đóng"),
])
def test_yaml_errors_say_what_to_close(name, words):
    assert words in message(name, "FM-YAML")


@pytest.mark.parametrize("text, line, words", [
    ("a: 1\nb: 'không đóng\nc: 2\nd: 3\n", 2, "nháy đơn"),
    ("a: 1\nb: [x, y\nc: 2\n", 2, "dấu ["),
    ("a: 1\nb: {x: 1\nc: 2\n", 2, "dấu {"),
    ("a: 1\nb c\nd: 2\n", 2, "thiếu dấu hai chấm"),
    ("a: 1\n\tb: 2\n", 2, "Tab"),
    ("a: 1\nb: Bước 1: mở\n", 2, "hai chấm"),
])
def test_yaml_error_position_and_words(text, line, words):
    with pytest.raises(yaml.YAMLError) as info:
        yaml.safe_load(text)
    got_line, _, explanation = yamlfast.describe_error(info.value, text)
    assert got_line == line and words in explanation
    assert yamlfast.error_position(info.value, text)[0] == line


def test_annotation_yaml_with_an_unclosed_quote_points_at_its_line(tmp_path):
    path = tmp_path / "buoc-1.yml"
    path.write_text('alt: Màn hình\ncaption: "Gõ VNeID\nredact:\n  - [1, 2, 3, 4]\n', encoding="utf-8")
    spec, problems = spec_mod.load(path, root=tmp_path)
    assert spec is None and [(p.line, p.code) for p in problems] == [(2, "IMG001")]
    assert "ngoặc kép" in problems[0].message


def test_binary_junk_is_reported_on_its_line_with_what_to_do():
    text = message("docs/vi/file-binary-line4.md", "FILE-BINARY")
    assert "Từ dòng 4" in text and "xoá phần ký tự lạ từ dòng 4" in text


@pytest.mark.skipif(not data.HUNSPELL_VI.exists(), reason="the dictionary data/spelling/vi_VN.dic is missing")
@pytest.mark.parametrize("name, words", [
    ("docs/vi/file-cp1258-whole.md", "Windows-1258"),
    ("docs/vi/file-cp1252-vni.md", "“Đăng ký tài khoản định danh điện tử.”"),
    ("docs/vi/file-utf16.md", "UTF-16"),
])
def test_other_encodings_are_named_with_the_fix(name, words):
    text = message(name, "FILE-NOT-UTF8")
    assert words in text and "bdhvs check --fix" in text


def test_unknown_bytes_say_how_to_convert_by_hand():
    text = message("docs/vi/file-junk-line9.md", "FILE-NOT-UTF8")
    assert "dòng 9" in text and "Reopen with Encoding" in text


def test_a_name_typed_on_windows_gets_its_slug_and_the_links_to_update():
    text = message("docs/vi/huong-dan/Đăng Ký.md", "FILE-NAME")
    assert "đổi thành “dang-ky.md”" in text
    assert 'git mv "docs/vi/huong-dan/Đăng Ký.md" docs/vi/huong-dan/dang-ky.md' in text
    assert "docs/vi/link-to-bad-name.md:9" in text
    assert "đổi thành “buoc-2.png”" in message("docs/huong-dan/anh/buoc 2.png", "FILE-NAME")


def test_a_guide_without_page_type_is_told_exactly_what_to_write():
    text = message("docs/vi/huong-dan/thieu-page-type.md", "FM-REQUIRED")
    assert "Thêm dòng `page_type: guide`" in text


def test_backslash_path_shows_the_forward_slash_version():
    text = message("docs/vi/link-backslash.md", "LINK-BACKSLASH")
    assert "“../huong-dan/anh/sach.png”" in text and "--fix" in text


def test_image_with_other_capitals_names_the_real_file():
    assert "Tên tệp thật là “sach.png”" in message("docs/vi/link-image-case.md", "LINK-IMAGE")


def test_tabs_say_fix_can_replace_them():
    assert "bdhvs check --fix" in message("docs/vi/md-tab-list.md", "MD010")


def test_the_cli_never_prints_a_traceback_on_these_files():
    names = ["docs/vi/file-binary-line4.md", "docs/vi/file-junk-line9.md", "docs/vi/file-cp1258-whole.md",
             "docs/vi/file-utf16.md", "docs/vi/fm-yaml-quote.md", "docs/vi/huong-dan/Đăng Ký.md",
             "docs/huong-dan/anh/lo-thong-tin.png", "docs/vi/link-backslash.md"]
    proc = run_cli(*names)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stdout + proc.stderr
    assert {line.split("  ")[1] for line in proc.stdout.splitlines() if "  " in line} >= {
        "FILE-BINARY", "FILE-NOT-UTF8", "FM-YAML", "FILE-NAME", "PRIV-UNREDACTED", "LINK-BACKSLASH"}


def test_built_site_findings_do_not_repeat_the_source_ones():
    from bdhvs.checks.codes import finding
    from bdhvs.commands.check import merge_built

    source = [finding("docs/vi/a.md", 9, 10, "LINK-BROKEN", "x")]
    built = [finding("docs/vi/a.md", 9, 10, "LINK-MKDOCS", "MkDocs: y")] * 2 + [
        finding("docs/vi/a.md", 12, 1, "LINK-ANCHOR", "z")]
    assert [(f.line, f.code) for f in merge_built(source, built)] == [(9, "LINK-BROKEN"), (12, "LINK-ANCHOR")]
