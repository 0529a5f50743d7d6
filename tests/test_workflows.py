"""GitHub workflows: audited by zizmor offline (no finding of medium severity or above),
every action pinned by commit, and the Windows and macOS jobs run what editors there run."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"
ZIZMOR = str(Path(sys.executable).with_name("zizmor"))


def zizmor(folder: Path) -> subprocess.CompletedProcess:
    files = [str(p) for p in sorted(folder.glob("*.yml"))]
    assert files
    return subprocess.run([ZIZMOR, "--offline", "--no-progress", "--min-severity", "medium", *files],
                          capture_output=True, text=True, timeout=120)


def test_zizmor_finds_nothing_of_medium_severity_or_above():
    proc = zizmor(WORKFLOWS)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_zizmor_does_catch_an_unpinned_action_and_persisted_credentials(tmp_path):
    """The audit above can fail: the workflow as it was before pinning is rejected."""
    bad = tmp_path / "workflows"
    shutil.copytree(WORKFLOWS, bad)
    ci = bad / "ci.yml"
    text = ci.read_text(encoding="utf-8")
    text = text.replace("actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1", "actions/checkout@v4")
    ci.write_text(text.replace("          persist-credentials: false\n", "          fetch-depth: 1\n"), encoding="utf-8")
    proc = zizmor(bad)
    assert proc.returncode != 0
    assert "unpinned-uses" in proc.stdout and "artipacked" in proc.stdout


def _steps():
    for path in sorted(WORKFLOWS.glob("*.yml")):
        for name, job in yaml.safe_load(path.read_text(encoding="utf-8"))["jobs"].items():
            for step in job.get("steps", []):
                yield path.name, name, job, step


def test_every_action_is_pinned_by_commit_with_its_tag_in_a_comment():
    for path in sorted(WORKFLOWS.glob("*.yml")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if "uses:" in line:
                ref = line.split("uses:", 1)[1].strip()
                action, _, rest = ref.partition("@")
                sha, _, comment = rest.partition(" # ")
                assert len(sha) == 40 and all(c in "0123456789abcdef" for c in sha), (path.name, line)
                assert comment.startswith("v"), (path.name, line)


def test_no_checkout_keeps_credentials_and_every_job_sets_its_own_permissions():
    for path in sorted(WORKFLOWS.glob("*.yml")):
        workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert workflow["permissions"] == {}, path.name  # nothing by default …
        for name, job in workflow["jobs"].items():
            assert "permissions" in job, (path.name, name)  # … each job asks for what it needs
    for file, job, _, step in _steps():
        if step.get("uses", "").startswith("actions/checkout@"):
            assert step.get("with", {}).get("persist-credentials") is False, (file, job)


def test_windows_job_runs_the_editors_check_and_site_commands():
    jobs = yaml.safe_load((WORKFLOWS / "ci.yml").read_text(encoding="utf-8"))["jobs"]
    windows = [job for job in jobs.values() if str(job.get("runs-on", "")).startswith("windows")]
    assert len(windows) == 1
    runs = [step.get("run", "") for step in windows[0]["steps"]]
    assert "py scripts\\dev.py check" in runs
    assert "py scripts\\dev.py site" in runs
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "py scripts\\dev.py check" in readme  # the README tells editors the same commands


def test_macos_job_runs_make_check_and_site_with_homebrews_python():
    jobs = yaml.safe_load((WORKFLOWS / "ci.yml").read_text(encoding="utf-8"))["jobs"]
    macos = [job for job in jobs.values() if str(job.get("runs-on", "")).startswith("macos")]
    assert len(macos) == 1
    runs = [step.get("run", "") for step in macos[0]["steps"]]
    assert any(run.startswith("brew install python@") for run in runs)
    assert "make check" in runs and "make site" in runs
    assert not any("setup-python" in step.get("uses", "") for step in macos[0]["steps"])


_SECRET_VALUE = re.compile(r"\$\{\{(?P<expr>[^}]*\bsecrets\.[^}]*)\}\}")
_BUILDS = re.compile(r"dev\.py (?:site|handouts|bundle|test)|mkdocs |make (?:site|test)|\.ci/run")


def _secrets_in(env: dict | None) -> list[str]:
    """Names of env entries that hold a secret's VALUE (a comparison such as
    `secrets.X != ''` yields only true/false and is not a secret)."""
    out = []
    for name, value in (env or {}).items():
        for match in _SECRET_VALUE.finditer(str(value)):
            if not re.search(r"[!=]=", match.group("expr")):
                out.append(name)
    return out


def test_the_site_is_built_without_any_secret_in_its_environment():
    """A page or file under docs/ must never be able to read a deploy key (issue #21: a link
    to /proc/self/environ copied the build's environment into the site). Every step that
    builds, tests or prints runs with no secret in the workflow, job or step environment;
    secrets live only in the env of the step that uploads."""
    builds = 0
    for path in sorted(WORKFLOWS.glob("*.yml")):
        workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
        for name, job in workflow["jobs"].items():
            inherited = _secrets_in(workflow.get("env")) + _secrets_in(job.get("env"))
            assert not inherited, f"{path.name}: job {name} puts secrets in every step's environment: {inherited}"
            for step in job.get("steps", []):
                if _BUILDS.search(step.get("run", "")):
                    builds += 1
                    leaked = _secrets_in(step.get("env"))
                    assert not leaked, f"{path.name}: job {name}, step '{step.get('name')}' builds with {leaked}"
                    assert "secrets." not in step.get("run", ""), (path.name, name, step.get("name"))
    assert builds >= 3  # the test looks at real build steps


def test_the_deploy_key_exists_only_in_the_upload_step():
    job = yaml.safe_load((WORKFLOWS / "deploy.yml").read_text(encoding="utf-8"))["jobs"]["commune-server"]
    holders = [step for step in job["steps"] if "BDHVS_DEPLOY_SSH_PRIVATE_KEY" in _secrets_in(step.get("env"))]
    assert len(holders) == 1
    assert "bdhvs deploy" in holders[0]["run"] and not _BUILDS.search(holders[0]["run"])
