"""What needs a reader's attention again (run by `make stale`; CI prints each line as a warning):

- English pages whose `reviewed` date is more than 12 months old;
- translations whose English changed since they were made (the hash in `translated_from` or `from`
  differs), and English pages or data entries an edition has not translated yet.

Prints one line per item. Exit code 0 always: staleness is a warning for CI, not a failure.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import yaml

from macros.data import DataError, load_data
from macros.i18n import EDITIONS, english_page_hash, load_edition
from tools.paths import ROOT


def reviewed_dates(docs: Path) -> dict[Path, date | None]:
    found = {}
    for path in sorted(docs.rglob("*.md")):
        if path.relative_to(docs).parts[0] in EDITIONS:  # an edition follows its English page
            continue
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


def stale_translations(root: Path) -> list[str]:
    """Each edition's pages and data entries made from an older English text, and what it lacks."""
    docs, lines = root / "docs", []
    for lang in EDITIONS:
        for path in sorted((docs / lang).rglob("*.md")):
            src = path.relative_to(docs / lang).as_posix()
            text = path.read_text(encoding="utf-8")
            meta = (yaml.safe_load(text.split("---\n", 2)[1]) if text.startswith("---\n") else {}) or {}
            english = english_page_hash(docs, src)
            rel = path.relative_to(root).as_posix()
            if meta.get("untranslated"):
                lines.append(f"{rel}: left in English (readers are sent to docs/{src})")
            elif english and str(meta.get("translated_from")) != english:
                lines.append(
                    f"{rel}: docs/{src} changed since it was translated; update the translation, then "
                    f"`python -m tools.translations stamp {rel}`"
                )
        try:
            _, report = load_edition(load_data(root / "data"), lang, root / "data")
        except DataError as err:
            lines.append(str(err))
            continue
        lines += [
            f"{where}: the English changed since it was translated; update it and its 'from'" for where in report.stale
        ]
        lines += [f"{where}: not translated yet (shown in English)" for where in report.missing]
    return lines


if __name__ == "__main__":
    lines = stale_pages(ROOT / "docs", date.today()) + stale_translations(ROOT)
    for line in lines:
        print(f"::warning::{line}" if "--github" in sys.argv else f"STALE {line}")
    if not lines:
        print("Nothing stale: every page was reviewed in the last 12 months and every translation is current.")
