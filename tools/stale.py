"""List pages whose `reviewed` date is more than 12 months old (run by `make stale`).

Prints one line per stale page. Exit code 0 always: stale pages are a warning for CI, not a failure.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import yaml

from tools.paths import ROOT


def reviewed_dates(docs: Path) -> dict[Path, date | None]:
    found = {}
    for path in sorted(docs.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        meta = yaml.safe_load(text.split("---\n", 2)[1]) if text.startswith("---\n") else {}
        value = (meta or {}).get("reviewed")
        found[path] = value if isinstance(value, date) else None
    return found


def stale_pages(docs: Path, today: date, months: int = 12) -> list[str]:
    limit = today.replace(year=today.year - months // 12)
    lines = []
    for path, reviewed in reviewed_dates(docs).items():
        rel = path.relative_to(docs.parent)
        if reviewed is None:
            lines.append(f"{rel}: no 'reviewed' date in front matter")
        elif reviewed < limit:
            lines.append(f"{rel}: reviewed {reviewed.isoformat()}, more than {months} months ago; check its facts")
    return lines


if __name__ == "__main__":
    lines = stale_pages(ROOT / "docs", date.today())
    for line in lines:
        print(f"::warning::{line}" if "--github" in sys.argv else f"STALE {line}")
    if not lines:
        print("No stale pages: every page was reviewed in the last 12 months.")
