"""The microphone and blob: media are allowed on the contributors' pages only, in the one
policy (deploy/headers.py) and in the nginx and Apache configs generated from it (a real
nginx serving them is compared with the test server in tests/classroom/test_server_config.py;
the browser's behaviour: tests/contrib/test_phone_contrib.py)."""
from __future__ import annotations

from bdhvs.contrib import feature
from bdhvs.deploy import headers, serverconf

MIC_ON = "microphone=(self)"
MIC_OFF = "microphone=()"


def test_only_the_contributors_pages_get_the_microphone_and_blob_media():
    for path in ("/bien-tap/dich-tieng-ede/", "/ede/bien-tap/dich-tieng-ede/", "/bien-tap/gop-y/"):
        sent = headers.security_headers(path)
        assert MIC_ON in sent["Permissions-Policy"] and "media-src 'self' blob:" in sent["Content-Security-Policy"]
    for path in ("/", "/huong-dan/cai-dat-vneid/", "/ede/", "/ede/huong-dan/x/", "/admin/", "/tim-kiem/"):
        sent = headers.security_headers(path)
        assert MIC_OFF in sent["Permissions-Policy"], path
        assert "blob:" not in sent["Content-Security-Policy"].split("media-src")[1].split(";")[0] or path == "/admin/"


def test_the_contributors_pages_live_under_the_paths_the_policy_names():
    assert "/" + feature.EDITOR_DIR in headers.CONTRIB_PATHS


def test_generated_server_configs_scope_the_microphone_to_those_paths():
    for site_url, prefix in (("https://xa.example/", "/"), ("https://xa.example/bd/", "/bd/")):
        nginx = serverconf.nginx(site_url)
        apache = serverconf.apache(site_url)
        assert nginx.count(MIC_ON) == len(headers.CONTRIB_PATHS)  # one location block per path
        for path in headers.CONTRIB_PATHS:
            assert f"location {prefix}{path.lstrip('/')} {{" in nginx
        assert apache.count(MIC_ON) == 1 and f'm#^{prefix}(?:bien-tap/|ede/bien-tap/)#' in apache
        assert f'Header always set Permissions-Policy "{headers.SECURITY_HEADERS["Permissions-Policy"]}"' in apache
