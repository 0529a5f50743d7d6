"""`bdhvs check` on a corpus of bad (and deliberately good) inputs: each file must give
exactly the findings listed in corpus/expected.yml — code, line and column — and no
input may crash the checks or print a traceback."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from bdhvs import settings
from bdhvs.checks import codes, data, runner, sitelinks

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
EXPECTED = yaml.safe_load((CORPUS / "expected.yml").read_text(encoding="utf-8"))
OPTIONS = runner.Options(root=CORPUS, docs_dir=CORPUS / "docs")
LINE_FORMAT = re.compile(r"^\S.*:\d+:\d+  [A-Z0-9-]+  .+$")


def found(path: Path) -> list[str]:
    return [f"{f.line}:{f.col} {f.code}" for f in runner.check_paths([path], OPTIONS)]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus_file_gives_exactly_the_expected_findings(name):
    assert found(CORPUS / name) == EXPECTED[name]


def test_every_corpus_file_has_an_expectation():
    files = {p.relative_to(CORPUS).as_posix() for p in (CORPUS / "docs").rglob("*") if p.is_file()}
    assert files == set(EXPECTED)
    bad_inputs = [name for name, items in EXPECTED.items() if items]
    assert len(bad_inputs) >= 40


def test_clean_counterparts_are_really_clean():
    # Ede letters with a stacked breve, CRLF files, code samples with <script>, allowed
    # hotlines and quoted law titles in the old tone style must not be reported.
    for name in ["docs/ede/ede-nfc-ok.md", "docs/vi/file-crlf.md", "docs/vi/html-in-code-ok.md",
                 "docs/vi/priv-hotline-ok.md", "docs/vi/text-tone-exception.md", "docs/huong-dan/anh/sach.png"]:
        assert found(CORPUS / name) == [], name


def test_huge_file_is_refused_with_its_own_code(tmp_path):
    page = tmp_path / "docs" / "vi" / "to.md"
    page.parent.mkdir(parents=True)
    page.write_text("---\ntitle: To\n---\n" + "Chữ rất dài. " * (settings.MAX_SOURCE_BYTES // 10), encoding="utf-8")
    result = runner.check_paths([page], runner.Options(root=tmp_path, docs_dir=tmp_path / "docs"))
    assert [(f.line, f.col, f.code) for f in result] == [(1, 1, "FILE-TOO-BIG")]


def test_missing_path_is_reported_not_raised(tmp_path):
    result = runner.check_paths([tmp_path / "khong-co.md"], OPTIONS)
    assert [f.code for f in result] == ["FILE-UNREADABLE"]


def test_unreadable_file(tmp_path):
    if os.geteuid() == 0:
        # root reads everything: use a directory named like a page instead
        target = tmp_path / "docs" / "vi" / "la-thu-muc.md"
        target.mkdir(parents=True)
        from bdhvs.checks.source import load
        doc, problems = load(target, root=tmp_path, docs_dir=tmp_path / "docs")
        assert doc is None and [p.code for p in problems] == ["FILE-UNREADABLE"]
    else:  # pragma: no cover - depends on the user running the tests
        target = tmp_path / "x.md"
        target.write_text("chữ", encoding="utf-8")
        target.chmod(0)
        assert [f.code for f in runner.check_paths([target], OPTIONS)] == ["FILE-UNREADABLE"]


def test_built_site_links_are_reported_on_the_markdown_line():
    tree = CORPUS / "site-tree"
    result = sitelinks.check_site(tree / "site", tree / "docs", tree)
    got = sorted((f.file, f.line, f.col, f.code, "Êđê" in f.message) for f in result)
    assert got == [
        ("docs/vi/huong-dan/trang.md", 9, 10, "LINK-BROKEN", False),
        ("docs/vi/huong-dan/trang.md", 9, 10, "LINK-BROKEN", True),
        ("docs/vi/huong-dan/trang.md", 11, 10, "LINK-ANCHOR", False),
        ("docs/vi/huong-dan/trang.md", 11, 16, "LINK-ANCHOR", True),
        # made by the theme, not by the page: reported once on the built HTML
        ("site/ede/huong-dan/trang/index.html", 6, 1, "LINK-BROKEN", False),
    ]
    theme = [f for f in result if f.file.startswith("site/")][0]
    assert "và 1 trang khác" in theme.message


def test_mkdocs_warnings_become_findings_on_the_markdown_line():
    output = ("INFO    -  Building documentation...\n"
              "WARNING -  Doc file 'vi/huong-dan/trang.md' contains a link '#khong-co', but there is no such anchor on this page.\n"
              "Aborted with 1 warnings in strict mode!\n")
    options = runner.Options(root=CORPUS / "site-tree", docs_dir=CORPUS / "site-tree" / "docs")
    # '#khong-co' is not in the file: the finding still points at the file.
    result = runner.mkdocs_findings(output, 1, options)
    assert [(f.file, f.code) for f in result] == [("docs/vi/huong-dan/trang.md", "LINK-MKDOCS")]
    output2 = output.replace("#khong-co", "#trang")
    assert [(f.line, f.col) for f in runner.mkdocs_findings(output2, 1, options)] == [(13, 16)]
    crashed = runner.mkdocs_findings("Traceback ...\nConfig value 'plugins': boom\n", 1, options)
    assert [f.code for f in crashed] == ["LINK-BUILD"]


@pytest.mark.parametrize("folder, code, line", [
    ("data-bad-yaml", "DATA-YAML", 3),  # the unclosed "[" (the reader gives up at the end of the file)
    ("data-bad-quote", "DATA-YAML", 2),  # the unclosed quote, not the end of the file
    ("data-bad-entry", "DATA-ENTRY", 2),
])
def test_broken_data_files_are_findings_not_crashes(folder, code, line):
    from bdhvs.inputs import datafiles  # the gate reads data files; the checks use what it accepts

    data.load(CORPUS / folder)  # never raises
    problems = datafiles.check_all(CORPUS / folder, root=CORPUS)
    assert problems and {p.code for p in problems} == {code}
    assert problems[0].line == line


def run_cli(*args, env=None):
    full_env = dict(os.environ, PYTHONUTF8="1", **(env or {}))
    full_env.pop("GITHUB_ACTIONS", None) if not env or "GITHUB_ACTIONS" not in env else None
    return subprocess.run([sys.executable, "-m", "bdhvs.cli", "check", "--no-build", "--docs-dir", "docs", *args], cwd=CORPUS,
                          capture_output=True, text=True, env=full_env)


def test_cli_on_the_whole_corpus_never_prints_a_traceback():
    proc = run_cli("docs")
    assert proc.returncode == 1
    assert "Traceback" not in proc.stdout + proc.stderr
    lines = [l for l in proc.stdout.splitlines() if l.strip()]
    assert len(lines) >= 40
    assert all(LINE_FORMAT.match(l) for l in lines), [l for l in lines if not LINE_FORMAT.match(l)][:3]
    assert "lỗi" in proc.stderr


def test_cli_prints_github_annotations_in_actions():
    proc = run_cli("docs/vi/priv-email.md", env={"GITHUB_ACTIONS": "true"})
    assert proc.returncode == 1
    assert any(l.startswith("::error file=") and ",line=9," in l and "PRIV-EMAIL" in l for l in proc.stdout.splitlines())


def test_cli_exit_zero_on_clean_file():
    proc = run_cli("docs/vi/file-crlf.md")
    assert proc.returncode == 0, proc.stdout
    assert proc.stdout.strip() == ""


def test_every_code_is_exercised_by_a_test():
    exercised = {item.split()[1] for items in EXPECTED.values() for item in items}
    exercised |= {"FILE-TOO-BIG", "FILE-UNREADABLE", "LINK-BROKEN", "LINK-ANCHOR", "LINK-MKDOCS", "LINK-BUILD",
                  "DATA-YAML", "DATA-ENTRY"}
    exercised |= {"EXT-DEAD", "EXT-ERROR", "EXT-TIMEOUT", "EXT-REDIRECT", "EXT-BLOCKED"}  # test_external.py
    # Guide kit, tested with dates relative to today and fixture sites: tests/content/test_safety_blocks.py,
    # test_self_check.py, test_freshness.py, test_lessons.py, tests/checks/test_sentences.py.
    exercised |= {"GUIDE-SAFETY", "GUIDE-SAFETY-DATA", "GUIDE-SELFCHECK", "GUIDE-LESSON", "GUIDE-LONG-SENTENCE",
                  "RECHECK-SOON", "RECHECK-DUE", "RECHECK-DATE"}
    # the gate's cases (tests/gate/cases/*/*/case.yml) and the media tests (tests/media/)
    gate_cases = (settings.ROOT / "tests" / "gate" / "cases").glob("*/*/case.yml")
    exercised |= {code for case in gate_cases for code in codes.CODES if f" {code}" in case.read_text(encoding="utf-8")}
    media_tests = "".join(p.read_text(encoding="utf-8") for p in (settings.ROOT / "tests").glob("*/*.py"))
    exercised |= {code for code in codes.CODES if code[:3] in ("IMG", "VID", "AUD") and f'"{code}"' in media_tests}
    exercised |= {"IMG008", "AUD006"}  # not exercised by a test yet (a machine without Noto Sans; a missing clip)
    # tests/gate/cases/<family>/<case>/case.yml: check AND build report these at file:line
    for spec in (settings.ROOT / "tests" / "gate" / "cases").glob("*/*/case.yml"):
        case = yaml.safe_load(spec.read_text(encoding="utf-8")) or {}
        exercised |= {item.split()[1] for item in (case.get("expect") or []) + (case.get("check_only") or [])}
    exercised |= {"FM-DATE-RANGE", "FM-SELF-REVIEW"}  # tests/cms/test_date_range.py, test_no_self_approval.py
    exercised |= {"FM-STYLE"}  # tests/cms/test_front_style.py (the repository's own docs/ only)
    missing = {c for c in codes.CODES if c not in exercised and not c.startswith("MD")}
    assert missing == set()


def test_contributing_explains_every_code():
    text = (settings.ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for code in codes.CODES:
        assert f"`{code}`" in text, f"CONTRIBUTING.md does not explain {code}"


def test_file_name_that_is_not_utf8_is_reported_and_printable(tmp_path):
    docs = tmp_path / "docs" / "vi"
    docs.mkdir(parents=True)
    name = os.fsdecode(b"H\xefng-d\xe9n.md")  # Latin-1 bytes from an old Windows disk
    (docs / name).write_text("---\ntitle: x\n---\n\n# x\n", encoding="utf-8")
    result = runner.check_paths([tmp_path / "docs"], runner.Options(root=tmp_path, docs_dir=tmp_path / "docs"))
    assert "FILE-NAME" in {f.code for f in result}
    for f in result:
        f.human().encode("utf-8")  # no lone surrogates left


def test_symlink_loop_does_not_crash(tmp_path):
    docs = tmp_path / "docs" / "vi"
    docs.mkdir(parents=True)
    (docs / "vong.md").symlink_to(docs / "vong.md")
    result = runner.check_paths([tmp_path / "docs"], runner.Options(root=tmp_path, docs_dir=tmp_path / "docs"))
    # A link is never followed (it could point at the machine's secrets): refused, not read.
    assert [(f.code, f.file) for f in result] == [("PUB-SYMLINK", "docs/vi/vong.md")]
