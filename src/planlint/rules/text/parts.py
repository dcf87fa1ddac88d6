"""Parts of a collection file: "…工作计划篇2", "【篇三】", "范文一" each start a separate document."""

from __future__ import annotations

import regex

# A short line that ends by numbering a piece of a collection: 篇1 / 篇一 / 【篇三】 / 范文二 / 第3篇.
_NUM = r"[0-9０-９一二三四五六七八九十]{1,3}"
_PART = regex.compile(
    rf"(?:篇\s*{_NUM}|范文\s*{_NUM}|第\s*{_NUM}\s*篇)\s*[】\]）)]?\s*[:：]?\s*$"
)
_MAX_PART_LINE = 50


def part_starts(doc) -> list[int]:
    """Offsets of the blocks that open a new part (empty when the file is a single document)."""
    starts = []
    for b in doc.prose_blocks:
        t = doc.text[b.content_start:b.end].strip()
        if 0 < len(t) <= _MAX_PART_LINE and _PART.search(t):
            starts.append(b.start)
    return starts if len(starts) >= 2 else []
