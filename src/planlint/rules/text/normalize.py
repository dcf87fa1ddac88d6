"""Comparison keys for sentences and paragraphs: letters and digits only, width-folded."""

from __future__ import annotations

import unicodedata

import regex

_NOT_WORD = regex.compile(r"[^\p{L}\p{N}]+")
_FULL_WIDTH = regex.compile(r"[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")


def compare_key(s: str) -> str:
    """``s`` without punctuation, spaces and symbols, full-width letters and digits folded (NFKC)."""
    if _FULL_WIDTH.search(s):
        s = unicodedata.normalize("NFKC", s)
    return _NOT_WORD.sub("", s)


def line_remove_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` widened to take the line break after it, so removing it leaves no blank line."""
    if text.startswith("\r\n", end):
        return start, end + 2
    if end < len(text) and text[end] in "\r\n":
        return start, end + 1
    return start, end
