"""The Ede word list and the Ede data tables: only sourced or reviewed Ede, never drafts."""
from __future__ import annotations

import datetime as dt
import unicodedata

import pytest

from bdhvs.i18n import frontmatter, publishing, sources, words, workflow
from bdhvs.i18n.frontmatter import PageError
from bdhvs.i18n.project import Project
from tinysite import make_project


def test_committed_word_list_is_up_to_date():
    project = Project.default()
    expected = words.render(words.collect(project))
    actual = words.path(project).read_text(encoding="utf-8")
    assert actual == expected, "data/words-ede.txt đã cũ: chạy 'bdhvs translations --words' rồi commit tệp đó."


def test_word_list_is_nfc_and_keeps_breve_stacks():
    text = words.path(Project.default()).read_text(encoding="utf-8")
    assert unicodedata.is_normalized("NFC", text)
    assert words.tokens("Mơ\u0306ng hmư\u0306, ƀuôn H'An blŭ") == ["mơ\u0306ng", "hmư\u0306", "ƀuôn", "h'an", "blŭ"]


def test_words_come_from_reviewed_pages_and_sourced_entries_only(tmp_path):
    project = Project(make_project(tmp_path / "proj"))
    (project.data / "ede-words.yml").write_text(
        "- ede: đru\n  vi: giúp\n  source: https://example.org/nguon\n  status: sourced\n", encoding="utf-8")
    (project.data / "ede-ui.yml").write_text("- key: toc\n  vi: Mục lục\n  status: wanted\n", encoding="utf-8")
    workflow.create(project, "huong-dan/thu.md", today=dt.date(2026, 11, 20))
    workflow.create(project, "huong-dan/thu-hai.md", today=dt.date(2026, 11, 20))
    for source, body in (("huong-dan/thu.md", "hriăm sang\n"), ("huong-dan/thu-hai.md", "mtô êlan\n")):
        path = project.ede_dir / source
        path.write_text(frontmatter.join(frontmatter.read(path).meta, body), encoding="utf-8")
    workflow.review(project, "huong-dan/thu.md", "Giáo viên tiếng Êđê")
    collected = set(words.collect(project))
    assert {"đru", "hriăm", "sang"} <= collected
    assert not {"mtô", "êlan"} & collected  # the draft page is not a source of words
    assert "hướng" in collected  # the reviewed page's (untranslated) title is reviewed text too


@pytest.mark.parametrize("entry, message", [
    ("- key: toc\n  vi: Mục lục\n  ede: x\n  status: sourced\n", "chưa ghi nguồn"),
    ("- key: toc\n  vi: Mục lục\n  status: sourced\n", "chưa có chữ Êđê"),
    ("- key: toc\n  vi: Mục lục\n  ede: x\n  source: s\n  status: reviewed\n", "reviewer"),
    ("- key: toc\n  vi: Mục lục\n  status: da-duyet\n", "wanted, sourced hoặc reviewed"),
    ("- key: toc\n  vi: a\n  status: wanted\n- key: toc\n  vi: b\n  status: wanted\n", "hai lần"),
])
def test_ede_ui_errors_are_explained_in_vietnamese(tmp_path, entry, message):
    (tmp_path / "ede-ui.yml").write_text(entry, encoding="utf-8")
    with pytest.raises(PageError, match=message) as err:
        sources.ede_ui(tmp_path)
    assert "ede-ui.yml:" in str(err.value)


def test_real_tables_load_and_public_ui_uses_only_reviewed_entries():
    data = Project.default().data
    items = sources.ede_ui(data)
    public = sources.ui_strings(data, preview=False)
    assert set(public) == {i.key for i in items if i.status == "reviewed"}
    assert all(i.source for i in sources.ede_words(data))


def test_sourced_fragments_check():
    terms = ["Klei Êđê", "đru", "hdruôm hră"]
    html = '<p lang="vi"><span lang="rad">Klei Êđê</span> <span lang="rad">Đru</span> <b lang="rad">mơ\u0306ng</b></p>'
    assert publishing.unsourced_fragments(html, terms) == ["mơ\u0306ng"]


def test_unmarked_ede_letters_on_a_vietnamese_page_are_found():
    html = '<p>Bà con <span lang="rad">ƀuôn</span> và ƀuôn mơ\u0306ng, chữ đ ă bình thường.</p>'
    assert publishing.unmarked_ede(html) == ["mơ\u0306ng", "ƀuôn"]


def test_translators_get_the_wanted_glossary_terms(tmp_path, monkeypatch, capsys):
    from bdhvs import cli, settings
    from bdhvs.i18n import report

    project = Project(make_project(tmp_path / "proj"))
    (project.data / "glossary.yml").write_text(
        "- term: VNeID\n  definition: Ứng dụng định danh điện tử.\n  source: {title: Nguồn, url: https://a.gov.vn}\n"
        "  ede: null\n  ede_status: wanted\n"
        "- term: học\n  definition: Học tập.\n  source: {title: Nguồn, url: https://a.gov.vn}\n"
        "  ede: hriăm\n  ede_status: sourced\n"
        "  ede_source: https://www.lienminhchienthan.com/topic/hoc-tieng-ede/\n", encoding="utf-8")
    page = report.markdown(project, "bien-tap")
    assert "| VNeID | Ứng dụng định danh điện tử. |" in page
    assert "| học |" not in page  # already has a sourced Ede word
    monkeypatch.setattr(settings, "ROOT", project.root)
    assert cli.main(["translations", "--glossary"]) == 0
    out = capsys.readouterr().out
    assert "1 thuật ngữ cần người biết tiếng Êđê dịch" in out and "- VNeID" in out
    assert "hriăm" in words.collect(project)  # sourced glossary words feed the spell-check list
