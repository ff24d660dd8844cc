"""Check every data file the way the build does (macros/data.py's table of data kinds), in one line.

    python -m tools.check_data      # used by `make lint` and the pre-commit hook

Also fails when data/generated/abbreviations.md no longer matches data/glossary.yml: the build
rewrites it, so a stale copy means the glossary changed without a build; build, then commit both.
"""

from __future__ import annotations

import sys

from macros import ABBREVIATIONS_FILE, render
from macros.data import KINDS, DataError, load_data
from tools.paths import ROOT


def main() -> int:
    try:
        data = load_data(ROOT / "data")
    except DataError as err:
        print(f"ERROR {err}", file=sys.stderr)
        return 1
    expected = render.abbreviations_markdown(data)
    found = ABBREVIATIONS_FILE.read_text(encoding="utf-8") if ABBREVIATIONS_FILE.exists() else ""
    if found != expected:
        rel = ABBREVIATIONS_FILE.relative_to(ROOT)
        print(f"ERROR {rel} is out of date with data/glossary.yml; run `make build` and commit it", file=sys.stderr)
        return 1
    counts = ", ".join(f"{len(getattr(data, kind.name))} {kind.name}" for kind in KINDS)
    print(f"data OK: {counts}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
