"""placeholder/name-slot: 某某 / 某某某 left where a person's, an organisation's or a place's name belongs."""

from __future__ import annotations

import regex

from planlint.diagnostics import Severity
from planlint.rule import Examples, Rule, RuleDocs
from planlint.rules.placeholder import common, data

RULE_ID = "placeholder/name-slot"

_MOUMOU = regex.compile(r"某{2,3}")


def _kind(doc, s: int, a: int, b: int, end: int) -> tuple[int, int, str]:
    """(start, end, kind) of the slot: a surname before it or a kind suffix after it joins the span."""
    sd = data.slots()
    text = doc.text
    m = sd.suffix_rx.match(text, b, end)
    if m:
        suf = sd.suffixes[m.group(0)]
        if suf.kind in ("person", "org", "place"):
            return a, m.end(), suf.kind
    if a > s and text[a - 1] in sd.surnames:
        return a - 1, b, "person"
    return a, b, common.label_kind(text, a, s) or "name"


def check(doc, ctx):
    sd = data.slots()
    for blk in common.prose_lines(doc):
        s, end = blk.start, blk.end
        quotes = None
        for m in _MOUMOU.finditer(doc.text, s, end):
            a, b = m.span()
            if quotes is None:
                quotes = common.quote_spans(doc.text, s, end)
            # “某某” quoted alone is the word being talked about, not a slot.
            if any(qs == a - 1 and qe == b + 1 for qs, qe in quotes):
                continue
            start, stop, kind = _kind(doc, s, a, b, end)
            k = sd.kind(kind)
            yield ctx.report(start, stop, f"{k.label}未填写：“{doc.text[start:stop]}”，{k.advice}", slot=kind)


RULE = Rule(
    id=RULE_ID,
    summary="“某某”“某某某”占位未替换为真实名称",
    check=check,
    severity=Severity.WARNING,
    source="《党政机关公文处理工作条例》第十九条（公文内容应当真实准确）",
    docs=RuleDocs(
        说明=(
            "查找用“某某”“某某某”代替的姓名、单位名称或地名，如“张某某同志”“某某公司”“某某镇”。"
            "单个“某”构成的常用词（某种、某些、某一、某个方面）不报。"
        ),
        原因="“某某”是范文中的占位写法，留在正式文稿里说明人名、单位名没有填写，文件无法落实到具体对象。",
        示例="由某某同志负责，某某公司配合实施。",
        建议写法="写明真实的姓名和单位：“由王建国同志负责，市城建投资公司配合实施。”；若确需隐去姓名，用“王××”等按规定脱敏的写法并在文首说明。",
    ),
    examples=Examples(
        bad=(
            "由某某同志负责组织实施。",
            "某某公司要切实履行安全生产主体责任。",
            "经研究，张某某同志任办公室主任。",
            "联系人：某某某",
        ),
        good=(
            "在某种程度上，这些问题具有普遍性。",
            "某些单位存在形式主义倾向。",
            "要在某一领域形成突破。",
            "在某个方面取得进展。",
            "不要在文件中写“某某”这样的占位词。",
        ),
    ),
)
