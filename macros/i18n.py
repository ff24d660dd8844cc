"""The Vietnamese, Thai and Indonesian editions: which English text each translation was made from.

Translations of data live in data/i18n/<lang>/, mirroring data/ (glossary.yml, misconceptions.yml,
facts.yml, certificate-rules.yml, checklists/<id>.yml, templates/<id>.yml) and hold only the fields
readers see. Every translated entry records `from`: the hash of the English text it was translated
from (`entry_hash`). Every translated page records `translated_from`: the hash of its English page
(`page_hash`). When the English changes, the hashes differ and the translation is stale: the page says
so, `make stale` lists it and CI warns (tools/stale.py).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

# Editions other than English, in the order the language switcher lists them (English first).
EDITIONS = ("vi", "th", "id")
LANGUAGES = {"en": "English", "vi": "Tiếng Việt", "th": "ภาษาไทย", "id": "Bahasa Indonesia"}

# The fields readers see, per data kind: the ones a translation may (and should) give.
# Checklists and templates are one entry per file, with nested items / fields translated one by one.
TRANSLATABLE: dict[str, tuple[str, ...]] = {
    "glossary": ("term", "short", "long"),
    "misconceptions": ("myth", "fact"),
    "facts": ("value", "statement"),
    "certificate_rules": ("flag",),
    "checklists": ("title", "intro", "summary"),
    "templates": ("title", "when", "attach"),
}
NESTED: dict[str, tuple[str, str, tuple[str, ...]]] = {
    # kind: (field holding the nested entries, their id field or "" for a mapping, translatable fields)
    "checklists": ("items", "id", ("check", "evidence", "why", "if_fails")),
    "templates": ("fields", "", ("label", "hint")),
}
HASH_LENGTH = 10


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:HASH_LENGTH]


def entry_hash(entry: dict, fields: tuple[str, ...]) -> str:
    """Hash of the English text of an entry's translatable fields (order and YAML layout do not count)."""
    return text_hash(json.dumps({f: entry[f] for f in fields if f in entry}, sort_keys=True, ensure_ascii=False))


def page_hash(text: str) -> str:
    """Hash of an English page's Markdown (front matter included: its title and description are translated)."""
    return text_hash(text.replace("\r\n", "\n"))


def english_page_hash(docs_dir: Path, src: str) -> str | None:
    path = Path(docs_dir) / src
    return page_hash(path.read_text(encoding="utf-8")) if path.is_file() else None


def strings_hash(english: dict) -> str:
    """Hash of the English interface strings (data/strings.yml): one 'from' for the whole file."""
    return text_hash(json.dumps(english, sort_keys=True, ensure_ascii=False))
