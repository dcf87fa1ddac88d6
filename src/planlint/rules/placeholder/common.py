"""Helpers shared by the placeholder rules: prose lines, quotes, code spans, brackets, line-removal fixes."""

from __future__ import annotations

from typing import Iterator

import regex

from planlint import words as _words
from planlint.blocks import Block
from planlint.diagnostics import Fix
from planlint.rules.placeholder import data

# Quotation pairs of GB/T 15834-2011 4.3 plus ASCII double quotes.
_QUOTES = {"“": "”", "‘": "’", "「": "」", "『": "』"}
_CODE_SPAN = regex.compile(r"`+[^`\r\n]*`+")
# Bracket pairs that can hold a blank or a fill-in instruction, content up to 30 characters.
BRACKETS = regex.compile(
    r"（(?P<c>[^（）\r\n]{0,30})）|\((?P<c>[^()\r\n]{0,30})\)|【(?P<c>[^【】\r\n]{0,30})】"
    r"|\[(?P<c>[^\[\]\r\n]{0,30})\]|［(?P<c>[^［］\r\n]{0,30})］|〔(?P<c>[^〔〕\r\n]{0,30})〕"
    r"|〖(?P<c>[^〖〗\r\n]{0,30})〗"
)
_SPACE = " \t\u3000\u00a0"
# Characters that only pad a blank: spaces, underscores, ellipses.
_PAD = regex.compile(r"[ \t\u3000\u00a0_＿…\.．·]*")


def prose_lines(doc) -> Iterator[Block]:
    """Every prose block (one document line each): headings, paragraphs, list items, table rows."""
    return iter(doc.prose_blocks)


def quote_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(open, close+1) spans of quotations inside ``text[start:end]``; an unclosed quote runs to the end."""
    spans = []
    stack: list[tuple[str, int]] = []
    ascii_open = -1
    for i in range(start, end):
        c = text[i]
        if c in _QUOTES:
            stack.append((_QUOTES[c], i))
        elif stack and c == stack[-1][0]:
            _, o = stack.pop()
            if not stack:
                spans.append((o, i + 1))
        elif c == '"':
            if ascii_open < 0:
                ascii_open = i
            else:
                spans.append((ascii_open, i + 1))
                ascii_open = -1
    if stack:
        spans.append((stack[0][1], end))
    return spans


def inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= offset < e for s, e in spans)


def code_spans(doc, start: int, end: int) -> list[tuple[int, int]]:
    """Markdown inline code spans in ``text[start:end]`` (none in plain text)."""
    if not doc.markdown:
        return []
    return [m.span() for m in _CODE_SPAN.finditer(doc.text, start, end)]


# Characters of context segmented on each side of a candidate (keeps word look-ups linear even in
# a document that is one endless sentence; Document.words segments and scans whole sentences).
WORD_MARGIN = 8


def local_words(doc, a: int, b: int, s: int, end: int) -> list:
    """jieba tokens of a small window around ``text[a:b]``, inside the line ``[s, end)``."""
    return _words.segment(doc.text, max(s, a - WORD_MARGIN), min(end, b + WORD_MARGIN))


def is_word(doc, a: int, b: int, s: int, end: int) -> bool:
    """True when ``text[a:b]`` starts and ends on jieba word boundaries in its context."""
    toks = [t for t in local_words(doc, a, b, s, end) if t.end > a and t.start < b]
    return bool(toks) and toks[0].start == a and toks[-1].end == b


def line_removal(doc, block: Block, title: str = "删除这一行网页残留") -> Fix:
    """An unsafe fix that removes ``block``'s whole line and its line terminator."""
    return Fix.remove_lines(doc.lines, block.start, block.start + 1, title, safe=False)


def label_kind(text: str, pos: int, line_start: int) -> str | None:
    """The slot kind a field label right before ``pos`` names ("联系人：" → person), if any."""
    m = data.slots().label_rx.search(text, max(line_start, pos - 8), pos)
    if not m:
        return None
    label = m.group(0).rstrip(_SPACE + ":：")
    return data.slots().labels.get(label)


def instruction(content: str) -> tuple[str, str] | None:
    """(kind, why) when a bracket's ``content`` is a blank or a fill-in instruction, else None.

    ``why`` is "blank" (nothing but padding), "note" (待定 …) or "instruction".
    """
    sd = data.slots()
    if _PAD.fullmatch(content):
        return "name", "blank"
    body = content.strip(_SPACE)
    if body.rstrip("。.") in sd.instruction_notes:
        return "name", "note"
    rest = body
    verb = ""
    for v in sd.instruction_verbs:
        if rest.startswith(v):
            verb, rest = v, rest[len(v):]
            break
    rest = rest.strip(_SPACE + "…._＿").removesuffix("处")
    if rest in sd.instruction_nouns:
        return sd.instruction_nouns[rest], "instruction"
    if verb:
        return "name", "instruction"
    return None


_OPENERS = "（(【[［〔〖"


def enclosing_instruction(text: str, start: int, end: int, line_start: int) -> bool:
    """True when ``text[start:end]`` lies inside a bracket pair whose content is an instruction or note."""
    for o in range(start - 1, max(line_start, start - 31) - 1, -1):
        if text[o] in _OPENERS:
            m = BRACKETS.match(text, o)
            return bool(m and m.end() > end and instruction(m.group("c")) is not None)
    return False
