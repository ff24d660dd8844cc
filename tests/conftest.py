"""Shared fixtures: the project root, one strict build of the site, and temporary project copies."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = [sys.executable, "-m", "mkdocs"]
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
COPY_IGNORE = shutil.ignore_patterns(
    ".venv", "site", ".git", "__pycache__", ".pytest_cache", ".ruff_cache", ".bench", "node_modules"
)


def append_text(path: Path, text: str) -> None:
    """Add text to the end of a file (tests add broken entries to data files this way)."""
    with path.open("a", encoding="utf-8") as handle:
        handle.write(text)


def run_build(project: Path, out: Path) -> subprocess.CompletedProcess:
    """Strict build of `project` into `out`; returns the finished process (never raises)."""
    return subprocess.run(
        [*MKDOCS, "build", "--strict", "--site-dir", str(out)],
        cwd=project,
        env=ENV,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> Path:
    """The site, built once per test session with `mkdocs build --strict`."""
    out = tmp_path_factory.mktemp("site")
    result = run_build(ROOT, out)
    assert result.returncode == 0, f"strict build failed:\n{result.stdout}\n{result.stderr}"
    return out


def copy_project(dest: Path) -> Path:
    """Copy the project's files into `dest` as a fresh git repository ("Last updated" needs git)."""
    shutil.copytree(ROOT, dest, ignore=COPY_IGNORE)
    git = ["git", "-c", "user.name=test", "-c", "user.email=test@example.invalid"]
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "copy"]):
        subprocess.run([*git, *args], cwd=dest, check=True, capture_output=True)
    return dest


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A throwaway copy of the project to break on purpose."""
    return copy_project(tmp_path / "project")
