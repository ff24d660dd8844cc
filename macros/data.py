"""Load the YAML files in data/, validate them against data/schema/*.json and cross-check ids.

Every error names the file, the entry and the field, and suggests a fix where it can.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass, field
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
class Data:
    """All validated site data, keyed by id."""

    glossary: dict = field(default_factory=dict)
    sources: dict = field(default_factory=dict)
    misconceptions: dict = field(default_factory=dict)
    facts: dict = field(default_factory=dict)
    checklists: dict = field(default_factory=dict)


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
    if first == "items" and len(path) > 1 and isinstance(document, dict):
        items = document.get("items") or []
        idx = path[1]
        if isinstance(idx, int) and idx < len(items) and isinstance(items[idx], dict) and items[idx].get("id"):
            return f"item '{items[idx]['id']}'"
        return f"item #{idx + 1}" if isinstance(idx, int) else "items"
    return "(top level)"


def _schema_error_message(rel: str, document, error: jsonschema.ValidationError) -> str:
    path = list(error.absolute_path)
    entry = _entry_name(document, path)
    fields = [str(p) for p in path if not isinstance(p, int) and p != "items"]
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
    errors = sorted(validator.iter_errors(document), key=lambda e: list(map(str, e.absolute_path)))
    if errors:
        raise DataError(_schema_error_message(rel, document, errors[0]))


def _index(rel: str, entries: list, key: str = "id") -> dict:
    index: dict = {}
    for entry in entries:
        ident = entry[key]
        if ident in index:
            raise DataError(f"{rel} entry '{ident}' field '{key}': duplicate {key} '{ident}'; ids must be unique")
        index[ident] = entry
    return index


def _check_refs(rel: str, entry_name: str, fld: str, ids, known: dict, kind: str, where: str) -> None:
    for ident in ids or []:
        if ident not in known:
            raise DataError(
                f"unknown {kind} '{ident}' in {rel} entry {entry_name} field '{fld}'{suggest(ident, known)}"
                f" (valid ids are in {where})"
            )


def _load_schema(schema_dir: Path, name: str) -> dict:
    return json.loads((schema_dir / f"{name}.schema.json").read_text(encoding="utf-8"))


def load_data(data_dir: Path | str) -> Data:
    """Read, validate and cross-check every data file. Raises DataError on the first problem."""
    data_dir = Path(data_dir)
    schema_dir = data_dir / "schema"

    def load(name: str, schema: str):
        rel = f"data/{name}"
        document = _read_yaml(data_dir / name, rel)
        _validate(rel, document, _load_schema(schema_dir, schema))
        return rel, document

    rel_src, sources_doc = load("sources.yml", "sources")
    sources = _index(rel_src, sources_doc)

    labels: dict = {}
    for entry in sources_doc:
        label = entry.get("label", entry["publisher"])
        if label in labels:
            raise DataError(
                f"{rel_src} entry '{entry['id']}' field 'label': citation label '{label}' is already used by "
                f"'{labels[label]}'; add a distinct 'label' (e.g. '{label}: <topic>') so readers can tell them apart"
            )
        labels[label] = entry["id"]

    rel_glo, glossary_doc = load("glossary.yml", "glossary")
    glossary = _index(rel_glo, glossary_doc)
    abbrs: dict = {}
    for entry in glossary_doc:
        name = f"'{entry['id']}'"
        _check_refs(rel_glo, name, "source", entry.get("source"), sources, "source", "data/sources.yml")
        _check_refs(rel_glo, name, "related", entry.get("related"), glossary, "glossary id", rel_glo)
        if entry.get("abbr"):
            if entry["abbr"] in abbrs:
                raise DataError(
                    f"{rel_glo} entry {name} field 'abbr': '{entry['abbr']}' is already the abbr of "
                    f"'{abbrs[entry['abbr']]}'; an abbreviation can have one meaning only"
                )
            abbrs[entry["abbr"]] = entry["id"]

    rel_mis, mis_doc = load("misconceptions.yml", "misconceptions")
    misconceptions = _index(rel_mis, mis_doc)
    for entry in mis_doc:
        _check_refs(rel_mis, f"'{entry['id']}'", "source", entry["source"], sources, "source", "data/sources.yml")

    rel_fac, facts_doc = load("facts.yml", "facts")
    facts = _index(rel_fac, facts_doc, key="key")
    for entry in facts_doc:
        _check_refs(rel_fac, f"'{entry['key']}'", "source", entry["source"], sources, "source", "data/sources.yml")

    checklists: dict = {}
    checklist_schema = _load_schema(schema_dir, "checklist")
    for path in sorted((data_dir / "checklists").glob("*.y*ml")):
        rel = f"data/checklists/{path.name}"
        if path.suffix != ".yml":
            raise DataError(f"{rel}: checklist files must end in .yml; rename it to {path.stem}.yml")
        document = _read_yaml(path, rel)
        _validate(rel, document, checklist_schema)
        _check_refs(rel, "(top level)", "source", document["source"], sources, "source", "data/sources.yml")
        items = _index(rel, document["items"])
        for item in document["items"]:
            _check_refs(
                rel, f"item '{item['id']}'", "source", item.get("source"), sources, "source", "data/sources.yml"
            )
        checklists[path.stem] = {**document, "id": path.stem, "items_by_id": items}

    return Data(
        glossary=glossary,
        sources=sources,
        misconceptions=misconceptions,
        facts=facts,
        checklists=checklists,
    )
