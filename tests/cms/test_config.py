"""The editor's form and the checks can never disagree: admin/config.yml is generated from
the one schema (bdhvs.content.schema), and these tests compare the two field by field."""
from __future__ import annotations

import re

import pytest
import yaml

from bdhvs.cms import config
from bdhvs.content import glossary, schema

CONDITIONAL = {  # required only in some cases (schema `if/then`); `bdhvs check` enforces them
    ("translation", "source"), ("translation", "status"),
}


def collection(cfg: dict, name: str) -> dict:
    return next(c for c in cfg["collections"] if c["name"] == name)


def by_name(fields: list[dict]) -> dict[str, dict]:
    return {f["name"]: f for f in fields}


def values(field: dict) -> list[str]:
    return [o["value"] if isinstance(o, dict) else o for o in field["options"]]


@pytest.fixture(scope="module")
def cfg():
    return yaml.safe_load(config.render(config.build(site_url="https://xa.example/")))


@pytest.mark.parametrize("name", [config.NEW_GUIDES, config.GUIDES])
def test_guide_form_has_exactly_the_schema_fields(cfg, name):
    fields = by_name(collection(cfg, name)["fields"])
    allowed = set(schema.GUIDE["properties"]) | {"body"}
    assert set(fields) <= allowed, set(fields) - allowed  # the form cannot write an unknown key
    for key in schema.GUIDE["required"]:
        assert key in fields and fields[key]["required"] is True, key
    optional = set(fields) - set(schema.GUIDE["required"]) - {"body"}
    for key in optional:
        assert fields[key]["required"] is False, key


@pytest.mark.parametrize("name", [config.NEW_GUIDES, config.GUIDES])
def test_every_enum_value_is_an_option_and_nothing_else(cfg, name):
    fields = by_name(collection(cfg, name)["fields"])
    props = schema.GUIDE["properties"]
    assert values(fields["audience"]) == props["audience"]["items"]["enum"] and fields["audience"]["multiple"]
    assert values(fields["platform"]) == props["platform"]["enum"]
    review = by_name(fields["review"]["fields"])
    assert values(review["status"]) == schema.REVIEW_STATUSES
    assert set(review) == set(schema.REVIEW["properties"])
    assert review["status"]["required"] and not review["reviewer"]["required"] and not review["date"]["required"]


def test_sources_are_required_with_url_and_date(cfg):
    for name in (config.NEW_GUIDES, config.GUIDES):
        sources = by_name(collection(cfg, name)["fields"])["sources"]
        assert sources["widget"] == "list" and sources["min"] == schema.GUIDE["properties"]["sources"]["minItems"]
        sub = by_name(sources["fields"])
        assert set(sub) == set(schema.SOURCE["properties"])
        for key, field in sub.items():
            assert field["required"] is (key in schema.SOURCE["required"]), key
        assert sub["url"]["pattern"][0] == schema.SOURCE["properties"]["url"]["pattern"]
        assert sub["date"]["widget"] == config.DATE_WIDGET  # stores YYYY-MM-DD (admin.js)
        assert all(f["label"] != key for key, f in sub.items()), "give every source key a Vietnamese label"
        for key, field in sub.items():
            if "pattern" in schema.SOURCE["properties"][key] and field["widget"] == "string":
                assert field["pattern"][0] == schema.SOURCE["properties"][key]["pattern"], key


def test_patterns_and_ranges_match_the_schema(cfg):
    fields = by_name(collection(cfg, config.NEW_GUIDES)["fields"])
    props = schema.GUIDE["properties"]
    assert fields["plan_task"]["pattern"][0] == props["plan_task"]["pattern"]
    assert (fields["time_minutes"]["min"], fields["time_minutes"]["max"]) == (
        props["time_minutes"]["minimum"], props["time_minutes"]["maximum"])
    rx = re.compile(fields["description"]["pattern"][0])
    low, high = props["description"]["minLength"], props["description"]["maxLength"]
    assert rx.match("x" * low) and rx.match("x" * high)
    assert not rx.match("x" * (low - 1)) and not rx.match("x" * (high + 1))
    for date in ("last_reviewed",):
        assert fields[date]["widget"] == config.DATE_WIDGET


def test_ede_translation_fields_are_the_schema_ones(cfg):
    guides = collection(cfg, config.GUIDES)
    assert guides["i18n"] is True
    assert cfg["i18n"] == {"structure": "multiple_folders", "locales": ["vi", "ede"], "default_locale": "vi"}
    translation = by_name(by_name(guides["fields"])["translation"]["fields"])
    assert set(translation) == set(schema.TRANSLATION["properties"]) - {"source_hash"}  # the hash: `bdhvs translate`
    # a translator saves drafts; "reviewed" is a second person's act (`bdhvs translate --review`)
    assert values(translation["status"]) == ["draft"]
    for key in schema.TRANSLATION["required"]:
        assert ("translation", key) in CONDITIONAL and translation[key]["required"] is False
    # every field of the side-by-side form has a value per language
    def walk(fields):
        for f in fields:
            yield f
            yield from walk(f.get("fields", []))
    assert all(f.get("i18n") is True for f in walk(guides["fields"]))
    # the form that CREATES a guide has no Ede column (Decap would write an empty Ede file)
    assert "i18n" not in collection(cfg, config.NEW_GUIDES) and "translation" not in by_name(
        collection(cfg, config.NEW_GUIDES)["fields"])


def test_no_defaults_in_the_side_by_side_form(cfg):
    """Decap writes default values into every language column: an Ede file nobody wrote."""
    def walk(fields):
        for f in fields:
            yield f
            yield from walk(f.get("fields", []))
    assert [f["name"] for f in walk(collection(cfg, config.GUIDES)["fields"]) if "default" in f] == []


def test_media_go_to_the_guide_folder(cfg):
    for name in (config.NEW_GUIDES, config.GUIDES):
        c = collection(cfg, name)
        assert c["media_folder"] == "/docs/huong-dan/{{filename}}"
        assert c["public_folder"] == "../../huong-dan/{{filename}}"  # from docs/vi/huong-dan/<slug>.md


def test_data_files_require_their_sources(cfg):
    files = {f["file"]: by_name(f["fields"]) for f in collection(cfg, "data")["files"]}
    assert set(files) == {"data/hotlines.yml", "data/domains.yml", "data/videos.yml", "data/glossary.yml"}
    # the keys bdhvs.checks.data requires for each entry (DATA-ENTRY)
    required = {
        ("data/hotlines.yml", "hotlines"): {"number", "what", "status", "source"},
        ("data/hotlines.yml", "emails"): {"email", "what", "status", "source"},
        ("data/domains.yml", "domains"): {"domain", "owner", "source", "evidence", "status", "use"},
    }
    for (file, key), keys in required.items():
        sub = by_name(files[file][key]["fields"])
        assert {k for k, f in sub.items() if f["required"]} == keys, (file, key)
    videos = by_name(files["data/videos.yml"]["videos"]["fields"])
    assert videos["source"]["required"] and videos["checked"]["required"]
    # the glossary: what bdhvs.content.glossary.load requires (term, definition, source {title, url})
    terms = by_name(files["data/glossary.yml"]["terms"]["fields"])
    assert {k for k, f in terms.items() if f["required"]} == {"term", "definition", "source", "ede_status"}
    source = by_name(terms["source"]["fields"])
    assert source["title"]["required"] and source["url"]["required"] and source["url"]["pattern"][0] == "^https://"
    assert terms["ede_status"]["options"] == list(glossary.EDE_STATUSES)


def test_production_backend_and_workflow(cfg):
    assert cfg["backend"]["name"] == "github" and cfg["publish_mode"] == "editorial_workflow"
    assert cfg["backend"]["auth_scope"] == "public_repo"  # least scope (Decap's default is `repo`)
    assert cfg["locale"] == "vi"
    assert cfg["local_backend"]["allowed_hosts"] == ["127.0.0.1", "localhost"]
    assert cfg["site_url"] == "https://xa.example/"


def test_the_real_data_files_load_with_the_form_keys():
    """What the form edits is what the files hold (no key the form would drop)."""
    from bdhvs import settings

    for name, key, form_key in (("hotlines.yml", "hotlines", "hotlines"), ("domains.yml", "domains", "domains"),
                                ("glossary.yml", "terms", "terms")):
        doc = yaml.safe_load((settings.DATA_DIR / name).read_text(encoding="utf-8"))
        form = {f["file"]: by_name(f["fields"]) for f in collection(
            yaml.safe_load(config.render(config.build())), "data")["files"]}[f"data/{name}"]
        keys = set(by_name(form[form_key]["fields"]))
        for item in doc[key]:
            assert set(item) <= keys, (name, set(item) - keys)
