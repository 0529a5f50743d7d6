"""The supported Pythons are written in five places that must agree: scripts/dev.py
(SUPPORTED, MINIMUM), pyproject.toml `requires-python`, the environment markers of
requirements.txt, the Makefile's list of python3.x to pick from, and the CI matrix that
runs the README's commands on the systems shipping those Pythons."""
from __future__ import annotations

import importlib.util
import re
import sys
import tomllib
from pathlib import Path

import yaml
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet

ROOT = Path(__file__).resolve().parent.parent


def _dev():
    spec = importlib.util.spec_from_file_location("bdhvs_dev_versions", ROOT / "scripts" / "dev.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


DEV = _dev()


def _boundaries() -> list[str]:
    """The oldest release of each supported minor, and a late one."""
    out = []
    for major, minor in DEV.SUPPORTED:
        first = DEV.MINIMUM if (major, minor) == DEV.MINIMUM[:2] else (major, minor, 0)
        out += [".".join(map(str, first)), f"{major}.{minor}.99"]
    return out


def _requirements(text: str | None = None) -> list[Requirement]:
    text = text if text is not None else (ROOT / "requirements.txt").read_text(encoding="utf-8")
    lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return [Requirement(line) for line in lines if line]


def pins_for(version: str, text: str | None = None) -> dict[str, list[str]]:
    env = {"python_full_version": version, "python_version": ".".join(version.split(".")[:2])}
    pins: dict[str, list[str]] = {}
    for req in _requirements(text):
        if req.marker is None or req.marker.evaluate(env):
            pins.setdefault(req.name.lower().replace("_", "-"), []).append(str(req.specifier))
    return pins


def test_requires_python_admits_exactly_the_supported_versions():
    spec = SpecifierSet(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
                        ["project"]["requires-python"])
    for version in _boundaries():
        assert spec.contains(version), (str(spec), version)
    (first_major, first_minor), (last_major, last_minor) = DEV.SUPPORTED[0], DEV.SUPPORTED[-1]
    below = (*DEV.MINIMUM[:2], DEV.MINIMUM[2] - 1) if DEV.MINIMUM[2] else (first_major, first_minor - 1, 99)
    assert not spec.contains(".".join(map(str, below))), str(spec)
    assert not spec.contains(f"{last_major}.{last_minor + 1}.0"), str(spec)


def test_every_supported_python_gets_exactly_one_pin_of_every_package():
    names = {r.name.lower().replace("_", "-") for r in _requirements()}
    for version in _boundaries():
        pins = pins_for(version)
        assert set(pins) == names, (version, names - set(pins))
        doubled = {name: specs for name, specs in pins.items() if len(specs) != 1}
        assert not doubled, (version, doubled)
        assert all(specs[0].startswith("==") for specs in pins.values()), version


def test_markers_only_name_versions_inside_the_supported_range():
    """A marker about a Python nobody can use is a pin nobody installs (or tests)."""
    low = DEV.MINIMUM
    high = (*DEV.SUPPORTED[-1], 99)
    for req in _requirements():
        if req.marker is None:
            continue
        for version in re.findall(r'"(\d+(?:\.\d+)+)"', str(req.marker)):
            parts = tuple(int(n) for n in version.split("."))
            assert low <= parts + (0,) * (3 - len(parts)) <= high, (str(req), version)


def test_ci_matrix_runs_each_supported_python_on_the_system_that_ships_it():
    jobs = yaml.safe_load((ROOT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8"))["jobs"]
    matrix = jobs["linux"]["strategy"]["matrix"]["include"]
    by_python = {row["python"]: row["image"] for row in matrix}
    assert sorted(by_python) == sorted(f"{a}.{b}" for a, b in DEV.SUPPORTED)
    assert by_python == {"3.11": "debian:12", "3.12": "ubuntu:24.04", "3.13": "debian:13"}
    steps = " ".join(step.get("run", "") for step in jobs["linux"]["steps"])
    for command in ("apt-get install -y -q python3 python3-venv git make", "make site", "make check", ".ci/run"):
        assert command in steps, command


def test_makefile_picks_among_exactly_the_supported_pythons():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    listed = re.search(r"^SUPPORTED_PYTHONS = (.*)$", makefile, re.M).group(1).split()
    assert listed == [f"python{a}.{b}" for a, b in reversed(DEV.SUPPORTED)]  # newest first


def test_a_pin_for_one_python_only_is_caught(tmp_path):
    """The check above can fail: requirements.txt before the markers (pymdown-extensions 13.1
    for every Python) gives Python 3.11.2 a pin it cannot install; a marker that forgets
    3.11.2 leaves it without pymdown-extensions at all."""
    text = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    forgotten = "\n".join(line for line in text.splitlines() if '< "3.11.5"' not in line or "pymdown" not in line)
    assert pins_for(".".join(map(str, DEV.MINIMUM)), forgotten).get("pymdown-extensions") is None
    assert pins_for("3.13.0", forgotten)["pymdown-extensions"] == ["==13.1"]


def test_each_installed_pin_declares_it_runs_on_every_python_its_line_is_for():
    """The packages installed here come from the lines that apply to this Python; each one's
    own Requires-Python must admit every supported version those lines also apply to
    (pymdown-extensions 13.1 needs 3.11.5: pinning it for all would break Debian 12's 3.11.2)."""
    from importlib import metadata

    here = ".".join(map(str, sys.version_info[:3]))
    env_here = {"python_full_version": here, "python_version": here.rsplit(".", 1)[0]}
    checked = 0
    for req in _requirements():
        if req.marker is not None and not req.marker.evaluate(env_here):
            continue
        try:
            needs = metadata.metadata(req.name).get("Requires-Python")
        except metadata.PackageNotFoundError:
            continue
        if not needs:
            continue
        checked += 1
        for version in _boundaries():
            env = {"python_full_version": version, "python_version": version.rsplit(".", 1)[0]}
            if req.marker is None or req.marker.evaluate(env):
                assert SpecifierSet(needs).contains(version), (str(req), needs, version)
    assert checked > 20
