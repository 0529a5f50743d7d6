"""The data files the checks read (allow-lists, word lists), validated on load.

A broken data file never crashes the checks: it yields DATA-* findings and the check
goes on with what could be read. Paths are parameters so tests use their own copies.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path


from bdhvs import settings
from bdhvs.checks.codes import finding
from bdhvs.findings import Finding, relative

# Debian's hunspell-vi syllable list, vendored (GPL-2, see data/spelling/README.md) so that the
# check gives the same results on Windows and on a Linux without the Debian package.
HUNSPELL_VI = settings.DATA_DIR / "spelling" / "vi_VN.dic"
ALLOWED_STATUSES = {"ok", "verified"}


@dataclass
class Domain:
    domain: str
    owner: str
    status: str
    use: str
    prefixes: list[str] = field(default_factory=list)

    @property
    def allowed(self) -> bool:
        return self.status in ALLOWED_STATUSES


@dataclass
class ProjectData:
    vi_syllables: frozenset[str] = frozenset()
    vi_words: frozenset[str] = frozenset()
    ede_words: frozenset[str] = frozenset()
    domains: dict[str, Domain] = field(default_factory=dict)
    shorteners: frozenset[str] = frozenset()
    source_suffixes: tuple[str, ...] = ()
    hotlines: dict[str, dict] = field(default_factory=dict)  # digits -> entry
    emails: dict[str, dict] = field(default_factory=dict)
    confusables: list[dict] = field(default_factory=list)
    names: list[dict] = field(default_factory=list)
    tone_exceptions: list[str] = field(default_factory=list)
    dictionary_missing: bool = False
    findings: list[Finding] = field(default_factory=list)

    def is_vi_word(self, token: str) -> bool:
        """A Vietnamese dictionary syllable (as typed or in lower case)."""
        return token in self.vi_syllables or token.lower() in self.vi_syllables


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def read_word_list(path: Path, problems: list[Finding]) -> frozenset[str]:
    if not path.exists():
        return frozenset()
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(finding(relative(path, settings.ROOT), 1, 1, "DATA-ENTRY", f"Không đọc được danh sách từ: {exc}"))
        return frozenset()
    words = set()
    for line in text.splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            words.add(_nfc(word))
    return frozenset(words)


def digits(text: str) -> str:
    return re.sub(r"\D", "", str(text))


def load(data_dir: Path | None = None, dictionary: Path | None = None) -> ProjectData:
    data_dir = data_dir or settings.DATA_DIR
    dictionary = dictionary or HUNSPELL_VI
    problems: list[Finding] = []
    pd = ProjectData()

    if dictionary.exists():
        lines = dictionary.read_text(encoding="utf-8").splitlines()[1:]
        pd.vi_syllables = frozenset(_nfc(line.split("/", 1)[0].strip()) for line in lines if line.strip())
    else:
        pd.dictionary_missing = True
    pd.vi_words = read_word_list(data_dir / "words-vi.txt", problems)
    pd.ede_words = read_word_list(data_dir / "words-ede.txt", problems)
    exceptions = read_word_list(data_dir / "tone-exceptions.txt", problems)
    pd.tone_exceptions = sorted(exceptions, key=len, reverse=True)

    # The YAML files are read by the gate (bdhvs.inputs.datafiles: schema, findings at the
    # line, reported by `bdhvs check` for each file); only the entries it accepts are used.
    from bdhvs.inputs import datafiles

    root = data_dir.parent
    rec = datafiles.read("domains.yml", data_dir, root=root)
    for item, _line, _path in rec.items("domains"):
        dom = str(item["domain"]).lower().removeprefix("www.")
        pd.domains[dom] = Domain(dom, item["owner"], item["status"], item["use"], list(item.get("prefixes") or []))
    if isinstance(rec.data, dict):
        pd.shorteners = frozenset(str(s).lower() for s in rec.data.get("shorteners") or [])
        pd.source_suffixes = tuple("." + str(s).lower().lstrip(".") for s in rec.data.get("source_suffixes") or [])

    rec = datafiles.read("hotlines.yml", data_dir, root=root)
    for item, _line, _path in rec.items("hotlines"):
        pd.hotlines[digits(item["number"])] = item
    for item, _line, _path in rec.items("emails"):
        pd.emails[str(item["email"]).lower()] = item

    rec = datafiles.read("confusables-vi.yml", data_dir, root=root)
    for item, _line, _path in rec.items("confusables"):
        item = dict(item)
        item["wrong"] = [_nfc(w) for w in (item["wrong"] if isinstance(item["wrong"], list) else [item["wrong"]])]
        pd.confusables.append(item)
    for item, _line, _path in rec.items("names"):
        item = dict(item)
        item["wrong"] = [_nfc(w) for w in item.get("wrong") or []]
        pd.names.append(item)
    from bdhvs.search import synonyms  # data/search-synonyms.yml (search's own validator)

    problems += synonyms.check(data_dir)
    pd.findings = problems
    return pd


@functools.lru_cache(maxsize=4)
def cached(data_dir: str | None = None) -> ProjectData:
    return load(Path(data_dir) if data_dir else None)
