"""Split a document's lines into blocks: headings, paragraphs, list items, tables, code, comments."""

from __future__ import annotations

from dataclasses import dataclass, replace

import regex

from planlint.lines import LineIndex
from planlint.outline import OutlineMarker, match_marker

HEADING, PARAGRAPH, LIST_ITEM, TABLE, CODE, COMMENT, FRONT_MATTER = (
    "heading", "paragraph", "list_item", "table", "code", "comment", "front_matter",
)
# Blocks whose text is prose that rules should read.
PROSE_KINDS = frozenset({HEADING, PARAGRAPH, LIST_ITEM, TABLE})

# A numbered line is a heading when the text after its marker is short and holds at most one
# sentence; longer numbered lines are list items (paragraphs that carry a number).
MAX_HEADING_CHARS = 40

_MD_HEADING = regex.compile(r"[ ]{0,3}(#{1,6})[ \t]+")
_MD_LIST = regex.compile(r"[ ]{0,3}(?:[-*+]|\d{1,3}[.)])[ \t]+")
_FENCE = regex.compile(r"[ ]{0,3}(```|~~~)")
_COMMENT = regex.compile(r"\s*<!--.*-->\s*$")
_LEAD_SPACE = regex.compile(r"[ \t\u3000\u00a0]*")
_SENTENCE_END_INSIDE = regex.compile(r"[。！？!?；;]")


@dataclass(frozen=True, slots=True)
class Block:
    """A run of text of one kind; ``start``/``end`` are offsets, ``content_start`` skips markup."""

    kind: str
    start: int
    end: int
    line: int  # 0-based index of the block's first line
    content_start: int
    level: int = 0  # heading level: Markdown # count, or 10 + outline rank for numbered lines
    marker: OutlineMarker | None = None
    md_level: int = 0  # number of '#' for a Markdown heading, else 0


def split_blocks(text: str, lines: LineIndex, markdown: bool, line_hints: dict | None = None) -> list[Block]:
    """One block per non-empty line (a document line is a paragraph in Chinese office writing).

    ``line_hints`` maps a 0-based line to ("heading", level) or ("table", 0), from readers such as
    .docx that know a paragraph's style.
    """
    hints = line_hints or {}
    blocks: list[Block] = []
    n = len(lines)
    i = 0
    # YAML front matter at the very top of a Markdown file.
    if markdown and n > 1 and lines.line_text(0).strip() == "---":
        for j in range(1, n):
            if lines.line_text(j).strip() in ("---", "..."):
                blocks.append(Block(FRONT_MATTER, lines.starts[0], lines.ends[j], 0, lines.starts[0]))
                i = j + 1
                break
    in_fence = False
    fence_start = 0
    fence_line = 0
    while i < n:
        s, e = lines.line_span(i)
        line = text[s:e]
        if markdown and _FENCE.match(line):
            if not in_fence:
                in_fence, fence_start, fence_line = True, s, i
            else:
                blocks.append(Block(CODE, fence_start, e, fence_line, fence_start))
                in_fence = False
            i += 1
            continue
        if in_fence:
            i += 1
            continue
        if not line.strip():
            i += 1
            continue
        lead = _LEAD_SPACE.match(line).end()
        cs = s + lead
        hint = hints.get(i)
        if _COMMENT.match(line) and "<!--" in line:
            blocks.append(Block(COMMENT, s, e, i, cs))
        elif hint and hint[0] == TABLE:
            blocks.append(Block(TABLE, s, e, i, cs))
        elif markdown and line.lstrip().startswith("|"):
            blocks.append(Block(TABLE, s, e, i, cs))
        else:
            blocks.append(_text_block(text, s, e, i, cs, markdown, hint))
        i += 1
    if in_fence:
        blocks.append(Block(CODE, fence_start, len(text), fence_line, fence_start))
    return _attachment_lists(text, _even_out_lists(blocks))


# "附件：" alone on its line, or "附件：1. 任务分解表" with the list running on below it.
_ATTACHMENT_NOTE = regex.compile(r"(?:附件|附表)[ \t\u3000]*[:：]")


def _attachment_lists(text: str, blocks: list[Block]) -> list[Block]:
    """The numbered lines of an attachment note (附件：1. …表 / 2. …流程) list the attachments'
    titles; they are not headings of sections to be filled."""
    out = list(blocks)
    for i, b in enumerate(out):
        if b.kind not in (PARAGRAPH, HEADING, LIST_ITEM) or b.md_level:
            continue
        if not _ATTACHMENT_NOTE.match(text, b.content_start if b.marker is None else b.start, b.end):
            continue
        j = i + 1
        while j < len(out) and out[j].marker is not None and not out[j].md_level and out[j].kind == HEADING:
            out[j] = replace(out[j], kind=LIST_ITEM)
            j += 1
    return out


def _even_out_lists(blocks: list[Block]) -> list[Block]:
    """In a run of adjacent numbered blocks of one style, if any is a list item, all are.

    "1. …；" / "2. …；" / "3. 新建幼儿园2所。" is one list even though its last item is short.
    """
    out = list(blocks)
    i = 0
    n = len(out)
    while i < n:
        b = out[i]
        if b.marker is None or b.md_level or b.kind not in (HEADING, LIST_ITEM):
            i += 1
            continue
        j = i + 1
        while (j < n and out[j].marker is not None and not out[j].md_level
               and out[j].kind in (HEADING, LIST_ITEM) and out[j].marker.style == b.marker.style):
            j += 1
        if j - i > 1 and any(x.kind == LIST_ITEM for x in out[i:j]):
            for k in range(i, j):
                if out[k].kind == HEADING:
                    out[k] = replace(out[k], kind=LIST_ITEM)
        i = j
    return out


def _text_block(text: str, s: int, e: int, i: int, cs: int, markdown: bool, hint) -> Block:
    md_level = 0
    pos = cs
    if markdown:
        m = _MD_HEADING.match(text, s, e)
        if m:
            md_level = len(m.group(1))
            pos = m.end()
    marker = match_marker(text, pos, e)
    if marker is None and markdown and text.startswith(("**", "__"), pos):
        marker = match_marker(text, pos + 2, e)  # **一、指导思想**: a bold outline heading
    content = marker.end if marker else pos
    if md_level:
        return Block(HEADING, s, e, i, content, md_level, marker, md_level)
    if hint and hint[0] == HEADING:
        return Block(HEADING, s, e, i, content, hint[1], marker, hint[1])
    if marker:
        rest = text[marker.end:e].rstrip("。.：: \t*_")
        if len(rest) <= MAX_HEADING_CHARS and not _SENTENCE_END_INSIDE.search(rest):
            return Block(HEADING, s, e, i, content, 10 + marker.rank, marker)
        return Block(LIST_ITEM, s, e, i, content, 10 + marker.rank, marker)
    if markdown:
        m = _MD_LIST.match(text, s, e)
        if m:
            return Block(LIST_ITEM, s, e, i, m.end())
    return Block(PARAGRAPH, s, e, i, cs)
