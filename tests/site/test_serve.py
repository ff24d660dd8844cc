"""`make serve` (mkdocs serve --dirty: only the saved page is rebuilt) still rebuilds every page when a
data file, a macro or the theme changes, not only docs/ (macros/__init__.py, _preview_inputs_changed)."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ENV


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def _wait_for(url: str, text: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if text in _get(url):
            return True
        time.sleep(0.5)
    return False


@pytest.mark.slow
@pytest.mark.parametrize("edited", ["data/glossary.yml", "macros/render.py", "overrides/main.html"])
def test_serve_rebuilds_when_data_macros_or_theme_change(edited: str, project_copy: Path):
    port = _free_port()
    url = f"http://127.0.0.1:{port}/reference/glossary/"
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project_copy,
        env={**ENV, "SITE_URL": f"http://127.0.0.1:{port}/"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert _wait_for(url, "Quality management system", 90), "mkdocs serve did not start"
        path = project_copy / edited
        text = path.read_text(encoding="utf-8")
        marker = "Edited-while-serving"
        changed = {
            "data/glossary.yml": text.replace("term: Quality management system", f"term: {marker} system", 1),
            "macros/render.py": text.replace("**{e(t(data, 'also_called'))}** ", f"**{marker}:** ", 1),
            "overrides/main.html": text.replace('{{ ui.reviewed_on or "Reviewed on" }} <time', f"{marker} <time", 1),
        }[edited]
        assert changed != text, "test setup: the text to change is gone"
        path.write_text(changed, encoding="utf-8")
        assert _wait_for(url, marker, 60), f"an edit to {edited} never reached the preview"
    finally:
        server.terminate()
        server.wait(timeout=20)
