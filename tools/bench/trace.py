"""Where a page's load spends its style and layout time: a Chromium trace at 4× CPU slowdown.

Prints each style recalculation and layout of 3 ms or more, in order, with the number of elements it
touched and the script function (and column in the file) that forced it, then the totals. A whole-page
restyle forced by a script at load is what BENCHMARKS.md's blocking-time causes are about.

    python -m tools.bench.trace http://127.0.0.1:8000/reference/glossary/   # a served site (make serve)
"""

from __future__ import annotations

import argparse
import collections

from playwright.sync_api import sync_playwright

from tools.paths import CHROMIUM

CATEGORIES = "devtools.timeline,disabled-by-default-devtools.timeline,disabled-by-default-devtools.timeline.stack"


def trace(url: str, slowdown: int = 4) -> list[dict]:
    """Complete trace events of the page's main thread, from navigation to 2 s after load (phone size)."""
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"])
        context = browser.new_context(viewport={"width": 412, "height": 823}, is_mobile=True, has_touch=True)
        tab = context.new_page()
        cdp = context.new_cdp_session(tab)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": slowdown})
        events, done = [], []
        cdp.on("Tracing.dataCollected", lambda e: events.extend(e["value"]))
        cdp.on("Tracing.tracingComplete", lambda _e: done.append(True))
        cdp.send("Tracing.start", {"categories": CATEGORIES, "transferMode": "ReportEvents"})
        tab.goto(url, wait_until="load")
        tab.wait_for_timeout(2000)
        cdp.send("Tracing.end")
        while not done:
            tab.wait_for_timeout(100)
        browser.close()
    main = {
        (e["pid"], e["tid"])
        for e in events
        if e.get("name") == "thread_name" and e["args"].get("name") == "CrRendererMain"
    }
    return sorted((e for e in events if (e["pid"], e["tid"]) in main and e.get("ph") == "X"), key=lambda e: e["ts"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url")
    args = parser.parse_args()
    totals: collections.Counter = collections.Counter()
    for event in trace(args.url):
        totals[event["name"]] += event.get("dur", 0)
        if event["name"] not in ("UpdateLayoutTree", "Layout") or event.get("dur", 0) < 3000:
            continue
        data = event.get("args", {})
        stack = (data.get("beginData") or {}).get("stackTrace") or (data.get("data") or {}).get("stackTrace") or []
        cause = (
            ", ".join(
                f"{f.get('functionName') or '(anonymous)'}@{f.get('url', '').rsplit('/', 1)[-1] or '(the page)'}:"
                f"{f.get('columnNumber')}"
                for f in stack[:2]
            )
            or "the browser (rendering a frame)"
        )
        elements = data.get("elementCount", (data.get("beginData") or {}).get("dirtyObjects", "?"))
        print(f"{event['name']:17s} {event['dur'] / 1000:6.1f} ms  {elements!s:>5} elements  forced by {cause}")
    print(
        "Totals (ms):",
        {
            k: round(totals[k] / 1000)
            for k in ("ParseHTML", "UpdateLayoutTree", "Layout", "EvaluateScript", "FunctionCall")
        },
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
