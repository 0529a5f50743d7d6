"""Send only the part of Material's stylesheet that the built pages can use.

Material's ``main.*.min.css`` (23 kB gzip) styles everything Material can show: tabs,
code blocks, the search it ships, palettes, dozens of admonition kinds… The site uses a
fraction of it, and it is the largest file of every first visit. After the build, every
rule whose selector names a class, an id, an element or an attribute that appears
nowhere in the built HTML nor in the site's own scripts is dropped (a token check, like
PurgeCSS: conservative — a rule is kept whenever it MIGHT match; pseudo-classes and
what is inside ``:not()``/``:is()``/``:where()``/``:has()`` never make a rule go). At-rules
are kept, with the rules inside ``@media``/``@supports`` filtered the same way.

The result is written under a new content-hashed name and every page is pointed at it,
so a browser never mixes an old cached subset with new pages.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import tinycss2

_CLASS_ATTR = re.compile(rb'\sclass\s*=\s*(?:"([^"]*)"|\'([^\']*)\'|([^\s>]+))', re.I)
_ID_ATTR = re.compile(rb'\sid\s*=\s*(?:"([^"]*)"|\'([^\']*)\'|([^\s>]+))', re.I)
_TAG = re.compile(rb"<([a-zA-Z][a-zA-Z0-9-]*)")
_ATTR_NAME = re.compile(rb"\s([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*=")
_JS_WORD = re.compile(r"[A-Za-z_][\w-]*")
_TRANSPARENT = {"not", "is", "where", "has", "nth-child", "nth-last-child", "nth-of-type", "host", "dir", "lang"}


@dataclass
class Tokens:
    """Every class, id, element and attribute name the site's pages and scripts can show."""

    classes: set[str] = field(default_factory=set)
    ids: set[str] = field(default_factory=set)
    tags: set[str] = field(default_factory=lambda: {"html", "body"})
    attrs: set[str] = field(default_factory=set)

    def add_html(self, raw: bytes) -> None:
        for m in _CLASS_ATTR.finditer(raw):
            value = next(g for g in m.groups() if g is not None)
            self.classes.update(value.decode("utf-8", "replace").split())
        for m in _ID_ATTR.finditer(raw):
            self.ids.add(next(g for g in m.groups() if g is not None).decode("utf-8", "replace"))
        self.tags.update(t.decode("ascii").lower() for t in _TAG.findall(raw))
        self.attrs.update(a.decode("ascii").lower() for a in _ATTR_NAME.findall(raw))

    def add_script(self, text: str) -> None:
        """A script may add any of its words as a class, id, element or attribute."""
        words = set(_JS_WORD.findall(text))
        self.classes |= words
        self.ids |= words
        self.tags |= {w.lower() for w in words}
        self.attrs |= {w.lower() for w in words}


def _selectors(prelude: list) -> list[list]:
    """A selector list split at its top-level commas."""
    out, current = [], []
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            out.append(current)
            current = []
        else:
            current.append(token)
    out.append(current)
    return out


def _may_match(selector: list, tokens: Tokens) -> bool:
    previous = None
    for i, token in enumerate(selector):
        kind = token.type
        if kind == "literal" and token.value == ".":
            nxt = selector[i + 1] if i + 1 < len(selector) else None
            if nxt is not None and nxt.type == "ident" and nxt.value not in tokens.classes:
                return False
        elif kind == "hash" and not (previous is not None and previous.type == "literal" and previous.value == ":"):
            if token.value not in tokens.ids:
                return False
        elif kind == "ident":
            after_colon = previous is not None and previous.type == "literal" and previous.value in (":", "::", ".")
            if not after_colon and token.value.lower() not in tokens.tags:
                return False
        elif kind == "[] block":
            names = [t for t in token.content if t.type == "ident"]
            if names and names[0].value.lower() not in tokens.attrs:
                return False
        # function blocks (:not(), :is(), :nth-child()…) and pseudo-classes never drop a rule
        if kind != "whitespace":
            previous = token
    return True


def _filter_rules(rules: list, tokens: Tokens) -> list:
    kept = []
    for rule in rules:
        if rule.type == "qualified-rule":
            parts = [s for s in _selectors(rule.prelude) if _may_match(s, tokens)]
            if not parts:
                continue
            prelude = []
            for n, part in enumerate(parts):
                if n:
                    prelude.append(tinycss2.ast.LiteralToken(0, 0, ","))
                prelude.extend(part)
            rule.prelude = prelude
            kept.append(rule)
        elif rule.type == "at-rule" and rule.lower_at_keyword in ("media", "supports") and rule.content is not None:
            inner = _filter_rules(tinycss2.parse_rule_list(rule.content), tokens)
            if inner:
                rule.content = [tinycss2.ast.WhitespaceToken(0, 0, "")] + inner
                kept.append(rule)
        elif rule.type in ("at-rule",):
            kept.append(rule)
    return kept


_VAR_USE = re.compile(r"var\(\s*(--[\w-]+)")


def _qualified(rules: list):
    for rule in rules:
        if rule.type == "qualified-rule":
            yield rule
        elif rule.type == "at-rule" and rule.lower_at_keyword in ("media", "supports") and rule.content:
            yield from _qualified([r for r in rule.content if getattr(r, "type", "") in ("qualified-rule", "at-rule")])


def _drop_unused_properties(rules: list, used_elsewhere: str) -> None:
    """Custom properties (``--md-…``) no kept rule, page or script reads are dropped: most of
    Material's :root is icons and colours of features the site does not use."""
    decls = {}
    for rule in _qualified(rules):
        decls[id(rule)] = (rule, tinycss2.parse_declaration_list(rule.content, skip_comments=True,
                                                                 skip_whitespace=True))
    while True:
        text = [used_elsewhere]
        for rule, items in decls.values():
            for d in items:
                if d.type == "declaration":
                    text.append(tinycss2.serialize(d.value))
        used = set(_VAR_USE.findall(" ".join(text)))
        changed = False
        for key, (rule, items) in decls.items():
            kept = [d for d in items if not (d.type == "declaration" and d.name.startswith("--") and d.name not in used)]
            if len(kept) != len(items):
                decls[key] = (rule, kept)
                changed = True
        if not changed:
            break
    for rule, items in decls.values():
        parts = []
        for d in items:
            if d.type == "declaration":
                parts.append(f"{d.name}:{tinycss2.serialize(d.value).strip()}{'!important' if d.important else ''}")
        rule.content = tinycss2.parse_component_value_list(";".join(parts))


def _empty(rule) -> bool:
    if rule.type == "qualified-rule":
        return not tinycss2.serialize(rule.content).strip()
    if rule.type == "at-rule" and rule.lower_at_keyword in ("media", "supports") and rule.content is not None:
        inner = [r for r in rule.content if getattr(r, "type", "") in ("qualified-rule", "at-rule")]
        return all(_empty(r) for r in inner)
    return False


def subset(css: str, tokens: Tokens, *, used_elsewhere: str = "") -> str:
    """The rules of ``css`` that may match something in ``tokens``; ``used_elsewhere``: the
    text of the site's other stylesheets, pages and scripts (their ``var(--…)`` keep those)."""
    rules = _filter_rules(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True), tokens)
    _drop_unused_properties(rules, used_elsewhere)
    return "".join(tinycss2.serialize([rule]) for rule in rules if not _empty(rule))


def site_tokens(site_dir: Path) -> Tokens:
    tokens = Tokens()
    for page in site_dir.rglob("*.html"):
        tokens.add_html(page.read_bytes())
    for script in (site_dir / "assets" / "javascripts").glob("*.js"):
        if not script.name.startswith("bundle."):  # Material's own script is not on any page
            tokens.add_script(script.read_text(encoding="utf-8", errors="replace"))
    return tokens


THEME_CSS = re.compile(r"main\.[0-9a-f]{8}\.min\.css")


def apply(site_dir: Path) -> tuple[Path, int, int] | None:
    """Replace Material's stylesheet in ``site_dir`` by the part the pages use; point every
    page at it. Returns (new file, bytes before, bytes after), or None when there is none."""
    folder = site_dir / "assets" / "stylesheets"
    found = [p for p in folder.glob("main.*.min.css") if THEME_CSS.fullmatch(p.name)]
    if len(found) != 1:
        return None
    original = found[0]
    css = original.read_text(encoding="utf-8")
    elsewhere = " ".join(p.read_text(encoding="utf-8", errors="replace") for pattern in ("*.css", "*.js")
                         for p in (site_dir / "assets").rglob(pattern)
                         if p != original and not p.name.startswith(("bundle.", "palette.")))
    elsewhere += " ".join(m.decode("ascii") for page in site_dir.rglob("*.html")  # style="…var(--x)…"
                          for m in re.findall(rb"var\(\s*--[\w-]+", page.read_bytes()))
    smaller = subset(css, site_tokens(site_dir), used_elsewhere=elsewhere)
    name = f"main.{hashlib.sha256(smaller.encode('utf-8')).hexdigest()[:8]}.min.css"
    target = folder / name
    target.write_text(smaller, encoding="utf-8")
    if target != original:
        original.unlink()
        original.with_name(original.name + ".map").unlink(missing_ok=True)  # maps the whole file
        old = original.name.encode("ascii")
        for page in site_dir.rglob("*.html"):
            raw = page.read_bytes()
            if old in raw:
                page.write_bytes(raw.replace(old, name.encode("ascii")))
    return target, len(css.encode("utf-8")), len(smaller.encode("utf-8"))
