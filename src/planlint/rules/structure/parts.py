"""Helpers for structure/ over the core's document parts: heading words, run-in heads, trimmed ends."""

from __future__ import annotations

import regex

from planlint.blocks import HEADING, Block
from planlint.dockind import kind_at_end, kind_word_at_end  # noqa: F401  (re-exported for structure/)
from planlint.parts import SKIPPED, Part, is_part_line  # noqa: F401


def parts(doc) -> list[Part]:
    """The documents in ``doc`` (see ``Document.parts``)."""
    return doc.parts


def trim_end(text: str, start: int, end: int) -> int:
    """``end`` moved back over trailing spaces and line breaks (never before ``start``)."""
    while end > start and text[end - 1] in "\r\n \t\u3000":
        end -= 1
    return end


def heading_text(doc, block: Block) -> str:
    """A heading's words: after its outline marker and Markdown '#', without trailing '#' or spaces."""
    t = doc.text[block.content_start:block.end]
    if block.md_level:
        t = t.rstrip().rstrip("#")
    return t.strip()


_LEAD = regex.compile(r"[^。：:；;！？!?，,]{1,16}(?=[。：:；;！？!?])")


def run_in_heading(doc, block: Block) -> str | None:
    """The lead phrase of a numbered paragraph, "（一）指导思想。以……" → "指导思想" (a run-in heading)."""
    if block.marker is None:
        return None
    m = _LEAD.match(doc.text, block.content_start, block.end)
    return m.group(0).strip() if m else None


def part_headings(doc, part: Part) -> list[tuple[Block, str]]:
    """The part's headings (Markdown, outline, and run-in heads of numbered paragraphs), title excluded."""
    out = []
    for b in part.blocks:
        if b is part.title_block:
            continue
        if b.kind == HEADING:
            out.append((b, heading_text(doc, b)))
        elif b.marker is not None:
            lead = run_in_heading(doc, b)
            if lead:
                out.append((b, lead))
    return out
