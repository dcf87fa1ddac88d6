"""figures/malformed-number: 。 or 、 written for a decimal point (241。65万元) and broken digit grouping."""

from __future__ import annotations

import regex

from planlint.diagnostics import Fix, Severity
from planlint.rule import Examples, Rule, RuleDocs
from planlint.rules.figures.analysis import analyse
from planlint.rules.figures.numbers import BAD_DECIMAL

# Thousands separators in the wrong places (12,34万元, 1,2345元) or mixed with a full-width comma.
_BAD_GROUPING = regex.compile(
    r"(?<![\d.,，])\d+(?:[,，]\d+)*,\d+(?:\.\d+)?(?=(?:万亿|亿|万)?(?:元|%|吨|人|个|户|亩|公里|千米|平方米|公顷|千瓦|"
    r"件|所|家|项|辆|台|株|名|次|床))"
)
# Words announcing several numbers in a row, after which 、 separates them.
_LIST_CUE = regex.compile(r"分别|各|依次|先后|和|或")
_GOOD_GROUPING = regex.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")


def check(doc, ctx):
    an = analyse(doc)
    text = an.text
    for b in doc.prose_blocks:
        for m in BAD_DECIMAL.finditer(text, b.content_start, b.end):
            mark = m.group(2)
            if mark == "、" and _LIST_CUE.search(text, max(b.content_start, m.start() - 12), m.start()):
                continue  # 分别提高15、22个百分点: a list of two numbers sharing one unit
            number = f"{m.group(1)}.{m.group(3)}"
            fix = Fix.replace(m.start(2), m.end(2), ".", f"把“{mark}”改为小数点“.”", safe=mark == "。")
            yield ctx.report(
                m.start(), m.end(),
                f"“{doc.text[m.start():m.end()]}”中的“{mark}”不是小数点：应写作“{number}”",
                fix=fix,
            )
        for m in _BAD_GROUPING.finditer(text, b.content_start, b.end):
            if _GOOD_GROUPING.fullmatch(m.group()):
                continue
            yield ctx.report(
                m.start(), m.end(),
                f"“{doc.text[m.start():m.end()]}”的千分位分隔不对：应每三位一组（如“12,345”），或不加分隔符",
            )


RULE = Rule(
    id="figures/malformed-number",
    summary="数字写法错误：句号、顿号当小数点，千分位分隔错位",
    check=check,
    docs=RuleDocs(
        说明="找出数字中的写法错误：把句号“。”或顿号“、”当作小数点（241。65万元、99。3万元），"
             "以及千分位分隔符位置不对（12,34万元）。句号当小数点的可以安全地自动改为“.”；顿号的改法需要人工确认。",
        原因="GB/T 15835-2011 规定小数点用“.”；句号当小数点会把一句话截断，也会让数字读错、算错。"
             "这种错误常见于从网页或输入法全角状态下录入的材料。",
        示例="业务收入完成241。65万元，为年计划的95。51%。",
        建议写法="业务收入完成241.65万元，为年计划的95.51%。",
    ),
    source="GB/T 15835-2011《出版物上数字用法》（小数点、分节号）",
    fixable=True,
    severity=Severity.ERROR,
    examples=Examples(
        bad=("业务收入完成241。65万元，为年计划的95。51%。", "全年接待游客12,34万人次。"),
        good=("业务收入完成241.65万元，为年计划的95.51%。", "完成了10项。3月份起全面推开。",
              "两项指标分别提高15、22个百分点。",
              "全年接待游客12,345人次。"),
    ),
)
