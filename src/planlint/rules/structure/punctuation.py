"""structure/marker-punctuation: the mark after an outline number ("一、" "（一）" "1." "（1）")."""

from __future__ import annotations

from planlint.diagnostics import Fix, Severity
from planlint.outline import EXPECTED_PUNCT
from planlint.rule import Examples, Rule, RuleDocs
from planlint.rules.structure.parts import SKIPPED

_MARKS = "、，,．.：:"
_KIND = {
    "cn": "汉字数字序号", "cn-paren": "带括号的序号", "arabic": "阿拉伯数字序号",
    "arabic-paren": "带括号的序号", "circled": "圈码序号", "chapter": "“第×章”类序号",
}
_NAMES = {"、": "顿号", "，": "逗号", ",": "逗号", "．": "下脚点", ".": "下脚点", "：": "冒号", ":": "冒号"}


def _punct_at(text: str, start: int, end: int, punct: str) -> int | None:
    i = text.rfind(punct, start, end)
    return i if i >= 0 else None


def check_marker_punct(doc, ctx):
    text = doc.text
    for b in doc.blocks:
        m = b.marker
        if m is None or b.kind in SKIPPED:
            continue
        style = m.style
        want = EXPECTED_PUNCT[style]
        if style in ("circled", "chapter"):
            # The marker pattern stops before any mark: look at the character right after it.
            i = m.start + 1 if style == "circled" else _chapter_end(text, m.start, m.end)
            marks = _MARKS if style == "circled" else "、，,．."  # "第一部分：" is usual
            if i is None or i >= b.end or text[i] not in marks:
                continue
            got, at = text[i], i
        else:
            got = m.punct
            if m.punct_ok or not got:
                continue
            at = _punct_at(text, m.start, m.end, got)
            if at is None:
                continue
        shown = text[m.start:at + 1].strip()
        kind = _KIND[style]
        if want:
            fixed = shown[:-1] + want
            msg = f"序号“{shown}”后的标点不对：{kind}后用{_NAMES[want]}，应写作“{fixed}”"
            fix = Fix.replace(at, at + 1, want, f"把“{got}”改为“{want}”")
        else:
            fixed = shown[:-1]
            msg = f"序号“{shown}”后多了{_NAMES.get(got, '标点')}：{kind}后不加标点，应写作“{fixed}”"
            fix = Fix.replace(at, at + 1, "", f"删去序号后的“{got}”")
        yield ctx.report(m.start, at + 1, msg, fix=fix)


def _chapter_end(text: str, start: int, end: int) -> int | None:
    for unit in ("部分", "章", "节", "篇"):
        i = text.find(unit, start, end)
        if i >= 0:
            return i + len(unit)
    return None


MARKER_PUNCTUATION = Rule(
    id="structure/marker-punctuation",
    summary="结构层次序数后的标点用错（“1、”应为“1.”，“（一）、”应为“（一）”）",
    check=check_marker_punct,
    severity=Severity.WARNING,
    fixable=True,
    source="GB/T 15834-2011《标点符号用法》（顿号用于“一、”类序次语之后；括号序号后不再加标点）；"
           "GB/T 9704-2012 7.3.3（层次序数“一、”“（一）”“1.”“（1）”）",
    docs=RuleDocs(
        说明="行首结构层次序数后的标点：汉字序号用顿号（“一、”）；阿拉伯数字序号用下脚点（“1.”）；"
             "带括号的序号（“（一）”“（1）”）和圈码（“①”）后不再加任何标点。"
             "找出“1、”“一.”“（一）、”“（1）.”“①、”等写法，并提供安全的自动修复（只改序号后的那个标点）。",
        原因="国家标准对层次序数的标点有明确规定；“（一）、”是括号与顿号的重复标注，“1、”混用了汉字序号的标点。",
        示例="（一）、提高能力，维护职工权益 / 1、加强教代会代表培训",
        建议写法="（一）提高能力，维护职工权益 / 1.加强教代会代表培训",
    ),
    examples=Examples(
        bad=("（一）、提高能力，维护职工权益\n\n加强学习培训。\n", "1、加强教代会代表培训\n\n组织代表培训。\n",
             "一.指导思想\n\n坚持服务职工。\n"),
        good=("（一）提高能力，维护职工权益\n\n加强学习培训。\n", "1.加强教代会代表培训\n\n组织代表培训。\n",
              "一、指导思想\n\n坚持服务职工。\n"),
    ),
)
