"""Guides feature: navigation, listings, glossary and the guide page furniture.

- on_config: complete the navigation with unlisted guides; regenerate the glossary
  tooltips file (data/glossary-abbr.md) from data/glossary.yml.
- on_files: the public build leaves out the editors' staff-notes page (staff.py).
- on_page_markdown: staff notes (``!!! staff``) removed for citizens, one citizen line
  instead (public build; kept in preview); expand the markers written in pages:
  ``<!-- bdhvs:guides by=platform -->``, ``<!-- bdhvs:guides by=audience -->``,
  ``<!-- bdhvs:tasks audience=citizens -->``, ``<!-- bdhvs:glossary -->``, the home's
  ``<!-- bdhvs:home -->`` (emergency buttons, search field, top tasks: home.py),
  ``<!-- bdhvs:topics -->`` and ``<!-- bdhvs:audiences -->``,
  ``<!-- bdhvs:secrets -->`` (the four secrets card), ``<!-- bdhvs:official-addresses -->``
  (guides only, addresses.py) and ``<!-- bdhvs:staff-notes -->`` (editors' page, preview only).
- on_page_content: glossary terms explained once; the draft notice (or who reviewed the
  steps) right under a guide's title, so the first phone screen shows the title and
  what the guide does.
- on_page_context: ``bdhvs_guide`` for partials/bdhvs/guide/*.html (sources box,
  audience/platform labels); previous/next links stay within a topic.
"""
from __future__ import annotations

import datetime as dt
import html as html_lib
import logging
import re
from pathlib import Path

from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import InclusionLevel

from bdhvs import settings
from bdhvs.checks.codes import finding
from bdhvs.content import addresses as official, glossary, guides as guide_index, home as home_page, markers, navigation, staff
from bdhvs.content import freshness, lessons, safety, selfcheck
from bdhvs.content.schema import AUDIENCE_LABELS, AUDIENCES, PLATFORM_LABELS
from bdhvs.inputs import feature as gate
from bdhvs.publish import built

log = logging.getLogger("mkdocs.plugins.bdhvs.content")

GLOSSARY_FILE = "glossary.yml"
ABBR_FILE = "glossary-abbr.md"
DOMAINS_FILE = "domains.yml"
MARKER, OTHER_MARKERS, EDITOR_DIR = markers.MARKER, markers.OTHER_MARKERS, markers.EDITOR_DIR  # one place: markers.py


def lang_relative(src_uri: str) -> str:
    """'vi/huong-dan/x.md' -> 'huong-dan/x.md' (paths inside a language folder)."""
    first, _, rest = src_uri.partition("/")
    return rest if first in settings.LANGUAGES and rest else src_uri


def format_published(value) -> str:
    """'Đăng năm 2025' / 'Đăng ngày 5/7/2025' from a source's ``published`` (year or date)."""
    if value is None or value == "":
        return ""
    if isinstance(value, dt.datetime):
        value = value.date()
    if not isinstance(value, dt.date):
        text = str(value).strip()
        if re.fullmatch(r"\d{4}", text):
            return f"Đăng năm {text}"
        try:
            value = dt.date.fromisoformat(text)
        except ValueError:
            return ""
    return f"Đăng ngày {value.day}/{value.month}/{value.year}"


def format_date(value) -> str:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.strftime("%d/%m/%Y")
    try:
        return dt.date.fromisoformat(str(value)).strftime("%d/%m/%Y")
    except ValueError:
        return str(value or "")


def _config_line(config, needle: str) -> str:
    """'mkdocs.yml:LINE' of the first line mentioning ``needle`` (for error messages)."""
    path = Path(config.config_file_path or "mkdocs.yml")
    try:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if needle in line:
                return f"{path.name}:{number}"
    except OSError:
        pass
    return path.name


def guide_context(meta: dict, urls: dict[str, str]) -> dict:
    """What the guide partials show, from a guide's front matter.

    ``urls`` holds the site-relative URLs of the audience and topic listing pages.
    """
    review = meta.get("review") or {}
    reviewed = review.get("status") == "reviewed"
    audience_url, topic_url = urls.get("audience", ""), urls.get("topic", "")
    platform = meta.get("platform")
    return {
        "draft": not reviewed,
        "reviewer": review.get("reviewer") if reviewed else None,
        "review_date": format_date(review.get("date")) if reviewed else None,
        "last_reviewed": format_date(meta.get("last_reviewed")),
        "last_reviewed_iso": str(meta.get("last_reviewed") or ""),
        "time_minutes": meta.get("time_minutes"),
        "audiences": [
            {"label": AUDIENCE_LABELS[a], "url": audience_url, "anchor": guide_index.audience_anchor(a)}
            for a in AUDIENCES if a in (meta.get("audience") or [])
        ],
        "platform": (
            {"label": PLATFORM_LABELS[platform], "url": topic_url, "anchor": guide_index.platform_anchor(platform)}
            if platform in PLATFORM_LABELS else None
        ),
        "sources": [
            {"title": s.get("title"), "url": s.get("url"), "publisher": s.get("publisher"),
             "date": format_date(s.get("date")), "published": format_published(s.get("published")),
             "note": s.get("note")}
            for s in meta.get("sources") or [] if isinstance(s, dict)
        ],
    }


# Tags that matter for glossary terms: headings and links (terms there stay plain) and
# <abbr> itself. Markdown escapes "<" in text and code, so a tag scan is exact here, and
# much faster than an HTML parser on every page.
_TAGS = re.compile(r"<(/?)(h[1-6]|a|abbr)\b[^>]*>", re.I)
_SKIP = {"h1", "h2", "h3", "h4", "h5", "h6", "a"}


def _find_abbrs(html: str) -> list[tuple[int, int, int, bool]]:
    """(start, end of the opening tag, end, inside a heading or link) of every <abbr>."""
    found, depth, open_ = [], 0, None
    for match in _TAGS.finditer(html):
        closing, tag = match.group(1) == "/", match.group(2).lower()
        if tag in _SKIP:
            depth = max(0, depth - 1) if closing else depth + 1
        elif not closing:
            open_ = (match.start(), match.end(), depth > 0)
        elif open_ is not None:
            found.append((open_[0], open_[1], match.end(), open_[2]))
            open_ = None
    return found


_TITLE = re.compile(r'\btitle="([^"]*)"')


def explain_once(html: str) -> str:
    """Keep the glossary explanation on the FIRST use of each term in the running text
    (not in headings, buttons or links; plain text afterwards: fewer dotted underlines
    to read past), and make it focusable so a tap shows it (guide.css). Material's
    tooltip script is not loaded on this site. A term is known by its explanation, so
    "Mã PIN" and "mã PIN" (or "APK" and ".apk") count as one term."""
    if "<abbr" not in html:  # most pages: nothing to parse
        return html
    out, last, seen = [], 0, set()
    for start, tag_end, end, skipped in _find_abbrs(html):
        text = html[tag_end:end - len("</abbr>")]
        title = _TITLE.search(html, start, tag_end)
        key = title.group(1) if title else text
        out.append(html[last:start])
        if skipped or key in seen:
            out.append(text)
        else:
            seen.add(key)
            out.append(html[start:tag_end].replace("<abbr ", '<abbr tabindex="0" ', 1) + html[tag_end:end])
        last = end
    out.append(html[last:])
    return "".join(out)


DRAFT_NOTICE = ('<p class="bdhvs-draft-notice" role="note" lang="vi" data-bdhvs="draft-notice">'
                '<strong>Bản nháp.</strong> Cán bộ xã chưa làm thử trên ứng dụng thật.</p>')


def review_note(meta: dict) -> str:
    """HTML under a guide's title: the draft notice, or who checked the steps and when."""
    review = meta.get("review") or {}
    if review.get("status") != "reviewed":
        return DRAFT_NOTICE
    return ('<p class="bdhvs-reviewed" lang="vi" data-bdhvs="reviewed-note">Các bước đã được kiểm tra trên '
            f'ứng dụng thật: {html_lib.escape(str(review.get("reviewer") or ""))}, '
            f'ngày {html_lib.escape(format_date(review.get("date")))}.</p>')


_H1_END = re.compile(r"</h1>", re.I)


def after_title(html: str, snippet: str) -> str:
    """``snippet`` right after the page's first heading (at the top when it has none)."""
    match = _H1_END.search(html)
    return html[:match.end()] + snippet + html[match.end():] if match else snippet + html


def sync_abbr_file(terms: list[glossary.Term], path: Path) -> bool:
    """Write the tooltips file if it differs from the glossary. True when written."""
    from bdhvs.files import write_atomic

    text = glossary.render_abbr(terms)
    if path.is_symlink():
        path.unlink()  # never write through a link (it could point at any file of the machine)
    elif path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    write_atomic(path, text)
    return True


class GuidesFeature:
    def __init__(self, plugin):
        self.plugin = plugin
        self.guides: list[guide_index.Guide] = []
        self.terms: list[glossary.Term] = []
        self.addresses: list[official.Address] = []
        self.safety_blocks: dict[str, safety.Block] = {}
        self.home: home_page.Home | None = None
        self._home_pages: set[str] = set()  # pages that show the home's emergency buttons
        self._listing_cache = None  # (nav, urls) of the language being built

    # -- config -------------------------------------------------------------------
    def on_config(self, config):
        self._config = config
        docs = Path(config.docs_dir) / settings.DEFAULT_LANGUAGE
        for path in navigation.missing_pages(config.nav, docs):
            raise PluginError(
                f"{_config_line(config, path)}: mục lục (nav) có trang '{path}' nhưng không có tệp "
                f"docs/{settings.DEFAULT_LANGUAGE}/{path}. Cách sửa: sửa lại tên tệp trong nav cho đúng, "
                "hoặc xoá dòng đó (hướng dẫn nào không có trong nav sẽ tự được thêm vào chủ đề của nó)."
            )
        found = guide_index.load_guides(docs)
        config.nav, added = navigation.complete(config.nav, found)
        for guide in added:
            log.info("Hướng dẫn %s chưa có trong nav (mkdocs.yml): đã tự thêm vào mục cùng nền tảng.", guide.src)
        self.guides = guide_index.in_order(found, navigation.paths(config.nav))
        # Data files enter through the gate (bdhvs.inputs), which has reported their
        # problems as findings at the line; only the entries it accepted are used here.
        data_dir = gate.data_dir(gate.project_root(config))
        self.terms = glossary.load(data_dir / GLOSSARY_FILE, strict=False)
        self.addresses = official.load(data_dir / DOMAINS_FILE, strict=False)
        try:
            # A project without data/safety/ (small test projects) has no shared blocks; a page
            # that declares a risk there is then reported by safety.check_page.
            self.safety_blocks = safety.load(data_dir) if (data_dir / "safety").is_dir() else {}
        except safety.SafetyError as exc:
            raise PluginError(f"Lỗi khung an toàn: {exc}") from None
        # The home buttons (data/home.yml), when the home page asks for them with
        # <!-- bdhvs:home -->; small test projects with a home of their own have none.
        home_file = data_dir / home_page.HOME_FILE
        wanted = (docs / "index.md").is_file() and "bdhvs:home" in (docs / "index.md").read_text(encoding="utf-8")
        if wanted and not home_file.is_file():
            raise PluginError(f"docs/{settings.DEFAULT_LANGUAGE}/index.md có thẻ <!-- bdhvs:home --> nhưng không có tệp "
                              f"data/{home_page.HOME_FILE} (các nút của trang chủ). Cách sửa: tạo lại tệp đó (xem lịch sử "
                              "kho mã), hoặc xoá thẻ.")
        try:
            self.home = home_page.load(home_file, docs) if wanted else None
        except home_page.HomeError as exc:
            raise PluginError(f"Lỗi trang chủ: {exc}") from None
        if sync_abbr_file(self.terms, data_dir / ABBR_FILE):
            log.info("Đã cập nhật data/%s từ data/%s.", ABBR_FILE, GLOSSARY_FILE)
        return config

    def on_env(self, env, config, files):
        env.globals["bdhvs_audience_labels"] = AUDIENCE_LABELS
        env.globals["bdhvs_platform_labels"] = PLATFORM_LABELS
        env.globals["bdhvs_preview"] = bool(self.plugin.config.preview)
        env.globals["bdhvs_home"] = self.home
        env.globals["bdhvs_page_url"] = lambda src: home_page.page_url(src, config.use_directory_urls)
        env.globals["bdhvs_search_form"] = lambda action, field_id="bdhvs-trang-tim": Markup(
            home_page.search_form(action, field_id))
        # The footer's "last update": the newest review date of any guide (not the build
        # time: two builds of the same sources stay identical).
        newest = max((g.last_reviewed for g in self.guides if g.last_reviewed), default="")
        env.globals["bdhvs_site_updated"] = format_date(newest) if newest else ""
        return env

    # -- files --------------------------------------------------------------------
    def on_files(self, files, config):
        for file in files.documentation_pages():
            # Lessons are listed on bai-hoc/index.md (<!-- bdhvs:lessons -->), not one by one in the nav.
            if lang_relative(file.src_uri).startswith(lessons.LESSON_DIR + "/") and \
                    not file.src_uri.endswith("index.md"):
                file.inclusion = InclusionLevel.NOT_IN_NAV
        if self.plugin.config.preview:
            return files
        for file in list(files.documentation_pages()):
            if lang_relative(file.src_uri).startswith(EDITOR_DIR) and file.abs_src_path:
                if staff.LISTING_MARKER in gate.record_of(file.abs_src_path, config).text:
                    files.remove(file)  # staff notes: preview build only
        return files

    # -- markdown -----------------------------------------------------------------
    def _source_line(self, page, text: str, nth: int, fallback_line: int) -> str:
        """'docs/…/x.md:LINE' of the ``nth`` occurrence of ``text`` in the page's file
        (or the line in the page body when the file cannot be read)."""
        name = f"docs/{page.file.src_uri}"
        try:
            source = gate.record_of(page.file.abs_src_path, self._config).text  # the page as the gate read it
        except (AttributeError, OSError, TypeError):
            source = ""
        pos = -1
        for _ in range(nth + 1):
            pos = source.find(text, pos + 1)
            if pos < 0:
                return f"{name}: dòng {fallback_line} (tính từ sau phần đầu trang)"
        return f"{name}:{source[:pos].count(chr(10)) + 1}"

    def _staff_notes(self, markdown: str, page, config) -> str:
        """Public build: every staff note removed, however it is written; a badly written
        one is also reported at its line (STAFF-NOTE), never published, never a stop
        without a line."""
        if staff.problems(markdown) and page.file.abs_src_path:
            from bdhvs.checks import staffnotes
            from bdhvs.publish.feature import project_root, report

            report(staffnotes.check_file(Path(page.file.abs_src_path), project_root(config), Path(config.docs_dir)),
                   self.plugin.reported)
        if self.plugin.config.preview:
            return markdown
        return staff.strip(markdown)

    def _page_source(self, page) -> str:
        """The page's text as the gate decoded it (any encoding the reader accepts)."""
        if not getattr(page.file, "abs_src_path", None):
            return ""
        return gate.record_of(page.file.abs_src_path, self._config).text or ""

    def _guide_kit(self, markdown: str, page) -> str:
        """Shared safety blocks (the one rule of safety.py: the build stops on a problem),
        the self-check's rules, and the re-check markers taken out of the citizens' page."""
        meta = getattr(page, "meta", None) or {}
        if "bdhvs:safety" in markdown or safety.declared(meta):
            found = safety.check_page(meta, self._page_source(page))
            if found:
                raise PluginError(f"docs/{page.file.src_uri}:{found[0].line}: {found[0].message}")
            markdown = safety.expand(markdown, self.safety_blocks)
        if "self_check" in meta:
            found = selfcheck.problems(meta.get("self_check"))
            if found:
                raise PluginError(f"docs/{page.file.src_uri}: self_check: {found[0].message}")
        return freshness.strip(markdown)

    def on_page_markdown(self, markdown, page, config, files):
        if "staff" in markdown.lower():
            markdown = self._staff_notes(markdown, page, config)
        markdown = self._guide_kit(markdown, page)
        if "bdhvs:" not in markdown:
            return markdown
        page_src = lang_relative(page.file.src_uri)
        seen: dict[str, int] = {}

        def seen_count(match: re.Match) -> int:
            text = match.group(0).strip()
            seen[text] = seen.get(text, -1) + 1
            return seen[text]

        def where(match: re.Match) -> str:
            text = match.group(0).strip()
            seen[text] = seen.get(text, -1) + 1
            return self._source_line(page, text, seen[text], markdown[: match.start()].count("\n") + 1)

        def expand(match: re.Match) -> str:
            name = match.group("name")
            indent = match.group("indent") or ""
            args = markers.args_of(match)
            if name in OTHER_MARKERS:
                return match.group(0)
            wrong = markers.problem(match, page_src, page.meta.get("page_type"))
            if wrong:  # the same rule as `bdhvs check`: a finding at the marker's line, marker left out
                gate.report([self._marker_finding(page, match, seen_count(match), *wrong)])
                return indent
            if name == "official-addresses":
                return official.render(self.addresses, page.file.src_uri, indent)
            if name == "staff-notes":
                return indent + self._staff_listing(config, page_src)
            if name == "secrets":
                try:
                    return indent + glossary.render_secrets(self.terms, indent)
                except glossary.GlossaryError as exc:
                    raise PluginError(f"{where(match)}: {exc}") from None
            if name == "guides" and args.get("by") == "platform":
                return indent + guide_index.render_by_platform(self.guides, page_src)
            if name == "guides":
                return indent + built.wrap(guide_index.render_by_audience(self.guides, page_src))
            if name == "home" and not args:
                if self.home is None:
                    raise PluginError(f"{where(match)}: thẻ <!-- bdhvs:home --> cần tệp data/{home_page.HOME_FILE} "
                                      "(các nút của trang chủ). Cách sửa: tạo tệp đó, hoặc xoá thẻ.")
                self._home_pages.add(page.file.src_uri)
                return indent + built.wrap(home_page.render(self.home, page_src, config.use_directory_urls))
            if name == "topics" and not args:
                return indent + guide_index.render_topic_links(self.guides, page_src)
            if name == "audiences" and not args:
                return indent + guide_index.render_audience_links(self.guides, page_src)
            if name == "tasks":
                return indent + guide_index.render_tasks(self.guides, args["audience"], page_src)
            if name == "recheck-due":
                return indent + self._recheck_listing(config, page_src)
            if name == "lesson":
                return indent + self._lesson(config, page, page_src)
            if name == "lessons":
                docs = Path(config.docs_dir) / settings.DEFAULT_LANGUAGE
                return indent + lessons.render_listing(lessons.load_lessons(docs), page_src)
            return indent + glossary.render_page(self.terms, show_unreviewed_ede=self.plugin.config.preview)

        return MARKER.sub(expand, markdown)

    def _marker_finding(self, page, match: re.Match, nth: int, code: str, message: str, hint: str):
        """The finding of a wrong marker, at its line in the page file (``nth`` occurrence)."""
        record = gate.record_of(page.file.abs_src_path, self._config)
        text, pos = match.group(0).strip(), -1
        for _ in range(nth + 1):
            pos = record.text.find(text, pos + 1)
        line, col = record.doc.pos(pos) if pos >= 0 and record.doc else (1, 1)
        return finding(record.name, line, col, code, message, hint)

    def _staff_listing(self, config, page_src: str) -> str:
        docs = Path(config.docs_dir) / settings.DEFAULT_LANGUAGE
        pages = []
        for guide in self.guides:
            _meta, body = guide_index.read_page(docs / guide.src)
            pages.append((guide.heading, guide_index.link(page_src, guide.src), staff.notes(body)))
        return staff.render_listing(pages)

    def _lesson(self, config, page, page_src: str) -> str:
        docs = Path(config.docs_dir) / settings.DEFAULT_LANGUAGE
        meta = page.meta
        wanted = {i.get("guide") for i in meta.get("guides") or [] if isinstance(i, dict)}
        guides = {slug: lessons.load_guide(docs, slug) for slug in wanted if isinstance(slug, str)}
        found = lessons.problems(meta, guides)
        if found:
            raise PluginError(f"docs/{page.file.src_uri}: bài học: {found[0]}")
        return lessons.render(meta, page_src, guides, self.safety_blocks)

    def _recheck_listing(self, config, page_src: str) -> str:
        """Every Vietnamese page with a re-check date (page or claim), for the editors."""
        docs = Path(config.docs_dir) / settings.DEFAULT_LANGUAGE
        pages = []
        for path in sorted(docs.rglob("*.md")):
            rel = path.relative_to(docs).as_posix()
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
            if "recheck" not in text:
                continue
            meta, body = guide_index.read_page(path)
            heading = guide_index.heading_of(body) or str(meta.get("title") or rel)
            pages.append((heading, guide_index.link(page_src, rel), freshness.items(meta, text)))
        return freshness.render_listing(pages, dt.date.today())

    def on_page_content(self, html, page, config, files):
        if not self.plugin.config.preview and staff.ANY_CLASS.search(html):
            # Last guard (a note that reached the HTML by another road): stop, at the file.
            from bdhvs.checks.codes import finding
            from bdhvs.findings import relative
            from bdhvs.publish.feature import project_root

            name = relative(page.file.abs_src_path or f"{config.docs_dir}/{page.file.src_uri}", project_root(config))
            try:
                lines = staff.raw_html_lines(self._page_source(page))
            except (OSError, TypeError, UnicodeDecodeError):
                lines = []
            raise PluginError(finding(name, lines[0] if lines else 1, 1, "STAFF-NOTE",
                                      "Trang cho bà con còn ghi chú cho cán bộ (khối “staff”) sau khi dựng: "
                                      "không đăng trang này").human())
        html = explain_once(html)
        if page.meta.get("page_type") == "guide":
            html = after_title(html, review_note(page.meta))
        return html

    # -- templates ----------------------------------------------------------------
    def _listing_urls(self, nav) -> dict[str, str]:
        """URLs of the two listing pages in this language's nav (looked up once per nav,
        not once per guide: the nav lists every page)."""
        if self._listing_cache is not None and self._listing_cache[0] is nav:
            return self._listing_cache[1]
        wanted = {guide_index.AUDIENCE_PAGE: "audience", guide_index.TOPIC_PAGE: "topic"}
        urls = {}
        for nav_page in nav.pages:
            key = wanted.get(lang_relative(nav_page.file.src_uri))
            if key and key not in urls:
                urls[key] = nav_page.url
        self._listing_cache = (nav, urls)
        return urls

    def on_page_context(self, context, page, config, nav):
        if page.meta.get("page_type") == "lesson":
            context["bdhvs_kit"] = True
        context["bdhvs_home_box"] = page.file.src_uri in self._home_pages
        if page.meta.get("page_type") != "guide":
            return context
        context["bdhvs_kit"] = True
        guide = guide_context(page.meta, self._listing_urls(nav))
        # The shared safety blocks' sources join the guide's own (each once).
        known = {s.get("url") for s in guide["sources"]}
        extra = [s for s in safety.sources_for(page.meta, self.safety_blocks) if s.get("url") not in known]
        guide["sources"] += guide_context({"sources": extra}, {})["sources"]
        context["bdhvs_guide"] = guide
        # HTML the build makes (selfcheck.render escapes every editor string it writes).
        context["bdhvs_self_check"] = Markup(selfcheck.render(page.meta.get("self_check"),
                                                              lang=context.get("bdhvs_content_lang") or "vi"))
        # A topic of hundreds of guides: the menu shows those around this one and a link to
        # the topic's full list (navigation.menu_for; issue 24, the site at 1,000 guides).
        topic = guide["platform"]
        if topic and topic.get("url"):
            count = sum(1 for g in self.guides if g.platform == page.meta.get("platform"))
            context["nav"] = navigation.menu_for(nav, page, f"Tất cả {count} bài: {topic['label']}",
                                                 f"{topic['url']}#{topic['anchor']}")
        # Previous/next stay inside the guide's topic (its navigation section).
        for attr in ("previous_page", "next_page"):
            other = getattr(page, attr, None)
            if other is not None and other.parent is not page.parent:
                setattr(page, attr, None)
        return context
