"""Re-pin the two requirement files from the short lists of direct dependencies.

    make pins   (python -m tools.pins)

tools/requirements/build.in -> requirements.txt            (what building the site needs)
tools/requirements/dev.in   -> tools/requirements/dev.txt  (-r requirements.txt, plus tests, lint, bench)
Every package, transitive ones included, is pinned to an exact version. Existing pins are kept unless
a .in file asks for another version; delete a line from the .txt file to upgrade that package.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from tools.paths import ROOT

REQS = ROOT / "tools" / "requirements"
COMPILE = [
    *(sys.executable, "-m", "piptools", "compile", "--quiet", "--no-header", "--no-annotate"),
    *("--no-emit-index-url", "--no-emit-find-links", "--strip-extras"),
]


def compile_pins(source: Path, output: Path) -> list[str]:
    subprocess.run([*COMPILE, "--output-file", str(output), str(source)], check=True, cwd=source.parent)
    return [line for line in output.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]


def main() -> int:
    build = compile_pins(REQS / "build.in", ROOT / "requirements.txt")
    with tempfile.TemporaryDirectory() as tmp:
        everything = Path(tmp) / "dev.txt"
        if (REQS / "dev.txt").exists():
            pinned = [line for line in (REQS / "dev.txt").read_text(encoding="utf-8").splitlines() if "==" in line]
            everything.write_text("\n".join(pinned) + "\n", encoding="utf-8")
        extra = [line for line in compile_pins(REQS / "dev.in", everything) if line not in build]
    header = "# Made by `make pins` from tools/requirements/dev.in; do not edit by hand.\n-r ../../requirements.txt\n"
    (REQS / "dev.txt").write_text(header + "\n".join(extra) + "\n", encoding="utf-8")
    text = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    header = "# Made by `make pins` from tools/requirements/build.in; do not edit by hand.\n"
    (ROOT / "requirements.txt").write_text(header + text, encoding="utf-8")
    print(f"requirements.txt: {len(build)} pins; tools/requirements/dev.txt: {len(extra)} more")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
