"""Review states in real builds of a tiny site: drafts never reach citizens, reviewed
pages say who reviewed them, fallback pages are labelled in the Ede navigation, Ede UI
strings are used only when reviewed, and the editors' status page is generated."""
from __future__ import annotations

import datetime as dt

import pytest
import yaml
from bs4 import BeautifulSoup

from bdhvs.i18n import frontmatter, workflow
from bdhvs.i18n.project import Project
from tinysite import PAGES, build, make_project

pytestmark = pytest.mark.slow
DAY = dt.date(2026, 11, 20)


def soup(path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def nav_items(page: BeautifulSoup) -> dict[str, bool]:
    """Navigation link text -> carries the "(tiếng Việt)" fallback marker."""
    items = {}
    for a in page.select("nav.md-nav--primary a.md-nav__link"):
        marker = a.select_one('[data-bdhvs="nav-fallback"]')
        title = a.get_text(" ", strip=True).replace("(tiếng Việt)", "").strip()
        items[title] = marker is not None and marker.get("lang") == "vi"
    return items


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    root = make_project(tmp_path_factory.mktemp("review") / "proj")
    project = Project(root)
    # huong-dan/thu.md: a fresh scaffold (draft). huong-dan/index.md: translated and reviewed.
    # huong-dan/thu-hai.md: not translated.
    workflow.create(project, "huong-dan/thu.md", today=DAY)
    workflow.create(project, "huong-dan/index.md", today=DAY)
    path = project.ede_dir / "huong-dan/index.md"
    meta = frontmatter.read(path).meta
    meta["title"] = "hdruôm hră"
    path.write_text(frontmatter.join(meta, "# hdruôm hră { #cac-huong-dan }\n\n- [đru](thu.md)\n- [hriăm](thu-hai.md)\n"),
                    encoding="utf-8")
    workflow.review(project, "huong-dan/index.md", "Giáo viên tiếng Êđê trường THCS", today=DAY)
    # huong-dan/thu-ba.md: reviewed, then the Vietnamese page changed (stale).
    vi_page = project.vi_dir / "huong-dan/thu-ba.md"
    vi_page.write_text(PAGES["vi/huong-dan/thu-hai.md"].replace("thứ hai", "thứ ba"), encoding="utf-8")
    workflow.create(project, "huong-dan/thu-ba.md", today=DAY)
    path = project.ede_dir / "huong-dan/thu-ba.md"
    path.write_text(frontmatter.join(frontmatter.read(path).meta, "# sa dua tlâo\n\npluh\n"), encoding="utf-8")
    workflow.review(project, "huong-dan/thu-ba.md", "Cán bộ văn hoá xã", today=DAY)
    vi_page.write_text(vi_page.read_text(encoding="utf-8").replace("Một đoạn văn.", "Một đoạn văn mới."),
                       encoding="utf-8")
    # UI strings: footer.next reviewed, footer.previous only sourced; a reviewed nav label.
    ui = yaml.safe_load((root / "data/ede-ui.yml").read_text(encoding="utf-8"))
    for item in ui:
        if item["key"] == "footer.next":
            item.update(ede="êdei", source="ede-words.yml", status="reviewed", reviewer="Giáo viên tiếng Êđê")
        if item["key"] == "footer.previous":
            item.update(ede="êlâo", source="ede-words.yml", status="sourced")
    # (auto navigation: the section title comes from the folder name "huong-dan")
    ui.append({"key": "nav:Huong dan", "vi": "Huong dan", "ede": "hriăm",
               "source": "ede-words.yml", "status": "reviewed", "reviewer": "Giáo viên tiếng Êđê"})
    (root / "data/ede-ui.yml").write_text(yaml.safe_dump(ui, allow_unicode=True), encoding="utf-8")
    public = build(root, tmp_path_factory.mktemp("public") / "site")
    preview = build(root, tmp_path_factory.mktemp("preview") / "site", preview=True)
    assert public.returncode == 0, public.output
    assert preview.returncode == 0, preview.output
    return public.site, preview.site


def test_builds_are_strict_and_clean(builds):
    # scaffold output (draft, built in preview) included: no warnings in either build
    for site in builds:
        assert (site / "ede/huong-dan/thu/index.html").exists()


def test_draft_is_not_published_and_the_ede_url_falls_back(builds):
    public, _ = builds
    page = soup(public / "ede/huong-dan/thu/index.html")
    assert page.select_one('[data-bdhvs="fallback-notice"]') is not None
    assert page.select_one('[data-bdhvs="fallback-content"]')["lang"] == "vi"
    assert "Cần dịch" not in page.get_text()
    assert page.select_one('[data-bdhvs="draft-notice"]') is None


def test_draft_is_built_in_preview_with_a_banner(builds):
    _, preview = builds
    page = soup(preview / "ede/huong-dan/thu/index.html")
    assert page.select_one('[data-bdhvs="fallback-notice"]') is None
    assert "Bản nháp" in page.select_one('[data-bdhvs="draft-notice"]').get_text()
    todo = [p.get_text() for p in page.select(".admonition.note > .admonition-title")]
    assert todo.count("Cần dịch") == 7
    # numbered steps stay a numbered list, image shared from docs/huong-dan/thu/
    assert len(page.select("article ol > li")) == 2
    img = page.select_one('article img[alt="Hình minh hoạ màn hình"]')
    assert img["src"].startswith("../../../huong-dan/thu/anh.")  # docs/huong-dan/thu/, shared
    assert not list((preview / "ede").glob("huong-dan/thu/anh.*"))


def test_reviewed_page_says_who_reviewed_and_when(builds):
    public, _ = builds
    page = soup(public / "ede/huong-dan/index.html")
    line = page.select_one('[data-bdhvs="reviewed-by"]')
    assert line["lang"] == "vi"
    assert "Giáo viên tiếng Êđê trường THCS" in line.get_text() and "2026-11-20" in line.get_text()
    assert page.select_one('[data-bdhvs="fallback-notice"]') is None


def test_stale_reviewed_page_points_to_the_newer_vietnamese_page(builds):
    public, _ = builds
    page_path = public / "ede/huong-dan/thu-ba/index.html"
    page = soup(page_path)
    assert "Cán bộ văn hoá xã" in page.select_one('[data-bdhvs="reviewed-by"]').get_text()
    notice = page.select_one('[data-bdhvs="stale-notice"]')
    assert notice is not None and notice["lang"] == "vi"
    target = (page_path.parent / notice.a["href"] / "index.html").resolve()
    assert target == (public / "huong-dan/thu-ba/index.html").resolve()
    # the current reviewed page has no such notice
    assert soup(public / "ede/huong-dan/index.html").select_one('[data-bdhvs="stale-notice"]') is None


def test_fallback_pages_are_labelled_in_the_ede_navigation(builds):
    public, _ = builds
    items = nav_items(soup(public / "ede/huong-dan/index.html"))
    assert items["hriăm"] is False  # section index = the reviewed Ede page: no marker
    assert items["Hướng dẫn thử"] is True  # draft -> Vietnamese fallback in the public build
    assert items["Trang chủ thử"] is True
    # the Vietnamese site has no markers at all
    assert not any(nav_items(soup(public / "huong-dan/index.html")).values())


def test_ede_ui_strings_only_when_reviewed_and_sourced_only_in_preview(builds):
    public, preview = builds
    def footer(site):
        text = soup(site / "ede/huong-dan/thu-hai/index.html").select_one("nav.md-footer__inner").get_text(" ", strip=True)
        return " ".join(text.split())
    assert "êdei" in footer(public) and "êlâo" not in footer(public) and "Trước" in footer(public)
    assert "êlâo" in footer(preview)
    # nav label from data/ede-ui.yml (reviewed) through i18n's nav_translations
    items = nav_items(soup(public / "ede/huong-dan/index.html"))
    assert "hriăm" in items and "Huong dan" not in items
    assert "Huong dan" in nav_items(soup(public / "huong-dan/index.html"))


def test_editors_status_page_is_generated_and_not_in_citizens_nav(builds):
    public, _ = builds
    page = soup(public / "bien-tap/ban-dich/index.html")
    rows = {tr.select("td")[0].get_text(strip=True): tr.select("td")[1].get_text(strip=True)
            for tr in page.select("article table tr") if tr.select("td") and tr.select("td")[0].code}
    assert rows["huong-dan/thu.md"] == "Bản nháp, chưa duyệt"
    assert rows["huong-dan/index.md"] == "Đã dịch, mới nhất"
    assert rows["huong-dan/thu-hai.md"] == "Chưa dịch"
    assert rows["index.md"] == "Chưa dịch"
    assert rows["huong-dan/thu-ba.md"] == "Bản dịch cũ (tiếng Việt đã đổi)"
    for html in (public / "index.html", public / "ede/index.html"):
        assert "bien-tap/ban-dich" not in " ".join(a["href"] for a in soup(html).select("nav.md-nav--primary a[href]"))


def test_sourced_page_with_an_unsourced_ede_word_fails_the_build(tmp_path):
    root = make_project(tmp_path / "proj")
    (root / "docs/ede/index.md").write_text(
        "---\ntitle: x\ndescription: Trang thử có một từ Êđê không có nguồn.\npage_type: home\n"
        "translation:\n  source: index.md\n  status: sourced\n---\n\n"
        '# Trang\n\n<span lang="rad">Klei Êđê</span> và <span lang="rad">mơ\u0306ng ƀuôn</span>\n\n'
        "Một câu Êđê không đánh dấu: hriăm čih.\n",
        encoding="utf-8")
    result = build(root, tmp_path / "site")
    assert result.returncode != 0
    warning = next(l for l in result.output.splitlines() if "WARNING" in l)
    assert "docs/ede/index.md" in warning and "mơ\u0306ng ƀuôn" in warning and "data/ede-words.yml" in warning
    assert "Klei Êđê" not in warning.split("'sourced'")[1].split("không có")[0]
    unmarked = [l for l in result.output.splitlines() if "không đánh dấu" in l]
    assert unmarked and "čih" in unmarked[0] and "hriăm" not in unmarked[0]  # ă is Vietnamese too
