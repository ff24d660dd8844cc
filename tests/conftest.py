"""Shared fixtures: one strict build of the site per engine, and temporary project copies."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tools.editions import build as editions_build
from tools.paths import ROOT
from tools.site_files import copy_project

ENGINES = ("mkdocs", "zensical")
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}


def append_text(path: Path, text: str) -> None:
    """Add text to the end of a file (tests add broken entries to data files this way)."""
    with path.open("a", encoding="utf-8") as handle:
        handle.write(text)


def run_build(project: Path, out: Path, engine: str = "mkdocs", editions: bool = False):
    """Strict build of `project` into `out` with MkDocs or Zensical; returns the finished process (never raises).
    `editions`: also the vi, th and id editions into out/<lang>/ (tools/editions.py), as `make build` does.

    Zensical has no --site-dir option and wants the output inside the project: it builds into
    build/zensical-site there (mkdocs.yml reads SITE_DIR) and the result is moved to `out`.
    """
    if editions:
        inside = out if engine == "mkdocs" else project / "build" / f"zensical-{out.name}"
        result = editions_build(project, inside, engine)
        if engine == "zensical" and result.returncode == 0:
            shutil.rmtree(out, ignore_errors=True)
            shutil.move(inside, out)
        return result
    if engine == "mkdocs":
        command, env = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)], ENV
    else:
        inside = project / "build" / f"zensical-{out.name}"
        command = [str(Path(sys.executable).parent / "zensical"), "build", "--strict", "--clean"]
        env = {**ENV, "SITE_DIR": str(inside.relative_to(project))}
    result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=600)
    if engine == "zensical" and result.returncode == 0:
        shutil.rmtree(out, ignore_errors=True)
        shutil.move(inside, out)
    return result


def build_failed(result: subprocess.CompletedProcess) -> bool:
    """A non-zero exit, or a Python error that Zensical reported (it prints them as tracebacks)."""
    output = result.stdout + result.stderr
    return result.returncode != 0 or "Traceback" in output or "RuntimeError" in output


@pytest.fixture(scope="session", params=ENGINES)
def site_dir(request, tmp_path_factory) -> Path:
    """The site, built once per test session by each engine (`mkdocs build --strict`, `zensical build --strict`)."""
    return _built(request.param, tmp_path_factory)


@pytest.fixture(scope="session")
def mkdocs_site_dir(tmp_path_factory) -> Path:
    """The MkDocs build only, for checks that need not run twice."""
    return _built("mkdocs", tmp_path_factory)


_BUILDS: dict = {}


def _built(engine: str, tmp_path_factory) -> Path:
    if engine not in _BUILDS:
        out = tmp_path_factory.mktemp(f"site-{engine}")
        result = run_build(ROOT, out, engine, editions=True)
        assert not build_failed(result), f"strict {engine} build failed:\n{result.stdout}\n{result.stderr}"
        _BUILDS[engine] = out
    return _BUILDS[engine]


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A throwaway copy of the project to break on purpose."""
    return copy_project(tmp_path / "project")
