"""Compiled templates are reused between builds and languages, an edited override is
seen at once, and a folder that cannot be written never breaks a build."""
from __future__ import annotations

import jinja2

from bdhvs import jinja_cache


def _env(templates, cache_dir):
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(templates)))
    compiled = []
    compile_ = env.compile
    env.compile = lambda *a, **k: compiled.append(a[1] if len(a) > 1 else k.get("name")) or compile_(*a, **k)
    return env, compiled, jinja_cache.attach(env, cache_dir)


def test_second_environment_loads_compiled_templates_and_sees_edits(tmp_path):
    templates = tmp_path / "overrides"
    templates.mkdir()
    (templates / "main.html").write_text("<p>{{ title }}</p>", encoding="utf-8")
    cache = tmp_path / "cache"

    env, compiled, attached = _env(templates, cache)
    assert attached and env.get_template("main.html").render(title="Xin chào") == "<p>Xin chào</p>"
    assert compiled == ["main.html"]

    env, compiled, _ = _env(templates, cache)  # the Ede build, or the next build
    assert env.get_template("main.html").render(title="Xin chào") == "<p>Xin chào</p>"
    assert compiled == []

    (templates / "main.html").write_text("<h1>{{ title }}</h1>", encoding="utf-8")  # an editor's change
    env, compiled, _ = _env(templates, cache)
    assert env.get_template("main.html").render(title="Xin chào") == "<h1>Xin chào</h1>"
    assert compiled == ["main.html"]


def test_unwritable_cache_folder_leaves_the_build_as_it_was(tmp_path):
    templates = tmp_path / "overrides"
    templates.mkdir()
    (templates / "main.html").write_text("ok", encoding="utf-8")
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    env, compiled, attached = _env(templates, blocker / "jinja")
    assert not attached and env.bytecode_cache is None
    assert env.get_template("main.html").render() == "ok"
