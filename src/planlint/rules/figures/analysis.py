"""Per-document reading shared by the figures rules: normalised text, figure sentences, quantities."""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field

import regex

from planlint.rules.figures.numbers import BAD_DECIMAL, Quantity, normalise, scan

# Sentence ends for figures: 。！？ — except a 。 standing for a decimal point (99。3万元).
_END = regex.compile(r"[。！？!?]+[”’」』）)》\"']*")


@dataclass(slots=True)
class Sentence:
    """A sentence span with the quantities inside it."""

    start: int
    end: int
    quantities: list[Quantity] = field(default_factory=list)
    block: int = -1  # index into doc.prose_blocks


@dataclass
class Analysis:
    """What the figures rules read from one document, computed once."""

    text: str  # normalised (same length as the document's text)
    sentences: list[Sentence]

    def quantities(self):
        for s in self.sentences:
            yield from s.quantities


_CACHE: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def analyse(doc) -> Analysis:
    """The shared Analysis of ``doc`` (cached per document object)."""
    found = _CACHE.get(doc)
    if found is None:
        found = _build(doc)
        _CACHE[doc] = found
    return found


def _build(doc) -> Analysis:
    text = normalise(doc.text)
    sentences: list[Sentence] = []
    for i, b in enumerate(doc.prose_blocks):
        for s, e in split_figure_sentences(text, b.content_start, b.end):
            sentences.append(Sentence(s, e, scan(text, s, e), i))
    return Analysis(text, sentences)


def split_figure_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans of ``text[start:end]``, not split at a 。 that stands for a decimal point."""
    keep = {m.start(2) for m in BAD_DECIMAL.finditer(text, start, end) if m.group(2) == "。"}
    spans = []
    pos = start
    for m in _END.finditer(text, start, end):
        if m.start() in keep and m.end() == m.start() + 1:
            continue
        spans.append((pos, m.end()))
        pos = m.end()
    if pos < end:
        spans.append((pos, end))
    out = []
    for s, e in spans:
        while s < e and text[s] in " \t\u3000\u00a0":
            s += 1
        if s < e:
            out.append((s, e))
    return out
