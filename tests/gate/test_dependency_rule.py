"""The gate's dependency rule (README, "The gate"): editor input — pages under docs/, data
files under data/, media YAML — is read and parsed only by scripts/bdhvs/inputs/. Any other
module asks the gate for a record. This test reads the package's source, so a new module
that parses YAML itself or reads a page file from a build feature fails here, with the
line to change."""
from __future__ import annotations

import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "scripts" / "bdhvs"

# Parsing YAML or front matter with PyYAML/MkDocs directly (dumping is fine).
PARSE = re.compile(r"\byaml\.(safe_load|load|full_load|unsafe_load|compose|parse|scan)\(|\bget_data\(|"
                   r"\byamlfast\.(safe_load|load_with_nodes|compose)\(")
# A build feature (or the content/i18n/media/search code it calls) opening a page or data file.
READ_SOURCE = re.compile(r"abs_src_path\)?\.read_(text|bytes)\(|\.ya?ml[\"')]*\)?\.read_(text|bytes)\(")

# Files that are not editor input, with the reason.
ALLOWED = {
    "yamlfast.py": "delegates to inputs.yamlsafe (its compose() only builds nodes of text it is given)",
    "checks/spelling_bench.py": "reads the spelling benchmark corpus in tests/, not editor input",
    "search/quality.py": "reads the search-quality queries in tests/, not editor input",
    "search/bench.py": "reads mkdocs.yml to build benchmark sites",
    "bench/sites.py": "reads mkdocs.yml to build benchmark sites",
}


def _offences(pattern: re.Pattern) -> list[str]:
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        if rel.startswith("inputs/") or rel in ALLOWED:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if pattern.search(line.split("#", 1)[0]):
                out.append(f"scripts/bdhvs/{rel}:{number}: {line.strip()}")
    return out


def test_no_module_outside_the_gate_parses_yaml_itself():
    assert _offences(PARSE) == []


def test_no_module_outside_the_gate_reads_a_page_or_data_file_itself():
    assert _offences(READ_SOURCE) == []


def test_the_rule_catches_an_offence(tmp_path):
    assert PARSE.search('meta = yaml.safe_load(text)') and PARSE.search("body, meta = get_data(source)")
    assert READ_SOURCE.search('Path(file.abs_src_path).read_text(encoding="utf-8")')
    assert READ_SOURCE.search('(data_dir / "glossary.yml").read_text(encoding="utf-8")')
    assert not PARSE.search("yaml.safe_dump(meta)")
