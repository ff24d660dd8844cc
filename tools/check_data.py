"""Check every data file the way the build does (macros/data.py's table of data kinds), in one line.

    python -m tools.check_data      # used by `make lint` and the pre-commit hook

Also checks each edition's translations (data/i18n/<lang>/). Fails when a generated file
(data/generated/abbreviations*.md, docs/llms.txt, docs/robots.txt) no
longer matches its data, front matter or mkdocs.yml: the build rewrites them, so a stale copy means
something changed without a build; build, then commit both.
"""

from __future__ import annotations

import sys

from macros import generated_files
from macros.data import KINDS, DataError, load_data
from macros.i18n import EDITIONS, load_edition
from macros.page_info import read_config
from tools.paths import ROOT


def main() -> int:
    try:
        data = load_data(ROOT / "data")
    except DataError as err:
        print(f"ERROR {err}", file=sys.stderr)
        return 1
    try:
        editions = {lang: load_edition(data, lang, ROOT / "data")[0] for lang in EDITIONS}
    except DataError as err:
        print(f"ERROR {err}", file=sys.stderr)
        return 1
    for path, expected in generated_files(data, read_config(ROOT), editions).items():
        found = path.read_text(encoding="utf-8") if path.exists() else ""
        if found != expected:
            rel = path.relative_to(ROOT)
            print(f"ERROR {rel} is out of date; run `make build` and commit it", file=sys.stderr)
            return 1
    counts = ", ".join(f"{len(getattr(data, kind.name))} {kind.name}" for kind in KINDS)
    print(f"data OK: {counts}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
