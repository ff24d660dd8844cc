"""Spell check for pages and data, with the project's word list (tools/wordlist.txt).

Usage: python -m tools.spellcheck [FILES...]   (no files: every page in docs/ and every data file)
Unknown words are printed as FILE:LINE: word. Real words the dictionary lacks (ISO and machining
terms, publisher names, British spellings) go in tools/wordlist.txt, one per line.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from spellchecker import SpellChecker

from tools.paths import ROOT

WORDLIST = ROOT / "tools" / "wordlist.txt"
_MACRO = re.compile(r"\{\{.*?\}\}|\{%.*?%\}")
_SKIP = re.compile(r"https?://\S+|`[^`]*`|\{ *#[^}]*\}|<[^>]+>")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*[A-Za-z]")


def project_words() -> set[str]:
    lines = WORDLIST.read_text(encoding="utf-8").splitlines()
    return {line.strip().lower() for line in lines if line.strip() and not line.startswith("#")}


def default_files() -> list[Path]:
    """The English pages and data; the editions (docs/<lang>/, data/i18n/) are checked by their reviewers."""
    files = sorted((ROOT / "docs").rglob("*.md")) + sorted((ROOT / "data").rglob("*.yml"))
    return [p for p in files if not {"vi", "th", "id", "i18n"} & set(p.relative_to(ROOT).parts[:3])]


def unknown_words(path: Path, checker: SpellChecker, allowed: set[str]) -> list[tuple[int, str]]:
    found = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.lstrip().startswith(("# yaml-language-server", "url:")):
            continue
        text = _SKIP.sub(" ", _MACRO.sub(" ", line))
        for word in _WORD.findall(text):
            word = re.sub(r"['’]s$", "", word)
            lower = word.lower()
            if word.isupper() or len(word) < 3 or lower in allowed or lower in checker:
                continue
            found.append((number, word))
    return found


def main(argv: list[str]) -> int:
    files = [Path(a) for a in argv] or default_files()
    checker, allowed = SpellChecker(), project_words()
    problems = 0
    for path in files:
        for number, word in unknown_words(path, checker, allowed):
            rel = path.resolve().relative_to(ROOT) if path.resolve().is_relative_to(ROOT) else path
            print(f"{rel}:{number}: unknown word '{word}' (fix it, or add it to tools/wordlist.txt)")
            problems += 1
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
