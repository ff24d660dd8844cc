"""Render functions are pure: small hand-made data in, exact Markdown/HTML out."""

from __future__ import annotations

import json
from pathlib import Path

import markdown
import pytest
import yaml

from macros import render
from macros.data import Data

# The English interface text, as the build loads it.
STRINGS = yaml.safe_load((Path(__file__).resolve().parents[2] / "data" / "strings.yml").read_text(encoding="utf-8"))


SOURCE = {
    "id": "iso-cert",
    "title": "Certification",
    "publisher": "ISO",
    "url": "https://www.iso.org/c.html",
    "accessed": "2026-11-23",
    "confidence": "H",
}
EVIL = "<script>alert(1)</script>"


def make_data(**overrides) -> Data:
    glossary = {
        "cb": {
            "id": "cb",
            "term": "Certification body",
            "abbr": "CB",
            "short": 'Audits and "certifies".',
            "long": "Long text.",
            "aka": ["registrar"],
            "source": ["iso-cert"],
            "related": ["qms"],
        },
        "qms": {
            "id": "qms",
            "term": "Quality management system",
            "short": "How a firm runs quality.",
            "long": "QMS long.",
            "source": ["iso-cert"],
        },
    }
    checklists = {
        "red-flags": {
            "id": "red-flags",
            "title": "Red flags",
            "audience": "buyer",
            "intro": "Use it.",
            "source": ["iso-cert"],
            "items": [
                {
                    "id": "in-register",
                    "check": "In register",
                    "evidence": "Search result",
                    "why": "Fakes exist",
                    "source": ["iso-cert"],
                },
                {"id": "scope", "check": "Scope fits", "evidence": "Scope text"},
            ],
        }
    }
    facts = {
        "edition": {
            "key": "edition",
            "value": "ISO 9001:2015",
            "statement": "It is 2015.",
            "status": "expected",
            "as_of": "2026-07-01",
            "source": ["iso-cert"],
        }
    }
    misconceptions = {
        "iso-certifies": {
            "id": "iso-certifies",
            "myth": "ISO certified us",
            "fact": "It did not.",
            "source": ["iso-cert"],
        }
    }
    base = dict(
        glossary=glossary,
        sources={"iso-cert": SOURCE},
        checklists=checklists,
        facts=facts,
        misconceptions=misconceptions,
        audit={},
        templates={},
        certificate_rules={},
    )
    base.update(overrides)
    return Data(**base, strings=STRINGS)


def html(md_text: str) -> str:
    return markdown.markdown(md_text, extensions=["attr_list", "admonition", "toc", "md_in_html", "pymdownx.tasklist"])


def test_link_is_relative_to_the_page():
    assert render.link("index.md", "reference/glossary.md", "cb") == "reference/glossary.md#cb"
    assert render.link("guides/a.md", "reference/glossary.md", "cb") == "../reference/glossary.md#cb"
    assert render.link("reference/sources.md", "reference/glossary.md") == "glossary.md"


def test_term_links_with_tooltip():
    out = render.term(make_data(), "cb", "guides/x.md")
    assert out == '[Certification body](../reference/glossary.md#cb "Audits and &quot;certifies&quot;."){ .term }'
    assert 'title="Audits and &quot;certifies&quot;."' in html(out)


def test_term_custom_text():
    assert render.term(make_data(), "cb", "index.md", "CBs").startswith("[CBs](reference/glossary.md#cb ")


def test_unknown_term_names_page_id_and_suggestion():
    with pytest.raises(render.UnknownIdError) as info:
        render.term(make_data(), "cbb", "guides/verify.md")
    msg = str(info.value)
    assert msg.startswith("docs/guides/verify.md: unknown glossary id 'cbb' in term('cbb')")
    assert "did you mean 'cb'?" in msg


def test_cite_links_each_source():
    out = render.cite(make_data(), ("iso-cert",), "guides/x.md")
    assert out == '[\\[ISO\\]](../reference/sources.md#iso-cert "ISO: Certification"){ .cite }'
    assert '<a class="cite" href="../reference/sources.md#iso-cert"' in html(out)


def test_cite_needs_an_id_and_a_known_one():
    with pytest.raises(render.UnknownIdError, match="needs at least one source id"):
        render.cite(make_data(), (), "index.md")
    with pytest.raises(render.UnknownIdError, match=r"unknown source 'iso-crt'.*did you mean 'iso-cert'"):
        render.cite(make_data(), ("iso-crt",), "index.md")


def test_definition_is_an_admonition():
    out = render.definition(make_data(), "cb", "index.md")
    assert out.startswith('!!! info "Definition: Certification body (CB)"')
    assert '<div class="admonition info">' in html(out)


def test_glossary_sorted_with_anchors_aka_related():
    out = render.glossary(make_data(), "reference/glossary.md")
    assert out.index("### Certification body (CB) { #cb }") < out.index("### Quality management system { #qms }")
    assert "**Also called:** registrar" in out
    assert "**Related:** [Quality management system](glossary.md#qms)" in out
    page = html(out)
    assert 'id="cb"' in page and 'id="qms"' in page


def test_checklist_items_have_stable_anchors():
    out = render.checklist(make_data(), "red-flags", "checklists/red-flags.md")
    page = html(out)
    assert page.count('type="checkbox"') == 2
    assert 'id="red-flags-in-register"' in page and 'id="red-flags-scope"' in page
    assert "<em>Evidence:</em> Search result" in page
    assert "<em>Why:</em> Fakes exist" in page


def test_unknown_checklist_fails():
    with pytest.raises(render.UnknownIdError, match=r"docs/index.md: unknown checklist 'red-flag'.*did you mean"):
        render.checklist(make_data(), "red-flag", "index.md")


def test_misconceptions_myth_and_fact():
    page = html(render.misconceptions(make_data(), "guides/m.md"))
    assert 'id="iso-certifies"' in page
    assert "<strong>Fact:</strong> It did not." in page


def test_sources_sorted_html_with_anchor():
    data = make_data(
        sources={
            "b": {**SOURCE, "id": "b", "publisher": "Zeta"},
            "a": {**SOURCE, "id": "a", "publisher": "Alpha", "date": "2016-01-13"},
        }
    )
    out = render.sources(data)
    assert out.index('<li id="a">') < out.index('<li id="b">')
    assert "published 13 January 2016" in out and "accessed 23 November 2026" in out
    assert "Confidence: H (high: primary source)" in out


def test_fact_parts():
    data = make_data()
    assert render.fact(data, "edition", "index.md", "value") == "ISO 9001:2015"
    assert render.fact(data, "edition", "index.md", "as_of") == "1 July 2026"
    statement = render.fact(data, "edition", "index.md")
    assert statement.startswith("It is 2015. Status: expected, not yet confirmed. *(As of 1 July 2026.)*")
    with pytest.raises(render.UnknownIdError, match="part must be"):
        render.fact(data, "edition", "index.md", "colour")
    with pytest.raises(render.UnknownIdError, match=r"unknown fact 'editon'.*did you mean 'edition'"):
        render.fact(data, "editon", "index.md")


def test_abbreviations_come_from_glossary():
    assert render.abbreviations(make_data()) == {"CB": 'Certification body: Audits and "certifies".'}


def test_data_values_are_escaped_everywhere():
    data = make_data()
    data.glossary["cb"] = {**data.glossary["cb"], "term": EVIL, "short": EVIL, "long": EVIL, "aka": [EVIL]}
    data.checklists["red-flags"]["items"][0]["check"] = EVIL
    data.misconceptions["iso-certifies"]["fact"] = EVIL
    data.facts["edition"]["statement"] = EVIL
    data.sources["iso-cert"]["title"] = EVIL
    outputs = [
        render.term(data, "cb", "index.md"),
        render.definition(data, "cb", "index.md"),
        render.glossary(data, "index.md"),
        render.checklist(data, "red-flags", "index.md"),
        render.misconceptions(data, "index.md"),
        render.fact(data, "edition", "index.md"),
        render.sources(data),
        render.cite(data, ("iso-cert",), "index.md"),
    ]
    for out in outputs:
        assert "<script>" not in out
        assert "<script>" not in html(out)


def test_cite_uses_the_short_label_when_a_source_has_one():
    data = make_data(sources={"iso-cert": {**SOURCE, "label": "ISO: certification"}})
    assert render.cite(data, ("iso-cert",), "index.md").startswith("[\\[ISO: certification\\]](")
    assert "Cited as [ISO: certification]." in render.sources(data)


AUDITS = {
    "guides-x": {
        "id": "guides-x",
        "target": "docs/guides/x.md",
        "audited": "2026-11-26",
        "findings": [
            {"claim": "ISO certifies.", "verdict": "wrong", "source": ["iso-cert"], "action": EVIL, "status": "fixed"},
            {"claim": "ISO writes standards.", "verdict": "supported", "source": ["iso-cert"]},
        ],
    },
    "data-checklists-red-flags": {
        "id": "data-checklists-red-flags",
        "target": "data/checklists/red-flags.yml",
        "audited": "2026-10-01",
        "findings": [
            {"claim": "Old claim.", "verdict": "stale", "source": [], "action": "Dropped it.", "status": "removed"},
            {"claim": "Still open.", "verdict": "overstated", "source": [], "action": "To do.", "status": "open"},
        ],
    },
}


def test_audit_summary_counts_verdicts_and_names_the_newest_date():
    out = render.audit_summary(make_data(audit=AUDITS), "reference/sources.md")
    assert "**Last fact audit: 26 November 2026.**" in out
    assert "4 claims in 2 pages and data files" in out
    assert "1 supported as written, 1 overstated, 1 wrong, 1 out of date" in out
    assert "[What changed](../what-changed.md)" in out
    assert "No fact audit" in render.audit_summary(make_data(), "about.md")


def test_changes_lists_corrections_newest_first_escaped_and_skips_supported_and_open():
    titles = {"guides/x.md": "Guide X", "checklists/red-flags.md": "Red flags"}
    out = render.changes(make_data(audit=AUDITS), "what-changed.md", titles)
    assert out.index("26 November 2026") < out.index("1 October 2026")
    assert "### [Guide X](guides/x.md)" in out and "### [Red flags](checklists/red-flags.md)" in out
    assert "It said: “ISO certifies.” Corrected: &lt;script&gt;" in out and EVIL not in out
    assert "Removed: Dropped it." in out
    assert "ISO writes standards" not in out and "Still open" not in out
    assert "[\\[ISO\\]](reference/sources.md#iso-cert" in out


def test_audited_page_maps_data_files_to_the_page_that_shows_them():
    assert render.audited_page("docs/guides/x.md") == "guides/x.md"
    assert render.audited_page("data/checklists/red-flags.yml") == "checklists/red-flags.md"
    assert render.audited_page("data/glossary.yml") == "reference/glossary.md"
    assert render.audited_page("data/facts.yml") is None


LETTER = {
    "id": "ask",
    "title": "Ask",
    "when": "When you ask.",
    "attach": "Nothing.",
    "subject": "About {part}",
    "body": "Dear {name},\n\n1. {extra}\n\n" + EVIL + "\n",
    "fields": {
        "part": {"label": "Part number", "hint": "h", "example": "7731-204", "required": True},
        "name": {"label": "Your name", "hint": "h", "example": "Anna", "required": True, "remember": True},
        "extra": {"label": "Optional extra", "hint": "h", "example": "More", "required": False},
    },
}


def test_plain_letter_shows_each_field_as_its_label_in_capitals():
    assert (
        render.plain_letter(LETTER)
        == f"Subject: About [PART NUMBER]\n\nDear [YOUR NAME],\n\n1. [OPTIONAL EXTRA]\n\n{EVIL}\n"
    )


def test_letter_renders_escaped_text_labelled_fields_and_safe_json():
    out = render.letter(make_data(templates={"ask": LETTER}), "ask", "templates/ask.md")
    assert EVIL not in out.split('<script type="application/json"')[0]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert '<label for="letter-ask-part">Part number <span class="letter-required">(required)</span></label>' in out
    assert 'aria-required="true"' in out and "(kept in this browser)" in out
    data = out.split('class="letter-data">')[1].split("</script>")[0]
    assert "</" not in data and json.loads(data)["fields"]["name"]["remember"] is True
    assert '<form class="letter-form" hidden>' in out


def test_checklist_with_summary_renders_what_to_ask_and_severity():
    checklists = make_data().checklists
    cl = {**checklists["red-flags"], "summary": {"none": "None.", "ask": "Ask.", "stop": "Stop."}}
    cl["items"] = [{**cl["items"][0], "if_fails": "For the letter.", "severity": "stop"}]
    out = render.checklist(make_data(checklists={"red-flags": cl}), "red-flags", "checklists/red-flags.md")
    assert 'data-checklist="red-flags"' in out and 'data-item="in-register" data-severity="stop"' in out
    assert '*If ticked:* <span class="checklist-if-fails">Ask for the letter.</span>' in out
    assert 'data-none="None." data-ask="Ask." data-stop="Stop."' in out
    plain = render.checklist(make_data(), "red-flags", "checklists/red-flags.md")
    assert "checklist-summary" not in plain and "data-checklist-tools" in plain


def test_certificate_check_lists_every_rule_with_its_link_and_source():
    rule = {
        "id": "expired",
        "field": "expiry_date",
        "test": "date-past",
        "flag": "Expired <b>",
        "severity": "stop",
        "see": "guides/verify.md#read",
        "red_flag": "in-register",
        "source": ["iso-cert"],
    }
    out = render.certificate_check(make_data(certificate_rules={"expired": rule}), "guides/check.md")
    assert '<li id="rule-expired" data-severity="stop" markdown="span">' in out
    assert "Expired &lt;b&gt;" in out and "[Why this matters](verify.md#read){ .rule-see }" in out
    data = json.loads(out.split('class="cert-check-data">')[1].split("</script>")[0])
    assert data == [{"id": "expired", "field": "expiry_date", "test": "date-past", "severity": "stop"}]
