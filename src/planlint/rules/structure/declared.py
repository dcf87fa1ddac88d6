"""structure/declared-count: "做好以下三个方面的工作：" followed by a list of another length."""

from __future__ import annotations

import bisect

import regex

from planlint.blocks import HEADING
from planlint.cnnum import to_int
from planlint.diagnostics import Severity
from planlint.rule import Examples, Rule, RuleDocs
from planlint.rules.structure.numbering import (
    inline_label,
    inline_markers,
    marker_label,
    outline,
    siblings_from,
)
from planlint.rules.structure.parts import SKIPPED, trim_end

_COUNT = regex.compile(
    r"(?<![“\"'‘第])(?P<n>[两二三四五六七八九十]|十[一二三四五六七八九]|[2-9]|1[0-9])"
    r"(?P<cls>个方面|方面|项|条|点|件|种|类|部分|个)(?![”\"’])"
)
_SENTENCE_END = regex.compile(r"[。；？！;?!]")
_CLAUSE_END = regex.compile(r"[，。；：:！？,;!?]")
_LEAD = regex.compile(r"以下|如下|下列|下面|这|主要有|主要是|重点|着力|突出|抓好|做好|包括|分为|有")
# Inline numbered entries such as "（1）……（2）……" after a colon.
_INLINE_PAREN = regex.compile(r"[（(](?P<n>[0-9一二三四五六七八九十]{1,3})[）)]")
# "报告共分三个部分：一、……；二、……" — 一、 after a colon or semicolon.
_INLINE_DUN = regex.compile(r"(?<=[：:；;。])[ \t\u3000]*(?P<n>[一二三四五六七八九十]{1,3})、")
# The first entry must follow the colon at once.
FIRST_ENTRY_WITHIN = 3
# Paragraphs that may continue one "一是……" entry before the next entry starts.
MAX_CONTINUATION = 2
# How far the counted noun may stand from the colon ("以下三个方面的重点工作："), and the clause before it.
MAX_NOUN_CHARS = 14
MAX_CLAUSE_CHARS = 40
# An in-paragraph list is looked for this far after the colon (keeps the rule linear on huge lines).
INLINE_WINDOW = 4000
# An in-paragraph list shorter than announced is trusted only when it ends the paragraph.
MAX_SENTENCES_AFTER_LAST = 2


def _block_marks(text: str, start: int, end: int) -> tuple[list[int], list[tuple[int, str, int]]]:
    """Every in-paragraph entry marker of a block, once: (positions, [(number, style, position)])."""
    marks = [(mk.number, mk.style, mk.start) for mk in inline_markers(text, start, end)]
    for m in _INLINE_PAREN.finditer(text, start, end):
        v = to_int(m.group("n"))
        if v:
            marks.append((v, "（）", m.start()))
    for m in _INLINE_DUN.finditer(text, start, end):
        v = to_int(m.group("n"))
        if v:
            marks.append((v, "、", m.start("n")))
    marks.sort(key=lambda x: x[2])
    return [p for _, _, p in marks], marks


def _inline_run(block_marks, start: int, end: int) -> tuple[int, str, int, int] | None:
    """The run 1, 2, 3 … of 一是/第一/（1）/一、 entries starting right at ``start``, within ``end``:
    (count, style, first position, last position)."""
    positions, marks = block_marks
    lo, hi = bisect.bisect_left(positions, start), bisect.bisect_left(positions, end)
    window = marks[lo:hi]
    best = None
    for style in {s for _, s, p in window if p - start <= FIRST_ENTRY_WITHIN}:
        seq = [(n, p) for n, s, p in window if s == style]
        if not seq or seq[0][0] != 1 or seq[0][1] - start > FIRST_ENTRY_WITHIN:
            continue
        count = 1
        for (a, _), (b, _) in zip(seq, seq[1:]):
            if b != a + 1:
                break
            count += 1
        if best is None or seq[0][1] < best[2]:
            best = (count, style, seq[0][1], seq[count - 1][1])
    return best


def _label(style: str, n: int) -> str:
    if style == "（）":
        return f"（{n}）"
    if style == "、":
        return marker_label("cn", n)
    return inline_label(style, n)


def check_declared(doc, ctx):
    text = doc.text
    blocks = [b for b in doc.blocks if b.kind not in SKIPPED]
    items = {id(it.block): it for it in outline(doc).items}
    for i, b in enumerate(blocks):
        block_marks = None
        for m in _COUNT.finditer(text, b.content_start, b.end):
            n = to_int(m.group("n"))
            if not n or n < 2:
                continue
            near = min(b.end, m.end() + MAX_NOUN_CHARS + 2)
            ce = _CLAUSE_END.search(text, m.end(), near)
            block_end = trim_end(text, b.content_start, b.end)
            if ce is None and block_end > near:
                continue  # a long clause: the count does not announce what follows
            clause_end = ce.start() if ce else block_end
            colon = ce is not None and text[ce.start()] in "：:"
            clause_start = _clause_start(text, max(b.content_start, m.start() - MAX_CLAUSE_CHARS), m.start())
            at_heading_end = b.kind == HEADING and ce is None
            if not (colon or at_heading_end):
                continue
            if not _LEAD.search(text, clause_start, m.start()) and not colon:
                continue
            if clause_end - m.end() > MAX_NOUN_CHARS:
                continue  # the counted noun is far from the colon: not a declaration of what follows
            if block_marks is None:
                block_marks = _block_marks(text, b.content_start, b.end)
            found = _list_after(doc, blocks, i, b, clause_end + 1 if colon else b.end, items, at_heading_end,
                                block_marks)
            if found is None:
                continue
            count, first, last, complete = found
            if count >= 2 and (count > n or (count < n and complete)):
                phrase = text[clause_start:clause_end].strip()
                yield ctx.report(
                    m.start(), m.end(),
                    f"“{phrase[-20:]}”说有 {n} {m.group('cls')}，其后却列了 {count} 项（“{first}”至“{last}”）；"
                    f"请核对数量，或补全、删减列表",
                )


def _clause_start(text: str, lo: int, pos: int) -> int:
    j = pos
    while j > lo and text[j - 1] not in "，。；：:！？,;!?":
        j -= 1
    return j


def _list_after(doc, blocks, i, b, after: int, items, heading: bool, block_marks):
    """(count, first label, last label, complete) of the enumeration right after a declaration, or None."""
    text = doc.text
    if not heading:
        window = min(b.end, after + INLINE_WINDOW)
        run = _inline_run(block_marks, after, window)
        if run:
            count, style, _, last_at = run
            ends = 0
            for _ in _SENTENCE_END.finditer(text, last_at, window):
                ends += 1
                if ends > MAX_SENTENCES_AFTER_LAST:
                    break
            ends_paragraph = ends <= MAX_SENTENCES_AFTER_LAST and window == b.end
            return count, _label(style, 1), _label(style, count), ends_paragraph
    if text[after:b.end].strip():
        return None  # the colon is followed by running text, not by a list on the next lines
    nxt = blocks[i + 1] if i + 1 < len(blocks) else None
    if nxt is None:
        return None
    if nxt.marker is None:
        # "一是……" paragraphs, one per line.
        marks = inline_markers(text, nxt.content_start, nxt.end)
        if not marks or marks[0].start != nxt.content_start or marks[0].number != 1:
            return None
        style, count, idle = marks[0].style, 0, 0
        for blk in blocks[i + 1:]:
            if blk.marker is not None or blk.kind == HEADING:
                break
            ms = [mk for mk in inline_markers(text, blk.content_start, blk.end) if mk.style == style]
            if not ms:
                idle += 1  # a paragraph continuing the previous entry
                if idle > MAX_CONTINUATION:
                    break
                continue
            if ms[0].start != blk.content_start or ms[0].number != count + 1:
                break
            idle = 0
            for mk in ms:
                if mk.number != count + 1:
                    break
                count += 1
        return count, inline_label(style, 1), inline_label(style, count), True
    it = items.get(id(nxt))
    if it is None or it.number != 1:
        return None
    if heading and (b.marker is None or it.parent is None or it.parent.block is not b):
        return None
    sib = siblings_from(it)
    return len(sib), marker_label(it.style, 1), marker_label(it.style, sib[-1].number), True


DECLARED_COUNT = Rule(
    id="structure/declared-count",
    summary="“以下三个方面”之后列出的条目数与所说的不符",
    check=check_declared,
    severity=Severity.WARNING,
    source="planlint：结构一致性检查",
    docs=RuleDocs(
        说明="一句话预告了条目数（“做好以下三个方面的工作：”“主要有五项措施：”，或标题“三、抓好四项重点工作”），"
             "紧随其后的列表（“一是……二是……”、“（1）……（2）……”，或下一行开始的“1.”“（一）”等同级编号）"
             "条数却不同。只看紧跟在冒号或标题之后的列表，没有列表时不报告。",
        原因="数量对不上，往往是增删条目后忘了改预告句，读者会怀疑漏了内容。",
        示例="重点做好以下三个方面的工作：一是……二是……三是……四是……",
        建议写法="把预告改成“以下四个方面”，或删去多出的条目；也可以不写具体数字（“以下几个方面”）。",
    ),
    examples=Examples(
        bad=("今年重点做好以下三个方面的工作：一是抓学习，二是抓服务，三是抓队伍，四是抓作风。\n",
             "主要有以下三项措施：\n\n1.加强组织领导，成立领导小组，明确责任分工。\n\n2.加强宣传引导，营造良好氛围。\n\n"
             "3.加强督促检查，确保按期完成。\n\n4.加强经费保障，确保专款专用。\n"),
        good=("今年重点做好以下三个方面的工作：一是抓学习，二是抓服务，三是抓队伍。\n",
              "主要有以下三项措施：\n\n1.加强组织领导，成立领导小组，明确责任分工。\n\n2.加强宣传引导，营造良好氛围。\n\n"
              "3.加强督促检查，确保按期完成。\n"),
    ),
)
