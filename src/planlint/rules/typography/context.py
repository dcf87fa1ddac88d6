"""Spans inside prose that are not Chinese running text: URLs, e-mail, code, HTML, Markdown links."""

from __future__ import annotations

import bisect

import regex

# Each pattern marks text the punctuation rules must not read as Chinese prose.
_PROTECTED = regex.compile(
    r"""
      `[^`\r\n]+`                                      # inline code
    | (?:https?|ftp|file)://[^\s<>"'\p{Han}，。；！？、（）《》“”【】]+   # URL with a scheme
    | www\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?:/[^\s<>"'\p{Han}，。；！？、（）《》“”【】]*)?
    | (?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]++@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+   # e-mail address (possessive: linear)
    | </?[A-Za-z!][^<>\r\n]*>                          # HTML tag or comment
    | &(?:\#[0-9]{1,7}|\#x[0-9A-Fa-f]{1,6}|[0-9]{1,7}|[A-Za-z]{2,10});   # HTML entity
    | \]\([^()\s]*\)                                   # Markdown link target
    | \{\{[^{}\r\n]*\}\}                                # template placeholders {{ }}
    """,
    regex.VERBOSE,
)


class Protected:
    """The protected spans inside one block, with fast membership tests."""

    def __init__(self, spans: list[tuple[int, int]]):
        self.spans = spans
        self._starts = [a for a, _ in spans]

    def __contains__(self, offset: int) -> bool:
        i = bisect.bisect_right(self._starts, offset) - 1
        return i >= 0 and self.spans[i][0] <= offset < self.spans[i][1]

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self._starts, end - 1) - 1
        return i >= 0 and self.spans[i][1] > start


def prose_ranges(doc) -> list:
    """(block, start, end, protected) for every prose block, from after its markup and outline marker.

    Starting at ``content_start`` leaves Markdown markup and outline markers such as "（一）、" to
    ``structure/``, which owns their punctuation. Protected spans are found in one pass over the
    text, once per document (kept in ``doc.memo["typography"]`` for the other rules of the family).
    """
    memo = doc.memo.setdefault("typography", {})
    if "ranges" in memo:
        return memo["ranges"]
    text = doc.text
    spans = [(m.start(), m.end()) for m in _PROTECTED.finditer(text)]
    starts = [a for a, _ in spans]
    out = []
    for b in doc.prose_blocks:
        end = b.end
        while end > b.content_start and text[end - 1] in "\r\n":
            end -= 1
        if end <= b.content_start:
            continue
        i = max(0, bisect.bisect_right(starts, b.content_start) - 1)
        j = bisect.bisect_left(starts, end)
        inside = [(max(a, b.content_start), min(c, end)) for a, c in spans[i:j] if c > b.content_start]
        out.append((b, b.content_start, end, Protected(inside)))
    memo["ranges"] = out
    return out
