"""/admin/ in the real built site: self-hosted, out of the sitemap and the search index,
never touched by citizen pages, and working in Chromium under its own CSP while citizen
pages keep the strict one."""
from __future__ import annotations

import re

import pytest

from bdhvs.cms import bundle, feature, pages
from bdhvs.deploy import headers
from bdhvs.deploy.serve import SiteServer
from cms_helpers import RECORD_CSP, csp_violations, require_bundle

GUIDE = "huong-dan/cai-dat-vneid/"


@pytest.fixture(scope="module")
def policy_server(site):
    with SiteServer(site) as srv:
        yield srv


def test_admin_is_self_hosted_and_noindex(site):
    require_bundle()
    admin = site / "admin"
    html = (admin / "index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex, nofollow">' in html
    scripts = re.findall(r'<script src="([^"]+)"', html)
    v = bundle.pinned_version()
    # boot.js: Decap waits for admin.js; js-yaml + frontstyle.js: the project's front-matter format
    assert scripts == [f"boot.js?v={v}", f"decap-cms.js?v={v}", f"js-yaml.min.js?v={v}", f"frontstyle.js?v={v}",
                       f"admin.js?v={v}"]
    assert (admin / "js-yaml.min.js").is_file() and (admin / "frontstyle.js").is_file()
    assert "<script>" not in html  # no inline script
    assert (admin / "decap-cms.js").stat().st_size > 1_000_000 and (admin / "config.yml").is_file()
    assert not re.search(r'(?:src|href)="(?:https?:)?//', html)  # nothing from a CDN


def test_admin_is_not_in_the_sitemap_or_the_search_index(site):
    assert "/admin/" not in (site / "sitemap.xml").read_text(encoding="utf-8")
    for path in (site / "search-index").rglob("*"):
        if path.is_file():
            assert "admin/" not in path.read_text(encoding="utf-8", errors="replace"), path


def test_no_citizen_page_mentions_admin(site):
    for html in site.rglob("*.html"):
        if html.relative_to(site).parts[0] == "admin":
            continue
        text = html.read_text(encoding="utf-8")
        assert not re.search(r'(?:src|href)="[^"]*admin/', text), html


def test_headers_admin_policy_only_under_admin():
    assert headers.security_headers("/admin/")["Content-Security-Policy"] == headers.csp_value(headers.ADMIN_CSP)
    assert headers.security_headers("/admin/config.yml")["X-Robots-Tag"] == "noindex, nofollow"
    for path in ("/", "/huong-dan/cai-dat-vneid/", "/ede/", "/administration/"):
        policy = headers.security_headers(path)["Content-Security-Policy"]
        assert policy == headers.csp_value() and "unsafe-eval'" not in policy.replace("wasm-unsafe-eval", "")
    assert headers.cache_control("/admin/config.yml") == "no-cache"  # a new build's form shows at once


@pytest.mark.browser
def test_admin_runs_under_its_policy(policy_server, new_page):
    require_bundle()
    rec = new_page(viewport={"width": 1280, "height": 800}, locale="vi-VN")
    rec.context.add_init_script(RECORD_CSP)
    errors = []
    rec.page.on("pageerror", lambda e: errors.append(str(e)))
    response = rec.page.goto(policy_server.url + "admin/")
    assert response.headers["content-security-policy"] == headers.csp_value(headers.ADMIN_CSP)
    # No proxy runs here: Decap looks for one on 127.0.0.1 (allowed), then offers GitHub.
    rec.page.get_by_role("button", name=re.compile("Đăng nhập")).wait_for(timeout=60_000)
    assert csp_violations(rec.page) == [] and errors == []
    from bdhvs.cms import config

    assert set(rec.third_party(policy_server.origin)) <= {config.proxy_url()}  # the probe, on this machine


@pytest.mark.browser
def test_citizen_page_keeps_the_strict_policy_and_never_loads_admin(policy_server, new_page):
    rec = new_page(viewport={"width": 360, "height": 740})
    rec.context.add_init_script(RECORD_CSP)
    response = rec.page.goto(policy_server.url + GUIDE, wait_until="networkidle")
    assert response.headers["content-security-policy"] == headers.csp_value()
    assert [u for u in rec.requests if "/admin/" in u] == []
    assert rec.third_party(policy_server.origin) == [] and csp_violations(rec.page) == []


def test_without_the_bundle_admin_explains_in_vietnamese(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    assert feature.write_admin(site, node_modules=tmp_path / "no-node-modules") is False
    html = (site / "admin" / "index.html").read_text(encoding="utf-8")
    assert "Trình biên tập chưa được cài" in html and "npm ci" in html and "<script" not in html
    assert sorted(p.name for p in (site / "admin").iterdir()) == ["admin.css", "index.html"]
    assert html == pages.missing_html(bundle.pinned_version())
