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
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from .data import KINDS, DataError, _read_yaml, _validate, suggest
from .structured_data import page_url

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


# --- Loading an edition: the English data with each translated field put in -------------------------

_ID = {"type": "string", "minLength": 1}
_FROM = {"type": "string", "pattern": f"^[0-9a-f]{{{HASH_LENGTH}}}$", "description": "hash of the English text"}
_TEXT = {"type": "string", "minLength": 1}


def _object(required: tuple, fields: tuple, extra: dict | None = None) -> dict:
    props = {"from": _FROM} | {f: _TEXT for f in fields} | (extra or {})
    return {"type": "object", "additionalProperties": False, "required": ["from", *required], "properties": props}


def overlay_schema(kind) -> dict:
    """The schema of an edition's translation of one data kind: the translatable fields only, plus `from`."""
    fields = TRANSLATABLE[kind.name]
    if kind.name == "checklists":
        key, id_field, nested = NESTED["checklists"]
        item = _object((id_field,), nested, {id_field: _ID})
        summary = {"type": "object", "additionalProperties": _TEXT}
        return _object((), fields, {"summary": summary, key: {"type": "array", "items": item}})
    if kind.name == "templates":
        key, _, nested = NESTED["templates"]
        return _object((), fields, {key: {"type": "object", "additionalProperties": _object((), nested)}})
    return {"type": "array", "items": _object((kind.id_field,), fields, {kind.id_field: _ID})}


@dataclass
class Edition:
    """What loading an edition found: per translated file and entry, stale (English changed) or missing."""

    lang: str
    stale: list = field(default_factory=list)  # "data/i18n/vi/glossary.yml entry 'cb'"
    missing: list = field(default_factory=list)


def _apply(entry: dict, translation: dict, fields: tuple, lang: str, where: str, report: Edition) -> dict:
    """A copy of an English entry with the translated fields put in; `_lang`, `_stale` and `_en` say how."""
    out = dict(entry)
    out["_en"] = {f: entry[f] for f in fields if f in entry}
    if translation is None:
        out["_lang"], out["_stale"] = "en", False
        report.missing.append(where)
        return out
    out["_lang"] = lang
    out["_stale"] = translation["from"] != entry_hash(entry, fields)
    if out["_stale"]:
        report.stale.append(where)
    for f in fields:
        if f in translation:
            out[f] = translation[f]
    return out


def _check_known(rel: str, entry: str, fld: str, names, known) -> None:
    for name in names:
        if name not in known:
            raise DataError(
                f"{rel} entry {entry} field '{fld}': '{name}' is not in the English data{suggest(name, known)};"
                " translate only entries that exist in English (python -m tools.translations start adds new ones)"
            )


def _nested(kind: str, entry: dict, translation: dict | None, lang: str, rel: str, ident: str, report: Edition) -> None:
    key, id_field, fields = NESTED[kind]
    english = entry.get(key) or ([] if id_field else {})
    if id_field:
        given = {item[id_field]: item for item in (translation or {}).get(key, [])}
        _check_known(rel, f"'{ident}'", key, given, {item[id_field] for item in english})
        entry[key] = [
            _apply(item, given.get(item[id_field]), fields, lang, f"{rel} {key} '{item[id_field]}'", report)
            for item in english
        ]
    else:
        given = (translation or {}).get(key, {})
        _check_known(rel, f"'{ident}'", key, given, english)
        entry[key] = {
            name: _apply(item, given.get(name), fields, lang, f"{rel} {key} '{name}'", report)
            for name, item in english.items()
        }


def _strings(data_dir: Path, lang: str, english: dict, report: Edition) -> dict:
    rel = f"data/i18n/{lang}/strings.yml"
    path = Path(data_dir) / "i18n" / lang / "strings.yml"
    if not path.is_file():
        report.missing.append(rel)
        return english
    given = _read_yaml(path, rel)
    if not isinstance(given, dict) or "from" not in given:
        raise DataError(f"{rel} entry (top level) field 'from': required field is missing; add 'from: ...'")
    if given["from"] != strings_hash(english):
        report.stale.append(rel)
    merged = {}
    for key, value in english.items():
        if isinstance(value, dict):
            extra = sorted(set(given.get(key) or {}) - set(value))
            if extra:
                raise DataError(
                    f"{rel} entry '{key}' field '{extra[0]}': not in data/strings.yml{suggest(extra[0], value)}"
                )
            merged[key] = {k: (given.get(key) or {}).get(k, v) for k, v in value.items()}
            for k, v in value.items():
                _same_placeholders(rel, f"'{key}'", k, v, merged[key][k])
        else:
            merged[key] = given.get(key, value)
    unknown = sorted(set(given) - set(english) - {"from"})
    if unknown:
        raise DataError(
            f"{rel} entry (top level) field '{unknown[0]}': not in data/strings.yml{suggest(unknown[0], english)}"
        )
    return merged


_PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def _same_placeholders(rel: str, entry: str, key: str, english, translated) -> None:
    if isinstance(english, str) and sorted(_PLACEHOLDER.findall(english)) != sorted(
        _PLACEHOLDER.findall(str(translated))
    ):
        want = ", ".join(sorted(set(_PLACEHOLDER.findall(english)))) or "none"
        raise DataError(f"{rel} entry {entry} field '{key}': keep the placeholders of the English text ({want})")


def load_edition(data, lang: str, data_dir: Path | str):
    """The site data as one edition shows it, and what is stale or missing in its translation.

    English entries without a translation are shown in English (marked `_lang: en`); a translation of an
    id the English data does not have fails the build.
    """
    report = Edition(lang)
    if lang == "en":
        return data, report
    data_dir = Path(data_dir)
    base = data_dir / "i18n" / lang
    tables = {}
    for kind in KINDS:
        if kind.name not in TRANSLATABLE:
            continue
        fields = TRANSLATABLE[kind.name]
        english = getattr(data, kind.name)
        schema = overlay_schema(kind)
        table = {}
        if "*" in kind.files:
            for path in sorted(base.glob(kind.files)):
                if path.stem not in english:
                    _check_known(
                        f"data/i18n/{lang}/{kind.files.replace('*', path.stem)}",
                        "(top level)",
                        "file name",
                        [path.stem],
                        english,
                    )
            for ident, entry in english.items():
                rel = f"data/i18n/{lang}/{kind.files.replace('*', ident)}"
                path = base / kind.files.replace("*", ident)
                translation = None
                if path.is_file():
                    translation = _read_yaml(path, rel)
                    _validate(rel, translation, schema)
                table[ident] = _apply(entry, translation, fields, lang, rel, report)
                if kind.name in NESTED:
                    _nested(kind.name, table[ident], translation, lang, rel, ident, report)
                if kind.name == "checklists":
                    table[ident]["items_by_id"] = {item["id"]: item for item in table[ident]["items"]}
        else:
            rel = f"data/i18n/{lang}/{kind.files}"
            path = base / kind.files
            given = {}
            if path.is_file():
                document = _read_yaml(path, rel) or []
                _validate(rel, document, schema)
                given = {item[kind.id_field]: item for item in document}
                _check_known(rel, "(top level)", kind.id_field, given, english)
            for ident, entry in english.items():
                table[ident] = _apply(entry, given.get(ident), fields, lang, f"{rel} entry '{ident}'", report)
        tables[kind.name] = table
    strings = _strings(data_dir, lang, data.strings, report)
    return replace(data, **tables, strings=strings, lang=lang), report


_EDITIONS: dict = {}


def load_edition_cached(data, lang: str, data_dir: Path | str):
    """load_edition, reused while the English data object (itself cached until data/ changes) is the same."""
    key = (id(data), lang)
    if key not in _EDITIONS:
        if len(_EDITIONS) > 8:
            _EDITIONS.clear()
        _EDITIONS[key] = load_edition(data, lang, data_dir)
    return _EDITIONS[key]


# --- Where each edition is, and how a page links to itself in the others -----------------------------


def config_name(lang: str) -> str:
    """The config file an edition builds from: mkdocs.yml for English, a generated copy for the others."""
    return "mkdocs.yml" if lang == "en" else f".mkdocs-{lang}.yml"


def relative_url(src: str, from_lang: str, to_lang: str) -> str:
    """Link from page `src` of one edition to the same page of another (English at the root, the others
    in /<lang>/), relative so that it works on any host and in the preview."""
    url = page_url(src)
    up = "../" * (url.count("/") + (from_lang != "en"))
    return (up + ("" if to_lang == "en" else f"{to_lang}/") + url) or "./"


def alternates(src: str, lang: str, english_url: str, translated: dict) -> list[dict]:
    """The page in every edition: language, name, relative link (the switcher), absolute URL and whether
    it is translated there (the sitemap's hreflang lists translated ones only)."""
    base = english_url if english_url.endswith("/") else english_url + "/"
    out = []
    for other in ("en", *EDITIONS):
        prefix = "" if other == "en" else f"{other}/"
        out.append(
            {
                "lang": other,
                "name": LANGUAGES[other],
                "href": relative_url(src, lang, other),
                "url": base + prefix + page_url(src),
                "current": other == lang,
                "translated": other == "en" or src in translated.get(other, ()),
            }
        )
    return out
