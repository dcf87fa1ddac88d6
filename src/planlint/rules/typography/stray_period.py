"""typography/stray-period: a "." between two Chinese characters inside a sentence (领导的.重视)."""

from __future__ import annotations

import regex

from planlint.diagnostics import Fix, Severity
from planlint.rule import Examples, Rule, RuleDocs
from planlint.rules.typography.chars import CN_DIGITS, is_han
from planlint.rules.typography.context import prose_ranges

RULE_ID = "typography/stray-period"
_DOT = regex.compile(r"[.．]")


def check(doc, ctx):
    text = doc.text
    for _block, lo, hi, protected in prose_ranges(doc):
        for m in _DOT.finditer(text, lo, hi):
            i = m.start()
            if i == lo or i + 1 >= hi or i in protected:
                continue
            left, right = text[i - 1], text[i + 1]
            if not (is_han(left) and is_han(right)):
                continue
            dot = m.group()
            if left in CN_DIGITS and right in CN_DIGITS:
                # 三.八 / 五.四 / 一二.九: a date-named event, separated by the middle dot.
                yield ctx.report(i, i + 1, f"“{left}{dot}{right}”中的“{dot}”应改为间隔号“·”（{left}·{right}）",
                                 Fix.replace(i, i + 1, "·", "改为间隔号“·”", safe=False))
                continue
            yield ctx.report(i, i + 1, f"句中多余的“{dot}”（“{left}{dot}{right}”）：若是误输入应删除；"
                                       "若此处句子结束，应改为“。”",
                             Fix.replace(i, i + 1, "", f"删去“{dot}”", safe=False))


RULE = Rule(
    id=RULE_ID,
    summary="句中夹着多余的“.”（领导的.重视）",
    check=check,
    severity=Severity.WARNING,
    fixable=True,
    source="GB/T 15834-2011 4.1（句号）、4.14（间隔号）",
    docs=RuleDocs(
        说明=(
            "两个汉字之间夹着一个半角“.”或全角“．”，如“领导的.重视”。这多半是网页复制残留或误触按键，"
            "应删除；若此处句子确实结束，应改用句号“。”。两侧都是汉字数字时（“三.八”妇女节），"
            "应使用间隔号“·”。数字中的小数点、网址、文件名和英文缩写不报告；“1.”这类大纲编号由 "
            "structure/ 规则检查。提供的修改（删去或改为“·”）需要人工确认，只在 --unsafe-fixes 时应用。"
        ),
        原因="多余的点号打断词语，读者会以为漏了文字或断错了句，是审稿时常被标红的低级错误。",
        示例="在各级领导的.重视和支持下，开展“三.八”妇女节庆祝活动。",
        建议写法="在各级领导的重视和支持下，开展“三·八”妇女节庆祝活动。",
    ),
    examples=Examples(
        bad=(
            "在各级领导的.重视和支持下开展工作。\n",
            "开展“三.八”妇女节庆祝活动。\n",
            "加强队伍．建设。\n",
        ),
        good=(
            "全年完成收入1.5亿元，增长6.5%。\n",
            "附件：工作计划.docx\n",
            "开展“三·八”妇女节庆祝活动。\n",
        ),
    ),
)
