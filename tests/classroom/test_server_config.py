"""The shipped web-server configs come from the one policy (bdhvs.deploy.headers), and a
real nginx running deploy/nginx.conf sends the same headers as the test server that the
browser tests (CSP, sub-path) use."""
from __future__ import annotations

import gzip
import os
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from bdhvs.deploy import headers, serverconf
from bdhvs.deploy.serve import SiteServer

ROOT = Path(__file__).resolve().parents[2]
SITE_URL_DEFAULT = "https://bdhvs-krong-a.github.io/"  # mkdocs.yml default (SITE_URL unset)
NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)


def test_committed_configs_match_the_policy():
    for name, text in serverconf.render_all().items():
        committed = (ROOT / "deploy" / name).read_text(encoding="utf-8")
        assert committed == text, f"deploy/{name} is stale: run `bdhvs server-config` and commit it"


def test_cache_rules():
    year = "public, max-age=31536000, immutable"
    assert headers.cache_control("/assets/stylesheets/main.57a0d79d.min.css") == year
    assert headers.cache_control("/pagefind/fragment/vi_2f1c0a9.pf_fragment") == year
    assert headers.cache_control("/huong-dan/cai-dat-vneid/") == "no-cache"
    assert headers.cache_control("/pagefind/pagefind-entry.json") == "no-cache"
    assert headers.cache_control("/assets/stylesheets/classroom.css") == "public, max-age=3600"
    assert headers.cache_control("/huong-dan/x/buoc-1.webp").startswith("public, max-age=")


def test_mime_types_cover_what_the_site_ships(site):
    extensions = {p.suffix.lower() for p in site.rglob("*") if p.is_file() and p.suffix}
    unknown = extensions - set(headers.MIME_TYPES)
    assert unknown == set(), f"add these to bdhvs.deploy.headers.MIME_TYPES: {sorted(unknown)}"
    for ext in (".webp", ".vtt", ".wasm", ".pf_fragment", ".pf_index", ".pf_meta", ".pagefind"):
        assert ext in headers.MIME_TYPES


def test_apache_config_carries_every_header_and_type():
    text = serverconf.apache("https://xa.example/binh-dan-hoc-vu-so/")
    for name, value in headers.SECURITY_HEADERS.items():
        assert f'Header always set {name} "{value}"' in text
    for ext, mime in headers.MIME_TYPES.items():
        assert f"AddType {mime.split(';')[0]} {ext}" in text
    assert "ErrorDocument 404 /binh-dan-hoc-vu-so/404.html" in text
    assert "Options -Indexes" in text and "DEFLATE" in text


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(params=["/", "/binh-dan-hoc-vu-so/"], ids=["root", "sub-path"])
def nginx(request, site, tmp_path, require):
    require(NGINX is not None, "nginx not installed (make test installs nginx-light)")
    prefix = request.param
    base = tmp_path / "www"
    (base / "releases").mkdir(parents=True)
    (base / "releases" / "r1").symlink_to(site, target_is_directory=True)
    (base / "current").symlink_to("releases/r1")
    port = _free_port()
    conf = serverconf.nginx("https://xa.example" + prefix, str(base))
    # The only changes for a test: plain HTTP on a free loopback port, no :80 redirect.
    conf = conf.replace("    listen 443 ssl http2;", f"    listen 127.0.0.1:{port};")
    conf = conf[: conf.rindex("server {")]
    if prefix != "/":
        conf = conf.replace("    root /var/www/html;", f"    root {tmp_path / 'empty'};")
        (tmp_path / "empty").mkdir()
    (tmp_path / "bdhvs.conf").write_text(conf)
    main = tmp_path / "nginx.conf"
    temp = tmp_path / "tmp"
    temp.mkdir()
    main.write_text(
        ("user root;\n" if os.geteuid() == 0 else "")  # as a plain user nginx keeps that user
        + f"worker_processes 1;\npid {tmp_path / 'nginx.pid'};\nerror_log {tmp_path / 'error.log'};\n"
        "events {}\nhttp {\n  access_log off;\n"
        + "".join(f"  {k}_temp_path {temp / k};\n" for k in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
        + f"  include {tmp_path / 'bdhvs.conf'};\n}}\n")
    args = ["-c", str(main), "-p", str(tmp_path), "-e", str(tmp_path / "error.log")]  # nothing outside tmp_path
    check = subprocess.run([NGINX, "-t", *args], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    proc = subprocess.Popen([NGINX, *args, "-g", "daemon off;"],
                            stderr=subprocess.PIPE)
    origin = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.05)
    yield origin + prefix, prefix
    proc.terminate()
    proc.wait(timeout=10)


def _get(url: str, gzip_ok: bool = False):
    req = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    try:
        resp = urllib.request.urlopen(req)
        return resp.status, resp.headers, resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers, exc.read()


COMPARED = ["Content-Type", "Cache-Control", *headers.ADMIN_SECURITY_HEADERS]


def test_nginx_serves_exactly_the_policy_of_the_test_server(site, nginx):
    url, prefix = nginx
    samples = ["", "huong-dan/cai-dat-vneid/", "ede/", "assets/stylesheets/site.css",
               "assets/stylesheets/classroom.css", "assets/javascripts/classroom.js", "sitemap.xml",
               "khong-co-trang-nay/", "admin/", "admin/config.yml", "admin/admin.css",
               # the contributors' pages: microphone and blob: media there only (headers.CONTRIB_PATHS)
               "bien-tap/dich-tieng-ede/", "ede/bien-tap/dich-tieng-ede/", "bien-tap/gop-y/"]
    for pattern in ("assets/stylesheets/bdhvs.*.min.css", "assets/javascripts/bdhvs.*.min.js", "assets/**/*.woff2", "**/*.webp", "**/*.vtt", "pagefind/**/*.pf_fragment",
                    "pagefind/**/*.pagefind", "pagefind/**/*.js", "**/*.svg"):
        found = sorted(site.glob(pattern))
        if found:
            samples.append(found[0].relative_to(site).as_posix())
    with SiteServer(site, prefix=prefix) as reference:
        for path in samples:
            status, got, body = _get(url + path)
            want_status, want, _ = _get(reference.url + path)
            assert status == want_status, path
            for name in COMPARED:
                assert got[name] == want[name], (path, name, got[name], want[name])
    status, _, body = _get(url + "khong-co-trang-nay/")
    assert status == 404 and b"<html" in body  # the site's own 404 page
    # directories are never listed
    assert _get(url + "assets/")[0] in {403, 404}


def test_nginx_compresses_text_but_not_pagefind_chunks(site, nginx):
    url, _prefix = nginx
    status, got, body = _get(url + "huong-dan/cai-dat-vneid/", gzip_ok=True)
    assert status == 200 and got["Content-Encoding"] == "gzip" and b"<html" in gzip.decompress(body)
    chunks = sorted(site.glob("pagefind/fragment/*.pf_fragment"))
    if chunks:
        _, got, _ = _get(url + chunks[0].relative_to(site).as_posix(), gzip_ok=True)
        assert got["Content-Encoding"] is None  # Pagefind compressed it already


def test_built_site_carries_its_apache_rules(site):
    """Apache serves the site right as soon as the files are copied (.htaccess for its site_url)."""
    assert (site / ".htaccess").read_text(encoding="utf-8") == serverconf.apache(SITE_URL_DEFAULT)
