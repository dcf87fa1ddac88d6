"""Match paired marks (“” ‘’ 《》 （） 【】 …) inside one block: pairs, unclosed, stray and crossed marks."""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from planlint.rules.typography.chars import is_latin

# Opening mark -> closing mark. Half-width parentheses pair with either width of the other half.
PAIRS = {"“": "”", "‘": "’", "《": "》", "〈": "〉", "（": "）", "【": "】", "〔": "〕", "「": "」", "『": "』", "〖": "〗", "(": ")"}
CLOSERS = {v: k for k, v in PAIRS.items()}
# Marks of one kind: a half-width parenthesis closes a full-width one and the other way round.
KIND = {**{o: o for o in PAIRS}, **{c: o for c, o in CLOSERS.items()}, "(": "（", ")": "（"}
HALF_WIDTH = frozenset("()")
_MARKS = regex.compile("[" + regex.escape("".join(KIND)) + "]")
NAMES = {
    "“": ("左双引号", "右双引号"), "‘": ("左单引号", "右单引号"), "《": ("左书名号", "右书名号"),
    "〈": ("左单书名号", "右单书名号"), "（": ("左括号", "右括号"), "【": ("左方头括号", "右方头括号"),
    "〔": ("左六角括号", "右六角括号"), "「": ("左直角引号", "右直角引号"), "『": ("左双直角引号", "右双直角引号"),
    "〖": ("左空心方头括号", "右空心方头括号"),
}


@dataclass
class Pairing:
    """The outcome of matching one block's paired marks (offsets into the document text)."""

    pairs: list[tuple[int, int]] = field(default_factory=list)
    unclosed: list[int] = field(default_factory=list)  # openers never closed
    stray: list[int] = field(default_factory=list)  # closers with no opener
    crossed: list[tuple[int, int, int]] = field(default_factory=list)  # (opener, its closer, interrupting closer)
    mismatched: list[tuple[int, int]] = field(default_factory=list)  # (opener, closer of another kind): “…’


def _apostrophe(text: str, i: int, lo: int, hi: int) -> bool:
    """’ between Latin letters (don’t) or before a two-digit year (’99) is an apostrophe, not a quote."""
    if text[i] not in "’‘":
        return False
    if i > lo and i + 1 < hi and is_latin(text[i - 1]) and is_latin(text[i + 1]):
        return True
    return text[i + 1:i + 3].isdigit() and len(text[i + 1:i + 3]) == 2 and not text[i + 3:i + 4].isdigit()


def match_pairs(text: str, lo: int, hi: int, protected, carried: list[int] | None = None) -> Pairing:
    """Match paired marks in ``text[lo:hi]`` in one left-to-right pass (linear in the block's length).

    A closer whose opener lies deeper in the stack closes it; the openers it skips wait in
    ``interrupted``: if their own closer comes later, the pairs cross (《…“…》…”), otherwise they
    were never closed. A closer with no opener, met while an opener is open that no closer of its
    kind will ever close, is a mismatch (“六五’). Unmatched half-width parentheses are ignored
    (1) 2) are list labels). ``carried`` are openers left open by the line before (hard-wrapped text).
    """
    out = Pairing()
    marks = [m.start() for m in _MARKS.finditer(text, lo, hi)
             if m.start() not in protected and not _apostrophe(text, m.start(), lo, hi)]
    # Per kind: closers still to come minus openers still to come (what could close an open mark).
    spare: dict[str, int] = {}
    for i in marks:
        kind = KIND[text[i]]
        spare[kind] = spare.get(kind, 0) + (-1 if text[i] in PAIRS else 1)
    stack: list[int] = []
    by_kind: dict[str, list[int]] = {}  # kind -> indexes into ``stack`` of its openers, innermost last
    interrupted: dict[str, list[tuple[int, int]]] = {}  # kind -> (opener, closer that skipped it)

    def push(i: int) -> None:
        by_kind.setdefault(KIND[text[i]], []).append(len(stack))
        stack.append(i)

    def pop_to(j: int) -> list[int]:
        removed = stack[j:]
        for k in reversed(removed):
            by_kind[KIND[text[k]]].pop()
        del stack[j:]
        return removed

    for i in carried or ():
        push(i)
    for i in marks:
        ch = text[i]
        kind = KIND[ch]
        if ch in PAIRS:
            spare[kind] += 1
            push(i)
            continue
        spare[kind] -= 1
        if by_kind.get(kind):
            opener, *skipped = pop_to(by_kind[kind][-1])
            for k in skipped:
                interrupted.setdefault(KIND[text[k]], []).append((k, i))
            out.pairs.append((opener, i))
        elif interrupted.get(kind):
            opener, by = interrupted[kind].pop()
            out.crossed.append((opener, i, by))
        elif ch not in HALF_WIDTH:
            top = stack[-1] if stack else None
            if top is not None and text[top] not in HALF_WIDTH and spare.get(KIND[text[top]], 0) <= 0:
                out.mismatched.append((pop_to(len(stack) - 1)[0], i))
            else:
                out.stray.append(i)
    waiting = [k for pairs in interrupted.values() for k, _ in pairs]
    out.unclosed = sorted(k for k in waiting + stack if text[k] not in HALF_WIDTH)
    return out
