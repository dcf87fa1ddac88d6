"""typography/space-around-punctuation: spaces beside full-width marks in Chinese prose (“和谐家庭” 、)."""

from __future__ import annotations

import regex

from planlint.diagnostics import Diagnostic, Fix, Severity
from planlint.rule import Examples, Rule, RuleDocs
from planlint.rules.typography import halfwidth, straight_quotes
from planlint.rules.typography.chars import FULL_WIDTH, MARK_NAMES, is_han
from planlint.rules.typography.context import prose_ranges
from planlint.rules.typography.pairing import KIND, NAMES, PAIRS

RULE_ID = "typography/space-around-punctuation"
_SPACE_RUN = regex.compile(r"[ \t\u00a0]+")
# Full-width marks that take no space on either side in Chinese text (each occupies a full em).
_MARKS = frozenset("，。、；：？！“”‘’（）《》〈〉【】〔〕「」『』…—")
_ASCII_MARKS = frozenset(',;:?!()."')
# One ideographic space (U+3000) in mid-sentence: after a pause mark and before a Han character
# (加强队伍建设，　提高), or between a Han character and a pause or end mark (建设　，). Runs of them
# (indents, blanks to fill in such as 姓名：　　　) and separators in name lists (王凯（河南）　王勇) are
# layout and are left alone.
_IDEOGRAPHIC = regex.compile(
    r"(?<=[，、；])\u3000(?=\p{Han})|(?<=\p{Han})\u3000(?=[，、；。！？])"
)


def _name(mark: str) -> str:
    if mark == '"':
        return "引号"
    mark = FULL_WIDTH.get(mark, mark)
    if mark in MARK_NAMES:
        return f"{MARK_NAMES[mark]}“{mark}”"
    if mark in KIND and KIND[mark] in NAMES:
        left, right = NAMES[KIND[mark]]
        return left if mark in PAIRS else right
    return f"“{mark}”"


class _Collect:
    """A stand-in for RuleContext that hands back what a sibling rule would report."""

    def report(self, start, end, message, fix=None, **extra):
        return Diagnostic(RULE_ID, message, start, end, fix=fix)


def _widened(doc) -> set[int]:
    """Offsets of the half-width marks and straight quotes this family's safe fixes make full-width."""
    out: set[int] = set()
    for rule in (halfwidth.RULE, straight_quotes.RULE):
        for d in rule.check(doc, _Collect()):
            if d.fix and d.fix.safe:
                out.update(e.offset for e in d.fix.edits if e.end_offset - e.offset == 1)
    return out


def check(doc, ctx):
    text = doc.text
    widened: set[int] | None = None
    for _block, lo, hi, protected in prose_ranges(doc):
        for m in _SPACE_RUN.finditer(text, lo, hi):
            s, e = m.span()
            if s == lo or e == hi or s in protected:
                continue
            left, right = text[s - 1], text[e]
            lm, rm = left in _MARKS, right in _MARKS
            if (left in _ASCII_MARKS or right in _ASCII_MARKS) and (is_han(left) or is_han(right) or lm or rm):
                # A half-width mark or straight quote that the other rules of this family make
                # full-width counts as full-width, so that all the fixes are offered at once.
                if widened is None:
                    widened = _widened(doc)
                lm = lm or s - 1 in widened
                rm = rm or e in widened
            if not (lm or rm) or not (lm or is_han(left)) or not (rm or is_han(right)):
                continue
            mark = left if lm else right
            where = "后" if lm else "前"
            yield ctx.report(s, e, f"{_name(mark)}{where}多了空格：全角标点本身占一个字宽，前后不加空格，应删除",
                             Fix.replace(s, e, "", "删除空格"))
        for m in _IDEOGRAPHIC.finditer(text, lo, hi):
            s, e = m.span()
            if s == lo or s in protected:  # s == lo: right after an outline marker (一、　指导思想)
                continue
            left = text[s - 1]
            mark, where = (left, "后") if left in _MARKS else (text[e], "前")
            yield ctx.report(s, e, f"{_name(mark)}{where}多了全角空格：全角标点本身占一个字宽，前后不加空格，应删除",
                             Fix.replace(s, e, "", "删除全角空格"))

RULE = Rule(
    id=RULE_ID,
    summary="全角标点前后多了空格",
    check=check,
    severity=Severity.INFO,
    fixable=True,
    source="GB/T 15834-2011 第5章（标点符号的位置和书写形式）",
    docs=RuleDocs(
        说明=(
            "在中文语句中，全角标点（，。、；：？！“”‘’（）《》【】……——）与相邻的汉字或全角标点之间"
            "夹了半角空格、制表符或不换行空格，如“和谐家庭” 、“书香家庭”。只报告两侧都是中文的情形；"
            "行首缩进、大纲编号后的空格、英文和数字旁的空格、网址和代码中的空格不报告。"
            "句中单个全角空格（U+3000）夹在逗号、顿号、分号与汉字之间，或汉字与句中、句末点号之间时也报告；"
            "连续的全角空格（段首缩进、“姓名：　　　”一类待填空白）和人名列表中的分隔空格不报告。"
        ),
        原因=(
            "GB/T 15834-2011 规定全角标点各占一个字的位置，本身已留出间隔，再加空格会使版面出现"
            "不均匀的空白；这类空格多来自网页复制或英文输入习惯。"
        ),
        示例="做好“和谐家庭” 、“书香家庭”创建工作， 增强创建共识。",
        建议写法="做好“和谐家庭”、“书香家庭”创建工作，增强创建共识。",
    ),
    examples=Examples(
        bad=(
            "做好“和谐家庭” 、“书香家庭”创建工作。\n",
            "坚持 “米袋子”省长负责制。\n",
            "加快实施“走出去” 战略。\n",
            "加强队伍建设，\u3000提高服务水平。\n",
        ),
        good=(
            "做好“和谐家庭”、“书香家庭”创建工作。\n",
            "一、 过去五年工作回顾\n",
            "记者 王鼎 摄影报道，使用 Python 3 处理。\n",
            "\u3000\u3000姓名：\u3000\u3000\u3000性别：\u3000\u3000\u3000\n",
        ),
    ),
)
