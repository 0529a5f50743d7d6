"""Word-level spelling (SPELL-WORD): real typos whose syllables all exist, the suggestion
and the line; correct compounds, names, code and Ede text are left alone; the dictionary
comes from the repository, not from /usr/share.

The recall / false-positive table on the real corpora is printed by
    .venv/bin/python -m bdhvs.checks.spelling_bench
(tests assert behaviour, not the benchmark numbers)."""
from __future__ import annotations

from pathlib import Path

import pytest

from bdhvs import settings
from bdhvs.checks import data, prose, spelling, spelling_bench, spelling_words
from bdhvs.checks.source import Document, split_front_matter

PROJECT = data.load()
SPELLER = spelling.Speller(PROJECT)
DEBIAN_DIC = Path("/usr/share/hunspell/vi_VN.dic")


def findings(body: str, lang: str = "vi"):
    text = "---\ntitle: Trang thử\n---\n\n" + body + "\n"
    folder = "ede" if lang == "ede" else "vi"
    doc = Document(path=Path("t.md"), name=f"docs/{folder}/t.md", text=text, kind="page", lang=lang)
    split_front_matter(doc)
    return [f for f in spelling.check(doc, prose.analyse(doc), PROJECT, SPELLER) if f.code == "SPELL-WORD"]


@pytest.mark.parametrize("body, typo, right", [
    ("Nâng cao kỹ năng chuyên đổi số trong đội ngũ cán bộ.", "chuyên đổi", "chuyển đổi"),
    ("Góp phần xây dựng thể hệ công dân số chủ động.", "thể hệ", "thế hệ"),
    ("Tổ chức hướng ứng ngày Chuyển đổi số.", "hướng ứng", "hưởng ứng"),
    ("Vui lòng đăng nhập và thay đổi mật khấu của bạn!", "mật khấu", "mật khẩu"),
    ("Tài khoán hoặc mật khẩu không chính xác!", "Tài khoán", "Tài khoản"),
    ("TỶ LỆ CUNG CẤP DỊCH VU CÔNG TRỰC TUYẾN", "DỊCH VU", "DỊCH VỤ"),
])
def test_a_real_typo_is_reported_on_its_line_with_the_suggestion(body, typo, right):
    found = findings(body)
    assert len(found) == 1
    assert found[0].line == 5 and found[0].col == body.index(typo) + 1
    assert found[0].message.startswith(f"“{typo}” — có phải ý bạn là “{right}”?")
    assert found[0].severity == "warning"  # a statistical guess never blocks a pull request


@pytest.mark.parametrize("body", [
    "Thực hiện chuyển đổi số trên địa bàn xã.",  # “bàn xã” is two words
    "Trung tâm Cung ứng dịch vụ công của Bộ Công an.",  # names in Title Case
    "Nếu tài khoản của bạn là mức 1, hỏi cả nước số để làm gì.",  # frequent words on their own
    "Thanh công cụ vẽ ở trên; đường nào không có xe cộ lưu thông bao giờ?",
    "Lệnh `chuyên đổi số` và <span lang=\"rad\">thể hệ</span> không được kiểm tra.",
    "Mở [trang học](https://binhdanhocvuso.gov.vn/chuyên đổi) rồi học tiếp.",  # a link target
])
def test_correct_text_code_and_other_languages_are_not_reported(body):
    assert findings(body) == []


def test_pairs_are_not_formed_across_masked_text():
    # The code span between “chuyên” and “đổi” is blanked out, the two words are not a pair.
    assert findings("Bấm chuyên `x` đổi số.") == []


def test_a_phrase_in_words_vi_silences_the_finding(tmp_path):
    words = tmp_path / "words-vi.txt"
    words.write_text("chuyên đổi\n", encoding="utf-8")
    project = data.load(tmp_path)
    assert "chuyên đổi" in project.vi_words
    model = spelling_words.model(project.vi_syllables, project.vi_words)
    assert ("chuyên", "đổi") in model.extra
    assert spelling_words.model(project.vi_syllables, frozenset()).extra == set()


def test_one_diacritic_variants_are_real_syllables():
    syllables = SPELLER.words.syllables
    assert {"chuyển", "chuyến"} <= spelling_words.one_diacritic_variants("chuyên", syllables)
    assert "thế" in spelling_words.one_diacritic_variants("thể", syllables)
    assert "dụng" in spelling_words.one_diacritic_variants("dung", syllables)
    assert all(v in syllables for v in spelling_words.one_diacritic_variants("hang", syllables))


def test_the_dictionary_comes_from_the_repository():
    assert data.HUNSPELL_VI.is_relative_to(settings.ROOT)
    assert not PROJECT.dictionary_missing
    assert all((spelling_words.SPELLING_DIR / n).is_relative_to(settings.ROOT)
               for n in spelling_words.WORD_LISTS)


def test_same_findings_as_with_debians_hunspell_vi(require):
    require(DEBIAN_DIC.exists(), "Debian hunspell-vi not installed: nothing to compare (make test installs it)")
    # The vendored list is Debian's: on the real pages, the spelling findings are the same as
    # with /usr/share/hunspell/vi_VN.dic, and the default never reads /usr/share.
    debian = data.load(dictionary=DEBIAN_DIC)
    assert PROJECT.vi_syllables == debian.vi_syllables
    debian_speller = spelling.Speller(debian)
    for page in sorted((settings.DOCS_DIR / "vi").rglob("*.md")):
        doc = Document(path=page, name=str(page), text=page.read_text(encoding="utf-8"), kind="page", lang="vi")
        split_front_matter(doc)
        p = prose.analyse(doc)
        assert spelling.check(doc, p, PROJECT, SPELLER) == spelling.check(doc, p, debian, debian_speller), page


@pytest.mark.skipif(not (spelling_bench.SHARED / "seed").exists(), reason="needs shared/seed")
def test_the_plans_real_typos_are_caught_and_the_fixed_plan_is_clean():
    typos = [t for t in spelling_bench.load_typos()["typos"] if "shared/seed" in t["source"]]
    plan = next((spelling_bench.SHARED / "seed").glob("*.md")).read_text(encoding="utf-8")
    doc = Document(path=Path("plan.md"), name="docs/vi/plan.md", text=plan, kind="page", lang="vi")
    split_front_matter(doc)
    found = [f for f in spelling.check(doc, prose.analyse(doc), PROJECT, SPELLER) if f.code == "SPELL-WORD"]
    expected = []
    for t in typos:
        line = plan[:plan.index(t["text"])].count("\n") + 1
        expected.append((line, t["right"].lower()))
    assert sorted((f.line, f.message.split("“")[2].split("”")[0].lower()) for f in found) == sorted(expected)
    fixed = dict(spelling_bench.plan_fixed(typos))
    _, _, after = spelling_bench.analyse("plan.md", next(iter(fixed.values())), PROJECT, SPELLER)
    assert [f for f in after if f.code == "SPELL-WORD"] == []


def test_the_compiled_cache_gives_the_same_sets_and_replaces_stale_ones(tmp_path):
    (tmp_path / "spelling-pairs-old.pickle").write_bytes(b"not a pickle")
    cold = spelling_words.load_pairs(cache_dir=tmp_path)
    warm = spelling_words.load_pairs(cache_dir=tmp_path)
    assert cold == warm == spelling_words._build(spelling_words.SPELLING_DIR)
    assert [p.name for p in tmp_path.iterdir()] == [next(tmp_path.glob("spelling-pairs-*.pickle")).name]
    assert not (tmp_path / "spelling-pairs-old.pickle").exists()


def test_emphasis_ends_a_phrase_but_a_bold_typo_is_found():
    assert findings("- **Không** bảo bạn cài ứng dụng. Bấm **Đổi** số.") == []
    found = findings("Bấm **Tài khoán** để xem.")
    assert [f.col for f in found] == [7]
    assert found[0].message.startswith("“Tài khoán” — có phải ý bạn là “Tài khoản”?")
