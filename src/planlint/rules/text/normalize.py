"""Comparison keys for sentences and paragraphs: letters and digits only, width-folded."""

from __future__ import annotations

import re
import unicodedata

# Not a letter or digit (stdlib re's Unicode \w: letters, digits, marks and "_").
_NOT_WORD = re.compile(r"[\W_]+")
_FULL_WIDTH = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")


def compare_key(s: str) -> str:
    """``s`` without punctuation, spaces and symbols, full-width letters and digits folded (NFKC)."""
    if _FULL_WIDTH.search(s):
        s = unicodedata.normalize("NFKC", s)
    return _NOT_WORD.sub("", s)

