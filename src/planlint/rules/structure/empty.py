"""structure/empty-section: a heading with nothing under it."""

from __future__ import annotations

import bisect

from planlint.blocks import COMMENT, FRONT_MATTER, HEADING
from planlint.diagnostics import Severity
from planlint.rule import Examples, Rule, RuleDocs
from planlint.rules.structure.parts import heading_text, parts, trim_end

# A heading that is itself a full statement ("（一）加强学习，提高素质。") needs no body.
_STATEMENT_END = "。；;！!"


def check_empty(doc, ctx):
    text = doc.text
    all_parts = parts(doc)
    starts = [b.start for b in doc.blocks]
    for part in all_parts:
        # Tables and code blocks are content too (a heading over a table is not empty).
        lo, hi = bisect.bisect_left(starts, part.start), bisect.bisect_left(starts, part.end)
        blocks = [b for b in doc.blocks[lo:hi] if b.kind not in (COMMENT, FRONT_MATTER)
                  and b is not part.title_block and b is not part.boundary]
        empty = [_is_empty(blocks, i) for i in range(len(blocks))]
        runs = _run_lengths(blocks, empty)
        last_at_level: dict[int, int] = {}  # level -> index of the previous heading at that level
        for i, b in enumerate(blocks):
            if b.kind != HEADING:
                continue
            before = last_at_level.get(b.level)
            last_at_level = {lv: j for lv, j in last_at_level.items() if lv < b.level}
            last_at_level[b.level] = i
            if not empty[i]:
                continue
            words = heading_text(doc, b)
            if not words or words[-1] in _STATEMENT_END:
                continue
            run = runs[i]
            if run >= 3:
                continue  # several short numbered lines in a row: a list, not headings
            if run == 2 and (before is None or empty[before]):
                continue  # two in a row with no sibling that has a body: a short list
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            start = b.marker.start if b.marker else b.content_start
            end = trim_end(text, start, b.end)
            if nxt is None:
                where = "其后已是文末" if part is all_parts[-1] else "其后已是下一篇"
            else:
                s2 = nxt.marker.start if nxt.marker else nxt.content_start
                where = f"紧接着就是“{text[s2:nxt.end].strip()[:20]}”（第 {doc.position(nxt.start)[0]} 行）"
            yield ctx.report(start, end, f"标题“{text[start:end].strip()[:30]}”下没有内容，{where}；"
                                         f"请补写这一部分，或删去这个标题")


def _is_empty(blocks, i) -> bool:
    b = blocks[i]
    if b.kind != HEADING:
        return False
    nxt = blocks[i + 1] if i + 1 < len(blocks) else None
    return nxt is None or (nxt.kind == HEADING and nxt.level <= b.level)


def _run_lengths(blocks, empty) -> list[int]:
    """For each block, how many headings stand in its run: empty headings of one level in a row,
    with the heading of that level that follows them (the last line of a list of short lines)."""
    n = len(blocks)
    linked = [i + 1 < n and empty[i] and blocks[i + 1].kind == HEADING and blocks[i + 1].level == blocks[i].level
              for i in range(n)]
    out = [1] * n
    i = 0
    while i < n:
        j = i
        while linked[j]:
            j += 1
        for k in range(i, j + 1):
            out[k] = j - i + 1
        i = j + 1
    return out


EMPTY_SECTION = Rule(
    id="structure/empty-section",
    summary="标题下没有任何内容",
    check=check_empty,
    severity=Severity.WARNING,
    source="planlint：结构完整性检查",
    docs=RuleDocs(
        说明="标题之后紧接着是同级或更高一级的标题（或文档、合集中的一篇已经结束），这一部分没有正文也没有下级标题。"
             "连续几行短的编号行视为列表而不是标题，不报告；本身是完整句子（以句号结尾）的编号行也不报告。",
        原因="空标题通常是模板里没填的部分或删改时漏掉的内容，读者会以为缺页。",
        示例="三、保障措施 / 四、时间安排 …（“三、保障措施”下什么也没有）",
        建议写法="在“三、保障措施”下写明具体措施，或删去这个标题并调整编号。",
    ),
    examples=Examples(
        bad=("一、工作目标\n\n全年发展会员600人。\n\n二、保障措施\n\n三、时间安排\n\n一季度启动，四季度总结。\n",),
        good=("一、工作目标\n\n全年发展会员600人。\n\n二、保障措施\n\n加强组织领导。\n\n三、时间安排\n\n一季度启动，四季度总结。\n",),
    ),
)
