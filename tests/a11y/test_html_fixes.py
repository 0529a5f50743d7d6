"""The exact repairs made to Material's HTML (no browser, no build)."""
from pathlib import Path

import material

from bdhvs.reading import html_fixes

TEMPLATES = Path(material.__file__).parent / "templates"

PAGE = """<body>
    <input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">
    <div data-md-component="skip">
      %s
    </div>
    <label class="md-nav__link " for="__nav_2" id="__nav_2_label" tabindex="">x</label>
    <label class="md-nav__link" for="__nav_3" id="__nav_3_label" tabindex="0">y</label>
    <article class="md-content__inner md-typeset"><h1>T</h1><p>autocomplete="off" stays in text</p></article>
</body>"""


def test_page_without_toc_gets_a_skip_link_to_its_content():
    out = html_fixes.repair(PAGE % "")
    assert '<a href="#bdhvs-noi-dung" class="md-skip" lang="vi">Bỏ qua, đến nội dung chính</a>' in out
    assert '<article class="md-content__inner md-typeset" id="bdhvs-noi-dung" tabindex="-1">' in out


def test_materials_vague_skip_link_is_replaced_not_doubled():
    out = html_fixes.repair(PAGE % '<a href="#t" class="md-skip">\n Bỏ qua\n </a>')
    assert out.count('class="md-skip"') == 1
    assert 'href="#t"' not in out


def test_invalid_attributes_are_dropped_and_valid_ones_kept():
    out = html_fixes.repair(PAGE % "")
    assert 'id="__drawer">' in out
    assert 'tabindex=""' not in out
    assert 'tabindex="0"' in out
    assert '<p>autocomplete="off" stays in text</p>' in out


def test_page_without_material_markup_is_untouched():
    assert html_fixes.repair("<p>plain</p>") == "<p>plain</p>"


def test_repaired_patterns_still_occur_in_materials_templates():
    """Fails once Material stops emitting what we repair: then delete that repair."""
    base = (TEMPLATES / "base.html").read_text()
    assert 'type="checkbox" id="__drawer" autocomplete="off"' in base
    assert '{% if page.toc | first is defined %}' in base
    assert 'tabindex="{{ tabindex }}"' in (TEMPLATES / "partials" / "nav-item.html").read_text()


def test_tables_get_a_focusable_scroll_box():
    page = PAGE % "" + "<table>\n<tr><td>{a}</td></tr>\n</table><p>x</p><table><tr><td>b</td></tr></table>"
    out = html_fixes.repair(page)
    assert out.count('<div class="md-typeset__scrollwrap" tabindex="0"><div class="md-typeset__table"><table>') == 2
    assert "<td>{a}</td></tr>\n</table></div></div><p>x</p>" in out
    assert html_fixes.repair(out) == out  # never wrapped twice


def test_toc_label_pointing_at_nothing_loses_its_for():
    page = '<label class="md-nav__title" for="__toc">Mục lục</label>'
    assert html_fixes.repair(page) == '<label class="md-nav__title">Mục lục</label>'
    kept = page + '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">'
    assert html_fixes.repair(kept) == kept
