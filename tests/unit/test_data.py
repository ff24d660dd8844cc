"""Data validation: every kind of mistake fails with file, entry and field named, and a fix."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from macros.data import DataError, load_data
from tests.conftest import append_text
from tools.paths import ROOT


@pytest.fixture
def data_dir(tmp_path) -> Path:
    dest = tmp_path / "data"
    shutil.copytree(ROOT / "data", dest)
    return dest


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {path.name}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


NEW_TERM = """
- id: test-term
  term: Test term
  short: A term added by the test suite.
  long: A term added by the test suite to break on purpose.
  source: [{source}]
  related: [{related}]
"""


def add_term(data_dir: Path, source: str = "iso-certification", related: str = "") -> None:
    append_text(data_dir / "glossary.yml", NEW_TERM.format(source=source, related=related))


def error_of(data_dir: Path) -> str:
    with pytest.raises(DataError) as info:
        load_data(data_dir)
    return str(info.value)


def test_real_data_is_valid():
    data = load_data(ROOT / "data")
    assert data.glossary and data.sources and data.misconceptions and data.facts and data.checklists


def test_malformed_yaml_names_file_and_line(data_dir):
    append_text(data_dir / "glossary.yml", "- id: broken\n  term: [unclosed\n")
    msg = error_of(data_dir)
    assert msg.startswith("data/glossary.yml: line ")
    assert "YAML syntax error" in msg


def test_missing_required_field(data_dir):
    add_term(data_dir)
    edit(data_dir / "glossary.yml", "  term: Test term\n", "")
    msg = error_of(data_dir)
    assert "data/glossary.yml entry 'test-term' field 'term'" in msg
    assert "required" in msg


def test_duplicate_id(data_dir):
    path = data_dir / "misconceptions.yml"
    text = path.read_text(encoding="utf-8")
    first = text[text.index("- id: ") :].split("\n\n")[0]
    path.write_text(text + "\n" + first + "\n", encoding="utf-8")
    ident = first.split("\n")[0].removeprefix("- id: ").strip()
    msg = error_of(data_dir)
    assert f"data/misconceptions.yml entry '{ident}' field 'id': duplicate id '{ident}'" in msg


def test_unknown_source_suggests_the_right_one(data_dir):
    add_term(data_dir, source="certsearch-verfy")
    msg = error_of(data_dir)
    assert "unknown source 'certsearch-verfy' in data/glossary.yml entry 'test-term' field 'source'" in msg
    assert "did you mean 'certsearch-verify'?" in msg


def test_unknown_related_term(data_dir):
    add_term(data_dir, related="qmz")
    msg = error_of(data_dir)
    assert "unknown glossary id 'qmz' in data/glossary.yml entry 'test-term' field 'related'" in msg
    assert "did you mean 'qms'?" in msg


def test_misspelt_field_name_suggests_fix(data_dir):
    edit(data_dir / "misconceptions.yml", "  myth:", "  mith:")
    msg = error_of(data_dir)
    assert "field 'mith': unknown field; did you mean 'myth'?" in msg


def test_bad_enum_value_suggests_fix(data_dir):
    edit(data_dir / "sources.yml", "confidence: H", "confidence: h")
    msg = error_of(data_dir)
    assert "data/sources.yml entry" in msg and "field 'confidence'" in msg
    assert "did you mean 'H'?" in msg


def test_checklist_item_error_names_item(data_dir):
    path = data_dir / "checklists" / "certificate-red-flags.yml"
    edit(path, "    evidence:", "    evidense:")
    msg = error_of(data_dir)
    assert msg.startswith("data/checklists/certificate-red-flags.yml entry item '")
    assert "did you mean 'evidence'?" in msg


def test_date_must_be_iso(data_dir):
    edit(data_dir / "facts.yml", 'as_of: "2026-06-05"', 'as_of: "05/06/2026"')
    msg = error_of(data_dir)
    assert "data/facts.yml entry 'current-edition' field 'as_of'" in msg


def test_fact_unknown_source(data_dir):
    append_text(
        data_dir / "facts.yml",
        '- key: test-fact\n  value: "x"\n  statement: "A fact for the test."\n  status: confirmed\n'
        '  as_of: "2026-11-23"\n  source: [gacy]\n',
    )
    msg = error_of(data_dir)
    assert "unknown source 'gacy' in data/facts.yml entry 'test-fact' field 'source'" in msg
    assert "did you mean 'gaci'?" in msg


def test_abbreviation_used_twice(data_dir):
    add_term(data_dir)
    edit(data_dir / "glossary.yml", "  term: Test term\n", "  term: Test term\n  abbr: QMS\n")
    msg = error_of(data_dir)
    assert "field 'abbr': 'QMS' is already the abbr of" in msg


def test_two_sources_with_the_same_citation_label(data_dir):
    append_text(
        data_dir / "sources.yml",
        '\n- id: test-source\n  title: "A test"\n  publisher: "ISO"\n  label: "ISO Survey"\n'
        '  url: https://www.iso.org/x\n  accessed: "2026-11-23"\n  confidence: H\n',
    )
    msg = error_of(data_dir)
    assert "data/sources.yml entry 'test-source' field 'label': citation label 'ISO Survey' is already used" in msg


AUDIT = """target: docs/index.md
audited: "2026-11-26"
findings:
  - claim: ISO writes standards.
    verdict: supported
    source: [iso-certification]
"""


@pytest.mark.parametrize(
    ("finding", "message"),
    [
        (
            "    status: fixed\n",
            "data/audit/test.yml entry finding #1: a 'supported' finding has no 'action' or 'status'",
        ),
        (
            "  - claim: It was wrong.\n    verdict: wrong\n    source: [iso-certification]\n",
            "data/audit/test.yml entry finding #2 field 'action': required field is missing",
        ),
        (
            "  - claim: It was wrong.\n    verdict: wrong\n    source: [iso-certificatoin]\n"
            "    action: Fixed it.\n    status: fixed\n",
            "unknown source 'iso-certificatoin' in data/audit/test.yml entry finding #2 field 'source'; "
            "did you mean 'iso-certification'?",
        ),
        ("  - claim: Bad verdict.\n    verdict: fine\n    source: []\n", "field 'verdict'"),
    ],
)
def test_audit_finding_errors_name_the_finding_and_the_fix(data_dir, finding, message):
    (data_dir / "audit").mkdir(exist_ok=True)
    (data_dir / "audit" / "test.yml").write_text(AUDIT + finding, encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_data(data_dir)
    assert message in str(err.value)


def test_letter_with_an_undefined_field_names_file_field_and_fix(data_dir):
    edit(data_dir / "templates" / "audit-report-request.yml", "Dear {contact_name},", "Dear {contact_nme},")
    with pytest.raises(DataError) as err:
        load_data(data_dir)
    assert str(err.value).startswith(
        "data/templates/audit-report-request.yml field 'body': {contact_nme} is not defined under 'fields'; "
        "did you mean 'contact_name'?"
    )


def test_letter_field_without_a_label_fails(data_dir):
    edit(data_dir / "templates" / "audit-report-request.yml", "    label: Quote number\n", "")
    with pytest.raises(DataError) as err:
        load_data(data_dir)
    assert "data/templates/audit-report-request.yml" in str(err.value) and "'label'" in str(err.value)


def test_letter_field_never_used_fails(data_dir):
    edit(
        data_dir / "templates" / "audit-report-request.yml",
        "Thank you for your quotation {quote_number} for",
        "Thank you for",
    )
    with pytest.raises(DataError, match="'quote_number' is never used"):
        load_data(data_dir)


def test_certificate_rule_must_apply_a_red_flag_item(data_dir):
    edit(data_dir / "certificate-rules.yml", "red_flag: dates-wrong", "red_flag: date-wrong")
    with pytest.raises(DataError) as err:
        load_data(data_dir)
    assert "data/certificate-rules.yml entry 'expired' field 'red_flag': 'date-wrong' is not an item" in str(err.value)
    assert "did you mean 'dates-wrong'?" in str(err.value)


def test_certificate_rule_pattern_must_compile(data_dir):
    edit(data_dir / "certificate-rules.yml", '"ISO[- ]certified|certified by ISO"', '"ISO[- certified"')
    with pytest.raises(
        DataError, match="entry 'iso-certified-wording' field 'pattern': not a valid regular expression"
    ):
        load_data(data_dir)


def test_red_flag_list_with_a_summary_needs_what_to_ask_on_every_item(data_dir):
    text = (data_dir / "checklists" / "certificate-red-flags.yml").read_text(encoding="utf-8")
    first = text.index("    if_fails:")
    end = text.index("\n", first) + 1
    (data_dir / "checklists" / "certificate-red-flags.yml").write_text(text[:first] + text[end:], encoding="utf-8")
    with pytest.raises(DataError, match="item 'not-in-register' field 'if_fails': required field is missing"):
        load_data(data_dir)


def test_every_certificate_rule_links_a_section_that_exists():
    for ident, rule in load_data(ROOT / "data").certificate_rules.items():
        page, _, anchor = rule["see"].partition("#")
        text = (ROOT / "docs" / page).read_text(encoding="utf-8")
        assert not anchor or f"{{ #{anchor} }}" in text, f"{ident}: {rule['see']} has no such section"
