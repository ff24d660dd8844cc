"""Pure render functions: validated data in, Markdown (or HTML) out.

Nothing here reads files or knows about MkDocs; macros/__init__.py wires these into pages.
Every value that comes from data is HTML-escaped before it reaches the page.
"""

from __future__ import annotations

import posixpath
from html import escape

from .data import Data, suggest

GLOSSARY_PAGE = "reference/glossary.md"
SOURCES_PAGE = "reference/sources.md"

CONFIDENCE = {
    "H": "high: primary source",
    "M": "medium: reputable secondary source",
    "L": "low: single blog, vendor or forum",
}
STATUS = {"confirmed": "confirmed", "expected": "expected, not yet confirmed", "unconfirmed": "not confirmed"}
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


def human_date(iso: str) -> str:
    """'2026-07-31' -> '31 July 2026'; 'YYYY-MM' -> 'July 2026'; 'YYYY' unchanged."""
    parts = iso.split("-")
    if len(parts) == 3:
        return f"{int(parts[2])} {MONTHS[int(parts[1]) - 1]} {parts[0]}"
    if len(parts) == 2:
        return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
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


def term(data: Data, ident: str, page: str, text: str | None = None) -> str:
    """Link to a glossary entry; its short definition is the tooltip."""
    entry = _lookup(data.glossary, ident, "glossary id", page, f"term('{ident}')", "data/glossary.yml")
    label = e(text if text is not None else entry["term"])
    return f'[{label}]({link(page, GLOSSARY_PAGE, ident)} "{e(entry["short"])}"){{ .term }}'


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
    title = e(entry["term"]) + (f" ({e(entry['abbr'])})" if entry.get("abbr") else "")
    body = f"{e(entry['long'])} {cite(data, tuple(entry['source']), page)}"
    more = f"[Glossary entry]({link(page, GLOSSARY_PAGE, ident)})"
    return f'!!! info "Definition: {title}"\n\n    {body}\n\n    {more}\n'


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
        title = e(entry["term"]) + (f" ({e(entry['abbr'])})" if entry.get("abbr") else "")
        lines = [f"### {title} {{ #{entry['id']} }}", "", e(entry["long"]), ""]
        if entry.get("aka"):
            lines.append("**Also called:** " + ", ".join(e(a) for a in entry["aka"]) + "  ")
        if entry.get("related"):
            related = ", ".join(
                f"[{e(data.glossary[r]['term'])}]({link(page, GLOSSARY_PAGE, r)})" for r in entry["related"]
            )
            lines.append(f"**Related:** {related}  ")
        lines.append("**Sources:** " + cite(data, tuple(entry["source"]), page))
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def checklist(data: Data, ident: str, page: str) -> str:
    """A checklist as a task list; every item has a stable anchor '<checklist>-<item>'.

    Written as HTML (md_in_html) rather than '- [ ]' so each checkbox is labelled by its item text.
    """
    cl = _lookup(data.checklists, ident, "checklist", page, f"checklist('{ident}')", "data/checklists/")
    lines = [f"{e(cl['intro'])} {cite(data, tuple(cl['source']), page)}", "", '<ul class="task-list" markdown>']
    for item in cl["items"]:
        anchor = f"{ident}-{item['id']}"
        text = (
            '<label class="task-list-control"><input type="checkbox" '
            f'aria-labelledby="{anchor}-check"><span class="task-list-indicator"></span></label> '
            f'<strong id="{anchor}-check">{e(item["check"])}</strong> '
            f'[¶](#{anchor}){{ .checklist-link title="Link to this item" }}'
            f"<br>*Evidence:* {e(item['evidence'])}"
        )
        if item.get("why"):
            text += f"<br>*Why:* {e(item['why'])}"
        if item.get("source"):
            text += " " + cite(data, tuple(item["source"]), page)
        lines.append(f'<li class="task-list-item checklist-item" id="{anchor}" markdown="span">{text}</li>')
    lines.append("</ul>")
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
                    f"**Fact:** {e(entry['fact'])} {cite(data, tuple(entry['source']), page)}",
                ]
            )
        )
    return _generated("misconceptions", "\n\n".join(blocks))


def sources(data: Data) -> str:
    """The sources list as HTML, sorted by publisher then title, one anchor per source."""
    items = []
    for src in sorted(data.sources.values(), key=lambda s: (s["publisher"].casefold(), s["title"].casefold())):
        when = (
            f"published {e(human_date(src['date']))}"
            if src.get("date")
            else f"accessed {e(human_date(src['accessed']))}"
        )
        note = f" {e(src['note'])}" if src.get("note") else ""
        conf = f"Confidence: {e(src['confidence'])} ({e(CONFIDENCE[src['confidence']])})"
        if src.get("label"):
            conf = f"Cited as [{e(src['label'])}]. {conf}"
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
        return e(human_date(entry["as_of"]))
    if part != "statement":
        raise UnknownIdError(f"docs/{page}: fact('{key}', '{part}'): part must be 'statement', 'value' or 'as_of'")
    status = "" if entry["status"] == "confirmed" else f" Status: {STATUS[entry['status']]}."
    return (
        f"{e(entry['statement'])}{status} *(As of {e(human_date(entry['as_of']))}.)* "
        f"{cite(data, tuple(entry['source']), page)}"
    )


def abbreviations(data: Data) -> dict:
    """Abbreviation -> tooltip text ("Term: short definition") for every glossary entry with an abbr."""
    return {
        entry["abbr"]: f"{entry['term']}: {entry['short']}" for entry in data.glossary.values() if entry.get("abbr")
    }


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
        f"and data files against their sources: {parts}. Every claim that did not hold was corrected or removed; "
        f"[What changed]({link(page, CHANGES_PAGE)}) lists each correction.\n"
    )


def changes(data: Data, page: str, titles: dict) -> str:
    """Every correction the audits made, newest first, by page: what the text said and what it says now."""
    by_date: dict = {}
    for audit in data.audit.values():
        fixed = [f for f in audit["findings"] if f["verdict"] != "supported" and f.get("status") != "open"]
        if fixed:
            by_date.setdefault(audit["audited"], []).append((audit["target"], fixed))
    if not by_date:
        return "*No corrections recorded yet.*\n"
    blocks = []
    for date in sorted(by_date, reverse=True):
        blocks.append(f"## {e(human_date(date))} {{ #audit-{date} }}")
        for target, fixed in sorted(by_date[date], key=lambda item: titles.get(audited_page(item[0]), item[0])):
            shown = audited_page(target)
            name = e(titles.get(shown, target))
            heading = f"[{name}]({link(page, shown)})" if shown else name
            blocks.append(f"### {heading}\n\n*Checked in `{e(target)}`.*")
            lines = []
            for finding in fixed:
                cited = f" {cite(data, tuple(finding['source']), page)}" if finding["source"] else ""
                lines.append(
                    f"- **{e(VERDICTS[finding['verdict']]).capitalize()}.** It said: “{e(finding['claim'])}” "
                    f"{'Removed' if finding['status'] == 'removed' else 'Corrected'}: {e(finding['action'])}{cited}"
                )
            blocks.append("\n".join(lines))
    return _generated("changes", "\n\n".join(blocks))
