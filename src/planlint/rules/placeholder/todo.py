"""placeholder/todo: drafting notes left in the text (TODO, 待补充, 此处省略, a field left as 待定)."""

from __future__ import annotations

import regex

from planlint.diagnostics import Severity
from planlint.rule import Examples, Rule, RuleDocs
from planlint.rules.placeholder import common, data

RULE_ID = "placeholder/todo"

_ASCII_ALNUM = regex.compile(r"[A-Za-z0-9_]")
# Before a note these make it prose: "有待补充", "尚待完善", "仍待确定".
_PROSE_BEFORE = "有尚仍还亟需正均"
_SPACE = " \t\u3000\u00a0"
# A field's value ends here: end of line, a table cell border, or a closing mark.
_FIELD_END = regex.compile(r"[ \t\u3000]*[。；;.]?[ \t\u3000]*(?:\||$)")


def _matcher():
    entries = data.slots().todo
    alt = "|".join(regex.escape(e["text"]) for e in sorted(entries, key=lambda e: len(e["text"]), reverse=True))
    return regex.compile(alt), {e["text"]: e for e in entries}


def _counts(doc, blk, a: int, b: int, entry: dict) -> bool:
    text = doc.text
    s, end = blk.content_start, blk.end
    before = text[a - 1] if a > blk.start else ""
    after = text[b] if b < end else ""
    if entry.get("ascii"):
        return not (before and _ASCII_ALNUM.match(before)) and not (after and _ASCII_ALNUM.match(after))
    mode = entry["mode"]
    if mode == "anywhere":
        return True
    if mode == "note":
        if before and before in _PROSE_BEFORE:
            return False
        return not after or not regex.match(r"\p{Han}", after)
    # field: the whole line, a table cell, or the value after a colon
    i = a
    while i > s and text[i - 1] in _SPACE:
        i -= 1
    # a tab or a run of spaces separates the cells of a plain-text table
    cell = "\t" in text[i:a] or a - i >= 2
    return (i == s or cell or text[i - 1] in ":：|") and bool(_FIELD_END.match(text, b, end))


def check(doc, ctx):
    rx, entries = _matcher()
    text = doc.text
    for blk in common.prose_lines(doc):
        quotes = skip = None
        for m in rx.finditer(text, blk.start, blk.end):
            a, b = m.span()
            entry = entries[m.group(0)]
            if not _counts(doc, blk, a, b, entry):
                continue
            if quotes is None:
                quotes = common.quote_spans(text, blk.start, blk.end)
                skip = common.code_spans(doc, blk.start, blk.end)
            if common.inside(a, quotes) or common.inside(a, skip):
                continue
            if common.enclosing_instruction(text, a, b, blk.start):
                continue  # 〔待定〕: placeholder/blank reports the whole bracket
            note = m.group(0)
            if entry["mode"] == "field":
                msg = f"事项尚未确定：“{note}”，请在定稿前写明具体内容"
            else:
                msg = f"起草批注未处理：“{note}”，请补全内容后删除批注"
            yield ctx.report(a, b, msg)


RULE = Rule(
    id=RULE_ID,
    summary="文中留有起草批注（TODO、待补充、此处省略，或栏目只写“待定”）",
    check=check,
    severity=Severity.WARNING,
    source="《党政机关公文处理工作条例》第十九条（公文内容应当完整准确）",
    docs=RuleDocs(
        说明=(
            "查找起草过程中留下的批注：TODO、FIXME、“此处省略”“以下省略”，句末或单独成行的“待补充”“待填写”，"
            "以及一个栏目只写了“待定”“待完善”“待确定”（整行、表格单元格或冒号后的值）。"
            "正常行文中的“有待补充完善”“待定事项另行研究”“仍待确定”不报。"
        ),
        原因="批注说明文稿还没有写完；印发后，读者看到的是一份未完成的计划，相关事项无法执行。",
        示例="三、保障措施：待补充\n\n负责人：待定\n\n（具体活动安排此处省略）",
        建议写法="补全内容并删去批注：“负责人：工会副主席李明”。确实尚未确定的事项，写明确定的时间和方式：“具体时间另行通知。”",
    ),
    examples=Examples(
        bad=(
            "TODO：补充经费预算",
            "三、保障措施：待补充",
            "负责人：待定",
            "| 时间 | 待定 |\n| --- | --- |",
            "具体活动安排此处省略。",
            "本节内容待补充。",
        ),
        good=(
            "部分制度有待补充完善。",
            "待定事项由领导小组另行研究。",
            "具体时间待定后另行通知。",
            "相关标准仍待确定。",
            "要把“待定”的事项逐项落实。",
        ),
    ),
)
