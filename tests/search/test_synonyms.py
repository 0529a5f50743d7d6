"""data/search-synonyms.yml: loading, the editors' error messages (file, line, Vietnamese),
and how groups reach the index (no browser)."""
from __future__ import annotations

import pytest

from bdhvs import settings
from bdhvs.search import pages, quality, rules, synonyms, writer

GLOSSARY = """- term: BHYT
  definition: Bảo hiểm y tế.
- term: OTP
  definition: Mã dùng một lần, gửi qua tin nhắn SMS. Không đọc cho ai.
"""


def load(tmp_path, text: str):
    (tmp_path / "search-synonyms.yml").write_text(text, encoding="utf-8")
    (tmp_path / "glossary.yml").write_text(GLOSSARY, encoding="utf-8")
    return synonyms.load(tmp_path)


def members(group):
    return [" ".join(p.written) for p in group.phrases]


def test_project_file_is_valid_and_has_the_issue_examples():
    found = synonyms.load(settings.DATA_DIR)
    assert found.problems == []
    groups = [members(g) for g in found.groups]
    assert any({"tải", "cài đặt"} <= set(g) for g in groups)
    assert any({"đắc lắc", "đắk lắk", "daklak"} <= set(g) for g in groups)  # from confusables-vi.yml names
    assert any({"bhyt", "bảo hiểm y tế"} <= set(g) for g in groups)  # from the glossary
    assert "làm sao" in found.question_words


def test_glossary_reference_and_abbreviation(tmp_path):
    found = load(tmp_path, "synonyms:\n  - glossary: OTP\n    words: [mã dùng một lần]\n")
    assert found.problems == []
    assert ["bhyt", "bảo hiểm y tế"] in [members(g) for g in found.groups]  # automatic
    otp = [g for g in found.groups if "otp" in members(g)]
    assert members(otp[0]) == ["otp", "mã dùng một lần"] and "thuật ngữ" in otp[0].source


@pytest.mark.parametrize("text,line,words", [
    ("synonyms:\n  - words: [tải, cài đặt]\n", 2, "thiếu 'source'"),
    ("synonyms:\n  - words: [a, b]\n    source: x\n  - words: tải\n    source: y\n", 4, "'words' phải là danh sách"),
    ("synonyms:\n  - words: [tải, cài đặt]\n    sourse: x\n", 3, "Trường 'sourse' không dùng được"),
    ("synonyms:\n  - glossary: OPT\n    words: [mã]\n", 2, "Không có thuật ngữ 'OPT'"),
    ("synonyms:\n  - words: [tải, Tải]\n    source: x\n", 2, "cần ít nhất hai cách viết"),
    ("synonyms:\n  - words: [tải, cài đặt\n", (2, 3), "YAML sai cú pháp"),  # the unclosed "[" (line 2) or EOF
    ("question_words: làm sao\n", 1, "'question_words' phải là danh sách"),
    ("function_words: [tại, làm sao]\n", 1, "'function_words' phải là danh sách các chữ đơn"),
    ("synonym:\n  - words: [a, b]\n", 1, "Mục 'synonym' không dùng được"),
])
def test_mistakes_are_reported_with_file_and_line_in_vietnamese(tmp_path, text, line, words):
    found = load(tmp_path, text)
    assert len(found.problems) == 1, found.problems
    problem = found.problems[0]
    assert problem.file.endswith("search-synonyms.yml") and problem.line in (line if isinstance(line, tuple) else (line,)), problem
    assert words in problem.message, problem.message
    assert problem.code in ("DATA-ENTRY", "DATA-YAML")


def test_bdhvs_check_reports_the_synonyms_file(tmp_path):
    from bdhvs.checks import data

    load(tmp_path, "synonyms:\n  - words: [tải, cài đặt]\n")
    problems = [f for f in data.load(tmp_path).findings if f.file.endswith("search-synonyms.yml")]
    assert problems and "thiếu 'source'" in problems[0].message


def _record(title, text, front="", page_type="guide"):
    return writer.Record("x/index.html", title, "", f"{title} {text}", None, page_type, front)


def test_synonyms_add_weaker_words_matched_as_written():
    groups = [synonyms.Group([synonyms.phrase("cài đặt"), synonyms.phrase("tải")], "x", "x")]
    weights = writer.page_weights(_record("Cài đặt ứng dụng", "Chạm Cài đặt."), groups)
    assert 0 < weights["tải"] < weights["cài"]
    # "tài" (another word with the same letters) does not bring "cài đặt".
    assert "cài" not in writer.page_weights(_record("Tài khoản", "Mở tài khoản."), groups)


def test_front_matter_counts_like_headings():
    weights = writer.page_weights(_record("Giữ tài khoản", "Đặt mật khẩu.", front="Giữ kín passcode"))
    assert weights["passcode"] == writer.HEADING_WEIGHT


def test_page_type_marker_hides_editor_pages_and_marks_listings():
    def page(page_type):
        html = (f'<html lang="vi"><head><meta name="bdhvs-search" content="{page_type}" data-title="T &amp; U" '
                f'data-description="Mô tả"></head><body><article class="md-content__inner"><h1>T</h1>'
                '</article></body></html>')
        return pages.classify(html, "a/index.html")
    assert not page("editor").indexed and page("guide").indexed and page("section").indexed
    assert page("guide").fm_title == "T & U" and page("guide").description == "Mô tả"
    assert writer.page_record(page("section")).listing and not writer.page_record(page("guide")).listing


def test_fold_rules():
    assert rules.fold("ký") == rules.fold("kí") == "ki" and rules.fold("Mỹ") == "mi"
    assert rules.fold("lấy") == "lay" and rules.fold("máy") == "may"  # y after a vowel stays
    assert rules.fold("Đắk") == rules.fold("Đắc") == "dac" and rules.fold("kích") == "kich"


def test_query_set_is_big_and_every_guide_exists():
    queries = quality.load_queries()
    assert len(queries) >= 150
    kinds = {q.kind for q in queries}
    assert kinds == set(quality.KINDS)
    guides = settings.DOCS_DIR / "vi" / "huong-dan"
    for q in queries:
        for slug in q.expected:
            assert (guides / f"{slug}.md").is_file(), (q.text, slug)
    assert len({s for q in queries for s in q.expected}) >= 19  # every existing guide is asked for


def test_rank_and_scores():
    assert quality.rank_of(["huong-dan/a/", "huong-dan/b/"], ("b",)) == 2
    assert quality.rank_of(["huong-dan/a/"], ("c",)) == 0
    q = quality.Query("x", ("a",))
    s = quality.score([quality.Outcome(q, 1, []), quality.Outcome(q, 2, []), quality.Outcome(q, 0, [])])
    assert (s.top1, s.top3, round(s.mrr, 3)) == (1 / 3, 2 / 3, 0.5)


def test_run_together_words_in_pages_are_split_with_common_words():
    vocabulary = {"tin": 9, "nhiem": 2, "mang": 8, "bo": 5, "co": 3, "cong": 9, "an": 9, "ngan": 1}
    assert writer.split_word("tinnhiemmang", vocabulary) == ["tin", "nhiem", "mang"]
    assert writer.split_word("bocongan", vocabulary) == ["bo", "cong", "an"]  # not "bo co ngan"
    assert writer.split_word("vneid", vocabulary) is None
    weights = writer.add_split_words({"tinnhiemmang": 5, "vneid": 9, "mạng": 1}, vocabulary)
    assert 0 < weights["nhiem"] < 5 and "vn" not in weights
    assert "mang" not in weights  # the page already holds "mạng"


def test_held_out_queries_name_existing_guides_and_cover_every_new_one():
    queries = quality.load_queries(settings.ROOT / "tests" / "search" / "queries-held-out.yml")
    guides = settings.DOCS_DIR / "vi" / "huong-dan"
    asked = {s for q in queries for s in q.expected}
    assert all((guides / f"{slug}.md").is_file() for slug in asked)
    assert len(asked) >= 13 and len(queries) >= 39


def test_function_words_are_not_indexed_and_reach_the_browser(tmp_path):
    # "tại" (at) in a title must not make "tai" typed without marks find the page: the
    # reader typing "tai vneid" means "tải" (download) or "tài" (khoản), never "tại".
    found = synonyms.load(settings.DATA_DIR)
    assert {"tại", "của", "và"} <= set(found.function_words)
    assert not {"bị", "số", "bạn"} & set(found.function_words)  # words people search for
    record = writer.Record("x/index.html", "Đăng ký tại Công an xã", "", "Đăng ký tại Công an xã. Tải về máy.")
    site = tmp_path / "site"
    (site / "x").mkdir(parents=True)
    out = writer._write_language(site / "search-index" / "vi", "vi", [record], found)
    shards = "".join(p.read_text(encoding="utf-8") for p in out if "/t/" in str(p))
    assert '"tải"' in shards and '"tại"' not in shards
    meta = next(p for p in out if p.name == "meta.js").read_text(encoding="utf-8")
    assert '"fn":[' in meta and '"tại"' in meta


def test_address_words_only_where_the_title_and_headings_do_not_say_them():
    # "bảo vệ" is in the address only ("về" in the text is another word); "tài khoản" is in the title.
    record = writer.Record("huong-dan/bao-ve-tai-khoan/index.html", "Giữ an toàn tài khoản", "Các bước",
                           "Giữ an toàn tài khoản. Các bước. Quay về trang đầu.")
    assert writer.add_address_words(record) == {"bao": writer.HEADING_WEIGHT, "ve": writer.HEADING_WEIGHT}
