"""The fact audit (data/audit/) covers every page and data file, and no finding is left open."""

from __future__ import annotations

import yaml

from macros.data import load_data
from macros.i18n import EDITIONS
from tools.paths import ROOT

DATA = load_data(ROOT / "data")


def audited_files() -> set[str]:
    """English pages and data with claims. Translations (docs/<lang>/, data/i18n/) say what their English
    says and are checked against it (see .github/contributing/translations.md); strings.yml is interface text."""
    pages = {
        p.relative_to(ROOT).as_posix()
        for p in (ROOT / "docs").rglob("*.md")
        if p.relative_to(ROOT / "docs").parts[0] not in EDITIONS
    }
    data = {
        p.relative_to(ROOT).as_posix()
        for p in (ROOT / "data").rglob("*.yml")
        if p.parent.name not in {"audit", "generated", "schema"} and "i18n" not in p.relative_to(ROOT).parts
    }
    return (pages | data) - {"data/strings.yml"}


def test_every_page_and_data_file_has_an_audit_and_every_audit_a_file():
    targets = [audit["target"] for audit in DATA.audit.values()]
    # A letter in data/templates/<id>.yml is audited with the page that shows it, docs/templates/<id>.md.
    targets += [
        t.replace("docs/templates/", "data/templates/").replace(".md", ".yml")
        for t in targets
        if t.startswith("docs/templates/")
    ]
    targets = [t for t in targets if not t.startswith("data/templates/") or (ROOT / t).exists()]
    assert len(targets) == len(set(targets)), "two audit files for one target"
    missing = sorted(audited_files() - set(targets))
    assert not missing, f"no audit in data/audit/ for: {missing}"
    gone = sorted(set(targets) - audited_files())
    assert not gone, f"audits of files that do not exist: {gone}"


def test_no_finding_is_open():
    open_ = [
        f"{audit['target']}: {finding['claim']}"
        for audit in DATA.audit.values()
        for finding in audit["findings"]
        if finding.get("status") == "open"
    ]
    assert not open_, f"open audit findings (fix the text, then set status: fixed or removed): {open_}"


def test_a_page_is_reviewed_no_earlier_than_its_audit():
    """'reviewed' is the day a person last checked the page's facts; an audit is such a check."""
    for audit in DATA.audit.values():
        if audit["target"].startswith("docs/"):
            text = (ROOT / audit["target"]).read_text(encoding="utf-8")
            reviewed = str(yaml.safe_load(text.split("---")[1])["reviewed"])
            assert reviewed >= audit["audited"], f"{audit['target']}: reviewed {reviewed} < audited {audit['audited']}"
