"""Thai word boundaries for search: a Python-Markdown extension the Thai edition's config loads.

Thai writes no spaces between words. The theme's search splits text into words at its separator, which
includes the zero-width space (U+200B, mkdocs.yml `plugins.search.separator`), so this puts one between
Thai words in the page text: search then finds a Thai word inside a sentence, and phones can break lines
there. The words come from the theme's own Thai dictionary (Material's lunr/wordcut.js, the word list
of its Thai segmentation); the cut is the one with the fewest words, unknown letters kept together.
The space is invisible; code and preformatted text are left alone.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path
from xml.etree.ElementTree import Element

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

ZWSP = "\u200b"
THAI_RUN = re.compile(r"[\u0e00-\u0e7f]+")
# Letters that cannot begin a Thai word (vowels and tone marks written after or above a consonant).
NO_START = set(
    "\u0e30\u0e31\u0e32\u0e33\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e45\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e"
)
UNKNOWN = 100  # a letter outside any dictionary word costs this much: prefer any split into known words
SKIP = {"code", "pre", "script", "style", "kbd", "samp"}


@lru_cache(maxsize=1)
def dictionary() -> tuple[frozenset, int]:
    """The Thai words of the theme's segmenter, and the length of the longest."""
    spec = find_spec("material")
    path = Path(spec.origin).parent / "templates" / "assets" / "javascripts" / "lunr" / "wordcut.js"
    text = path.read_text(encoding="utf-8")
    words = set()
    for block in re.findall(r'var words = "((?:[^"\\]|\\.)*)"', text):
        words.update(w for w in block.split("\\n") if THAI_RUN.fullmatch(w))
    if not words:
        raise RuntimeError(f"no Thai word list found in {path}")
    return frozenset(words), max(map(len, words))


def segment(run: str) -> list[str]:
    """Split a run of Thai letters into words: fewest words, unknown letters joined to their neighbours."""
    words, longest = dictionary()
    n = len(run)
    best = [0] + [10**9] * n  # best[i]: cost of run[:i]
    back = [0] * (n + 1)
    for i in range(n):
        if best[i] >= 10**9:
            continue
        for j in range(i + 1, min(n, i + longest) + 1):
            if run[i:j] in words:
                cost = best[i] + 1
                if cost < best[j] or (cost == best[j] and back[j] > i):
                    best[j], back[j] = cost, i
        if best[i] + UNKNOWN < best[i + 1]:
            best[i + 1], back[i + 1] = best[i] + UNKNOWN, -(i + 1)  # negative: one unknown letter
    pieces: list[str] = []
    j = n
    while j > 0:
        i = back[j]
        if i < 0:  # unknown letter: glue it to the piece after it
            i = -i - 1
            if pieces and not _known(pieces[-1]):
                pieces[-1] = run[i:j] + pieces[-1]
            else:
                pieces.append(run[i:j])
        else:
            pieces.append(run[i:j])
        j = i
    pieces.reverse()
    # A piece cannot start with a following vowel or a tone mark: join it to the piece before.
    out: list[str] = []
    for piece in pieces:
        if out and (piece[0] in NO_START or (not _known(piece) and not _known(out[-1]))):
            out[-1] += piece
        else:
            out.append(piece)
    return out


def _known(piece: str) -> bool:
    return piece in dictionary()[0]


def mark_words(text: str) -> str:
    """Text with a zero-width space between the Thai words of each run of Thai letters."""
    return THAI_RUN.sub(lambda m: ZWSP.join(segment(m.group(0))), text)


class _Words(Treeprocessor):
    def run(self, root: Element) -> None:
        self._walk(root)

    def _walk(self, element: Element) -> None:
        if element.tag in SKIP:
            return
        if element.text:
            element.text = mark_words(element.text)
        for child in element:
            self._walk(child)
            if child.tail:
                child.tail = mark_words(child.tail)


class ThaiWordsExtension(Extension):
    def extendMarkdown(self, md) -> None:
        md.treeprocessors.register(_Words(md), "thai_words", 1)


def makeExtension(**kwargs):
    return ThaiWordsExtension(**kwargs)
