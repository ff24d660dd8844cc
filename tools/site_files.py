"""Shared by tools and tests: the pages of a built site, and a throwaway git copy of the project."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from tools.paths import ROOT

COPY_IGNORE = shutil.ignore_patterns(
    ".venv",
    "site",
    "site-zensical",
    "build",
    ".cache",
    ".git",
    "__pycache__",
    ".pytest_cache",
    ".ruff_cache",
    ".bench",
    "node_modules",
)


def pages(site: Path) -> list[Path]:
    """Every built HTML page except the 404 page and redirect stubs."""
    found = []
    for path in sorted(site.rglob("*.html")):
        if path.name == "404.html":
            continue
        text = path.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in text and "md-content" not in text:
            continue
        found.append(path)
    return found


def copy_project(dest: Path) -> Path:
    """Copy the project's files into `dest` as a fresh git repository ("Last updated" needs git)."""
    shutil.copytree(ROOT, dest, ignore=COPY_IGNORE)
    git = ["git", "-c", "user.name=test", "-c", "user.email=test@example.invalid"]
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "copy"]):
        subprocess.run([*git, *args], cwd=dest, check=True, capture_output=True)
    return dest
