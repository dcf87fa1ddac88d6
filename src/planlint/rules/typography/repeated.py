"""typography/repeated-punctuation: a mark typed twice (。。 ，， 、、) or two marks where one belongs (，。)."""

from __future__ import annotations

import itertools

import regex

from planlint.diagnostics import Fix, Severity
from planlint.rule import Examples, Rule, RuleDocs
from planlint.rules.typography.chars import MARK_NAMES, is_cjk
from planlint.rules.typography.context import prose_ranges

RULE_ID = "typography/repeated-punctuation"
# Marks that are never doubled in Chinese prose; the half-width twins count as the same mark.
_RUN = regex.compile(r"[，。、；：,;]{2,}")
_NORMAL = {",": "，", ";": "；"}


def check(doc, ctx):
    text = doc.text
    for _block, lo, hi, protected in prose_ranges(doc):
        for m in _RUN.finditer(text, lo, hi):
            s, e = m.span()
            if protected.overlaps(s, e):
                continue
            run = m.group()
            if run.isascii() and not (s > lo and is_cjk(text[s - 1])):
                continue  # ",," outside Chinese prose (CSV, code) is not ours to judge
            pos = s
            groups = [(mark, len(list(g))) for mark, g in itertools.groupby(_NORMAL.get(c, c) for c in run)]
            for mark, n in groups:
                if n >= 3 and mark == "。":
                    yield ctx.report(pos, pos + n, f"用{n}个句号“{text[pos:pos + n]}”表示省略，应改为省略号“……”",
                                     Fix.replace(pos, pos + n, "……", "改为省略号“……”", safe=False))
                elif n >= 2:
                    yield ctx.report(pos, pos + n, f"{MARK_NAMES[mark]}重复（“{text[pos:pos + n]}”），应只保留一个“{mark}”",
                                     Fix.replace(pos, pos + n, mark, f"保留一个“{mark}”"))
                pos += n
            if len(groups) > 1:
                shown = "".join(mark for mark, _ in groups)
                yield ctx.report(s, e, f"标点连用（“{shown}”）：同一处只应有一个点号，请根据语气保留其中一个")

RULE = Rule(
    id=RULE_ID,
    summary="点号重复或连用（。。 ，， ，。）",
    check=check,
    severity=Severity.WARNING,
    fixable=True,
    source="GB/T 15834-2011 4.1、4.4–4.7（句号、逗号、顿号、分号、冒号）；4.11（省略号）",
    docs=RuleDocs(
        说明=(
            "同一处连续出现两个以上的句号、逗号、顿号、分号、冒号（如“。。”“，，”“、、”），"
            "或两个不同的点号挤在一起（如“，。”“；，”）。同一标点重复时自动只保留一个（全角）；"
            "不同点号连用时需要人工判断保留哪个，只报告；三个以上句号“。。。”多半是想表示省略，"
            "建议改为省略号“……”（不自动修改）。问号、叹号的叠用（？！）GB/T 15834 允许，不报告。"
        ),
        原因="点号重复是录入或拼接文稿时留下的痕迹，一眼可见，会让读者怀疑文稿没有经过校对。",
        示例="进一步完善工会组织建设。。同时，，做好送温暖活动，。",
        建议写法="进一步完善工会组织建设。同时，做好送温暖活动。",
    ),
    examples=Examples(
        bad=(
            "进一步完善工会组织建设。。\n",
            "同时，，做好送温暖活动。\n",
            "关心、、支持女工工作。\n",
            "做好送温暖活动，。\n",
        ),
        good=(
            "进一步完善工会组织建设。同时，做好送温暖活动。\n",
            "这难道不是我们的责任吗？！\n",
            "如此等等……\n",
        ),
    ),
)
