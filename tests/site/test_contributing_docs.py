"""CONTRIBUTING.md and the task pages in .github/contributing/ only name things that exist.

No build needed: the tests read the Markdown, the Makefile, tools/ and the macro list in macros/.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

import macros
from tools.paths import ROOT

CONTRIBUTING = ROOT / "CONTRIBUTING.md"
PAGES_DIR = ROOT / ".github" / "contributing"
TASK_PAGES = (
    "fix-a-page.md",
    "translate.md",
    "add-a-term.md",
    "add-a-checklist.md",
    "add-a-myth.md",
    "add-a-source.md",
    "add-a-template.md",
    "add-a-fact.md",
    "run-checks.md",
    "move-a-page.md",
    "macros.md",
)
MAX_HUB_BYTES = 6144

# A word in inline code counts as a repository path when it contains "/" or ends in one of these.
PATH_SUFFIXES = (".md", ".yml", ".yaml", ".py", ".json", ".txt", ".html", ".in", ".css", ".js", ".png")
# Folders skipped when a bare file name (no "/") is looked up anywhere in the repository.
WALK_SKIP = {".git", ".venv", "node_modules", "__pycache__", ".pytest_cache", ".ruff_cache", ".cache"}

_FENCE_OPEN = re.compile(r"^ *(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(.+?)\1")
_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_NEW_MARK = re.compile(r"\s*\(new\)")
_MAKE = re.compile(r"(?<![\w$/.-])make ([a-z][a-z-]*)")
_MAKE_LINE = re.compile(r"^\s*(?:\$\s*)?make ([a-z][a-z-]*)")
_TOOL = re.compile(r"python3? -m tools\.([a-z_]+)")
_MACRO_CALL = re.compile(r"\{\{-?\s*(\w+)\s*\(")


def doc_files() -> list[Path]:
    return [CONTRIBUTING, *sorted(PAGES_DIR.glob("*.md"))]


def rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def split_fences(text: str) -> tuple[list[str], list[str]]:
    """(prose, code): two copies of the lines, each with the other kind blanked, so line numbers stay.

    A fence closes on the same character repeated at least as often, and nothing else on the line
    (CommonMark), so a ```text block inside a ````markdown example stays inside the example.
    """
    prose, code = [], []
    fence = None
    for line in text.splitlines():
        opener = _FENCE_OPEN.match(line)
        if fence is None and opener:
            fence = opener.group(1)
            prose.append("")
            code.append("")
        elif fence is not None:
            stripped = line.strip()
            if stripped and set(stripped) == {fence[0]} and len(stripped) >= len(fence):
                fence = None
                code.append("")
            else:
                code.append(line)
            prose.append("")
        else:
            prose.append(line)
            code.append("")
    return prose, code


def make_targets() -> set[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([a-z][a-z-]*):(?!=)", text, flags=re.M))


def build_outputs() -> set[str]:
    """The folders `make clean` removes: they exist only after a build, so the docs may name them."""
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^clean:.*\n\trm -rf (.+)$", text, flags=re.M).group(1)
    return {word for word in recipe.split() if "$" not in word}


def tool_exists(name: str) -> bool:
    tools = ROOT / "tools"
    return (tools / f"{name}.py").is_file() or (tools / name / "__main__.py").is_file()


def file_names() -> set[str]:
    names = set()
    for _folder, dirs, files in os.walk(ROOT):
        dirs[:] = [d for d in dirs if d not in WALK_SKIP]
        names.update(files)
    return names


def github_slugs(markdown: Path) -> set[str]:
    """The anchors GitHub gives the headings of a Markdown file (lower case, punctuation dropped)."""
    prose, _code = split_fences(markdown.read_text(encoding="utf-8"))
    slugs = set()
    for line in prose:
        heading = re.match(r"^#{1,6}\s+(.+?)\s*#*\s*$", line)
        if heading:
            words = re.sub(r"[^\w\- ]", "", heading.group(1).lower())
            slugs.add(words.replace(" ", "-"))
    return slugs


def check_repo_path(token: str, new: bool, names: set[str]) -> str | None:
    """None if `token` (a path from the repository root, as the docs write them) is fine, else why not.

    Skipped, because they are not paths of this repository:
    - URLs ("https://...") and e-mail addresses;
    - placeholders: anything with <...>, [...], "..." or "…" (`data/checklists/<id>.yml`);
    - build output that `make clean` removes (`site/`, `site-zensical/`): it exists only after a build.
    Checked:
    - a web address of the site (`/guides/verify-a-certificate/`) must be a page in docs/;
    - a pattern with "*" (`data/schema/*.schema.json`) must match at least one file;
    - a bare file name (`verify-a-certificate.md`) must exist somewhere in the repository;
    - a path marked "(new)" right after the code span is a file the worked example creates: it need
      not exist yet, but its folder must.
    """
    if "://" in token or token.startswith("mailto:") or re.search(r"[<>\[\]…]|\.\.\.", token):
        return None
    path = token.split("#", 1)[0]
    if path.rstrip("/") in build_outputs():
        return None
    if path.startswith("/"):  # a published address
        page = path.strip("/")
        folder = ROOT / "docs" / page
        if new:
            return None if folder.parent.is_dir() else f"folder of new address {token} is not in docs/"
        found = (folder.with_suffix(".md")).is_file() or (folder / "index.md").is_file() or page == ""
        return None if found else f"address {token} is no page in docs/"
    if "*" in path:
        return None if any(ROOT.glob(path)) else f"pattern {token} matches no file"
    target = ROOT / path
    if new:
        return None if target.parent.is_dir() else f"folder of new file {token} does not exist"
    if "/" not in path.rstrip("/"):
        return None if target.exists() or path in names else f"file {token} is nowhere in the repository"
    return None if target.exists() else f"{token} does not exist"


def is_path_like(token: str) -> bool:
    return "/" in token or token.endswith(PATH_SUFFIXES)


def reference_problems(doc: Path, text: str) -> list[str]:
    """Every reference in one Markdown document that points at nothing, as 'file:line: reason'."""
    problems = []
    targets, names = make_targets(), file_names()
    prose, code = split_fences(text)
    for number, line in enumerate(prose, 1):
        where = f"{rel(doc)}:{number}"
        # Inline code: the docs write repository paths from the root, and commands.
        for span in _CODE_SPAN.finditer(line):
            content = span.group(2).strip()
            new = bool(_NEW_MARK.match(line, span.end()))
            for target in _MAKE.findall(content):
                if target not in targets:
                    problems.append(f"{where}: `make {target}` is not a target in Makefile")
            for tool in _TOOL.findall(content):
                if not tool_exists(tool):
                    problems.append(f"{where}: `python -m tools.{tool}`: no such module in tools/")
            if "{{" in content or "{%" in content:
                continue  # a macro call, checked against the registered macros below
            for word in content.split():
                token = word.strip("\"'`,;:()")
                if is_path_like(token) and token not in ("/", "//"):
                    reason = check_repo_path(token, new, names)
                    if reason:
                        problems.append(f"{where}: {reason}")
        # Links: their targets are relative to the document, as on GitHub.
        without_code = _CODE_SPAN.sub("", line)
        for link in _LINK.findall(without_code):
            if "://" in link or link.startswith("mailto:"):
                continue
            path, _, anchor = link.partition("#")
            target = (doc.parent / path).resolve() if path else doc
            if not target.exists():
                problems.append(f"{where}: link target {link} does not exist")
            elif anchor and target.suffix == ".md" and anchor not in github_slugs(target):
                problems.append(f"{where}: link {link}: no heading with anchor #{anchor}")
    # Fenced blocks show file contents and may name files the example creates, so their paths are not
    # checked. Commands are: a line that starts with `make`, a `make X` in backticks, `python -m tools.X`.
    for number, line in enumerate(code, 1):
        commands = _MAKE_LINE.findall(line) + [t for span in _CODE_SPAN.findall(line) for t in _MAKE.findall(span[1])]
        for target in commands:
            if target not in targets:
                problems.append(f"{rel(doc)}:{number}: `make {target}` is not a target in Makefile")
        for tool in _TOOL.findall(line):
            if not tool_exists(tool):
                problems.append(f"{rel(doc)}:{number}: `python -m tools.{tool}`: no such module in tools/")
    return problems


def registered_macros() -> list[str]:
    return [macro.__name__ for macro in macros._macros(None, lambda: "index.md")]


def test_hub_is_short_and_links_every_task_page():
    size = len(CONTRIBUTING.read_bytes())
    assert size <= MAX_HUB_BYTES, f"CONTRIBUTING.md has {size} bytes; keep it a hub of at most {MAX_HUB_BYTES}"
    missing = [name for name in TASK_PAGES if not (PAGES_DIR / name).is_file()]
    assert not missing, f"task pages missing in .github/contributing/: {missing}"
    hub = CONTRIBUTING.read_text(encoding="utf-8")
    linked = {Path(link.split("#")[0]).name for link in _LINK.findall(hub) if link.startswith(".github/contributing/")}
    unlinked = sorted({page.name for page in PAGES_DIR.glob("*.md")} - linked)
    assert not unlinked, f"CONTRIBUTING.md does not link: {unlinked}"


def test_every_task_page_has_a_worked_example():
    for name in TASK_PAGES:
        _prose, code = split_fences((PAGES_DIR / name).read_text(encoding="utf-8"))
        assert any(code), f".github/contributing/{name} has no example in a code block"


@pytest.mark.parametrize("doc", doc_files(), ids=rel)
def test_every_path_command_and_link_exists(doc: Path):
    problems = reference_problems(doc, doc.read_text(encoding="utf-8"))
    assert not problems, "\n".join(problems)


def test_reference_check_catches_what_does_not_exist():
    text = (
        "Edit `docs/guides/no-such-page.md`, run `make chromium` and `python -m tools.no_such_tool`.\n"
        "See [the brief](no-such-brief.md) and [style](fix-a-page.md#no-such-heading).\n"
        "Create `docs/no-such-folder/page.md` (new). Open `/guides/no-such-address/`.\n"
        "```bash\nmake nothing-here\n```\n"
        "Fine: `data/checklists/<id>.yml`, `site/`, `data/schema/*.schema.json`, `docs/guides/x.md` (new).\n"
    )
    problems = reference_problems(PAGES_DIR / "example.md", text)
    for expected in (
        "no-such-page.md",
        "make chromium",
        "tools.no_such_tool",
        "no-such-brief.md",
        "#no-such-heading",
        "no-such-folder",
        "no-such-address",
        "make nothing-here",
    ):
        assert any(expected in problem for problem in problems), (expected, problems)
    assert len(problems) == 8, problems


def test_macro_page_lists_exactly_the_registered_macros():
    text = (PAGES_DIR / "macros.md").read_text(encoding="utf-8")
    listed = re.findall(r"^\|\s*`(\w+)\(", text, flags=re.M)
    assert listed == registered_macros(), "the table in .github/contributing/macros.md must list _macros in order"


def test_contributing_docs_call_only_registered_macros():
    known = set(registered_macros())
    for doc in doc_files():
        unknown = sorted(set(_MACRO_CALL.findall(doc.read_text(encoding="utf-8"))) - known)
        assert not unknown, f"{rel(doc)} shows macros that do not exist: {unknown}"


def test_contributing_docs_never_say_iso_certified():
    pattern = re.compile(r"\bISO[- ]certified\b", re.IGNORECASE)
    allowed = re.compile(r"[\"“']ISO[- ]certified[\"”']", re.IGNORECASE)
    for doc in doc_files():
        for number, line in enumerate(doc.read_text(encoding="utf-8").splitlines(), 1):
            assert not (pattern.search(line) and not allowed.search(line)), f"{rel(doc)}:{number}: {line}"
