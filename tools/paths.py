"""The one home of the project's fixed places: its root, the repository URL, the Chromium binary."""

from __future__ import annotations

import os
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Debian's chromium package. Browser tests, the benchmark and `make social-card` use it (the Makefile
# asks this file: `python3 -m tools.paths chromium`). Set CHROMIUM to use another binary.
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
# mkdocs.yml sets repo_url once (edit links derive from it); tests and tools read it from there.
REPO_URL = re.search(r"^repo_url:\s*(\S+)", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M).group(1)

if __name__ == "__main__":
    import sys

    print({"chromium": CHROMIUM, "root": ROOT, "repo-url": REPO_URL}[sys.argv[1]])
