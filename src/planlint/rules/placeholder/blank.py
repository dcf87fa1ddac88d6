"""placeholder/blank: blanks left to fill (＿＿＿, ____, （  ）, 【 】) and fill-in instructions in brackets."""

from __future__ import annotations

import regex

from planlint.diagnostics import Severity
from planlint.rule import Examples, Option, Rule, RuleDocs
from planlint.rules.placeholder import common, data

RULE_ID = "placeholder/blank"

_UNDERSCORES = regex.compile(r"[_＿]{2,}")
# A date to fill in on a form or a signature: "____年__月__日", "20__年_月", "__月__日".
_DATE_BLANK = regex.compile(
    r"(?:(?:19|20)?[_＿]+[ \t]*年(?:[ \t]*[_＿]+[ \t]*月(?:[ \t]*[_＿]+[ \t]*[日号])?)?"
    r"|[_＿]+[ \t]*月[ \t]*[_＿]+[ \t]*[日号])"
)
_RULE_LINE = regex.compile(r"[ \t\u3000]*(?:_[ \t]*){3,}")
_IDENT = regex.compile(r"[A-Za-z0-9_]")


def _underscores(doc, ctx, s: int, end: int):
    text = doc.text
    if _RULE_LINE.fullmatch(text, s, end):
        return  # a separator line (a Markdown thematic break)
    sd = data.slots()
    dates = [m.span() for m in _DATE_BLANK.finditer(text, s, end)]
    for a, b in dates:
        k = sd.kind("date")
        yield ctx.report(a, b, f"{k.label}未填写：“{text[a:b]}”是留待填写的横线，{k.advice}")
    runs = [m for m in _UNDERSCORES.finditer(text, s, end) if not common.inside(m.start(), dates)]
    emphasis = _emphasis_runs(text, runs, s, end) if doc.markdown else set()
    minimum = ctx.options["min_underscores"]
    for m in runs:
        run = m.group(0)
        if m.start() in emphasis:
            continue
        if "＿" not in run and len(run) < minimum:
            continue
        kind = common.label_kind(text, m.start(), s)
        if kind:
            k = sd.kind(kind)
            msg = f"{k.label}未填写：“{run}”是留待填写的横线，{k.advice}"
        else:
            msg = f"空白横线未填写：“{run}”，请填写内容或删除横线"
        yield ctx.report(m.start(), m.end(), msg)


def _emphasis_runs(text: str, runs, s: int, end: int) -> set[int]:
    """Starts of ASCII underscore runs that open or close Markdown emphasis (___重点___)."""
    out: set[int] = set()
    opening = None
    for m in runs:
        run = m.group(0)
        if "＿" in run or len(run) > 3:
            opening = None
            continue
        after = text[m.end()] if m.end() < end else " "
        before = text[m.start() - 1] if m.start() > s else " "
        if opening is not None and not before.isspace():
            out.update((opening, m.start()))
            opening = None
        elif not after.isspace():
            opening = m.start()
    return out


def _brackets(doc, ctx, blk, s: int, end: int):
    text = doc.text
    sd = data.slots()
    for m in common.BRACKETS.finditer(text, s, end):
        found = common.instruction(m.group("c"))
        if not found:
            continue
        opener = text[m.start()]
        if opener == "(" and m.start() > s and _IDENT.match(text[m.start() - 1]):
            continue  # f(): code, not a blank
        if opener == "[" and doc.markdown and (
            m.start() == blk.content_start or (m.end() < end and text[m.end()] == "(")
        ):
            continue  # - [ ] task list item, [](link)
        kind, why = found
        if why == "instruction" and opener in "（(" and not _has_verb(m.group("c")):
            continue  # 部门（单位）: a parenthesised alternative, not a template field
        shown = m.group(0)
        if why == "blank":
            msg = f"空括号未填写：“{shown}”，请填写内容或删除括号"
        elif why == "note":
            msg = f"起草批注未处理：“{shown}”，请确定内容后删除批注"
        else:
            k = sd.kind(kind)
            msg = f"{k.label}未填写：“{shown}”是模板的填写说明，{k.advice}"
        yield ctx.report(m.start(), m.end(), msg)


def _has_verb(content: str) -> bool:
    return content.strip(" \t\u3000").startswith(data.slots().instruction_verbs)


def check(doc, ctx):
    for blk in common.prose_lines(doc):
        yield from _underscores(doc, ctx, blk.start, blk.end)
        yield from _brackets(doc, ctx, blk, blk.start, blk.end)


RULE = Rule(
    id=RULE_ID,
    summary="留待填写的横线、空括号和括号中的填写说明（＿＿＿、（  ）、【单位名称】、〔待定〕）",
    check=check,
    severity=Severity.WARNING,
    source="GB/T 15834-2011 4.9（括号）；模板填写说明惯例",
    options={"min_underscores": Option(3, "半角下划线连续多少个才算留空横线（全角“＿＿”两个即算）")},
    docs=RuleDocs(
        说明=(
            "查找文稿中留待填写的空白：连续的下划线“＿＿＿”“____”，只有空格的括号“（  ）”“【 】”，"
            "以及括号里的填写说明或批注，如“【单位名称】”“[填写日期]”“（此处填写活动内容）”“〔待定〕”。"
            "Markdown 的分隔线（一整行下划线）、任务列表的“[ ]”、强调用的“___重点___”和正常的小标题"
            "“【典型案例】”不报。"
        ),
        原因="横线和填写说明是模板的一部分，留在定稿里说明该填的内容没有填，读者无从知道具体要求。",
        示例="活动时间：＿＿＿＿，承办单位：【单位名称】，经费（  ）万元。",
        建议写法=(
            "填上真实内容并删去横线和括号：“活动时间：2024年5月10日，承办单位：市青少年宫，经费3万元。”"
            "确需下发给对方填写的表格（回执、报名表），可在该段前用 planlint-disable-next 注释说明。"
        ),
    ),
    examples=Examples(
        bad=(
            "活动时间：＿＿＿＿＿＿",
            "请于____前报送材料。",
            "经费（    ）万元。",
            "承办单位：【单位名称】",
            "截止日期为[填写日期]。",
            "主要内容（此处填写活动内容）。",
            "具体时间〔待定〕。",
            "【 】",
        ),
        good=(
            "____\n\n正文继续。",
            "【典型案例】某街道创新“四点半课堂”。",
            "- [ ] 完成初稿\n- [x] 征求意见",
            "要把___重点___放在基层。",
            "经费（单位：万元）见附表。",
            "调用 init() 函数完成初始化。",
        ),
    ),
)
