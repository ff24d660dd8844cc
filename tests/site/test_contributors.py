"""Contributor tooling: workflow syntax, the pre-commit hooks, stale-page listing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

from tools.paths import ROOT

BIN = Path(sys.executable).parent


def check_jsonschema(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / "check-jsonschema"), *args], capture_output=True, text=True, cwd=ROOT)


def test_workflows_match_the_github_workflow_schema():
    workflows = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
    assert {w.name for w in workflows} >= {"ci.yml", "deploy.yml"}
    result = check_jsonschema("--builtin-schema", "vendor.github-workflows", *map(str, workflows))
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflow_schema_check_can_fail(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  build:\n    steps: not-a-list\n", encoding="utf-8")
    assert check_jsonschema("--builtin-schema", "vendor.github-workflows", str(broken)).returncode != 0


def test_ci_runs_make_test_with_chromium_and_full_history():
    ci = yaml.safe_load((ROOT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8"))
    triggers = ci.get("on", ci.get(True))
    assert "pull_request" in triggers and "push" in triggers
    steps = [s for job in ci["jobs"].values() for s in job["steps"]]
    runs = " ".join(s.get("run", "") for s in steps)
    assert "make test" in runs and "chromium" in runs
    checkout = next(s for s in steps if str(s.get("uses", "")).startswith("actions/checkout"))
    assert checkout.get("with", {}).get("fetch-depth") == 0


def test_deploy_uses_official_pages_actions():
    deploy = (ROOT / ".github" / "workflows" / "deploy.yml").read_text(encoding="utf-8")
    for action in ("actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"):
        assert action in deploy


def test_issue_forms_and_pr_template_exist():
    forms = ROOT / ".github" / "ISSUE_TEMPLATE"
    for name in ("content-correction.yml", "new-topic.yml"):
        result = check_jsonschema("--builtin-schema", "vendor.github-issue-forms", str(forms / name))
        assert result.returncode == 0, result.stdout + result.stderr
    assert (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8").count("- [ ]") >= 5


def test_pre_commit_hooks_are_local_and_mirror_make_lint():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert all(repo["repo"] == "local" for repo in config["repos"]), "hooks must not be cloned from GitHub"
    entries = " ".join(hook["entry"] for repo in config["repos"] for hook in repo["hooks"])
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for tool in ("ruff", "yamllint", "pymarkdown", "tools.spellcheck", "check-jsonschema"):
        assert tool in entries and tool in makefile, tool


def test_pre_commit_config_is_valid():
    result = subprocess.run(
        [str(BIN / "pre-commit"), "validate-config", ".pre-commit-config.yaml"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_markdown_lint_config_gives_a_reason_for_every_disabled_rule():
    lines = (ROOT / ".pymarkdown.yml").read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines):
        if line.strip() == "enabled: false":
            comment = [entry for entry in lines[max(0, number - 4) : number] if entry.strip().startswith("#")]
            assert comment, f".pymarkdown.yml line {number + 1}: say why the rule is disabled"


def test_spell_check_flags_a_misspelling(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("The calibraton record for the micrometer.\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "tools.spellcheck", str(page)], capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 1 and "calibraton" in result.stdout
