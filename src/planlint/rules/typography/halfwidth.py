"""typography/halfwidth-punctuation: half-width , ; : ? ! ( ) . in Chinese prose (GB/T 15834-2011)."""

from __future__ import annotations

import regex

from planlint.diagnostics import Edit, Fix, Severity
from planlint.rule import Examples, Rule, RuleDocs
from planlint.rules.typography.chars import (
    CJK_CLOSERS,
    FULL_WIDTH,
    MARK_NAMES,
    has_han,
    has_latin,
    is_cjk,
    is_digit,
    is_han,
)
from planlint.rules.typography.context import prose_ranges
from planlint.rules.typography.pairing import HALF_WIDTH, match_pairs

RULE_ID = "typography/halfwidth-punctuation"
_MARK = regex.compile(r"\.{3,}|[,;:?!.]")
# Characters of a Latin term written inside Chinese (GDP, 5G, COVID-19, A.B).
_TERM_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-+#/")
_SPACES = " \t"
_EMPHASIS = "*_~"
# Full-width twins: a half-width mark next to its own full-width twin is a repeat, not a width error.
_TWIN = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", ".": "。"}


def _next_visible(text: str, i: int, hi: int) -> tuple[str, int]:
    """The first character at or after ``i`` that is not a space or tab, and its offset."""
    while i < hi and text[i] in _SPACES:
        i += 1
    return (text[i], i) if i < hi else ("", hi)


def _embedded_term(text: str, i: int, lo: int) -> bool:
    """True when the Latin/digit run ending before ``i`` sits in Chinese (…的GDP,…), not in English."""
    j = i
    while j > lo and text[j - 1] in _TERM_CHARS:
        j -= 1
    return j == i or j == lo or is_cjk(text[j - 1])


def _term_after_chinese(text: str, end: int, lo: int) -> bool:
    """A non-empty Latin/digit run ends at ``end`` and Chinese stands right before it (国产CPU, 增长15)."""
    j = end
    while j > lo and text[j - 1] in _TERM_CHARS:
        j -= 1
    return lo < j < end and is_cjk(text[j - 1])


def _in_chinese(text: str, i: int, lo: int, hi: int) -> bool:
    """Whether the half-width mark at ``i`` punctuates Chinese prose (not English, numbers, times)."""
    ch = text[i]
    k = i
    while k > lo and text[k - 1] in _EMPHASIS:
        k -= 1  # **注意**: reads the character before the Markdown emphasis
    left = text[k - 1] if k > lo else ""
    after = text[i + 1] if i + 1 < hi else ""
    right, _ = _next_visible(text, i + 1, hi)
    if left in _TWIN.values() or after == _TWIN.get(ch) or left == ch or after == ch:
        return False  # a repeated mark: typography/repeated-punctuation reports it
    if ch in "?!":
        # A lone ? after 、 or a digit is a lost character (mojibake), not a question mark.
        return is_han(left) or left in CJK_CLOSERS
    if ch == ".":
        # Only a sentence end: "…奋斗." at the end of a paragraph or before more Chinese.
        # Between two Han characters it is typography/stray-period; before Latin it is a file name.
        if not (is_han(left) or left in CJK_CLOSERS):
            return after == "" and _term_after_chinese(text, i, lo)  # 全面推广使用国产CPU.
        return after == "" or (after in _SPACES and (right == "" or is_han(right)))
    if is_digit(left) and is_digit(after):
        return False  # 8:30, 1:1000, 8,500
    if is_cjk(left):
        return True
    if left == "" or left in _SPACES:
        return False
    if is_digit(left) and is_digit(right):
        return False  # 1, 2
    if right and (is_han(right) or right in "“《（【"):
        return left in "%)" or _embedded_term(text, i, lo)
    if right == "" and ch in ",;:":
        # at the end of the line after a figure or term inside Chinese: 同比增长15%;
        return _term_after_chinese(text, i - 1 if left in "%％)" else i, lo)
    return False


def _pair_in_chinese(text: str, o: int, c: int, lo: int, hi: int) -> bool:
    """Whether a parenthesised aside belongs to Chinese prose: Han inside, or Chinese around it."""
    inner = text[o + 1:c]
    if has_han(inner):
        return True
    left = text[o - 1] if o > lo else ""
    right = text[c + 1] if c + 1 < hi else ""
    if not is_cjk(left):
        return False
    return not has_latin(inner) or is_cjk(right) or right == ""


def _marker_parens(doc, ctx, block):
    """“(一)” / “(1)” at the head of a line: structure/ checks the mark after it, the width is ours."""
    m = block.marker
    if m is None or m.style not in ("cn-paren", "arabic-paren"):
        return
    text = doc.text
    half = [k for k in range(m.start, m.end) if text[k] in HALF_WIDTH]
    if half:
        label = text[m.start:m.end].strip(" \t\u3000、，,．.")
        edits = tuple(Edit(k, k + 1, FULL_WIDTH[text[k]]) for k in half)
        yield ctx.report(half[0], half[-1] + 1, f"序号“{label}”使用了半角括号，应改为全角括号“（）”",
                         Fix("改为全角括号“（）”", edits))


def check(doc, ctx):
    text = doc.text
    for block, lo, hi, protected in prose_ranges(doc):
        yield from _marker_parens(doc, ctx, block)
        for m in _MARK.finditer(text, lo, hi):
            i = m.start()
            if i in protected:
                continue
            if m.end() - i >= 3:
                if i > lo and (is_han(text[i - 1]) or text[i - 1] in CJK_CLOSERS):
                    yield ctx.report(i, m.end(), "中文语句中用半角句点“...”表示省略，应改为省略号“……”",
                                     Fix.replace(i, m.end(), "……", "改为省略号“……”"))
                continue
            if not _in_chinese(text, i, lo, hi):
                continue
            ch = text[i]
            full = FULL_WIDTH[ch]
            # Spaces around it are typography/space-around-punctuation's to remove.
            yield ctx.report(i, i + 1, f"中文语句中使用了半角{MARK_NAMES[ch]}“{ch}”，应改为全角“{full}”",
                             Fix.replace(i, i + 1, full, f"改为全角“{full}”"))
        i = text.find("…", lo, hi)
        while i >= 0:  # a single … : GB/T 15834-2011 4.11 writes the ellipsis as two, ……
            lone = (i == lo or text[i - 1] != "…") and (i + 1 >= hi or text[i + 1] != "…")
            if lone and i not in protected and i > lo and (is_han(text[i - 1]) or text[i - 1] in CJK_CLOSERS):
                yield ctx.report(i, i + 1, "省略号只写了一个“…”，中文省略号应为两个连用的“……”",
                                 Fix.replace(i, i + 1, "……", "改为省略号“……”"))
            i = text.find("…", i + 1, hi)
        for o, c in match_pairs(text, lo, hi, protected).pairs:
            half = [k for k in (o, c) if text[k] in HALF_WIDTH]
            if not half or not _pair_in_chinese(text, o, c, lo, hi):
                continue
            edits = tuple(Edit(k, k + 1, FULL_WIDTH[text[k]]) for k in half)
            shown = "".join(text[k] for k in half)
            yield ctx.report(o, c + 1, f"中文语句中使用了半角括号“{shown}”，应改为全角括号“（）”",
                             Fix("改为全角括号“（）”", edits))


RULE = Rule(
    id=RULE_ID,
    summary="中文语句中使用了半角标点 , ; : ? ! ( ) .",
    check=check,
    severity=Severity.WARNING,
    fixable=True,
    source="GB/T 15834-2011 第5章（标点符号的位置和书写形式）；4.1–4.7（点号）、4.9（括号）、4.11（省略号）",
    docs=RuleDocs(
        说明=(
            "在中文语句中使用了英文（半角）标点：逗号“,”、分号“;”、冒号“:”、问号“?”、叹号“!”、"
            "括号“( )”、句末的“.”、表示省略的“...”和只写了一个的“…”。英文、数字（8,500、1:1000、2.5）、时间（8:30）、"
            "网址、电子邮箱、代码和 HTML 标记中的半角标点不报告。行首序号“(一)”“(1)”的半角括号也报告；"
            "序号后该用什么点号（“（一）、”“1、”）由 structure/marker-punctuation 检查。"
        ),
        原因=(
            "GB/T 15834-2011 规定中文文本使用全角标点，半角标点占半个字宽，与汉字混排时间距失衡，"
            "是公文和计划审稿中最常被标红的问题之一，也暴露出文稿由网页或英文输入法拼凑而来。"
        ),
        示例="以“三个代表”重要思想为指导,围绕落实科学发展观(含相关要求):深入贯彻工作方针!",
        建议写法="以“三个代表”重要思想为指导，围绕落实科学发展观（含相关要求）：深入贯彻工作方针！",
    ),
    examples=Examples(
        bad=(
            "以科学发展观为指导,围绕学校办学目标开展工作。\n",
            "我镇有民办(学校、幼儿园)17所。\n",
            "工作总结如下:一是加强学习。\n",
            "各项工作取得新进展.\n",
            "全年完成收入3万元,同比增长6.5%,超额完成任务。\n",
        ),
        good=(
            "以科学发展观为指导，围绕学校办学目标开展工作。\n",
            "上班时间为8:30至17:30，比例尺1:1000，共铺设8,500公里。\n",
            "详见 https://www.example.com/a,b?x=1 或发邮件至 office@example.com。\n",
            "The plan says: first, second; and (third).\n",
            "附件：2023年2月份.xlsx\n",
        ),
    ),
)
