"""Pure render functions: validated data in, Markdown (or HTML) out.

Nothing here reads files or knows about MkDocs; macros/__init__.py wires these into pages.
Every value that comes from data is HTML-escaped before it reaches the page.
"""

from __future__ import annotations

import posixpath
import re
from html import escape

from .data import Data, suggest
from .structured_data import script_json

GLOSSARY_PAGE = "reference/glossary.md"
SOURCES_PAGE = "reference/sources.md"

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


class UnknownIdError(Exception):
    """A page asked for an id that is not in the data."""


def e(value) -> str:
    """HTML-escape a data value (quotes too, so it is safe inside attributes)."""
    return escape(str(value), quote=True)


def link(page: str, target: str, anchor: str = "") -> str:
    """Relative Markdown link from one docs page (src path) to another, so MkDocs can check it."""
    rel = posixpath.relpath(target, posixpath.dirname(page) or ".")
    return f"{rel}#{anchor}" if anchor else rel


def t(data: Data | None, key: str, **values) -> str:
    """Interface text in the edition's language (data/strings.yml, data/i18n/<lang>/strings.yml)."""
    ui = (data.strings.get("ui") or {}) if data is not None else UI_FALLBACK
    if key not in ui:
        raise UnknownIdError(f"data/strings.yml entry 'ui' field '{key}': missing; add '{key}: ...' under 'ui:'")
    return ui[key].format(**values)


# The date formats human_date uses without an edition's data (the audit pages, tests of dates alone).
UI_FALLBACK = {"date": "{day} {month} {year}", "month_year": "{month} {year}"}


def human_date(iso: str, data: Data | None = None) -> str:
    """'2026-07-31' -> '31 July 2026'; 'YYYY-MM' -> 'July 2026'; 'YYYY' unchanged (in the edition's words)."""
    months = ((data.strings.get("ui") or {}).get("months") if data is not None else None) or MONTHS
    parts = iso.split("-")
    if len(parts) == 3:
        return t(data, "date", day=int(parts[2]), month=months[int(parts[1]) - 1], year=parts[0])
    if len(parts) == 2:
        return t(data, "month_year", month=months[int(parts[1]) - 1], year=parts[0])
    return iso


def _lookup(table: dict, ident: str, kind: str, page: str, call: str, where: str) -> dict:
    if ident in table:
        return table[ident]
    raise UnknownIdError(
        f"docs/{page}: unknown {kind} '{ident}' in {call}{suggest(ident, table)} (valid ids are in {where})"
    )


def _generated(kind: str, markdown: str) -> str:
    """Wrap data-generated Markdown so styles and checks can tell it from hand-written prose."""
    return f'<div class="generated generated-{kind}" markdown>\n\n{markdown}\n\n</div>\n'


def english_term(entry: dict) -> str:
    """'Certification body' + 'CB' -> 'certification body, CB': the English in brackets after a translated
    term. Empty when the edition keeps the English name (a product name such as "Verified Supplier")."""
    english = (entry.get("_en") or {}).get("term", entry["term"])
    if english.casefold() == entry["term"].casefold():
        return entry.get("abbr") or ""
    if len(english) > 1 and english[1].islower():
        english = english[0].lower() + english[1:]
    return f"{english}, {entry['abbr']}" if entry.get("abbr") else english


def term(data: Data, ident: str, page: str, text: str | None = None, first: bool = False) -> str:
    """Link to a glossary entry; its short definition is the tooltip. In an edition, the first use on a page
    is followed by the English term in brackets: "tổ chức chứng nhận (certification body, CB)"."""
    entry = _lookup(data.glossary, ident, "glossary id", page, f"term('{ident}')", "data/glossary.yml")
    label = e(text if text is not None else entry["term"])
    english = entry.get("_lang") == "en" and data.lang != "en"
    attrs = '.term lang="en"' if english else ".term"
    out = f'[{label}]({link(page, GLOSSARY_PAGE, ident)} "{e(entry["short"])}"){{ {attrs} }}'
    if first and data.lang != "en" and not english and english_term(entry):
        out += f' <span lang="en">({e(english_term(entry))})</span>'
    return out


def cite(data: Data, idents: tuple, page: str) -> str:
    """Inline citation(s) linking to the sources page."""
    if not idents:
        raise UnknownIdError(f"docs/{page}: cite() needs at least one source id from data/sources.yml")
    out = []
    for ident in idents:
        src = _lookup(data.sources, ident, "source", page, f"cite('{ident}')", "data/sources.yml")
        tip = e(f"{src['publisher']}: {src['title']}")
        label = e(src.get("label", src["publisher"]))
        out.append(f'[\\[{label}\\]]({link(page, SOURCES_PAGE, ident)} "{tip}"){{ .cite }}')
    return " ".join(out)


def definition(data: Data, ident: str, page: str) -> str:
    """A boxed definition of one term, with a link to its glossary entry."""
    entry = _lookup(data.glossary, ident, "glossary id", page, f"definition('{ident}')", "data/glossary.yml")
    english = english_term(entry) if data.lang != "en" else entry.get("abbr")
    title = e(entry["term"]) + (f" ({e(english)})" if english else "")
    body = f"{e(entry['long'])} {cite(data, tuple(entry['source']), page)}"
    more = f"[{e(t(data, 'glossary_entry'))}]({link(page, GLOSSARY_PAGE, ident)})"
    return f'!!! info "{e(t(data, "definition"))} {title}"\n\n    {body}\n\n    {more}\n'


def glossary(data: Data, page: str) -> str:
    """The whole glossary, sorted by term, one heading (and anchor) per entry."""
    blocks = []
    letter = None
    for entry in sorted(data.glossary.values(), key=lambda x: x["term"].casefold()):
        first = entry["term"][0].upper() if entry["term"][0].isalpha() else "0–9"
        if first != letter:
            letter = first
            slug = f"letter-{letter.lower()}" if letter.isalpha() else "letter-other"
            blocks.append(f"## {letter} {{ #{slug} }}")
        if data.lang != "en" and entry.get("_lang") != "en" and english_term(entry):
            title = f'{e(entry["term"])} <span lang="en">({e(english_term(entry))})</span>'
        else:
            title = e(entry["term"]) + (f" ({e(entry['abbr'])})" if entry.get("abbr") else "")
        lines = [f"### {title} {{ #{entry['id']} }}", "", e(entry["long"]), ""]
        if entry.get("aka"):
            lines.append(f"**{e(t(data, 'also_called'))}** " + ", ".join(e(a) for a in entry["aka"]) + "  ")
        if entry.get("related"):
            related = ", ".join(
                f"[{e(data.glossary[r]['term'])}]({link(page, GLOSSARY_PAGE, r)})" for r in entry["related"]
            )
            lines.append(f"**{e(t(data, 'related'))}** {related}  ")
        lines.append(f"**{e(t(data, 'sources_label'))}** " + cite(data, tuple(entry["source"]), page))
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def checklist(data: Data, ident: str, page: str) -> str:
    """A checklist as a task list; every item has a stable anchor '<checklist>-<item>'.

    Written as HTML (md_in_html) rather than '- [ ]' so each checkbox is labelled by its item text.
    widgets.js keeps the ticks in this browser, shows progress and fills the summary of red-flag lists.
    """
    cl = _lookup(data.checklists, ident, "checklist", page, f"checklist('{ident}')", "data/checklists/")
    lines = [
        f"{e(cl['intro'])} {cite(data, tuple(cl['source']), page)}",
        "",
        f'<ul class="task-list" data-checklist="{e(ident)}" markdown>',
    ]
    for item in cl["items"]:
        anchor = f"{ident}-{item['id']}"
        text = (
            '<label class="task-list-control"><input type="checkbox" '
            f'aria-labelledby="{anchor}-check"><span class="task-list-indicator"></span></label> '
            f'<strong id="{anchor}-check">{e(item["check"])}</strong> '
            f'[¶](#{anchor}){{ .checklist-link title="{e(t(data, "link_to_item"))}" }}'
            f"<br>*{e(t(data, 'evidence'))}* {e(item['evidence'])}"
        )
        if item.get("why"):
            text += f"<br>*{e(t(data, 'why'))}* {e(item['why'])}"
        if item.get("if_fails"):
            todo = item["if_fails"]
            if cl.get("summary"):  # red-flag lists: "If ticked: Ask for the ..." (editions translate the whole line)
                label = t(data, "if_ticked")
                if item.get("_lang", "en") == "en":
                    todo = f"Ask {todo[:1].lower()}{todo[1:]}"
            else:
                label = t(data, "if_not")
            text += f'<br>*{label}:* <span class="checklist-if-fails">{e(todo)}</span>'
        if item.get("source"):
            text += " " + cite(data, tuple(item["source"]), page)
        severity = f' data-severity="{item["severity"]}"' if item.get("severity") else ""
        lines.append(
            f'<li class="task-list-item checklist-item" id="{anchor}" data-item="{e(item["id"])}"{severity} '
            f'markdown="span">{text}</li>'
        )
    lines.append("</ul>")
    lines.append(
        f'<div class="checklist-tools" data-checklist-tools="{e(ident)}" hidden>'
        '<p class="checklist-progress" role="status" aria-live="polite"></p>'
        f'<button type="button" class="md-button" data-action="clear">{e(t(data, "clear_all"))}</button></div>'
    )
    if cl.get("summary"):
        verdicts = " ".join(f'data-{k}="{e(v)}"' for k, v in cl["summary"].items())
        lines.append(
            f'<section class="checklist-summary" data-summary="{e(ident)}" {verdicts} '
            f'aria-labelledby="{ident}-summary-title" hidden>'
            f'<h2 id="{ident}-summary-title">{e(t(data, "your_summary"))}</h2>'
            '<p class="checklist-verdict" role="status" aria-live="polite"></p>'
            '<ul class="checklist-flags"></ul>'
            '<button type="button" class="md-button md-button--primary" data-action="copy-summary">'
            f"{e(t(data, 'copy_summary'))}</button>"
            '<p class="checklist-copied" role="status" aria-live="polite"></p></section>'
        )
    return _generated("checklist", "\n".join(lines))


def misconceptions(data: Data, page: str) -> str:
    """Every misconception: the myth as a heading (and anchor), the fact below it."""
    blocks = []
    for entry in data.misconceptions.values():
        blocks.append(
            "\n".join(
                [
                    f"## {e(entry['myth'])} {{ #{entry['id']} }}",
                    "",
                    f"**{e(t(data, 'fact'))}** {e(entry['fact'])} {cite(data, tuple(entry['source']), page)}",
                ]
            )
        )
    return _generated("misconceptions", "\n\n".join(blocks))


def sources(data: Data) -> str:
    """The sources list as HTML, sorted by publisher then title, one anchor per source."""
    items = []
    for src in sorted(data.sources.values(), key=lambda s: (s["publisher"].casefold(), s["title"].casefold())):
        when = (
            e(t(data, "published", date=human_date(src["date"], data)))
            if src.get("date")
            else e(t(data, "accessed", date=human_date(src["accessed"], data)))
        )
        note = f" {e(src['note'])}" if src.get("note") else ""
        conf = e(t(data, "confidence", level=src["confidence"], meaning=t(data, f"confidence_{src['confidence']}")))
        if src.get("label"):
            conf = f"{e(t(data, 'cited_as', label=src['label']))} {conf}"
        items.append(
            f'<li id="{e(src["id"])}"><strong>{e(src["title"])}</strong>. {e(src["publisher"])}, {when}. '
            f'<a href="{e(src["url"])}" rel="noopener">{e(src["url"])}</a>. {conf}.{note}</li>'
        )
    return '<ol class="sources-list">\n' + "\n".join(items) + "\n</ol>\n"


def fact(data: Data, key: str, page: str, part: str = "statement") -> str:
    """A time-sensitive fact: the full statement with its 'as of' date and citation, or one part."""
    entry = _lookup(data.facts, key, "fact", page, f"fact('{key}')", "data/facts.yml")
    if part == "value":
        return e(entry["value"])
    if part == "as_of":
        return e(human_date(entry["as_of"], data))
    if part != "statement":
        raise UnknownIdError(f"docs/{page}: fact('{key}', '{part}'): part must be 'statement', 'value' or 'as_of'")
    status = (
        ""
        if entry["status"] == "confirmed"
        else " " + e(t(data, "status", status=t(data, f"status_{entry['status']}")))
    )
    return (
        f"{e(entry['statement'])}{status} *({e(t(data, 'as_of', date=human_date(entry['as_of'], data)))})* "
        f"{cite(data, tuple(entry['source']), page)}"
    )


def abbreviations(data: Data) -> dict:
    """Abbreviation -> tooltip text ("Term: short definition") for every glossary entry with an abbr."""

    def name(entry: dict) -> str:
        if data.lang != "en" and entry.get("_lang") != "en" and english_term(entry) != entry.get("abbr"):
            return f"{entry['term']} ({english_term(entry).rsplit(', ', 1)[0]})"
        return entry["term"]

    return {entry["abbr"]: f"{name(entry)}: {entry['short']}" for entry in data.glossary.values() if entry.get("abbr")}


def abbreviations_markdown(data: Data) -> str:
    """Python-Markdown abbreviation definitions, appended to every page so each abbr gets its tooltip."""
    lines = [f"*[{abbr}]: {' '.join(text.split())}" for abbr, text in sorted(abbreviations(data).items())]
    return "\n".join(lines) + "\n"


VERDICTS = {
    "supported": "supported as written",
    "overstated": "overstated",
    "unsupported": "unsupported",
    "wrong": "wrong",
    "stale": "out of date",
}
CHANGES_PAGE = "what-changed.md"
# Data files and the page a reader sees them on (checklists: checklists/<id>.md).
DATA_PAGES = {
    "data/glossary.yml": GLOSSARY_PAGE,
    "data/sources.yml": SOURCES_PAGE,
    "data/misconceptions.yml": "guides/misconceptions.md",
}


def audited_page(target: str) -> str | None:
    """The page (under docs/) where readers see an audited file's claims; None for data used on many pages."""
    if target.startswith("docs/"):
        return target.removeprefix("docs/")
    if target.startswith("data/checklists/"):
        return "checklists/" + posixpath.basename(target).removesuffix(".yml") + ".md"
    return DATA_PAGES.get(target)


def audit_summary(data: Data, page: str) -> str:
    """One paragraph: when the facts were last audited, how many claims, the verdicts."""
    audits = list(data.audit.values())
    if not audits:
        return "*No fact audit has been recorded yet.*\n"
    findings = [finding for audit in audits for finding in audit["findings"]]
    counts = {verdict: 0 for verdict in VERDICTS}
    for finding in findings:
        counts[finding["verdict"]] += 1
    parts = ", ".join(f"{n} {VERDICTS[v]}" for v, n in counts.items() if n)
    newest = max(audit["audited"] for audit in audits)
    return (
        f"**Last fact audit: {e(human_date(newest))}.** It checked {len(findings)} claims in {len(audits)} pages "
        f"and data files against their sources: {parts}. Every claim that did not hold was corrected or removed"
        + ("." if page == CHANGES_PAGE else f"; [What changed]({link(page, CHANGES_PAGE)}) lists each correction.")
        + "\n"
    )


def changes(data: Data, page: str, titles: dict) -> str:
    """Every correction the audits made, newest first, by page: what the text said and what it says now."""
    by_date: dict = {}
    for ident, audit in data.audit.items():
        fixed = [f for f in audit["findings"] if f["verdict"] != "supported" and f.get("status") != "open"]
        if fixed:
            by_date.setdefault(audit["audited"], []).append((audit["target"], fixed, ident))
    if not by_date:
        return "*No corrections recorded yet.*\n"
    blocks = []
    for date in sorted(by_date, reverse=True):
        blocks.append(f"## {e(human_date(date))} {{ #audit-{date} }}")
        for target, fixed, ident in sorted(by_date[date], key=lambda item: titles.get(audited_page(item[0]), item[0])):
            shown = audited_page(target)
            name = e(titles.get(shown, target))
            heading = f"[{name}]({link(page, shown)})" if shown else name
            # A stable anchor: the date and the audit file's name, which stay when a page is renamed or moved.
            blocks.append(f"### {heading} {{ #{date}-{ident} }}\n\n*Checked in `{e(target)}`.*")
            lines = []
            for finding in fixed:
                cited = f" {cite(data, tuple(finding['source']), page)}" if finding["source"] else ""
                lines.append(
                    f"- **{e(VERDICTS[finding['verdict']]).capitalize()}.** It said: “{e(finding['claim'])}” "
                    f"{'Removed' if finding['status'] == 'removed' else 'Corrected'}: {e(finding['action'])}{cited}"
                )
            blocks.append("\n".join(lines))
    return _generated("changes", "\n\n".join(blocks))


WIDGETS_SCRIPT = "assets/javascripts/widgets.js"
_FIELD = re.compile(r"\{([a-z][a-z0-9_]*)\}")


def plain_letter(template: dict) -> str:
    """The letter with each {field} shown as [FIELD LABEL]: what readers without JavaScript copy."""

    def placeholder(match: re.Match) -> str:
        return f"[{template['fields'][match.group(1)]['label'].upper()}]"

    return f"Subject: {_FIELD.sub(placeholder, template['subject'])}\n\n{_FIELD.sub(placeholder, template['body'])}"


def letter(data: Data, ident: str, page: str) -> str:
    """A letter template: when to use it, the plain letter, and a hidden form that widgets.js turns on."""
    tpl = _lookup(data.templates, ident, "template", page, f"letter('{ident}')", "data/templates/")
    uid = f"letter-{ident}"
    rows = []
    for name, field in tpl["fields"].items():
        fid = f"{uid}-{name}"
        req = f' <span class="letter-required">{e(t(data, "required"))}</span>' if field["required"] else ""
        kept = f' <span class="letter-kept">{e(t(data, "kept"))}</span>' if field.get("remember") else ""
        tag = "textarea" if field.get("multiline") else "input"
        attrs = (
            f'id="{fid}" name="{e(name)}" placeholder="{e(t(data, "example", example=field["example"]))}" '
            f'aria-describedby="{fid}-hint"' + (' aria-required="true"' if field["required"] else "")
        )
        control = f'<textarea {attrs} rows="3"></textarea>' if tag == "textarea" else f'<input type="text" {attrs}>'
        rows.append(
            f'<div class="letter-field"><label for="{fid}">{e(field["label"])}{req}{kept}</label>{control}'
            f'<span class="letter-hint" id="{fid}-hint">{e(field["hint"])}</span></div>'
        )
    script = {
        "id": ident,
        "subject": tpl["subject"],
        "body": tpl["body"],
        "fields": {
            name: {"label": f["label"], "required": f["required"], "remember": bool(f.get("remember"))}
            for name, f in tpl["fields"].items()
        },
    }
    in_english = f"<p>{e(t(data, 'letter_in_english'))}</p>" if data.lang != "en" else ""
    return (
        f'<div class="letter-tool generated generated-letter" data-letter="{e(ident)}">\n'
        f"<p><strong>{e(t(data, 'when_to_use'))}</strong> {e(tpl['when'])}</p>\n"
        f"<p><strong>{e(t(data, 'what_to_attach'))}</strong> {e(tpl['attach'])}</p>\n"
        # The letter's words would swamp search results; readers find a letter by its page and purpose.
        '<div class="letter-body" data-search-exclude>\n'
        f'<form class="letter-form" hidden><fieldset><legend>{e(t(data, "fill_in_letter"))}</legend>'
        f'<p class="letter-privacy">{e(t(data, "letter_privacy"))}</p>{in_english}' + "".join(rows) + "</fieldset>"
        '<div class="letter-actions">'
        f'<button type="button" class="md-button md-button--primary" data-action="copy">{e(t(data, "copy_letter"))}'
        "</button> "
        f'<a class="md-button" data-action="mail" href="mailto:">{e(t(data, "open_mail"))}</a> '
        f'<button type="button" class="md-button" data-action="download">{e(t(data, "download_txt"))}</button> '
        f'<button type="button" class="md-button" data-action="forget">{e(t(data, "forget_details"))}</button></div>'
        '<p class="letter-status" role="status" aria-live="polite"></p></form>\n'
        f'<p class="letter-preview-label" id="{uid}-preview"><strong>{e(t(data, "the_letter"))}</strong></p>\n'
        f'<pre class="letter-text" role="region" aria-labelledby="{uid}-preview" tabindex="0" lang="en">'
        f"<code>{e(plain_letter(tpl))}</code></pre>\n"
        f'<script type="application/json" class="letter-data">{script_json(script)}</script>\n'
        "</div>\n</div>\n"
    )


# The fields of the certificate check: what ISO/IEC 17021-1 has a certificate show, plus the buyer's need.
# Each field's label and hint are interface text (data/strings.yml: field_<name>, hint_<name>); the
# examples stay in English, as certificates are written.
CERTIFICATE_FIELDS = (
    ("supplier_name", "Saigon Precision Machining Co., Ltd."),
    ("standard", ""),  # the example comes from data/facts.yml
    ("certificate_number", "QMS-2024-01234"),
    ("certification_body", "the certification body named on the certificate"),
    ("accreditation_body", "the accreditation body named, if any"),
    ("issue_date", ""),
    ("expiry_date", ""),
    ("scope", "CNC machining of aluminium and steel parts"),
    ("sites", "Lot 5, Tan Thuan Export Processing Zone, Ho Chi Minh City"),
    ("process_needed", "CNC milling"),
)


def certificate_check(data: Data, page: str) -> str:
    """The certificate check: a form (hidden until widgets.js runs), a live result, and the list of rules."""
    rows = []
    for name, example in CERTIFICATE_FIELDS:
        label, hint = t(data, f"field_{name}"), t(data, f"hint_{name}")
        if name == "standard":  # the edition in force is a time-sensitive fact
            example = data.facts.get("current-edition", {}).get("value", "ISO 9001:<year>")
        fid = f"cert-{name}"
        common = f'id="{fid}" name="{name}" aria-describedby="{fid}-hint"'
        if name in ("issue_date", "expiry_date"):
            control = f'<input type="date" {common}>'
        elif name in ("scope", "sites"):
            control = f'<textarea {common} rows="3" placeholder="{e(t(data, "example", example=example))}"></textarea>'
        else:
            control = f'<input type="text" {common} placeholder="{e(t(data, "example", example=example))}">'
        rows.append(
            f'<div class="letter-field"><label for="{fid}">{e(label)}</label>{control}'
            f'<span class="letter-hint" id="{fid}-hint">{e(hint)}</span></div>'
        )
    rules = [
        {k: rule[k] for k in ("id", "field", "test", "pattern", "days", "other", "severity") if k in rule}
        for rule in data.certificate_rules.values()
    ]
    tool = (
        '<div class="cert-check generated generated-certificate-check" markdown>\n'
        f'<form class="cert-check-form" hidden><fieldset><legend>{e(t(data, "certificate_shows"))}</legend>'
        f'<p class="letter-privacy">{e(t(data, "certificate_privacy"))}</p>' + "".join(rows) + "</fieldset></form>\n\n"
        '<div class="cert-check-result" hidden markdown>\n'
        '<p class="cert-check-verdict" role="status" aria-live="polite"></p>\n'
        '<ul class="cert-check-flags"></ul>\n\n'
        f"[{e(t(data, 'ask_cb_to_confirm'))}]"
        f"({link(page, 'templates/certificate-confirmation-request.md')})"
        '{ .md-button .md-button--primary data-action="prefill" }\n\n'
        "</div>\n"
        f'<script type="application/json" class="cert-check-data">{script_json(rules)}</script>\n'
        "</div>\n"
    )
    listing = ['<ul class="rule-list" markdown>']
    for rule in data.certificate_rules.values():
        listing.append(
            f'<li id="rule-{rule["id"]}" data-severity="{rule["severity"]}" markdown="span">'
            f'<strong class="rule-severity">{e(t(data, "severity_" + rule["severity"]))}:</strong> '
            f'<span class="rule-flag">{e(rule["flag"])}</span> '
            f"[{e(t(data, 'why_this_matters'))}]({link(page, *rule['see'].split('#'))}){{ .rule-see }} "
            f"{cite(data, tuple(rule['source']), page)}</li>"
        )
    listing.append("</ul>")
    heading = f"### {e(t(data, 'rules_heading'))} {{ #rules }}\n\n{e(t(data, 'rules_intro'))}\n\n"
    return tool + "\n" + heading + _generated("certificate-rules", "\n".join(listing))


def in_english(data: Data, page: str) -> str:
    """The body of a page an edition leaves in English: a notice in the edition's words, linking to it."""
    from .i18n import relative_url

    href = relative_url(page, data.lang, "en")
    return (
        '<div class="admonition warning translation-notice translation-notice--untranslated" role="note">'
        f"<p>{e(t(data, 'untranslated_notice'))} "
        f'<a href="{e(href)}" hreflang="en">{e(t(data, "untranslated_link"))}</a></p></div>\n'
    )
