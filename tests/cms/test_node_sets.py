"""Node packages are split by purpose: previewing installs none, `make cms` installs only the
editor (tools/cms/), the audits (tools/audit/) only come with `make test`. A fake npm records
where it was asked to install."""
from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

import pytest

from bdhvs.audit import node_tools
from bdhvs.commands import cms as cms_command

ROOT = Path(__file__).resolve().parents[2]


def test_each_set_pins_only_the_packages_of_its_purpose():
    def deps(folder: str) -> set[str]:
        data = json.loads((ROOT / "tools" / folder / "package.json").read_text(encoding="utf-8"))
        lock = json.loads((ROOT / "tools" / folder / "package-lock.json").read_text(encoding="utf-8"))
        assert lock["packages"][""]["devDependencies"] == data["devDependencies"]  # lock in step
        return set(data["devDependencies"])

    assert deps("cms") == {"decap-cms", "decap-server", "js-yaml"}  # js-yaml: the editor's front-matter reader
    assert deps("audit") == {"lighthouse", "vnu-jar"}
    assert not (ROOT / "tools" / "package.json").exists()  # no third set installing everything


@pytest.fixture
def fake_npm(tmp_path, monkeypatch):
    log = tmp_path / "npm.log"
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    npm = bin_dir / "npm"
    npm.write_text(f"#!/bin/sh\necho \"$(pwd) $*\" >> {log}\nexit 1\n")  # as without network
    npm.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    for name in ("AUDIT", "CMS"):
        real = getattr(node_tools, name)
        folder = tmp_path / real.folder.name
        folder.mkdir()
        (folder / "package-lock.json").write_text("{}")
        monkeypatch.setattr(node_tools, name, node_tools.NodeSet(real.name, folder, real.wanted))
    return log


def test_make_cms_installs_only_the_editor_and_says_in_one_line_when_npm_fails(fake_npm, capsys):
    args = argparse.Namespace(port=0, proxy_port=0, git=False, no_browser=True)
    assert cms_command.run(args) == 2
    calls = fake_npm.read_text().splitlines()
    assert len(calls) == 1
    folder, command = calls[0].split(" ", 1)
    assert folder == str(node_tools.CMS.folder) and command.startswith("ci --ignore-scripts")
    err = capsys.readouterr().err
    assert "Traceback" not in err and "npm ci --ignore-scripts" in err.splitlines()[0]


def test_the_audit_set_installs_in_its_own_folder(fake_npm):
    with pytest.raises(node_tools.ToolMissing) as exc:
        node_tools.ensure_installed(node_tools.AUDIT)
    assert fake_npm.read_text().split(" ", 1)[0] == str(node_tools.AUDIT.folder)
    assert "\n" not in str(exc.value)
