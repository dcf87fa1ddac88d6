"""Sentence spans inside blocks: split after 。！？!?, keeping closing quotes and brackets."""

from __future__ import annotations

import regex

# An end mark run, then any closing quotes/brackets that belong to the sentence just ended. A 。
# between digits is a mistyped decimal point ("99。3万元"), not the end of a sentence.
_END = regex.compile(r"(?:[！？!?]|。(?![0-9０-９])|(?<![0-9０-９])。)[。！？!?]*[”’」』）)》\"']*")


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) spans of the sentences in ``text[start:end]``, leading spaces trimmed."""
    spans = []
    pos = start
    for m in _END.finditer(text, start, end):
        e = m.end()
        # A straight quote looks the same on both sides: after an end mark it closes the sentence's
        # quotation only when one was opened in the sentence; otherwise it opens the next sentence.
        while e > m.start() and text[e - 1] in "\"'" and text.count(text[e - 1], pos, e - 1) % 2 == 0:
            e -= 1
        _append(text, spans, pos, e)
        pos = e
    if pos < end:
        _append(text, spans, pos, end)
    return spans


def _append(text: str, spans: list, s: int, e: int) -> None:
    while s < e and text[s] in " \t\u3000\u00a0":
        s += 1
    if s < e:
        spans.append((s, e))
