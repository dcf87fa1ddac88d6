"""figures/conflicting-values: one rate stated twice in a document with two different values."""

from __future__ import annotations

import bisect

import regex

from planlint.rule import Examples, Rule, RuleDocs
from planlint.rules.figures.analysis import analyse
from planlint.rules.figures.numbers import format_decimal

# A rate with its subject, from the clause start: 全镇企业劳动合同签订率达到90%.
_RATE = regex.compile(
    r"(?P<metric>[\u4e00-\u9fff]{3,16}?(?:率|占比|比重))(?:达到了|达到|保持在|稳定在|达|为|是)?$"
)
# Clauses that compare, plan or date a value state a different fact each time.
_CONTEXT = regex.compile(
    r"\d{4}|[〇一二]{4}年|今年|去年|上年|明年|年底|年末|年初|同比|比上|提高|提升|下降|增长|由|从|(?<!达)到|(?<!截)至|目标|力争|预计|计划|"
    r"季度|半年|月份|月底|月末|以上|以下|左右|分别|平均|其中|超过|不低于|不少于|不高于|同期|比重|占比"
)
_CLAUSE_BREAK = "，,；;：:、。（）()"
# Words that name no particular subject: a rate after them is too vague to compare.
_VAGUE_HEAD = regex.compile(r"^(?:使|让|将|把|确保|保证|实现|推动|促进|力争|的|其|各项|)")


def check(doc, ctx):
    an = analyse(doc)
    text = an.text
    seen: dict[tuple[int, str], tuple[object, int]] = {}
    tops = [c.start for c in doc.sections.children]
    for sent in an.sentences:
        ctx_at = _CONTEXT.search(text, sent.start, sent.end)
        first_context = ctx_at.end() if ctx_at else sent.end + 1
        for q in sent.quantities:
            if q.category != "percent" or not q.exact:
                continue
            clause_end = q.end
            while clause_end < min(sent.end, q.end + 40) and text[clause_end] not in _CLAUSE_BREAK:
                clause_end += 1
            if first_context <= clause_end:
                continue  # the sentence up to this clause dates, compares or plans the figure
            start = q.start
            while start > max(sent.start, q.start - 40) and text[start - 1] not in _CLAUSE_BREAK:
                start -= 1
            m = _RATE.search(text, start, q.start)
            if not m or m.start() != start:
                continue
            metric = _VAGUE_HEAD.sub("", m.group("metric"))
            if len(metric) < 5:
                continue  # 合格率, 覆盖率 alone: of what? too vague to call the two values one metric
            # A review part and a plan part (工作回顾 / 重点工作) state different years' figures:
            # only figures under the same top-level heading are compared.
            metric_key = (bisect.bisect_right(tops, q.start), metric)
            first = seen.get(metric_key)
            if first is None:
                seen[metric_key] = (q, doc.position(q.start)[0])
            elif first[0].value != q.value:
                fq, line = first
                yield ctx.report(
                    q.start, q.end,
                    f"“{metric}”前文第 {line} 行写作{format_decimal(fq.number)}%，此处写作{format_decimal(q.number)}%："
                    "同一指标两个数值，请核对统一",
                )


RULE = Rule(
    id="figures/conflicting-values",
    summary="同一指标在文中写成两个不同的数值",
    check=check,
    docs=RuleDocs(
        说明="同一个比率（主语和指标名称完全相同，如“全镇企业劳动合同签订率”）在文中两处写成不同的百分比时报告。"
             "规则从严掌握：只比较主语至少五个字、句中没有年份、时段、目标、比较（提高、同比、由……到……）"
             "和约数的陈述，并且只比较同一个一级标题下的两处（“工作回顾”与“重点工作”说的是不同年份），"
             "以免把不同年份、不同范围的数字当成矛盾。",
        原因="同一数据前后不一，是材料拼凑、多人起草或修改时只改一处造成的，审阅者一旦发现就会质疑全部数据。",
        示例="全镇企业劳动合同签订率达90%。……全镇企业劳动合同签订率达86%。",
        建议写法="核对后统一为一个数值；如果两个数分属不同年份或范围，写明年份或范围。",
    ),
    source="公文数据核对惯例（同一数据全文一致）",
    examples=Examples(
        bad=("全镇企业劳动合同签订率达90%。\n\n全镇企业劳动合同签订率达86%，集体合同覆盖面进一步扩大。",),
        good=("全镇企业劳动合同签订率达90%。\n\n全镇企业劳动合同签订率达90%，集体合同覆盖面进一步扩大。",
              "2022年全镇企业劳动合同签订率为86%。\n\n2023年全镇企业劳动合同签订率达90%。"),
    ),
)
