"""The outline as numbered items: which item follows which, at what depth, and where sequences break."""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from planlint.blocks import HEADING, Block
from planlint.cnnum import to_int
from planlint.outline import OutlineMarker
from planlint.rules.structure.cnformat import cn_numeral
from planlint.rules.structure.parts import parts

# Nesting ranks for level jumps (GB/T 9704-2012 7.3.3: 一、 → （一） → 1. → （1）); ① stands in for （1）.
LADDER = {"cn": 1, "cn-paren": 2, "arabic": 3, "arabic-paren": 4, "circled": 4}
STYLE_NAMES = {
    "chapter": "第一章", "cn": "一、", "cn-paren": "（一）", "arabic": "1.", "arabic-paren": "（1）", "circled": "①",
}
# An unnumbered line that opens an appendix or notes: numbering after it starts afresh.
_FRESH_START = regex.compile(r"(?:附件|附表|附录|附[:：]|注释|注[:：]|名词解释|说明[:：]|参考文献|参考资料)")


def marker_label(style: str, number: int) -> str:
    """How a marker of ``style`` with ``number`` is written: 三、 / （三） / 3. / （3） / ③ / 第三章."""
    if style == "cn":
        return f"{cn_numeral(number)}、"
    if style == "cn-paren":
        return f"（{cn_numeral(number)}）"
    if style == "arabic":
        return f"{number}."
    if style == "arabic-paren":
        return f"（{number}）"
    if style == "circled":
        return chr(0x2460 + number - 1) if 1 <= number <= 20 else f"({number})"
    return f"第{cn_numeral(number)}"


@dataclass(eq=False)
class Item:
    """A numbered line in the outline (a heading or a numbered paragraph)."""

    block: Block
    marker: OutlineMarker
    parent: "Item | None"
    prev: "Item | None"  # the previous item of the same sequence (same parent and style)
    md: float  # Markdown context depth, for closing sequences at unnumbered Markdown headings
    part: int
    children: list["Item"] = field(default_factory=list)
    next: "Item | None" = None  # the following item of the same sequence
    in_text: bool = False  # part of a list inside running text (introduced by a paragraph), not the outline

    @property
    def style(self) -> str:
        return self.marker.style

    @property
    def number(self) -> int:
        return self.marker.number


@dataclass(frozen=True)
class Break:
    """Where a sequence does not continue by one: kind is gap, repeat, backwards, restart or start."""

    kind: str
    item: Item
    prev: Item | None
    expected: int


@dataclass
class Outline:
    items: list[Item]
    breaks: list[Break]
    jumps: list[tuple[Item, Item]]  # (parent, first child) where a level in between is skipped


# Open levels kept at most (lists nested in running text cannot pile up without bound).
MAX_DEPTH = 12


def outline(doc) -> Outline:
    """The numbered items of ``doc``, part by part (a collection's "篇N" parts start afresh). Cached."""
    cached = doc.memo.get("structure", {}).get("outline")
    if cached is not None:
        return cached
    items: list[Item] = []
    breaks: list[Break] = []
    jumps: list[tuple[Item, Item]] = []
    text = doc.text
    for pi, part in enumerate(parts(doc)):
        stack: list[Item] = []
        cur_md = 0
        prev_block: Block | None = None
        inline_head_at = -1  # start of the last paragraph opening with 第一，/一是 (a paragraph-level head)
        for b in part.blocks:
            if b is part.title_block:
                continue
            m = b.marker
            if m is None:
                m = _hidden_arabic(text, b, stack)
            if m is None:
                if b.kind == HEADING and b.md_level:
                    stack = [it for it in stack if it.md <= b.md_level - 1]
                    cur_md = b.md_level
                elif _FRESH_START.match(text, b.content_start, b.end):
                    stack = []
                elif _INLINE.match(text, b.content_start, b.end):
                    inline_head_at = b.start
                prev_block = b
                continue
            md = float(b.md_level) if b.md_level else cur_md + 0.5
            if b.md_level:
                cur_md = b.md_level
            same = [i for i in range(len(stack) - 1, -1, -1) if stack[i].style == m.style]
            k = next((i for i in same if stack[i].number + 1 == m.number), same[0] if same else None)
            prev = stack[k] if k is not None else None
            nested = False
            if prev is not None and m.number == 1 and _opens_new_list(text, b, prev_block, prev, inline_head_at):
                prev, nested = None, True  # a list of its own inside the current item's text
                if len(stack) > MAX_DEPTH:
                    del stack[: len(stack) - MAX_DEPTH]
            if prev is not None:
                del stack[k:]
            parent = stack[-1] if stack else None
            item = Item(b, m, parent, prev, md, pi, in_text=nested or (prev is not None and prev.in_text))
            if prev is not None:
                kind = _relation(prev.number, m.number)
                if kind == "restart":
                    item.prev = None
                else:
                    prev.next = item
                if kind:
                    breaks.append(Break(kind, item, prev, prev.number + 1))
            elif m.number != 1 and not nested and not _first_item_inline(text, prev_block, m):
                before = numbered_on_from(parent, m.style)
                if before is None:
                    breaks.append(Break("start", item, None, 1))
                elif before.number + 1 != m.number:
                    breaks.append(Break(_relation(before.number, m.number) or "gap", item, before, before.number + 1))
                # else: numbering that runs on across sections (一、 1. 2. 二、 3. 4.), usual in 工作要点
            if item.prev is None and parent is not None and not nested and _skips_level(parent.style, m.style):
                jumps.append((parent, item))
            if parent is not None:
                parent.children.append(item)
            stack.append(item)
            items.append(item)
            prev_block = b
    result = Outline(items, breaks, jumps)
    doc.memo.setdefault("structure", {})["outline"] = result
    return result


_HIDDEN_ARABIC = regex.compile(r"[ \t\u3000]*([0-9]{1,3})[.．](?=[0-9])")
# A paragraph that introduces a list: "国务院作出了以下规定。" / "……有以下几点" / "……要抓好三件事："
_LIST_INTRO = regex.compile(
    r"[：:][ \t\u3000]*$|以下|如下|下列|下面"
    r"|[两二三四五六七八九十几](?:个|项|点|条|件|大)[^，。；]{0,12}?(?:方面|问题|工作|任务|措施|事|规定|要求|意见|原则|经验)"
)
_LIST_ENTRY_END = regex.compile(r"[；;，,、][ \t\u3000]*$")


def _hidden_arabic(text: str, b: Block, stack: list[Item]) -> OutlineMarker | None:
    """"20.2026年……" continues an open "19." sequence although a decimal-looking "20.2" hides its marker."""
    m = _HIDDEN_ARABIC.match(text, b.content_start, b.end)
    if not m:
        return None
    n = int(m.group(1))
    if not any(it.style == "arabic" and it.number + 1 == n for it in stack):
        return None
    return OutlineMarker("arabic", n, ".", m.start(1), m.end())


def _opens_new_list(text: str, b: Block, prev_block: Block | None, prev: Item, inline_head_at: int) -> bool:
    """A "1." that starts a list inside running text rather than restarting the outline level."""
    if _LIST_ENTRY_END.search(text, b.content_start, b.end):
        return True  # "一、节约能源，……降低生产成本；" — an entry of a sentence-long list
    if inline_head_at > prev.block.start:
        return True  # a "第一，……" paragraph came in between: the list belongs to it
    if prev_block is not None and prev_block.marker is None and prev_block.kind != HEADING:
        return bool(_LIST_INTRO.search(text, prev_block.content_start, prev_block.end))
    return False


def _first_item_inline(text: str, prev_block: Block | None, m: OutlineMarker) -> bool:
    """"附件：1.……" followed by a line "2.……": the first item sits on the line before."""
    if prev_block is None or m.number < 2:
        return False
    before = marker_label(m.style, m.number - 1).rstrip("、.")
    seg = text[prev_block.content_start:prev_block.end]
    return bool(regex.search(r"[：:][ \t\u3000]*" + regex.escape(before), seg))


def numbered_on_from(parent: Item | None, style: str) -> Item | None:
    """The last item of ``style`` under the previous sibling of ``parent``: a list under ``parent`` that
    starts at n > 1 may be running on from it (一、 1. 2. 二、 3. 4.), one numbering through the document."""
    if parent is None or parent.prev is None:
        return None
    return next((c for c in reversed(parent.prev.children) if c.style == style), None)


def _relation(prev: int, cur: int) -> str | None:
    if cur == prev + 1:
        return None
    if cur == 1:
        return "restart"
    if cur == prev:
        return "repeat"
    if cur > prev + 1:
        return "gap"
    return "backwards"


def _skips_level(parent: str, child: str) -> bool:
    if parent not in LADDER or child not in LADDER:
        return False
    return LADDER[child] - LADDER[parent] > 1


def siblings_from(item: Item) -> list[Item]:
    """``item`` and the items that continue its sequence, in order."""
    out = [item]
    while out[-1].next is not None:
        out.append(out[-1].next)
    return out


# --- enumerations inside paragraphs: 一是……二是……三是…… ------------------------------------
_INLINE = regex.compile(r"(?:(?<=^|[，。；：！？、,;:!?\s\u3000（(“])(?P<n>[一二三四五六七八九十]{1,3})是(?![非否])"
                        r"|(?<=^|[，。；：！？,;:!?\s\u3000“])第(?P<d>[一二三四五六七八九十]{1,3})(?=[，、,]))")


@dataclass(frozen=True)
class InlineMarker:
    """"一是" / "第一，" inside a paragraph: its value, style ("是" or "第") and span."""

    number: int
    style: str
    start: int
    end: int


def inline_markers(text: str, start: int, end: int) -> list[InlineMarker]:
    out = []
    for m in _INLINE.finditer(text, start, end):
        if m.group("n"):
            v = to_int(m.group("n"))
            style = "是"
            s, e = m.start("n"), m.end()
        else:
            v = to_int(m.group("d"))
            style = "第"
            s, e = m.start(), m.end()
        if v:
            out.append(InlineMarker(v, style, s, e))
    return out


def inline_label(style: str, number: int) -> str:
    """How an in-paragraph entry is written: 三是 / 第三."""
    return f"{cn_numeral(number)}是" if style == "是" else f"第{cn_numeral(number)}"
