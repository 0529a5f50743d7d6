"""Navigation completion and listing markers (plain functions, no build)."""
from __future__ import annotations

import pytest
from mkdocs.exceptions import PluginError

from bdhvs.content import navigation
from bdhvs.content.feature import GuidesFeature, lang_relative
from bdhvs.content.guides import Guide, render_by_audience, render_tasks


def guide(slug, platform, audience=("citizens",)):
    return Guide(f"huong-dan/{slug}.md", slug, slug.upper(), "Mô tả.", tuple(audience), platform, "draft")


NAV = [
    {"Trang chủ": "index.md"},
    {"Hướng dẫn": [
        "huong-dan/index.md",
        {"VNeID": ["huong-dan/a.md"]},
        {"An toàn": ["huong-dan/s.md"]},
    ]},
]


def test_unlisted_guides_join_the_topic_of_their_platform():
    guides = [guide("a", "vneid"), guide("s", "an-toan"), guide("b", "vneid"), guide("z", "chukyso")]
    nav, added = navigation.complete(NAV, guides)
    assert [g.slug for g in added] == ["b", "z"]
    section = nav[1]["Hướng dẫn"]
    assert section[1] == {"VNeID": ["huong-dan/a.md", "huong-dan/b.md"]}
    assert section[-1] == "huong-dan/z.md"  # new topic: into the "Hướng dẫn" section
    assert NAV[1]["Hướng dẫn"][1] == {"VNeID": ["huong-dan/a.md"]}  # input untouched
    assert navigation.complete(nav, guides)[1] == []  # idempotent (i18n builds twice)
    assert navigation.complete(None, guides) == (None, [])  # no nav: MkDocs lists every page


def test_listings_link_relative_to_the_page():
    guides = [guide("a", "vneid", ["citizens", "students"]), guide("s", "an-toan", ["students"])]
    tasks = render_tasks(guides, "students", "index.md")
    assert "- [A](huong-dan/a.md)" in tasks and "- [S](huong-dan/s.md)" in tasks
    assert 'class="bdhvs-tasks" markdown' in tasks
    by_audience = render_by_audience(guides, "huong-dan/theo-doi-tuong.md")
    assert "## Người dân { #nguoi-dan }" in by_audience and "- [A](a.md)" in by_audience
    assert lang_relative("ede/huong-dan/x.md") == "huong-dan/x.md"
    assert lang_relative("vi/index.md") == "index.md"


class _Page:
    class file:
        src_uri = "vi/index.md"


def test_glossary_terms_are_explained_once_in_running_text():
    from bdhvs.content.feature import explain_once

    html = ('<h1>A <abbr title="x">VNeID</abbr></h1>\n<p>Dùng <abbr title="x">VNeID</abbr> và '
            '<abbr title="y">OTP</abbr>, lại <abbr title="x">VNeID</abbr>.</p>'
            '<p><a href="#"><abbr title="y">OTP</abbr></a> é <abbr title="y">OTP</abbr></p>')
    assert explain_once(html) == (
        '<h1>A VNeID</h1>\n<p>Dùng <abbr tabindex="0" title="x">VNeID</abbr> và '
        '<abbr tabindex="0" title="y">OTP</abbr>, lại VNeID.</p><p><a href="#">OTP</a> é OTP</p>')


def test_a_nav_entry_without_its_file_is_a_vietnamese_error(tmp_path):
    (tmp_path / "vi" / "huong-dan").mkdir(parents=True)
    (tmp_path / "vi" / "huong-dan" / "a.md").write_text("---\npage_type: guide\n---\n# A\n", encoding="utf-8")
    assert navigation.missing_pages(NAV, tmp_path / "vi") == ["index.md", "huong-dan/index.md", "huong-dan/s.md"]
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text("site_name: x\nnav:\n  - huong-dan/s.md\n", encoding="utf-8")

    class Config:
        docs_dir = str(tmp_path)
        config_file_path = str(config_file)
        nav = ["huong-dan/a.md", "huong-dan/s.md"]

    with pytest.raises(PluginError) as info:
        GuidesFeature(plugin=None).on_config(Config)
    message = str(info.value)
    assert message.startswith("mkdocs.yml:3:") and "docs/vi/huong-dan/s.md" in message and "Cách sửa" in message


def _topic_nav(count):
    """A MkDocs navigation: Hướng dẫn > VNeID with ``count`` pages (stand-ins for guides)."""
    from mkdocs.structure.nav import Navigation, Section

    class Item:
        is_page, is_section, is_link, parent = True, False, False, None

        def __init__(self, n):
            self.title = f"Bài {n}"

    pages = [Item(n) for n in range(count)]
    topic = Section("VNeID", pages)
    guides = Section("Hướng dẫn", [topic])
    for page in pages:
        page.parent = topic
    topic.parent = guides
    return Navigation([guides], []), topic, pages


def test_a_small_topic_keeps_its_whole_menu():
    nav, _, pages = _topic_nav(navigation.MENU_LIMIT)
    assert navigation.menu_for(nav, pages[3], "Tất cả", "huong-dan/#vneid") is nav


def test_a_big_topic_shows_the_guides_around_the_open_one_and_a_link_to_all():
    nav, topic, pages = _topic_nav(300)
    menu = navigation.menu_for(nav, pages[150], "Tất cả 300 bài: VNeID", "huong-dan/#vneid")
    shown = menu.items[0].children[0].children
    assert len(shown) == navigation.MENU_LIMIT + 1
    assert pages[150] in shown and shown[:-1] == pages[140:160]
    assert (shown[-1].title, shown[-1].url) == ("Tất cả 300 bài: VNeID", "huong-dan/#vneid")
    assert len(topic.children) == 300 and nav.items[0].children[0] is topic  # the site's nav is unchanged
    first = navigation.menu_for(nav, pages[0], "x", "y").items[0].children[0].children
    last = navigation.menu_for(nav, pages[-1], "x", "y").items[0].children[0].children
    assert first[:-1] == pages[:20] and last[:-1] == pages[-20:]
