"""Benchmark: build speed, macro overhead, scaling, page weight, search index, Lighthouse.

Run with `make bench`. Writes BENCHMARKS.md (figures, budgets, machine, date) and exits non-zero if a
budget is missed. Not a test: timings belong here, never in `make test`.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

from bs4 import BeautifulSoup

from tools.paths import CHROMIUM, ROOT
from tools.site_files import copy_project, pages

RESULTS = ROOT / ".bench" / "results.json"  # the last run's raw figures (`--report-only` rewrites the report)
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
# The four pages: home, glossary, the longest guide (found at run time) and a template page.
LIGHTHOUSE_FIXED = ["", "reference/glossary/", "templates/audit-report-request/"]

BUDGETS = {
    "render_kb": 80.0,  # HTML + CSS + JS needed to render, compressed
    "idle_kb": 250.0,  # everything fetched until network idle, search index included, compressed
    "macro_overhead_pct": 15.0,  # macros' share of a full build
    "scaling_ratio": 11.0,  # build time of 1,000 pages / 100 pages
    "tbt_ratio": 1.5,  # each page's median Total Blocking Time / the plain Material starter page's
    "serve_rebuild_s": 2.0,  # save a page -> preview rebuilt, site padded to 100 pages
}


# What profiling found when a budget was missed (kept here so each report explains itself). Figures in
# braces come from this run; the others were measured by hand on 2026-11-23 with the commands named.
GAP_CAUSES = {
    "Macros' added build time": (
        "mkdocs-macros itself, with an empty module on the pre-rendered pages, adds {plugin_pct:.0f} % "
        "({plugin_only:.2f} s against {off:.2f} s): it imports `requests` (about 0.09 s, `python -X importtime`), "
        "runs 12 `git` commands for its `git` variable (about 0.05 s) and compiles every page as a Jinja "
        "template even when it holds no macro (about 3 ms a page). The project's share is {project_pct:.0f} %: "
        "compiling and running the 477 macro calls (about 0.08 s more than compiling the same pages without "
        "them, timed with jinja2's `Environment.from_string`), importing jsonschema (about 0.05 s) and loading "
        "and validating data/ (about 0.04 s, down from 0.63 s with libyaml); the theme repair went from 50 ms to "
        "5 ms. The plugin's fixed cost plus the Jinja compile of the calls already come to about 15-20 % of this "
        "small site's build, so the budget needs a lighter macro engine than the fixed choice mkdocs-macros. "
        "Timings move by about 0.1 s between runs."
    ),
    "HTML + CSS + JS to render a page, compressed (largest page)": (
        "The largest pages are /what-changed/ (every correction of the 2026-11-26 fact audit, 174 items, listed "
        "in full) and /reference/glossary/ (59 terms, each with its sources). The shared theme CSS and JS are the "
        "same on every page; the HTML of these two pages is what pushes them over. Splitting What changed by "
        "year, once there are several audits, is the obvious cut."
    ),
    "Save a page → preview rebuilt, `make serve` (`mkdocs serve --dirty`), site + 100 pages": (
        "`make serve` rebuilds only the saved page ({serve_pages} pages in the padded site); a change to data/, "
        "macros/, overrides/, mkdocs.yml or any page's front matter rebuilds them all. A missed budget here "
        "means the single-page path itself got slower."
    ),
}


# Blocking-time changes and what they did, measured by `make bench` before and after (the first "before" is
# issue 13's own measurement, from before the bench measured Lighthouse). Absolute times move from run to
# run on one machine, so the bench's figures are given as ratios to the starter page of the same run.
BEFORE_AFTER = [
    (
        "`content.tooltips` off; definitions shown by assets/javascripts/site.js on first hover, focus or tap",
        "/reference/glossary/",
        "260-282 ms against the starter's 35-56 ms (issue 13's own Lighthouse runs)",
        "153 ms = 1.29× (2026-11-26 14:10 UTC)",
    ),
    (
        "Colours chosen while the header is parsed (theme's palette component not mounted), `<html>` classes "
        "set in `<head>`",
        "/reference/glossary/",
        "226 ms = 2.13× (2026-11-26 16:44 UTC)",
        "111 ms = 0.73× (2026-11-26 18:56 UTC)",
    ),
    ("", "/guides/get-certified/", "169 ms = 1.59×", "131 ms = 0.86×"),
    ("", "/templates/audit-report-request/", "131 ms = 1.24×", "163 ms = 1.08×"),
    ("", "/", "95 ms = 0.90×", "73 ms = 0.48×"),
]

# Any of the four Lighthouse pages: what tracing the page load found (same for each; figures by hand).
LIGHTHOUSE_CAUSE = (
    "Traced on 2026-11-26 with `python -m tools.bench.trace <page URL>` (Chromium at 4× CPU slowdown, phone "
    "size: each restyle and layout, the elements it touched and the script that forced it). Removed since "
    "the 16:44 UTC run of that day: the theme's palette component re-applied the colours at load (it set and "
    "removed `data-md-color-switching` on `<body>` and read the header's style between) and the theme's "
    "script changed the classes of `<html>` late; together four restyles of the whole page, about 40 % of "
    "the style and layout time of the longest guide. The colours are now chosen while the header is parsed "
    "(overrides/partials/javascripts/palette.html) and the classes set in `<head>`; "
    "tests/browser/test_quality.py fails if anything changes those attributes at load. What remains is the "
    "page's first style and layout, which the theme's script forces when it first reads the scroll position, "
    "and the script mounting its components (search, navigation, table of contents); both grow with the "
    "number of elements (the Elements column; the glossary's 59 entries are in its table of contents twice, "
    "in the sidebar and in the phone menu). When blocking time is inside the budget and the score a point "
    "under the starter's, the rest is Largest Contentful Paint: compare the LCP and FCP columns. Our pages "
    "paint first sooner than the starter page (the header) but their largest element, the article's first "
    "paragraph, later: it comes after the header and the whole site navigation in the HTML (on the longest "
    "guide the article starts at byte 44,676 of 101,727; 7 of 19 KB compressed), while the starter's is the "
    "code block of a page with one paragraph (one Lighthouse run each, `lcp-breakdown-insight`: the element's "
    "render delay 167 ms on the guide, 116 ms on the starter page). The starter page's own blocking time "
    "moves a lot between rounds (see its runs), so a one-point difference is also within the machine's noise. "
    "Next cuts if it keeps missing: the glossary's entries out of the table of contents (letters only), a "
    "shorter longest guide."
)


def gap_figures(r: dict) -> dict:
    """Numbers from this run that GAP_CAUSES quotes."""
    build = r["build"]
    return {
        "plugin_only": build["plugin_only"],
        "off": build["prerendered"],
        "plugin_pct": (build["plugin_only"] - build["prerendered"]) / build["prerendered"] * 100,
        "project_pct": (build["macros"] - build["plugin_only"]) / build["prerendered"] * 100,
        "serve_pages": r["weight"]["pages"] + 100,
        "serve_ms": r["serve"]["full"] / (r["weight"]["pages"] + 100) * 1000,
    }


# Building ---------------------------------------------------------------------------------------


def timed_build(project: Path, runs: int) -> float:
    """Median wall time of `mkdocs build --strict` over `runs` runs, in seconds."""
    times = []
    for _ in range(runs):
        out = Path(tempfile.mkdtemp(prefix="bench-site-"))
        start = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(out)],
            cwd=project,
            env=ENV,
            capture_output=True,
            text=True,
        )
        times.append(time.perf_counter() - start)
        shutil.rmtree(out, ignore_errors=True)
        if result.returncode != 0:
            raise SystemExit(f"build failed in {project}:\n{result.stdout}\n{result.stderr}")
    return statistics.median(times)


def timed_zensical_build(project: Path) -> float:
    """Wall time of one strict Zensical build of the same mkdocs.yml (into build/, inside the project,
    where Zensical requires its site folder to be)."""
    start = time.perf_counter()
    result = subprocess.run(
        [str(Path(sys.executable).parent / "zensical"), "build", "--strict", "--clean"],
        cwd=project,
        env={**ENV, "SITE_DIR": "build/bench-zensical"},
        capture_output=True,
        text=True,
    )
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"zensical build failed in {project}:\n{result.stdout}\n{result.stderr}")
    shutil.rmtree(project / "build" / "bench-zensical", ignore_errors=True)
    return elapsed


def serve_rebuild_time(project: Path, engine: str, edits: int = 3) -> float:
    """Median seconds from saving a page to the preview server (`mkdocs serve` or `zensical serve`)
    serving the changed text, in a copy padded to 100 pages by synthetic_copy."""
    import urllib.request

    port = 8700 if engine == "mkdocs" else 8701
    command = (
        [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{port}"]  # as `make serve`
        if engine == "mkdocs"
        else [str(Path(sys.executable).parent / "zensical"), "serve", "-a", f"127.0.0.1:{port}"]
    )
    proc = subprocess.Popen(
        command,
        cwd=project,
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    page = project / "docs" / "guides" / "verify-a-certificate.md"
    from urllib.parse import urlparse

    from macros.page_info import read_config

    base = urlparse(read_config(project).get("site_url") or "/").path  # mkdocs serve mounts the site there
    url = f"http://127.0.0.1:{port}{base.rstrip('/')}/guides/verify-a-certificate/"

    def served() -> str:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return response.read().decode("utf-8", "replace")
        except OSError:
            return ""

    times = []
    try:
        deadline = time.time() + 120
        while "Verify a certificate" not in served():
            if time.time() > deadline:
                raise SystemExit("mkdocs serve did not start within 120 s")
            time.sleep(0.2)
        time.sleep(2)  # let the watcher settle after the first build
        for n in range(edits):
            marker = f"benchmark-edit-{n}-{time.time_ns()}"
            text = page.read_text(encoding="utf-8")
            start = time.perf_counter()
            page.write_text(text + f"\n{marker}\n", encoding="utf-8")
            while marker not in served():
                if time.perf_counter() - start > 120:
                    raise SystemExit("mkdocs serve did not rebuild within 120 s")
                time.sleep(0.05)
            times.append(time.perf_counter() - start)
            time.sleep(1.5)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    return statistics.median(times)


def prerendered_copy(dest: Path) -> Path:
    """A copy whose pages hold the macros' output and whose config has no macros plugin."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.plugins import BasePlugin

    rendered: dict[str, str] = {}

    class Capture(BasePlugin):
        def on_page_markdown(self, markdown, page, **_kwargs):
            rendered[page.file.src_uri] = markdown
            return markdown

    os.environ.update({k: v for k, v in ENV.items() if k.endswith("WARNING")})
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=tempfile.mkdtemp(prefix="bench-capture-"))
    config.plugins["bench-capture"] = Capture()  # runs after macros: it was added last
    config.plugins.on_startup(command="build", dirty=False)
    build(config)
    abbr_glossary = config.mdx_configs.get("abbr", {}).get("glossary", {})

    copy_project(dest)
    for src_uri, markdown in rendered.items():
        page = dest / "docs" / src_uri
        text = page.read_text(encoding="utf-8")
        front = text.split("---\n", 2)[1] if text.startswith("---\n") else ""
        page.write_text((f"---\n{front}---\n" if front else "") + markdown, encoding="utf-8")
    cfg_file = dest / "mkdocs.yml"
    cfg = cfg_file.read_text(encoding="utf-8")
    # Drop the macros plugin's entry (its line and the options indented under it), nothing else.
    lines = cfg.splitlines(keepends=True)
    start = lines.index("  - macros:\n")
    end = start + 1
    while lines[end].startswith("      "):
        end += 1
    cfg = "".join(lines[:start] + lines[end:])
    cfg = cfg.replace(
        "markdown_extensions:\n  - abbr\n",
        "markdown_extensions:\n  - abbr:\n      glossary: " + json.dumps(abbr_glossary) + "\n",
    )
    cfg_file.write_text(cfg, encoding="utf-8")
    return dest


def plugin_only_copy(prerendered: Path, dest: Path) -> Path:
    """The pre-rendered copy with mkdocs-macros switched back on, running an empty module: the plugin's own cost."""
    shutil.copytree(prerendered, dest)
    (dest / "bench_empty_module.py").write_text("def define_env(env):\n    pass\n", encoding="utf-8")
    cfg_file = dest / "mkdocs.yml"
    cfg = cfg_file.read_text(encoding="utf-8")
    cfg = cfg.replace("  - redirects:", "  - macros:\n      module_name: bench_empty_module\n  - redirects:", 1)
    cfg_file.write_text(cfg, encoding="utf-8")
    return dest


SYNTHETIC_PAGE = """---
title: Synthetic page {n}
description: Synthetic benchmark page {n} that uses the site's macros like a real guide page.
reviewed: 2026-11-23
audience: [exporter]
---

# Synthetic page {n}

A {{{{ term("certification-body") }}}} audits your {{{{ term("qms") }}}} at least once a year.
{{{{ cite("iso-certification") }}}}

{{{{ fact("current-edition") }}}}

## Section one {{ #section-one }}

Keep calibration records for every micrometer and height gauge in cell {n}. The records show the
date, the standard used and the result. {{{{ cite("calproof-calibration", "unitest-calibration") }}}}

## Section two {{ #section-two }}

Lot {n}-118 ran on the 5-axis mill. The first article was checked on the CMM before release.
A nonconforming part goes to the red-tag rack and gets an NCR.

{{{{ checklist("certificate-red-flags") }}}}
"""


def synthetic_copy(dest: Path, count: int) -> Path:
    copy_project(dest)
    folder = dest / "docs" / "synthetic"
    folder.mkdir()
    for n in range(count):
        (folder / f"page-{n:04d}.md").write_text(SYNTHETIC_PAGE.format(n=n), encoding="utf-8")
    cfg_file = dest / "mkdocs.yml"
    cfg_file.write_text(
        cfg_file.read_text(encoding="utf-8").replace("# Build\n", "# Build\nnot_in_nav: |\n  /synthetic/\n", 1),
        encoding="utf-8",
    )
    return dest


# Page weight ------------------------------------------------------------------------------------


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))


def render_weight(site: Path, page: Path) -> int:
    """Compressed bytes of the page's HTML plus the CSS and JS files it references."""
    html = page.read_bytes()
    doc = BeautifulSoup(html, "html.parser")
    total = gz(html)
    refs = [t["href"] for t in doc.select('link[rel="stylesheet"][href]')]
    refs += [t["src"] for t in doc.select("script[src]")]
    for ref in refs:
        target = (page.parent / ref).resolve()
        total += gz(target.read_bytes())
    return total


class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static server that gzips text responses and keeps connections open, as GitHub Pages does."""

    protocol_version = "HTTP/1.1"  # keep-alive; HTTP/1.0 made Lighthouse count a new connection per file

    def log_message(self, *args):
        pass

    def end_headers(self):
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        compressible = path.endswith((".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"))
        if compressible and "gzip" in self.headers.get("Accept-Encoding", "") and os.path.isfile(path):
            body = gzip.compress(Path(path).read_bytes())
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(path))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body) if self.command != "HEAD" else None
            return None
        return super().send_head()


def serve(site: Path):
    handler = functools.partial(_GzipHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def idle_weight(base_url: str, paths: list[str]) -> dict[str, int]:
    """Compressed bytes transferred until network idle, per page, in a fresh browser profile."""
    from playwright.sync_api import sync_playwright

    weights = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"])
        for path in paths:
            context = browser.new_context()
            tab = context.new_page()
            sizes: list[int] = []
            tab.on("requestfinished", lambda req, sizes=sizes: sizes.append(req.sizes()["responseBodySize"]))
            tab.goto(base_url + path, wait_until="networkidle")
            tab.wait_for_timeout(500)
            weights[path] = sum(sizes)
            context.close()
        browser.close()
    return weights


# Lighthouse -------------------------------------------------------------------------------------


LIGHTHOUSE_RUNS = 5  # per page, interleaved with the starter page; medians are reported
METRICS = {
    "first-contentful-paint": "FCP",
    "largest-contentful-paint": "LCP",
    "total-blocking-time": "TBT",
    "speed-index": "SI",
    "cumulative-layout-shift": "CLS",
    "total-byte-weight": "bytes",
    "dom-size-insight": "DOM",  # elements in the page once loaded
}


def lighthouse(targets: dict[str, str], node_dir: Path) -> dict[str, dict] | str:
    """LIGHTHOUSE_RUNS mobile runs of every target (label -> URL), interleaved round by round so that
    the machine's drift hits all pages alike. Per target: medians of each metric and of the score."""
    binary = node_dir / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        install = subprocess.run(
            ["npm", "install", "--no-audit", "--no-fund", "--prefix", str(node_dir), "lighthouse@13.5.0"],
            capture_output=True,
            text=True,
        )
        if install.returncode != 0:
            return f"npm install lighthouse failed: {install.stderr[-400:]}"
    runs: dict[str, list] = {label: [] for label in targets}
    for round_ in range(LIGHTHOUSE_RUNS):
        print(f"  Lighthouse round {round_ + 1} of {LIGHTHOUSE_RUNS}…", flush=True)
        for label, url in targets.items():
            report = _lighthouse_run(binary, url, node_dir / "report.json")
            if isinstance(report, str):
                return f"lighthouse failed on {label}: {report}"
            runs[label].append(report)
    scores = {}
    for label, reports in runs.items():
        perf = [round((rep["categories"]["performance"]["score"] or 0) * 100) for rep in reports]
        median_run = sorted(reports, key=lambda rep: rep["categories"]["performance"]["score"] or 0)[len(reports) // 2]
        result = {key: round((cat["score"] or 0) * 100) for key, cat in median_run["categories"].items()}
        result["performance"] = statistics.median(perf)
        result["_runs"] = perf
        values = {
            name: [
                rep["audits"][key]["numericValue"] for rep in reports if "numericValue" in rep["audits"].get(key, {})
            ]
            for key, name in METRICS.items()
        }
        result["_metrics"] = {name: statistics.median(found) for name, found in values.items() if found}
        result["_tbt_runs"] = [round(rep["audits"]["total-blocking-time"]["numericValue"]) for rep in reports]
        scores[label] = result
    return scores


def longest_guide(site: Path) -> str:
    """The guide with the most words in its article: the heaviest reading page."""
    guides = sorted((site / "guides").glob("*/index.html"))
    words = {}
    for p in guides:
        article = BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser").select_one("article")
        words[p.parent.name] = len(article.get_text(" ").split())
    return f"guides/{max(words, key=words.get)}/"


def plain_material_site(dest: Path) -> Path:
    """`mkdocs new` with `theme: material` and nothing else: the plain Material site the issue compares against."""
    subprocess.run([sys.executable, "-m", "mkdocs", "new", str(dest)], env=ENV, check=True, capture_output=True)
    cfg = dest / "mkdocs.yml"
    cfg.write_text(cfg.read_text(encoding="utf-8") + "theme:\n  name: material\n", encoding="utf-8")
    site = dest / "site"
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(site)], cwd=dest, env=ENV, check=True
    )
    return site


def _lighthouse_run(binary: Path, url: str, out: Path) -> dict | str:
    result = subprocess.run(
        [
            str(binary),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={out}",
            "--only-categories=performance,accessibility,best-practices,seo",
            "--form-factor=mobile",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking "
            "--disable-component-update --disable-sync --no-first-run",
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "CHROME_PATH": str(CHROMIUM)},
        timeout=300,
    )
    if result.returncode != 0 or not out.exists():
        return result.stderr[-400:]
    report = json.loads(out.read_text(encoding="utf-8"))
    out.unlink()
    return report


# Report -----------------------------------------------------------------------------------------


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    system = f"{platform.system()} {platform.release()}"
    return f"{cpu}, {os.cpu_count()} cores{mem}, {system}, Python {platform.python_version()}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3, help="builds per timing (median)")
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument("--output", default=str(ROOT / "BENCHMARKS.md"))
    parser.add_argument(
        "--report-only", action="store_true", help=f"rewrite the report from the last run's {RESULTS.name}"
    )
    args = parser.parse_args()
    if args.report_only:
        report, ok = write_report(json.loads(RESULTS.read_text(encoding="utf-8")), args)
        Path(args.output).write_text(report, encoding="utf-8")
        return 0 if ok else 1

    work = Path(tempfile.mkdtemp(prefix="bench-"))
    results: dict = {}
    print("timing full builds (macros on / pre-rendered / plugin with an empty module)…", flush=True)
    # Interleave the three builds and keep each one's fastest run: background noise only ever adds time.
    prerendered = prerendered_copy(work / "prerendered")
    plugin_only = plugin_only_copy(prerendered, work / "plugin-only")
    on_runs, off_runs, plugin_runs = [], [], []
    for _ in range(args.runs * 3):
        on_runs.append(timed_build(ROOT, 1))
        off_runs.append(timed_build(prerendered, 1))
        plugin_runs.append(timed_build(plugin_only, 1))
    with_macros, without = min(on_runs), min(off_runs)
    results["build"] = {
        "macros": with_macros,
        "prerendered": without,
        "plugin_only": min(plugin_runs),
        "overhead_pct": (with_macros - without) / without * 100,
    }

    print("timing Zensical builds…", flush=True)
    results["build"]["zensical"] = min(timed_zensical_build(ROOT) for _ in range(args.runs))

    print("timing synthetic sites…", flush=True)
    scaling = {}
    for count in (100, 500, 1000):
        scaling[count] = timed_build(synthetic_copy(work / f"synthetic-{count}", count), max(1, args.runs - 1))
    results["scaling"] = scaling

    print("timing the preview: save a page, wait for mkdocs serve to serve it (100 extra pages)…", flush=True)
    padded = synthetic_copy(work / "serve-100", 100)
    results["serve"] = {
        "full": serve_rebuild_time(padded, "mkdocs"),
        "zensical": serve_rebuild_time(padded, "zensical"),
    }

    print("measuring page weight…", flush=True)
    site = work / "site"
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
        cwd=ROOT,
        env=ENV,
        check=True,
    )
    built = pages(site)
    render = {str(p.relative_to(site).parent).replace(".", ""): render_weight(site, p) for p in built}
    server, base_url = serve(site)
    idle = idle_weight(base_url, [p + "/" if p else "" for p in render])
    index = (site / "search" / "search_index.json").read_bytes()
    text = sum(
        len(BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser").select_one("article").get_text(" ").encode())
        for p in built
    )
    results["weight"] = {
        "render": render,
        "idle": idle,
        "index_raw": len(index),
        "index_gz": gz(index),
        "text": text,
        "pages": len(built),
    }

    widgets = site / "assets" / "javascripts" / "widgets.js"
    results["widgets"] = {
        "gz": gz(widgets.read_bytes()),
        "pages": sorted(
            str(p.relative_to(site).parent) for p in built if "widgets.js" in p.read_text(encoding="utf-8")
        ),
        "of": len(built),
    }

    light = "skipped (--no-lighthouse)"
    if not args.no_lighthouse:
        print("running Lighthouse (our pages and the plain Material starter page, interleaved)…", flush=True)
        plain_server, plain_url = serve(plain_material_site(work / "plain-material"))
        chosen = [*LIGHTHOUSE_FIXED[:2], longest_guide(site), *LIGHTHOUSE_FIXED[2:]]
        targets = {"/" + p: base_url + p for p in chosen}
        targets[STARTER] = plain_url
        light = lighthouse(targets, ROOT / ".bench" / "node")
        plain_server.shutdown()
    results["lighthouse"] = light
    results["date"] = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")  # `--report-only` keeps the run's date
    server.shutdown()
    shutil.rmtree(work, ignore_errors=True)

    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=1, default=str), encoding="utf-8")
    report, ok = write_report(results, args)
    Path(args.output).write_text(report, encoding="utf-8")
    print(report)
    return 0 if ok else 1


STARTER = "Plain Material starter page"


def write_report(r: dict, args) -> tuple[str, bool]:
    r = {**r, "scaling": {int(n): t for n, t in r["scaling"].items()}}  # JSON keys come back as strings
    kb = lambda b: b / 1024  # noqa: E731
    render_max = max(r["weight"]["render"].values())
    idle_max = max(r["weight"]["idle"].values())
    ratio = r["scaling"][1000] / r["scaling"][100]
    overhead = r["build"]["overhead_pct"]
    light = r["lighthouse"]
    page_checks = []
    if isinstance(light, dict):
        starter = light[STARTER]
        for label, s in light.items():
            if label == STARTER:
                continue
            tbt, floor = s["_metrics"]["TBT"], starter["_metrics"]["TBT"]
            page_checks.append(
                (
                    f"Lighthouse {label}: TBT / starter's, and performance score",
                    f"{tbt:.0f} / {floor:.0f} ms = {tbt / max(floor, 1):.2f}×; score {s['performance']:.0f} "
                    f"(starter {starter['performance']:.0f})",
                    f"≤ {BUDGETS['tbt_ratio']}× and ≥ starter",
                    tbt <= BUDGETS["tbt_ratio"] * floor and s["performance"] >= starter["performance"],
                )
            )
    else:
        page_checks.append(("Lighthouse", str(light), "measured", False))
    checks = [
        (
            "HTML + CSS + JS to render a page, compressed (largest page)",
            f"{kb(render_max):.1f} KB",
            f"≤ {BUDGETS['render_kb']:.0f} KB",
            kb(render_max) <= BUDGETS["render_kb"],
        ),
        (
            "Everything fetched until idle, search index included (largest page)",
            f"{kb(idle_max):.1f} KB",
            f"≤ {BUDGETS['idle_kb']:.0f} KB",
            kb(idle_max) <= BUDGETS["idle_kb"],
        ),
        (
            "Macros' added build time",
            f"{overhead:+.1f} %",
            f"≤ {BUDGETS['macro_overhead_pct']:.0f} %",
            overhead <= BUDGETS["macro_overhead_pct"],
        ),
        (
            "Build time 1,000 pages / 100 pages",
            f"{ratio:.2f}×",
            f"≤ {BUDGETS['scaling_ratio']:.0f}×",
            ratio <= BUDGETS["scaling_ratio"],
        ),
        *page_checks,
        (
            "Save a page → preview rebuilt, `make serve` (`mkdocs serve --dirty`), site + 100 pages",
            f"{r['serve']['full']:.2f} s",
            f"≤ {BUDGETS['serve_rebuild_s']:.0f} s",
            r["serve"]["full"] <= BUDGETS["serve_rebuild_s"],
        ),
    ]
    ok = all(c[3] for c in checks)
    lines = [
        "# Benchmarks",
        "",
        "Made by `make bench` (`tools/bench/`); do not edit by hand. One run, one machine.",
        "",
        f"- Date: {r.get('date') or datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')}",
        f"- Machine: {machine()}",
        f"- Timings: macros on/off: fastest of {args.runs * 3} interleaved strict builds each; "
        f"synthetic sites: median of {max(1, args.runs - 1)}",
        "",
        "## Budgets",
        "",
        "| Measure | Result | Budget | Met |",
        "|---|---|---|---|",
        *[f"| {name} | {value} | {budget} | {'yes' if met else '**no**'} |" for name, value, budget, met in checks],
        "",
        "## Build time",
        "",
        "| Build | Seconds |",
        "|---|---|",
        f"| Full site, macros on | {r['build']['macros']:.2f} |",
        f"| Same pages, macros pre-rendered, plugin off | {r['build']['prerendered']:.2f} |",
        f"| Ratio (on / off) | {r['build']['macros'] / r['build']['prerendered']:.2f} |",
        f"| Pre-rendered pages, plugin on with an empty module (the plugin's own cost) "
        f"| {r['build']['plugin_only']:.2f} |",
        f"| Macro time: the plugin's fixed cost (empty module − plugin off) "
        f"| {r['build']['plugin_only'] - r['build']['prerendered']:.2f} |",
        f"| Macro time: the project's own share (macros on − empty module) "
        f"| {r['build']['macros'] - r['build']['plugin_only']:.2f} |",
        f"| Full site, Zensical 0.0.73 (`make zensical`), fastest of {args.runs} | {r['build']['zensical']:.2f} |",
        *[f"| {n:,} synthetic pages using the macros (plus the site) | {t:.2f} |" for n, t in r["scaling"].items()],
        "",
        "## Preview rebuild (`mkdocs serve`, site padded with 100 synthetic pages)",
        "",
        "Median of 3 edits: seconds from saving `docs/guides/verify-a-certificate.md` to the server returning "
        "the new text.",
        "",
        "| Mode | Seconds |",
        "|---|---|",
        f"| `make serve`: `mkdocs serve --dirty`, the saved page only | {r['serve']['full']:.2f} |",
        f"| `zensical serve` (Zensical 0.0.73; no strict mode) | {r['serve']['zensical']:.2f} |",
        "",
        "`make serve` rebuilds only the page you saved. When data/, macros/, overrides/, mkdocs.yml or any "
        "page's front matter changed, it rebuilds every page (macros/__init__.py, `_preview_inputs_changed`; "
        "tests/site/test_serve.py checks a data, a macro and a theme edit reach the preview), so the partial "
        "rebuild never leaves a page stale. MkDocs' warning that a dirty build may do so is dropped for that reason.",
        "",
        "## Widget script",
        "",
        f"`assets/javascripts/widgets.js` is {r['widgets']['gz'] / 1024:.1f} KB compressed (budget 6 KB) and "
        f"loads on {len(r['widgets']['pages'])} of {r['widgets']['of']} pages: "
        + ", ".join(f"/{p}/" for p in r["widgets"]["pages"])
        + ".",
        "",
        "## Page weight (compressed, gzip level 6)",
        "",
        "| Page | Render: HTML + CSS + JS (KB) | Until idle, all requests (KB) |",
        "|---|---|---|",
        *[
            f"| /{p}{'/' if p else ''} | {kb(v):.1f} | {kb(r['weight']['idle'][p + '/' if p else '']):.1f} |"
            for p, v in sorted(r["weight"]["render"].items())
        ],
        "",
        "## Search index",
        "",
        f"- Index: {kb(r['weight']['index_raw']):.1f} KB raw, {kb(r['weight']['index_gz']):.1f} KB compressed",
        f"- Page text it indexes: {kb(r['weight']['text']):.1f} KB",
        f"- Index / text: {r['weight']['index_raw'] / r['weight']['text']:.2f}×",
        "",
        "## Lighthouse (mobile)",
        "",
    ]
    if isinstance(light, dict):
        lines += [
            f"Mobile defaults. {LIGHTHOUSE_RUNS} rounds; each round runs every page once, the plain Material 9.8.1 "
            "starter page (`mkdocs new` with `theme: material`) included, so the machine's drift hits all alike. "
            "Medians per page; the other categories come from the run with the median performance score. "
            "Bytes: everything the page transferred (Lighthouse's total byte weight), served with gzip and "
            "keep-alive as GitHub Pages does.",
            "",
            "| Page | Performance (runs) | TBT (runs) | LCP | FCP | Bytes | Elements | Accessibility | Best practices "
            "| SEO |",
            "|---|---|---|---|---|---|---|---|---|---|",
        ]
        for page, s in light.items():
            m = s["_metrics"]
            runs = ", ".join(str(x) for x in s["_runs"])
            tbts = ", ".join(str(x) for x in s["_tbt_runs"])
            lines.append(
                f"| {page} | {s['performance']:.0f} ({runs}) | {m['TBT']:.0f} ms ({tbts}) | {m['LCP'] / 1000:.2f} s | "
                f"{m['FCP'] / 1000:.2f} s | {m['bytes'] / 1024:.0f} KB | "
                f"{format(m['DOM'], '.0f') if 'DOM' in m else '–'} | {s.get('accessibility')} | "
                f"{s.get('best-practices')} | {s.get('seo')} |"
            )
    else:
        lines.append(f"Not measured: {light}")
    lines += [
        "",
        "### Changes measured before and after (Total Blocking Time, median; × the starter page's in that run)",
        "",
        "| Change | Page | Before | After |",
        "|---|---|---|---|",
        *[f"| {change or '〃'} | {page} | {before} | {after} |" for change, page, before, after in BEFORE_AFTER],
    ]
    missed = [name for name, _value, _budget, met in checks if not met]
    if missed:
        lines += ["", "## Budgets missed: causes found", ""]
        figures = gap_figures(r)
        pages = [name for name in missed if name.startswith("Lighthouse /")]
        lines += [
            f"- **{name}**: {GAP_CAUSES.get(name, 'not analysed yet.').format(**figures)}"
            for name in missed
            if name not in pages
        ]
        if pages:  # one cause for the Lighthouse pages: said once
            labels = ", ".join(name.split()[1].rstrip(":") for name in pages)
            lines.append(f"- **Lighthouse, {labels}**: {LIGHTHOUSE_CAUSE}")
    lines.append("")
    return "\n".join(lines), ok


if __name__ == "__main__":
    sys.exit(main())
