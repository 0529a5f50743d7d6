"""The official addresses list (``<!-- bdhvs:official-addresses -->``): exactly the
confirmed official services of data/domains.yml, in bold as typed, with the illustration."""
from __future__ import annotations

import re

import pytest
import yaml

from bdhvs.content import addresses
from bdhvs.settings import DATA_DIR
from content_helpers import soup
import guidesite

DOMAINS = DATA_DIR / "domains.yml"
LIST = '[data-bdhvs="official-addresses"]'


def expected() -> list[tuple[str, str]]:
    """Computed from the file itself: confirmed, linkable entries marked official."""
    entries = yaml.safe_load(DOMAINS.read_text(encoding="utf-8"))["domains"]
    return [(e["domain"], e["official"]) for e in entries
            if e.get("official") and e["status"] in ("ok", "verified") and e["use"] == "link"]


def test_the_list_is_the_filtered_domains_file():
    got = [(a.domain, a.official) for a in addresses.load(DOMAINS)]
    assert got == expected()
    assert "dichvucong.gov.vn" in {d for d, _ in got}


def test_only_state_services_are_marked_official():
    entries = yaml.safe_load(DOMAINS.read_text(encoding="utf-8"))["domains"]
    for entry in entries:
        if entry.get("official"):
            assert entry["use"] == "link", entry["domain"]
            assert entry["domain"].endswith(".gov.vn") or entry["domain"] == "tinnhiemmang.vn", entry["domain"]
    names = {a.domain for a in addresses.load(DOMAINS)}
    # app stores, social networks, newspapers and unconfirmed domains are not on it
    for domain in ("play.google.com", "apps.apple.com", "facebook.com", "baodaklak.vn", "dichvucong.daklak.gov.vn",
                   "dinhdanhdientu.gov.vn", "canhbao.khonggianmang.gov.vn"):
        assert domain not in names


def test_a_bad_official_field_is_an_editor_error(tmp_path):
    path = tmp_path / "domains.yml"
    path.write_text("domains:\n  - {domain: a.gov.vn, owner: A, source: https://a.gov.vn, evidence: x, "
                    "status: ok, use: link, official: true}\n", encoding="utf-8")
    with pytest.raises(addresses.AddressesError) as info:
        addresses.load(path)
    assert "a.gov.vn" in str(info.value) and "official" in str(info.value)


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    return guidesite.built_site(tmp_path_factory.mktemp("addresses"))


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["", "ede/"])
def test_a_guide_with_the_marker_shows_the_list_and_the_illustration(tiny, lang):
    page = soup(tiny / lang / "huong-dan/co-ghi-chu/index.html")
    box = page.select_one(f"article {LIST}")
    assert box is not None
    shown = [(li.strong.get_text(), " ".join(li.get_text().split(":", 1)[1].split())) for li in box.select("li")]
    assert shown == expected()
    # look-alikes are not on it: every address is shown whole, exactly as listed
    text = box.get_text(" ")
    for fake in ("dichvucong.gov.vn.xyz", "dichvucong-gov.vn", "vneid.gov.vn.com", "dichvucong.daklak.gov.vn"):
        assert fake not in text
    assert box.select("a") == [] or all(a.has_attr("data-bdhvs-zoom") for a in box.select("a"))
    figure = box.select_one("figure")
    assert "Hình minh hoạ" in figure.get_text() and "Hình minh hoạ" in figure.img["alt"]
    assert (tiny / "huong-dan/chung/o-dia-chi.svg").is_file()
    assert "bdhvs:official-addresses" not in page.decode()


@pytest.mark.slow
@pytest.mark.parametrize("page, text, where, code", [
    ("vi/index.md", "\n<!-- bdhvs:official-addresses -->\n", "docs/vi/index.md:", "MARK-PLACE"),
    ("vi/huong-dan/ban-nhap.md", "\n<!-- bdhvs:dia-chi -->\n", "docs/vi/huong-dan/ban-nhap.md:", "MARK-UNKNOWN"),
])
def test_a_misplaced_or_unknown_marker_stops_the_build_with_file_and_line(tmp_path, page, text, where, code):
    project = guidesite.make_project(tmp_path / "project")
    path = project / "docs" / page
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")
    line = path.read_text(encoding="utf-8").count("\n")  # the marker is the file's last line
    result = guidesite.build(project, tmp_path / "site")
    assert result.returncode != 0
    assert re.search(rf"{re.escape(where)}{line}:\d+  {code}  .+ — ", result.output), result.output
    assert "Traceback" not in result.output
