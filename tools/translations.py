"""Start, stamp and check translations (docs/<lang>/, data/i18n/<lang>/). See .github/contributing/translations.md.

python -m tools.translations start vi          copy every English page and data entry not yet in the
                                               vi edition, stamped with the hash of its English source,
                                               for a translator to translate in place
python -m tools.translations stamp docs/vi/guides/x.md ...
                                               record that these pages now match their English page
                                               (after updating a stale translation)
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import yaml
from markdown.extensions.toc import slugify

from macros import data as loader
from macros import i18n

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
DATA = ROOT / "data"
# Pages an edition links to in English instead of translating (their text is generated English data).
UNTRANSLATED = {"what-changed.md"}

HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*(\{[^}]*\})?\s*$")
FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)


def english_pages() -> list[str]:
    return sorted(
        p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md") if p.relative_to(DOCS).parts[0] not in i18n.EDITIONS
    )


def with_anchors(text: str) -> str:
    """Give every heading an explicit { #id } equal to the one the English text gets, so a translated
    heading keeps the English anchor (links and the language switcher keep their #section)."""
    seen: set[str] = set()
    out = []
    in_fence = False
    for line in text.split("\n"):
        if line.startswith("```"):
            in_fence = not in_fence
        match = None if in_fence else HEADING.match(line)
        if match and match.group(1) != "#":  # the page title (h1) needs no anchor
            hashes, title, attrs = match.groups()
            if attrs and "#" in attrs:
                seen.add(re.search(r"#([\w-]+)", attrs).group(1))
            else:
                base = slugify(re.sub(r"\{\{.*?\}\}", "", title), "-")
                anchor, n = base, 0
                while anchor in seen:
                    n += 1
                    anchor = f"{base}_{n}"
                seen.add(anchor)
                line = (
                    f"{hashes} {title} {{ #{anchor} }}"
                    if not attrs
                    else f"{hashes} {title} {attrs[:-1].rstrip()} #{anchor} }}"
                )
        out.append(line)
    return "\n".join(out)


def stamp_text(text: str, digest: str) -> str:
    match = FRONT.match(text)
    if not match:
        return f'---\ntranslated_from: "{digest}"\n---\n{text}'
    lines = [ln for ln in match.group(1).split("\n") if not ln.startswith("translated_from:")]
    lines.append(f'translated_from: "{digest}"')
    return "---\n" + "\n".join(lines) + "\n---\n" + text[match.end() :]


def start_pages(lang: str) -> list[str]:
    made = []
    for src in english_pages():
        target = DOCS / lang / src
        if target.exists():
            continue
        english = (DOCS / src).read_text(encoding="utf-8")
        if src in UNTRANSLATED:
            front = yaml.safe_load(FRONT.match(english).group(1))
            text = (
                f"---\ntitle: {front['title']}\ndescription: {front['description']}\nuntranslated: true\n---\n\n"
                "{{ in_english() }}\n"
            )
        else:
            text = stamp_text(with_anchors(english), i18n.page_hash(english))
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        made.append(target.relative_to(ROOT).as_posix())
    return made


def _skeleton_entry(kind: str, entry: dict) -> dict:
    fields = i18n.TRANSLATABLE[kind]
    out = {"from": i18n.entry_hash(entry, fields)}
    out.update({f: entry[f] for f in fields if f in entry})
    if kind in i18n.NESTED:
        key, id_field, nested_fields = i18n.NESTED[kind]
        nested = entry.get(key) or ([] if id_field else {})
        if id_field:
            out[key] = [
                {id_field: item[id_field], "from": i18n.entry_hash(item, nested_fields)}
                | {f: item[f] for f in nested_fields if f in item}
                for item in nested
            ]
        else:
            out[key] = {
                name: {"from": i18n.entry_hash(item, nested_fields)} | {f: item[f] for f in nested_fields if f in item}
                for name, item in nested.items()
            }
    return out


class _Dumper(yaml.SafeDumper):
    pass


def _str(dumper, value):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def _dump(value) -> str:
    return yaml.dump(value, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=110)


def start_data(lang: str) -> list[str]:
    data = loader.load_data(DATA)
    made = []
    base = DATA / "i18n" / lang
    for kind in loader.KINDS:
        if kind.name not in i18n.TRANSLATABLE:
            continue
        table = getattr(data, kind.name)
        if "*" in kind.files:
            for ident, entry in table.items():
                path = base / kind.files.replace("*", ident)
                if not path.exists():
                    _write(path, _skeleton_entry(kind.name, entry), lang, kind.files.replace("*", ident))
                    made.append(path.relative_to(ROOT).as_posix())
        else:
            path = base / kind.files
            if not path.exists():
                entries = [{kind.id_field: ident} | _skeleton_entry(kind.name, e) for ident, e in table.items()]
                _write(path, entries, lang, kind.files)
                made.append(path.relative_to(ROOT).as_posix())
    strings = base / "strings.yml"
    if not strings.exists():
        english = yaml.safe_load((DATA / "strings.yml").read_text(encoding="utf-8"))
        _write(strings, {"from": i18n.strings_hash(english)} | english, lang, "strings.yml")
        made.append(strings.relative_to(ROOT).as_posix())
    return made


def _write(path: Path, value, lang: str, english: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    head = (
        f"# {i18n.LANGUAGES[lang]} translation of data/{english}. Translate the text; keep ids and 'from'.\n"
        "# 'from' is the hash of the English text this was translated from (tools/translations.py).\n"
    )
    path.write_text(head + _dump(value), encoding="utf-8")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    start = sub.add_parser("start")
    start.add_argument("lang", choices=i18n.EDITIONS)
    stamp = sub.add_parser("stamp")
    stamp.add_argument("pages", nargs="+", type=Path)
    args = parser.parse_args(argv)
    if args.command == "start":
        for path in start_pages(args.lang) + start_data(args.lang):
            print(f"started {path}")
        return 0
    for page in args.pages:
        rel = page.resolve().relative_to(DOCS)
        lang, src = rel.parts[0], Path(*rel.parts[1:]).as_posix()
        english = DOCS / src
        if lang not in i18n.EDITIONS or not english.is_file():
            print(f"{page}: not a page of an edition with an English page (docs/<vi|th|id>/...)", file=sys.stderr)
            return 1
        page.write_text(
            stamp_text(page.read_text(encoding="utf-8"), i18n.english_page_hash(DOCS, src)), encoding="utf-8"
        )
        print(f"stamped {page}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
