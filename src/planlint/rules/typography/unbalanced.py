"""typography/unbalanced-pair: quotes, brackets and title marks left open, stray or crossed in a paragraph."""

from __future__ import annotations

from planlint.diagnostics import Fix, Severity
from planlint.rule import Examples, Rule, RuleDocs
from planlint.rules.typography.context import prose_ranges
from planlint.rules.typography.pairing import KIND, NAMES, PAIRS, match_pairs

RULE_ID = "typography/unbalanced-pair"
# How much text after an unclosed mark the message quotes, so the reader can find it.
CONTEXT_CHARS = 12
# An opener left open at the end of a line without a sentence mark may be closed on the next lines
# (hard-wrapped text, or a link's text scraped onto a line of its own); this many lines at most.
MAX_CARRY_LINES = 4
_ENDS = frozenset("。！？；!?;")
# Quotes whose two halves are easily typed the wrong way round.
_QUOTES = frozenset("“”‘’")


def _names(mark: str) -> tuple[str, str, str, str]:
    """(opener, closer, opener name, closer name) for any half of a pair."""
    opener = KIND[mark]
    left, right = NAMES[opener]
    return opener, PAIRS[opener], left, right


def _excerpt(text: str, start: int) -> str:
    """The text after a mark up to the end of its line, shortened for a message."""
    end = start
    while end < len(text) and end < start + CONTEXT_CHARS + 1 and text[end] not in "\r\n":
        end += 1
    s = text[start:end]
    return s[:CONTEXT_CHARS] + "…" if len(s) > CONTEXT_CHARS else s


def _shorten(s: str) -> str:
    s = " ".join(s.splitlines())  # a pair carried across lines is quoted on one line
    return s if len(s) <= 2 * CONTEXT_CHARS else s[:CONTEXT_CHARS] + "…" + s[-CONTEXT_CHARS // 2:]


def _continues(text: str, lo: int, hi: int) -> bool:
    """A line that ends without a sentence mark may be a hard-wrapped paragraph going on below."""
    return text[lo:hi].rstrip()[-1:] not in _ENDS


def _quoted_paragraph(text: str, lo: int, unclosed: list[int]) -> bool:
    return unclosed == [lo] and text[lo] == "“"


def check(doc, ctx):
    text = doc.text
    carried: list[int] = []
    carried_for = 0
    ranges = list(prose_ranges(doc))
    for n, (_block, lo, hi, protected) in enumerate(ranges):
        result = match_pairs(text, lo, hi, protected, carried)
        # Count the lines a mark has waited for its partner; a line that changes what is open resets it.
        carried_for = carried_for + 1 if carried and result.unclosed == carried else 0
        last = n + 1 == len(ranges)
        if result.unclosed and not last and _continues(text, lo, hi) and carried_for < MAX_CARRY_LINES:
            carried = result.unclosed
            continue
        carried = []
        if _quoted_paragraph(text, lo, result.unclosed) and not last and text[ranges[n + 1][1]] == "“":
            # A quotation of several paragraphs opens each with “ and closes only the last one
            # (GB/T 15834-2011 4.8, on quotations of several paragraphs).
            result.unclosed = []
        yield from _report(ctx, text, result)


def _report(ctx, text: str, result):
    unclosed, stray = list(result.unclosed), list(result.stray)
    # Two left quotes in a row with nothing closed (“三河三湖“), or two right quotes (”五讲四美”):
    # one of them was typed in the wrong direction.
    for marks, wrong_at, side in ((unclosed, 1, "右"), (stray, 0, "左")):
        n = 0
        while n + 1 < len(marks):
            a, b = marks[n], marks[n + 1]
            if text[a] == text[b] and text[a] in _QUOTES:
                k = (a, b)[wrong_at]
                opener, closer, left, right = _names(text[k])
                want = closer if side == "右" else opener
                name = right if side == "右" else left
                which = "后一个" if wrong_at else "前一个"
                yield ctx.report(k, k + 1, f"引号方向写反（原文：{_shorten(text[a:b + 1])}）：{which}引号应为{name}{want}",
                                 Fix.replace(k, k + 1, want, f"改为{name}{want}", safe=False))
                del marks[n:n + 2]
                continue
            n += 1
    for k in unclosed:
        opener, closer, left, right = _names(text[k])
        after = _excerpt(text, k + 1)
        where = f"其后“{after}”直到段末都没有{right}" if after.strip() else f"位于段末，其后没有{right}"
        yield ctx.report(k, k + 1, f"{left}{opener}没有闭合：{where}，"
                                   f"请在引用或插入内容结束处补上{right}{closer}，或删去这个{left}")
    for k in stray:
        opener, closer, left, right = _names(text[k])
        yield ctx.report(k, k + 1, f"{right}{closer}在本段内没有对应的{left}，"
                                   f"请在引用或插入内容开始处补上{left}{opener}，或删去这个{right}")
    for o, c in result.mismatched:
        opener, closer, left, _ = _names(text[o])
        other_open, other_close, _, other_right = _names(text[c])
        yield ctx.report(o, c + 1, f"{left}{opener}与{other_right}{other_close}不配对（原文：{_shorten(text[o:c + 1])}）："
                                   f"应统一为{opener}…{closer}或{other_open}…{other_close}")
    for o, c, by in result.crossed:
        opener, closer, _, right = _names(text[o])
        outer_open, outer_close, _, outer_right = _names(text[by])
        yield ctx.report(o, c + 1, f"成对标号交叉嵌套（{outer_open}{opener}…{outer_close}{closer}）："
                                   f"内层的{right}{closer}应放在外层的{outer_right}{outer_close}之前")

RULE = Rule(
    id=RULE_ID,
    summary="引号、括号、书名号不成对或交叉嵌套",
    check=check,
    severity=Severity.WARNING,
    fixable=True,
    source="GB/T 15834-2011 4.8（引号）、4.9（括号）、4.15（书名号）",
    docs=RuleDocs(
        说明=(
            "在同一段内检查成对使用的标号：双引号“ ”、单引号‘ ’、书名号《 》〈 〉、括号（ ）、"
            "方头括号【 】、六角括号〔 〕、直角引号「 」『 』。报告以下情况：左半没有闭合（位置指向未闭合的"
            "左半）、右半没有对应的左半、左右两半不是一对（“六五’）、引号方向写反（”五讲四美”）、"
            "两对标号交叉嵌套（如“《……”……》）。全角与半角括号混配"
            "（“（处)”）按成对处理，宽度问题由 typography/halfwidth-punctuation 报告；孤立的半角“1)”"
            "是列表编号，不报告；英文中的撇号（don’t）和省略年份的’99不算引号。一行没有以句末点号结束、"
            "其后几行把标号闭合的（硬换行，或网页把链接文字单独成行），视为成对；多段引文每段开头用前引号、"
            "只在最后一段末尾用后引号，符合 GB/T 15834-2011 4.8 对多段引文的规定，不报告。"
        ),
        原因=(
            "引号或括号不成对，读者无法判断引用或注释到哪里结束，审稿时必须逐一补正；"
            "这类错误多来自复制粘贴时截断了一半。"
        ),
        示例="深入学习贯彻党的“十八大”精神和中国工会“十五大精神，以构建和谐校园为主线。",
        建议写法="深入学习贯彻党的“十八大”精神和中国工会“十五大”精神，以构建和谐校园为主线。",
    ),
    examples=Examples(
        bad=(
            "深入学习中国工会“十五大精神，以构建和谐校园为主线。\n",
            "组织学习新的《工会规程，提高认识。\n",
            "完善相关制度）并抓好落实。\n",
            "学习“《工会法”》的有关规定。\n",
        ),
        good=(
            "深入学习党的“十八大”精神和中国工会“十五大”精神。\n",
            "组织学习《中华人民共和国工会法》（2021年修正）。\n",
            "主要措施：1)加强学习；2)完善制度。\n",
            "He said he don’t know.\n",
        ),
    ),
)
