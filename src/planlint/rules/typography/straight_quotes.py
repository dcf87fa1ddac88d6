"""typography/straight-quotes: straight quotes "…" and '…' in Chinese prose instead of “…” and ‘…’."""

from __future__ import annotations

import regex

from planlint.diagnostics import Edit, Fix, Severity
from planlint.rule import Examples, Rule, RuleDocs
from planlint.rules.typography.chars import has_han, is_cjk, is_han, is_latin
from planlint.rules.typography.context import prose_ranges

RULE_ID = "typography/straight-quotes"
# A quotation longer than this is not paired automatically: the straight quotes may belong apart.
MAX_QUOTED_CHARS = 120
_SENTENCE_END = regex.compile(r"[。！？!?]+")
# Minutes and seconds (8'30", 30°15'20"): the double quote is a seconds mark, not a quotation mark.
_SECONDS = regex.compile(r"(?<=\d['′]\d{1,2}(?:\.\d+)?)\"")


def _pairs_certain(text: str, quotes: list[int]) -> bool:
    """Straight quotes pair up one after another when there is an even number of them and each
    quotation is short, non-empty, not padded with spaces and ends no sentence before its end."""
    if len(quotes) % 2:
        return False
    for o, c in zip(quotes[::2], quotes[1::2]):
        inner = text[o + 1:c]
        if not inner or len(inner) > MAX_QUOTED_CHARS or inner[0].isspace() or inner[-1].isspace():
            return False
        ends = list(_SENTENCE_END.finditer(inner))
        if any(m.end() < len(inner) for m in ends):
            return False
    return True


def _ascii_alnum(ch: str) -> bool:
    return bool(ch) and ch.isascii() and ch.isalnum()


def _single_quote_kind(text: str, i: int, lo: int, hi: int) -> str:
    """How a straight single quote reads: "apostrophe" between Latin letters (don't, Xi'an), "other"
    next to another Latin letter or a digit (students', '90s, 8'30"), else "quote" (Chinese text)."""
    prev = text[i - 1] if i > lo else ""
    nxt = text[i + 1] if i + 1 < hi else ""
    if is_latin(prev) and is_latin(nxt):
        return "apostrophe"
    if _ascii_alnum(prev) or _ascii_alnum(nxt):
        return "other"
    return "quote"


def _single_quotes(ctx, text: str, lo: int, hi: int, protected):
    """Straight single quotes around Han text ('四个必须'): fixed to ‘…’ when pairing is certain."""
    kinds = {}
    i = text.find("'", lo, hi)
    while i >= 0:
        if i not in protected:
            kinds[i] = _single_quote_kind(text, i, lo, hi)
        i = text.find("'", i + 1, hi)
    quotes = [q for q, k in kinds.items() if k == "quote"]
    if not quotes:
        return
    certain = "other" not in kinds.values() and _pairs_certain(text, quotes)
    pairs = list(zip(quotes[::2], quotes[1::2])) if certain else []
    if certain and all(has_han(text[o + 1:c]) for o, c in pairs):
        nested = _inside_double_quotes(text, lo, [o for o, _ in pairs])
        for o, c in pairs:
            if nested[o]:  # a quotation inside a quotation: ‘…’
                yield ctx.report(o, c + 1, "中文语句中使用了英文直单引号'…'，引号内的引号应为中文单引号‘…’",
                                 Fix("改为中文单引号‘…’", (Edit(o, o + 1, "‘"), Edit(c, c + 1, "’"))))
            else:  # GB/T 15834-2011 4.1.3: a first-level quotation takes double quotes
                yield ctx.report(o, c + 1, "中文语句中使用了英文直单引号'…'，一般引文应使用中文双引号“…”",
                                 Fix("改为中文双引号“…”", (Edit(o, o + 1, "“"), Edit(c, c + 1, "”"))))
        return
    # Pairing is uncertain: one diagnostic, at the first quote that opens Han text after Chinese.
    first = next((q for q in quotes if q > lo and is_cjk(text[q - 1]) and q + 1 < hi and is_han(text[q + 1])), None)
    if first is not None:
        yield ctx.report(first, first + 1, f"中文语句中使用了英文直单引号'（本段共 {len(kinds)} 个，无法确定配对）："
                                           "请把引文前的改为‘、引文后的改为’")


def _inside_double_quotes(text: str, lo: int, positions: list[int]) -> dict[int, bool]:
    """For each of ``positions`` (ascending): is an opening “ (or straight ") before it in the block still
    open there? One pass over the block, however many quotes it holds."""
    out = {}
    depth = straight = 0
    cur = lo
    for pos in positions:
        for ch in text[cur:pos]:
            if ch == "“":
                depth += 1
            elif ch == "”":
                depth -= 1
            elif ch == '"':
                straight ^= 1
        cur = pos
        out[pos] = depth > 0 or straight == 1
    return out


def _chinese(text: str, o: int, c: int, lo: int, hi: int) -> bool:
    """A quotation in Chinese prose: Han inside it, or Chinese on either side of it."""
    if has_han(text[o + 1:c]):
        return True
    return (o > lo and is_cjk(text[o - 1])) or (c + 1 < hi and is_cjk(text[c + 1]))


def check(doc, ctx):
    text = doc.text
    for _block, lo, hi, protected in prose_ranges(doc):
        yield from _single_quotes(ctx, text, lo, hi, protected)
        quotes = []
        i = text.find('"', lo, hi)
        while i >= 0:
            if i not in protected and not _SECONDS.match(text, i):
                quotes.append(i)
            i = text.find('"', i + 1, hi)
        if not quotes:
            continue
        if _pairs_certain(text, quotes):
            for o, c in zip(quotes[::2], quotes[1::2]):
                if _chinese(text, o, c, lo, hi):
                    yield ctx.report(o, c + 1, "中文语句中使用了英文直引号\"…\"，应改为中文引号“…”",
                                     Fix("改为中文引号“…”", (Edit(o, o + 1, "“"), Edit(c, c + 1, "”"))))
            continue
        # Pairing is uncertain: one diagnostic for the paragraph, at its first straight quote in Chinese.
        first = next((q for q in quotes if (q > lo and is_cjk(text[q - 1])) or (q + 1 < hi and is_cjk(text[q + 1]))), None)
        if first is not None:
            yield ctx.report(first, first + 1, f"中文语句中使用了英文直引号\"（本段共 {len(quotes)} 个，无法确定配对）："
                                               "请把引文前的改为“、引文后的改为”")


RULE = Rule(
    id=RULE_ID,
    summary="中文语句中使用了英文直引号 \"…\" 或 '…'",
    check=check,
    severity=Severity.WARNING,
    fixable=True,
    source="GB/T 15834-2011 4.8（引号）；第5章（标点符号的位置和书写形式）",
    docs=RuleDocs(
        说明=(
            "在中文语句中用英文直引号 \"…\" 标示引用或特定称谓。一段内直引号成对出现、每段引文都较短且"
            "不跨句时，按先后顺序两两配对，自动改为“…”；无法确定配对时（奇数个、引文跨句）只报告，"
            "不自动修改。英文引文、HTML 属性、网址和代码中的直引号不报告。"
            "中文里的直单引号 '…'（引着汉字）同样处理，配对确定时改为“…”（在双引号里面的改为‘…’）；英文单词中的撇号（don't、Xi'an）"
            "和紧挨字母、数字的单引号（students'、8'30\"）不报告。"
        ),
        原因="GB/T 15834-2011 规定中文横排文本使用弯引号“ ”‘ ’；直引号不分前后，与汉字混排也不协调，多来自英文输入法或网页复制。",
        示例='把创建"先进教职工之家"作为精神文明建设的一个重要组成部分。',
        建议写法="把创建“先进教职工之家”作为精神文明建设的一个重要组成部分。",
    ),
    examples=Examples(
        bad=(
            '把创建"先进教职工之家"作为精神文明建设的重要组成部分。\n',
            '做好"和谐家庭"、"书香家庭"创建工作。\n',
            '坚持"两手抓，两手硬的创建机制。\n',
            "教育引导党员做到'四个必须'。\n",
        ),
        good=(
            "把创建“先进教职工之家”作为精神文明建设的重要组成部分。\n",
            'He said "yes" and left.\n',
            '详见 <a href="https://example.com">通知</a>。\n',
            "访问西安（Xi'an）的时间为8'30\"，他说 'yes'。\n",
        ),
    ),
)
