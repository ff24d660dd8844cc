"""Load the YAML files in data/, validate them against data/schema/*.json and cross-check ids.

Every error names the file, the entry and the field, and suggests a fix where it can.
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass, field, make_dataclass
from pathlib import Path

import jsonschema
import yaml


class DataError(Exception):
    """A problem in a data file, worded for the contributor who has to fix it."""


# libyaml's C parser when PyYAML has it (ten times faster on our data), the pure-Python one otherwise.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _StringDateLoader(_BaseLoader):
    """Safe loader that keeps dates as strings, so the schema checks their exact form."""


_StringDateLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def suggest(word: str, choices) -> str:
    """Return "; did you mean 'x'?" for the closest choice, or ""."""
    by_folded = {str(c).casefold(): str(c) for c in choices}
    close = difflib.get_close_matches(str(word).casefold(), list(by_folded), n=1, cutoff=0.6)
    return f"; did you mean '{by_folded[close[0]]}'?" if close else ""


@dataclass(frozen=True)
class Kind:
    """One kind of site data: where it lives, how it is checked, what it points at."""

    name: str  # attribute of Data, e.g. data.glossary
    one: str  # what one entry is called in error messages
    files: str  # a file, or a glob of one-entry-per-file files, under data/
    schema: str  # data/schema/<schema>.schema.json
    id_field: str  # the field that names an entry ("file" for one-entry-per-file kinds)
    refs: dict = field(default_factory=dict)  # field -> kind it holds ids of ("items.source": per item)


# The registry of data kinds: loading, schema checks, cross-references, `make lint` and pre-commit all
# read this table. To add a kind, add a row here, a schema in data/schema/ and a render function.
# Order matters: a kind may only reference kinds above it (or itself).
KINDS = (
    Kind("sources", "source", "sources.yml", "sources", "id"),
    Kind("glossary", "glossary id", "glossary.yml", "glossary", "id", {"source": "sources", "related": "glossary"}),
    Kind("misconceptions", "misconception", "misconceptions.yml", "misconceptions", "id", {"source": "sources"}),
    Kind("facts", "fact", "facts.yml", "facts", "key", {"source": "sources"}),
    Kind(
        "checklists",
        "checklist",
        "checklists/*.yml",
        "checklist",
        "file",
        {"source": "sources", "items.source": "sources"},
    ),
    Kind("templates", "template", "templates/*.yml", "template", "file"),
    Kind(
        "certificate_rules",
        "certificate rule",
        "certificate-rules.yml",
        "certificate-rules",
        "id",
        {"source": "sources"},
    ),
    Kind("audit", "audit file", "audit/*.yml", "audit", "file", {"findings.source": "sources"}),
)


# All validated site data, keyed by id: one attribute per kind in the table (data.glossary, ...).
# `strings` is the interface text (data/strings.yml, or an edition's translation of it); `lang` the edition.
Data = make_dataclass(
    "Data",
    [(kind.name, dict, field(default_factory=dict)) for kind in KINDS]
    + [("strings", dict, field(default_factory=dict)), ("lang", str, field(default="en"))],
    frozen=True,
)


def _read_yaml(path: Path, rel: str):
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError(f"{rel}: file is missing; create it (see CONTRIBUTING.md)") from None
    try:
        return yaml.load(text, Loader=_StringDateLoader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" line {mark.line + 1} column {mark.column + 1}" if mark else ""
        problem = getattr(err, "problem", None) or str(err)
        raise DataError(
            f"{rel}:{where}: YAML syntax error: {problem}; check indentation and quote text that "
            "contains ': ' or starts with a special character"
        ) from None


def _entry_name(document, path) -> str:
    """Name the entry an error sits in: its id if it has one, otherwise its position."""
    if not path:
        return "(top level)"
    first = path[0]
    if isinstance(document, list) and isinstance(first, int) and first < len(document):
        item = document[first]
        if isinstance(item, dict):
            ident = item.get("id", item.get("key"))
            if ident:
                return f"'{ident}'"
        return f"#{first + 1}"
    if isinstance(document, dict) and isinstance(document.get(first), list) and len(path) > 1:
        items = document[first]  # a nested list: checklist items, audit findings
        idx = path[1]
        if isinstance(idx, int) and idx < len(items) and isinstance(items[idx], dict) and items[idx].get("id"):
            return f"item '{items[idx]['id']}'"
        one = first.removesuffix("s")  # "item #3", "finding #3"
        return f"{one} #{idx + 1}" if isinstance(idx, int) else first
    return "(top level)"


def _schema_error_message(rel: str, document, error: jsonschema.ValidationError) -> str:
    path = list(error.absolute_path)
    entry = _entry_name(document, path)
    nested = isinstance(document, dict) and len(path) > 1 and isinstance(path[1], int)  # items[3].check
    fields = [str(p) for p in path[1 if nested else 0 :] if not isinstance(p, int)]
    if error.validator == "not" and "description" in error.schema:
        return f"{rel} entry {entry}: {error.schema['description']}"
    if error.validator == "required":
        missing = error.message.split("'")[1]
        return f"{rel} entry {entry} field '{missing}': required field is missing; add '{missing}: ...'"
    if error.validator == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        extras = sorted(set(error.instance) - set(allowed))
        bad = extras[0] if extras else "?"
        return (
            f"{rel} entry {entry} field '{bad}': unknown field{suggest(bad, allowed)} (allowed: {', '.join(allowed)})"
        )
    if error.validator == "anyOf" and error.schema.get("anyOf") and all("required" in s for s in error.schema["anyOf"]):
        options = " or ".join(f"'{s['required'][0]}'" for s in error.schema["anyOf"])
        return f"{rel} entry {entry} field {options}: one of these is required"
    fld = fields[-1] if fields else "(entry)"
    hint = ""
    if error.validator == "pattern":
        hint = f"; it must match {error.validator_value}"
        desc = error.schema.get("description")
        if desc:
            hint += f" ({desc})"
    elif error.validator == "enum":
        hint = suggest(error.instance, error.validator_value) or f"; use one of {error.validator_value}"
    elif error.validator == "type":
        hint = f"; expected {error.validator_value}"
    return f"{rel} entry {entry} field '{fld}': {error.message}{hint}"


def _validate(rel: str, document, schema: dict) -> None:
    validator = jsonschema.Draft202012Validator(schema)

    def order(error):  # first entry with a problem; in it, the most specific field (a bad enum before
        path = [f"{p:08d}" if isinstance(p, int) else p for p in error.absolute_path]  # if/else asks for)
        entry = 2 if isinstance(document, dict) else 1
        return path[:entry], -len(path), path

    errors = sorted(validator.iter_errors(document), key=order)
    if errors:
        raise DataError(_schema_error_message(rel, document, errors[0]))


def _check_refs(rel: str, entry_name: str, fld: str, ids, known: dict, kind: Kind) -> None:
    for ident in ids or []:
        if ident not in known:
            raise DataError(
                f"unknown {kind.one} '{ident}' in {rel} entry {entry_name} field '{fld}'{suggest(ident, known)}"
                f" (valid ids are in data/{kind.files})"
            )


def load_schema(schema_dir: Path, kind: Kind) -> dict:
    return json.loads((schema_dir / f"{kind.schema}.schema.json").read_text(encoding="utf-8"))


def kind_files(data_dir: Path, kind: Kind) -> list[Path]:
    """The files of one kind: its single file, or every file its glob matches."""
    if "*" not in kind.files:
        return [data_dir / kind.files]
    misnamed = sorted((data_dir / kind.files).parent.glob("*.yaml"))
    if misnamed:
        path = misnamed[0]
        raise DataError(
            f"data/{path.relative_to(data_dir).as_posix()}: data files must end in .yml; rename it to {path.stem}.yml"
        )
    return sorted(data_dir.glob(kind.files))


def _entries(kind: Kind, rel: str, path: Path, document) -> list[tuple[str, dict]]:
    """(name, entry) pairs: list entries by their id field, a one-entry file by its file name."""
    if kind.id_field == "file":
        return [(path.stem, {**document, "id": path.stem})]
    return list(_index(rel, document, kind.id_field).items())


def _index(rel: str, entries: list, key: str) -> dict:
    """Entries by their `key` field; a repeated value is an error."""
    index: dict = {}
    for entry in entries:
        ident = entry[key]
        if ident in index:
            raise DataError(f"{rel} entry '{ident}' field '{key}': duplicate {key} '{ident}'; ids must be unique")
        index[ident] = entry
    return index


def _check_entry_refs(kind: Kind, rel: str, ident: str, entry: dict, loaded: dict) -> None:
    name = "(top level)" if kind.id_field == "file" else f"'{ident}'"
    for fld, target in kind.refs.items():
        if "." in fld:  # "items.source": the field of every entry in a nested list
            outer, inner = fld.split(".", 1)
            for number, item in enumerate(entry.get(outer) or [], 1):
                where = f"item '{item['id']}'" if item.get("id") else f"{outer.removesuffix('s')} #{number}"
                _check_refs(rel, where, inner, item.get(inner), loaded[target], KIND[target])
        else:
            _check_refs(rel, name, fld, entry.get(fld), loaded[target], KIND[target])


KIND = {kind.name: kind for kind in KINDS}


def load_data(data_dir: Path | str) -> Data:
    """Read, validate and cross-check every data file. Raises DataError on the first problem."""
    data_dir = Path(data_dir)
    schema_dir = data_dir / "schema"
    loaded: dict = {}
    for kind in KINDS:
        schema = load_schema(schema_dir, kind)
        table: dict = {}
        loaded[kind.name] = table  # visible before its own refs are checked (glossary.related)
        documents = []
        for path in kind_files(data_dir, kind):
            rel = f"data/{path.relative_to(data_dir).as_posix()}"
            document = _read_yaml(path, rel)
            _validate(rel, document, schema)
            for ident, entry in _entries(kind, rel, path, document):
                if ident in table:
                    raise DataError(f"{rel} entry '{ident}': duplicate id '{ident}'; ids must be unique")
                table[ident] = entry
            documents.append((rel, path, document))
        for rel, path, document in documents:
            for ident, entry in _entries(kind, rel, path, document):
                _check_entry_refs(kind, rel, ident, entry, loaded)
    _check_unique_labels(loaded["sources"])
    _check_unique_abbrs(loaded["glossary"])
    _check_certificate_rules(loaded["certificate_rules"], loaded["checklists"])
    for ident, template in loaded["templates"].items():
        _check_template_fields(f"data/templates/{ident}.yml", template)
    for ident, checklist in loaded["checklists"].items():
        rel = f"data/checklists/{ident}.yml"
        checklist["items_by_id"] = _index(rel, checklist["items"], "id")
    strings = _read_yaml(data_dir / "strings.yml", "data/strings.yml")
    _validate("data/strings.yml", strings, json.loads((schema_dir / "strings.schema.json").read_text(encoding="utf-8")))
    return Data(**loaded, strings=strings)


FIELD = re.compile(r"\{([^{}]*)\}")


def _check_template_fields(rel: str, template: dict) -> None:
    """Every {name} in the subject and body is a defined field, and every field is used."""
    used = []
    for part in ("subject", "body"):
        for name in FIELD.findall(template[part]):
            if name not in template["fields"]:
                raise DataError(
                    f"{rel} field '{part}': {{{name}}} is not defined under 'fields'"
                    f"{suggest(name, template['fields'])}; add it to 'fields' with a label, hint, example and required"
                )
            used.append(name)
    unused = [name for name in template["fields"] if name not in used]
    if unused:
        raise DataError(
            f"{rel} field 'fields': '{unused[0]}' is never used; "
            f"put {{{unused[0]}}} in the subject or body, or delete it"
        )


RED_FLAGS = "certificate-red-flags"


def _check_certificate_rules(rules: dict, checklists: dict) -> None:
    """Each rule applies an item of the audited red-flag list, and its pattern is a valid expression."""
    flags = {item["id"] for item in (checklists.get(RED_FLAGS) or {}).get("items", [])}
    for ident, rule in rules.items():
        where = f"data/certificate-rules.yml entry '{ident}'"
        if rule["red_flag"] not in flags:
            raise DataError(
                f"{where} field 'red_flag': '{rule['red_flag']}' is not an item of data/checklists/{RED_FLAGS}.yml"
                f"{suggest(rule['red_flag'], flags)}"
            )
        if "pattern" in rule:
            try:
                re.compile(rule["pattern"])
            except re.error as err:
                raise DataError(f"{where} field 'pattern': not a valid regular expression ({err})") from None


def _check_unique_labels(sources: dict) -> None:
    labels: dict = {}
    for ident, entry in sources.items():
        label = entry.get("label", entry["publisher"])
        if label in labels:
            raise DataError(
                f"data/sources.yml entry '{ident}' field 'label': citation label '{label}' is already used by "
                f"'{labels[label]}'; add a distinct 'label' (e.g. '{label}: <topic>') so readers can tell them apart"
            )
        labels[label] = ident


def _check_unique_abbrs(glossary: dict) -> None:
    abbrs: dict = {}
    for ident, entry in glossary.items():
        if entry.get("abbr"):
            if entry["abbr"] in abbrs:
                raise DataError(
                    f"data/glossary.yml entry '{ident}' field 'abbr': '{entry['abbr']}' is already the abbr of "
                    f"'{abbrs[entry['abbr']]}'; an abbreviation can have one meaning only"
                )
            abbrs[entry["abbr"]] = ident


_CACHE: dict = {}


def load_data_cached(data_dir: Path | str) -> Data:
    """load_data, reused while no file under data/ has changed (Zensical calls define_env once per page)."""
    data_dir = Path(data_dir)
    stamp = tuple(sorted((str(p), p.stat().st_mtime_ns) for p in data_dir.rglob("*") if p.is_file()))
    if _CACHE.get("stamp") != stamp:
        _CACHE.clear()
        _CACHE["data"] = load_data(data_dir)
        _CACHE["stamp"] = stamp
    return _CACHE["data"]
