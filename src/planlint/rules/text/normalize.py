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

