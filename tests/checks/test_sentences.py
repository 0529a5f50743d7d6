"""Plain language: sentence length in syllables per page, and a warning on citizen
sentences over 25 syllables (code, links' addresses, front matter, staff notes masked)."""
from __future__ import annotations

from pathlib import Path

import pytest

from bdhvs import settings
from bdhvs.checks import sentences
from bdhvs.checks.source import load
from bdhvs.cli import main

LONG = " ".join(["một"] * 27) + "."  # 27 syllables


def _doc(tmp_path: Path, body: str, page_type: str = "info", lang: str = "vi"):
    page = tmp_path / "docs" / lang / "thu.md"
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(f"---\ntitle: Một tiêu đề rất dài không tính vào câu của trang này đâu nhé bà con ơi\n"
                    f"description: Trang thử đo độ dài câu theo số tiếng của trang.\npage_type: {page_type}\n---\n\n"
                    + body, encoding="utf-8")
    doc, _ = load(page, root=tmp_path, docs_dir=tmp_path / "docs")
    return doc


def test_counts_syllables_per_sentence_and_masks_what_citizens_do_not_read(tmp_path):
    body = ("# Tiêu đề ngắn\n\n"
            "Mở [Cổng Dịch vụ công](https://dichvucong.gov.vn/p/home/dvc-trang-chu.html?x=1). Chạm `Đăng nhập` ngay!\n\n"
            "1. Bước một\n   tiếp dòng hai. Câu sau.\n2. Bước hai\n\n"
            "| Cột một | Cột hai dài hơn |\n|---|---|\n\n"
            "```text\nmã không tính vào đâu cả\n```\n")
    found = [(s.line, s.syllables) for s in sentences.sentences(_doc(tmp_path, body))]
    assert found == [(7, 3), (9, 5), (9, 2), (11, 5), (12, 2), (13, 2), (15, 2), (15, 4)]


def test_staff_notes_and_ede_spans_are_left_out(tmp_path):
    body = ("Câu cho bà con.\n\n!!! staff \"Ghi chú\"\n    " + LONG + "\n\n"
            "<span lang=\"rad\">Klei blŭ Việt dưi dưi dưi.</span> Hết.\n")
    found = [s.syllables for s in sentences.sentences(_doc(tmp_path, body))]
    assert found == [4, 1]


def test_warning_on_a_long_citizen_sentence_at_its_line(tmp_path):
    doc = _doc(tmp_path, "Câu ngắn.\n\n" + LONG + " Câu ngắn nữa.\n")
    [warning] = sentences.check(doc)
    assert (warning.code, warning.line, warning.severity) == ("GUIDE-LONG-SENTENCE", 9, "warning")
    assert "27 tiếng" in warning.message


@pytest.mark.parametrize("page_type, lang", [("editor", "vi"), ("lesson", "vi"), ("info", "ede")])
def test_no_warning_on_pages_not_for_citizens(tmp_path, page_type, lang):
    assert sentences.check(_doc(tmp_path, LONG + "\n", page_type, lang)) == []


def test_measure_figures(tmp_path):
    figures = sentences.measure(_doc(tmp_path, "Một hai.\n\n" + LONG + "\n\n" + " ".join(["ba"] * 21) + ".\n"))
    assert figures.sentences == 3 and figures.longest.syllables == 27 and figures.longest.line == 9
    assert figures.mean == pytest.approx((2 + 27 + 21) / 3) and figures.over_long == pytest.approx(2 / 3)


def test_command_prints_per_page_and_totals(capsys):
    assert main(["sentences", str(settings.DOCS_DIR / "vi" / "huong-dan" / "an-toan-cho-hoc-sinh.md")]) == 0
    out = capsys.readouterr().out
    assert "docs/vi/huong-dan/an-toan-cho-hoc-sinh.md" in out and out.strip().splitlines()[-1].startswith("Tổng: 1 trang,")
