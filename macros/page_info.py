"""What the theme shows about a page besides its text: when it last changed in git, where to edit it.

Both engines render `page.meta`, so these values are set there (see macros/__init__.py); the theme
(overrides/main.html, overrides/partials/actions.html) turns them into the freshness line and edit link.
"""

from __future__ import annotations

import datetime as dt
import os
import posixpath
import subprocess
from pathlib import Path

import yaml

from .i18n import EDITIONS  # docs/<lang>/ holds an edition, not English pages

_CACHE: dict = {}


def _history_stamp(root: Path):
    """Changes whenever a commit is made or checked out, so the git log is read once per change."""
    for candidate in (root / ".git" / "logs" / "HEAD", root / ".git" / "HEAD"):
        if candidate.exists():
            return candidate.stat().st_mtime_ns
    return None


def git_dates(root: Path) -> dict[str, str]:
    """Path (relative to the project root) -> ISO date of the last commit that touched it.

    One `git log` for the whole project, reused until the history changes. Empty outside a git checkout.
    """
    stamp = _history_stamp(root)
    if stamp is not None and _CACHE.get("stamp") == stamp:
        return _CACHE["dates"]
    dates: dict[str, str] = {}
    try:
        out = subprocess.run(
            ["git", "log", "--format=%x00%cs", "--name-only", "--", "docs", "data"],
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        out = ""
    for block in out.split("\0")[1:]:
        lines = block.strip().splitlines()
        if not lines:
            continue
        for name in lines[1:]:
            dates.setdefault(name.strip(), lines[0].strip())  # newest commit comes first
    _CACHE.update(stamp=stamp, dates=dates)
    return dates


def last_updated(root: Path, src: str, data_file: str | None = None, today: dt.date | None = None) -> str:
    """ISO date a page last changed: the newer of its Markdown file and the data file it shows.

    A page not yet committed counts as changed today (the date it will carry once committed).
    """
    dates = git_dates(root)
    found = [d for d in (dates.get(f"docs/{src}"), dates.get(data_file or "")) if d]
    return max(found) if found else (today or dt.date.today()).isoformat()


def data_edit_url(conf, data_file: str) -> str:
    """'edit/main/docs/' + 'data/glossary.yml' -> '<repo_url>/edit/main/data/glossary.yml'."""
    branch_path = posixpath.dirname((conf.get("edit_uri") or "").strip("/"))
    return f"{(conf.get('repo_url') or '').rstrip('/')}/{branch_path}/{str(data_file).lstrip('/')}"


def page_path(page) -> str:
    """The page's source path under docs/: MkDocs' page.file.src_uri, Zensical's page.path."""
    file = getattr(page, "file", None)
    return file.src_uri if file is not None else str(page.path)


def front_matter(docs_dir: Path) -> dict[str, dict]:
    """Page path (relative to docs/, or to docs/<lang>/) -> its front matter. The English pages of docs/
    leave out the editions' folders."""
    pages = {}
    for path in sorted(docs_dir.rglob("*.md")):
        if docs_dir.name == "docs" and path.relative_to(docs_dir).parts[0] in EDITIONS:
            continue
        text = path.read_text(encoding="utf-8")
        if text.startswith("---\n"):
            pages[path.relative_to(docs_dir).as_posix()] = yaml.safe_load(text[4 : text.find("\n---", 4)]) or {}
    return pages


def page_titles(docs_dir: Path) -> dict[str, str]:
    """Page path (relative to docs/) -> the `title` in its front matter."""
    return {src: str(meta["title"]) for src, meta in front_matter(docs_dir).items() if meta.get("title")}


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml as the engines do: `!ENV [NAME, default]` is the variable or its default."""


def _env_tag(loader, node):
    name, *default = loader.construct_sequence(node)
    return os.environ.get(name, default[-1] if default else None)


_ConfigLoader.add_constructor("!ENV", _env_tag)


def read_config(root: Path, name: str = "mkdocs.yml") -> dict:
    """mkdocs.yml (or an edition's generated config) as written. Both engines get the same `nav` from
    here: Zensical's own config object holds a different, resolved form of it. Read once per change of
    the file (pages ask for it each)."""
    path = root / name
    key = (str(path), path.stat().st_mtime_ns, os.environ.get("SITE_URL"), os.environ.get("SITE_DIR"))
    if _CONFIG.get(name, {}).get("key") != key:
        _CONFIG[name] = {"key": key, "config": yaml.load(path.read_text(encoding="utf-8"), Loader=_ConfigLoader)}
    return _CONFIG[name]["config"]


_CONFIG: dict = {}


def translated_pages(docs_dir: Path, editions) -> dict[str, set]:
    """Edition -> the pages it has translated (not the ones it leaves in English: `untranslated: true`)."""
    stamp = tuple((str(p), p.stat().st_mtime_ns) for lang in editions for p in sorted((docs_dir / lang).rglob("*.md")))
    if _TRANSLATED.get("stamp") != stamp:
        found = {}
        for lang in editions:
            pages = front_matter(docs_dir / lang) if (docs_dir / lang).is_dir() else {}
            found[lang] = {src for src, meta in pages.items() if not meta.get("untranslated")}
        _TRANSLATED.update(stamp=stamp, found=found)
    return _TRANSLATED["found"]


_TRANSLATED: dict = {}
