"""Map code-point offsets to 1-based line and column, for LF, CRLF and lone CR line endings."""

from __future__ import annotations

import bisect
import re

_BREAK = re.compile(r"\r\n|\r|\n")


class LineIndex:
    """Line starts of a text; ``position(offset)`` gives (line, column), both 1-based."""

    def __init__(self, text: str):
        self.text = text
        starts = [0]
        ends = []
        for m in _BREAK.finditer(text):
            ends.append(m.start())
            starts.append(m.end())
        ends.append(len(text))
        self.starts = starts
        self.ends = ends  # end of each line's content, before its terminator

    def __len__(self) -> int:
        return len(self.starts)

    def line_of(self, offset: int) -> int:
        """0-based line index holding ``offset`` (an offset at a terminator belongs to its line)."""
        return bisect.bisect_right(self.starts, offset) - 1

    def position(self, offset: int) -> tuple[int, int]:
        offset = max(0, min(offset, len(self.text)))
        i = self.line_of(offset)
        return i + 1, offset - self.starts[i] + 1

    def line_span(self, line_index: int) -> tuple[int, int]:
        """(start, end) of a 0-based line's content, without its terminator."""
        return self.starts[line_index], self.ends[line_index]

    def line_text(self, line_index: int) -> str:
        s, e = self.line_span(line_index)
        return self.text[s:e]

    def newline(self) -> str:
        """The document's dominant line ending ("\\n" when there is none)."""
        m = _BREAK.search(self.text)
        return m.group(0) if m else "\n"
