"""Rules on outline numbering: gaps and repeats, restarts inside a level, and skipped levels."""

from __future__ import annotations

import functools
from importlib import resources

from planlint import yamlsafe
from planlint.blocks import LIST_ITEM, PARAGRAPH
from planlint.diagnostics import Severity
from planlint.rule import Examples, Option, Rule, RuleDocs
from planlint.rules.structure.numbering import (
    STYLE_NAMES,
    inline_label,
    inline_markers,
    marker_label,
    numbered_on_from,
    outline,
)
from planlint.rules.structure.parts import parts, trim_end

GB9704 = "GB/T 9704-2012《党政机关公文格式》7.3.3"


def _span(doc, item):
    m = item.marker
    return m.start, trim_end(doc.text, m.start, m.end)


def _line(doc, item) -> int:
    return doc.position(item.block.start)[0]


def check_gap(doc, ctx):
    ol = outline(doc)
    repeated = {id(br.item) for br in ol.breaks if br.kind == "repeat"}
    for br in ol.breaks:
        it = br.item
        if br.kind == "restart":
            continue
        if br.kind == "gap" and id(br.prev) in repeated and it.number == br.prev.number + 2:
            continue  # （二）（二）（四）: the repeat was reported; what follows it is in step again
        if it.style == "circled" and br.kind == "start":
            continue  # footnotes ① … are numbered per page
        here = marker_label(it.style, it.number)
        s, e = _span(doc, it)
        if br.kind == "start":
            msg = (f"编号从“{here}”开始，缺少“{marker_label(it.style, 1)}”"
                   + (f"：应从“{marker_label(it.style, 1)}”编起，或补上前面的部分" if it.number == 2 else "：应从头编号"))
        else:
            prev = marker_label(br.prev.style, br.prev.number)
            want = marker_label(it.style, br.expected)
            if br.kind == "gap":
                skipped = "、".join(f"“{marker_label(it.style, n)}”" for n in range(br.expected, min(it.number, br.expected + 3)))
                msg = f"编号不连续：“{prev}”（第 {_line(doc, br.prev)} 行）之后是“{here}”，跳过了{skipped}；应为“{want}”，或补上缺少的部分"
            elif br.kind == "repeat":
                msg = f"编号重复：“{prev}”（第 {_line(doc, br.prev)} 行）之后又是“{here}”；应为“{want}”"
            else:
                msg = f"编号倒退：“{prev}”（第 {_line(doc, br.prev)} 行）之后是“{here}”；应为“{want}”"
        yield ctx.report(s, e, msg)
    yield from _inline_gaps(doc, ctx)


def _inline_gaps(doc, ctx):
    """一是……二是……四是……: an in-paragraph enumeration that skips or repeats."""
    text = doc.text
    for part in parts(doc):
        last = None  # (style, number, marker) of the running enumeration
        for b in part.blocks:
            if b.kind not in (PARAGRAPH, LIST_ITEM):
                last = None
                continue
            marks = inline_markers(text, b.content_start, b.end)
            if not marks:
                last = None
                continue
            if marks[0].start != b.content_start or b.marker is not None:
                last = None  # only a paragraph that opens with 二是 continues the previous one
            for mk in marks:
                if mk.number == 1 or last is None or last[0] != mk.style:
                    last = (mk.style, mk.number, mk) if mk.number == 1 else None
                    continue
                want = last[1] + 1
                if mk.number != want:
                    prev_l = inline_label(mk.style, last[1])
                    here = inline_label(mk.style, mk.number)
                    what = "重复" if mk.number == last[1] else ("倒退" if mk.number < last[1] else "不连续")
                    yield ctx.report(mk.start, mk.end,
                                     f"段内列举{what}：“{prev_l}”之后是“{here}”；应为“{inline_label(mk.style, want)}”")
                last = (mk.style, mk.number, mk)


def check_restart(doc, ctx):
    styles = set(ctx.options["styles"])
    for br in outline(doc).breaks:
        if br.kind != "restart" or br.item.style not in styles:
            continue
        it, prev = br.item, br.prev
        here = marker_label(it.style, 1)
        parent = it.parent
        where = f"“{marker_label(parent.style, parent.number)}”之下" if parent else "同一层级"
        s, e = _span(doc, it)
        yield ctx.report(
            s, e,
            f"编号重新从“{here}”开始：{where}上一组已编到“{marker_label(prev.style, prev.number)}”"
            f"（第 {_line(doc, prev)} 行），中间没有上一级标题；应续编为“{marker_label(it.style, prev.number + 1)}”，"
            f"或在两组之间加上一级标题",
        )


@functools.cache
def _norm(name: str) -> dict:
    """One entry of norms.yaml: a writing norm and the date it took effect."""
    raw = resources.files(__package__).joinpath("norms.yaml").read_text("utf-8")
    return yamlsafe.safe_load(raw)["norms"][name]


def check_level_jump(doc, ctx):
    norm = _norm("gb9704_2012")
    if doc.date < norm["effective"]:
        return  # the four-level numbering was set by a standard later than the document
    jumps = outline(doc).jumps
    # 一、 with 1. 2. … beneath is the layout of 工作要点, above all when 1. 2. … run on through the
    # document (一、 1. 2. 二、 3. 4.): one numbering of tasks under topic headings, not a skipped level.
    running = {c.part for p, c in jumps if _runs_on(p, c)}
    seen: dict[tuple, int] = {}
    first: dict[tuple, tuple] = {}
    for parent, child in jumps:
        if parent.style == "cn" and child.style == "arabic" and (doc.kind == "要点" or child.part in running):
            continue
        key = (child.part, parent.style, child.style)
        seen[key] = seen.get(key, 0) + 1
        first.setdefault(key, (parent, child))
    for key, (parent, child) in first.items():
        skipped = [s for s in ("cn-paren", "arabic", "arabic-paren")
                   if _rank(parent.style) < _rank(s) < _rank(child.style)]
        skipped_l = "、".join(f"“{STYLE_NAMES[s]}”" for s in skipped)
        more = f"（本篇共 {seen[key]} 处）" if seen[key] > 1 else ""
        s, e = _span(doc, child)
        yield ctx.report(
            s, e,
            f"层级跳跃：“{marker_label(parent.style, parent.number)}”之下直接用“{marker_label(child.style, child.number)}”，"
            f"跳过了{skipped_l}一级{more}；结构层次应依次为“一、”“（一）”“1.”“（1）”",
        )


def _runs_on(parent, child) -> bool:
    """``child`` (first under ``parent``) continues the numbering under ``parent``'s previous sibling."""
    before = numbered_on_from(parent, child.style)
    return child.number > 1 and before is not None and before.number == child.number - 1


def _rank(style: str) -> int:
    return {"cn": 1, "cn-paren": 2, "arabic": 3, "arabic-paren": 4, "circled": 4}.get(style, 0)


NUMBERING_GAP = Rule(
    id="structure/numbering-gap",
    summary="结构层次序数跳号、重号或倒序（一、二、四、；（一）（二）（二）；一是、二是、四是）",
    check=check_gap,
    severity=Severity.WARNING,
    source=GB9704,
    docs=RuleDocs(
        说明="同一层级的序数应从一开始逐一递增。本规则找出跳过的编号（“二、”之后是“四、”）、重复的编号"
             "（“（二）”之后又是“（二）”）、倒退的编号，以及不从一开始的编号；段内列举“一是……二是……”同样检查。"
             "合集文件中每个“……篇N”各自从头编号。",
        原因="跳号或重号通常意味着删改后漏改编号，或整段内容丢失，读者会以为缺了一部分。",
        示例="一、指导思想 / 二、工作目标 / 四、保障措施",
        建议写法="补上缺少的部分，或把后面的编号依次改正：一、指导思想 / 二、工作目标 / 三、保障措施。",
    ),
    examples=Examples(
        bad=("一、指导思想\n\n以习近平新时代中国特色社会主义思想为指导。\n\n二、工作目标\n\n全年发展会员600人。\n\n"
             "四、保障措施\n\n加强组织领导。\n",
             "今年重点抓好三项工作：一是抓学习，二是抓服务，四是抓队伍。\n"),
        good=("一、指导思想\n\n以习近平新时代中国特色社会主义思想为指导。\n\n二、工作目标\n\n全年发展会员600人。\n\n"
              "三、保障措施\n\n加强组织领导。\n",
              "今年重点抓好三项工作：一是抓学习，二是抓服务，三是抓队伍。\n"),
    ),
)

NUMBERING_RESTART = Rule(
    id="structure/numbering-restart",
    summary="同一层级内编号中途重新从一开始",
    check=check_restart,
    severity=Severity.WARNING,
    source=GB9704,
    options={"styles": Option(["cn", "cn-paren"], "检查哪些序数样式的重新编号：cn（一、）、cn-paren（（一））、"
                                                   "arabic（1.）、arabic-paren（（1））、chapter（第一章）")},
    docs=RuleDocs(
        说明="同一上级标题之下，同一样式的序数编到一半又从“一”或“（一）”开始，而中间没有出现更高一级的标题。"
             "附件、名词解释、注释之后和 Markdown 标题之后重新编号不算。默认只检查“一、”和“（一）”两级，"
             "“1.”等较低层级可用 styles 选项开启。",
        原因="重新编号说明层级乱了：要么漏了一个上级标题，要么本该续编。读者无法按序号引用。",
        示例="一、主要任务 / （一）… / （二）… / （一）… （同在“一、”之下）",
        建议写法="续编为“（三）”，或在两组之间加上一级标题“二、……”。",
    ),
    examples=Examples(
        bad=("一、主要任务\n\n（一）加强学习\n\n组织学习。\n\n（二）做好服务\n\n走访职工。\n\n（一）加强宣传\n\n办好板报。\n",),
        good=("一、主要任务\n\n（一）加强学习\n\n组织学习。\n\n（二）做好服务\n\n走访职工。\n\n二、保障措施\n\n（一）加强领导\n\n成立领导小组。\n",),
    ),
)

LEVEL_JUMP = Rule(
    id="structure/level-jump",
    summary="结构层次跳级（“一、”之下直接用“1.”，缺少“（一）”一级）",
    check=check_level_jump,
    severity=Severity.INFO,
    source=GB9704,
    docs=RuleDocs(
        说明="公文结构层次序数依次为“一、”“（一）”“1.”“（1）”。本规则找出下一级直接跳过一层的地方，"
             "如“一、”之下直接是“1.”。每篇同一种跳级只报告一次，并注明共有几处。"
             "文档日期早于 GB/T 9704-2012 实施日（2012-07-01）的不判。工作要点习惯在“一、”之下直接用“1.”“2.”列任务，"
             "这种写法（以及“1.”“2.”跨“一、”“二、”连续编号的写法）不报告。",
        原因="跳级使层次关系不清，与 GB/T 9704-2012 的层次序数规定不符。",
        示例="一、主要任务 / 1.加强学习 / 2.做好服务",
        建议写法="一、主要任务 / （一）加强学习 / （二）做好服务；或把“1.”改为“（一）”。",
    ),
    examples=Examples(
        bad=("一、主要任务\n\n1.加强学习\n\n组织学习。\n\n2.做好服务\n\n走访职工。\n",),
        good=("一、主要任务\n\n（一）加强学习\n\n组织学习。\n\n（二）做好服务\n\n走访职工。\n",),
    ),
)
