"""figures/sum-mismatch: parts that do not add up to the 合计/共计 stated after them, and 其中 parts over their whole."""

from __future__ import annotations

import bisect
from decimal import Decimal

import regex

from planlint.rule import Examples, Rule, RuleDocs
from planlint.rules.figures.analysis import analyse
from planlint.rules.figures.numbers import (
    SCALES,
    Quantity,
    format_decimal,
    half_spread,
    in_scale,
)
from planlint.rules.figures.tables import table_mismatches
from planlint.words import segment

# Words that announce a total of what came before in the sentence.
_TOTAL = regex.compile(r"合计|共计|总计|累计|总共|一共|共有|共")
# 共 inside another word (共同, 公共, 中共, 共享 …) is not a total.
_GONG_BEFORE = frozenset("公中社总一与")
_GONG_AFTER = frozenset("同享建产识赢治青性生商担鸣存进用管济筑融富谋事振通")
# Between the total word and its figure: a verb phrase, no punctuation (共计揽收制作了20种).
_BRIDGE = regex.compile(r"[^，,。；;：:、（）()“”\d]{0,10}")
# 累计 often runs over earlier periods too (累计余额, 累计完成投资): only 累计 + figure is a total.
_SHORT_BRIDGE = regex.compile(r"(?:达到|达|为|有)?")
_SUMMABLE = frozenset({"money", "count", "measure"})
_PUNCT = frozenset("，,。；;：:、")
_SUBSET = regex.compile(r"其中")


# A clause that compares or averages (由A到B, 比上年增加, 年均, 超收) does not hold a part of a sum.
_COMPARATIVE = regex.compile(r"由|从|(?<!达|截|甚|乃)到|(?<!截|以)至|(?<!评|对|排)比(?!赛|例|重|率|分|拼|如|武|较好)|均|(?<!其他|其余)各(?![级类项])|每|增加(?!值)|增长|减少|提高|下降|降低|上升|扩大|缩小|超|翻")
# A total over a longer span than the parts before it (近五年共计, 建站以来累计) is no sum of them.
_SPAN_LEAD = regex.compile(r"近|以来|历年|多年|累|全程|迄今|至今")
_CLAUSE_BREAK = "，,；;：:、。（）()"
# At most this many characters may come between a clause's start and its total word (五年共计).
MAX_TOTAL_LEAD = 4
MAX_CLAUSE = 80


def _summable(q: Quantity) -> bool:
    return q.exact and q.category in _SUMMABLE


def clause_start(text: str, pos: int, floor: int) -> int:
    """Where the clause holding ``pos`` begins (after the last ，；：、 or the sentence start),
    looking back at most MAX_CLAUSE characters."""
    i = pos
    floor = max(floor, pos - MAX_CLAUSE)
    while i > floor and text[i - 1] not in _CLAUSE_BREAK:
        i -= 1
    return i


def comparative(text: str, q: Quantity, floor: int) -> bool:
    """True when ``q`` stands in a clause that compares or averages rather than counts."""
    return bool(_COMPARATIVE.search(text, clause_start(text, q.start, floor), q.start))


def check(doc, ctx):
    an = analyse(doc)
    text = an.text
    for k, sent in enumerate(an.sentences):
        qs = sent.quantities
        if not qs:
            continue
        if k > 0:
            yield from _list_total(doc, ctx, text, an, k)
        yield from _totals(doc, ctx, text, sent, qs)
        prev = an.sentences[k - 1] if k > 0 and an.sentences[k - 1].block == sent.block else None
        yield from _subsets(ctx, text, sent, qs, prev)
    yield from _tables(doc, ctx)


# A block that opens with a total of the list above it: 以上合计9所, 合计：9所, 共计9所.
# Words that give the total of a list (never inside another word, unlike 共 or 累计).
_LIST_TOTAL_WORDS = ("合计", "共计", "总计", "总共", "一共")
_LIST_TOTAL = regex.compile(r"(?:(?:以上|上述|上列)(?:[一两二三四五六七八九十0-9０-９]{1,3}|各)?项?|各项|全部)?"
                            rf"(?:{'|'.join(_LIST_TOTAL_WORDS)})[：:，,]?"
                            r"(?:[^，,。；;：:、\d]{0,8})")


def _list_total(doc, ctx, text, an, k):
    """A total opening its own paragraph, checked against the list items right above it."""
    sent = an.sentences[k]
    blocks = doc.prose_blocks
    block = blocks[sent.block]
    if sent.start != block.content_start or an.sentences[k - 1].block == sent.block:
        return
    m = _LIST_TOTAL.match(text, sent.start, sent.end)
    if not m:
        return
    total = next((q for q in sent.quantities if q.start >= m.end()), None)  # not the 三 of 以上三项
    if total is None or total.start != m.end() or not _summable(total):
        return
    # the run of list items just above, in one numbering style
    items = []
    i = sent.block - 1
    style = None
    # a short numbered line counts as a heading in the core; here it is an item like the others
    while i >= 0 and (blocks[i].kind == "list_item" or blocks[i].kind == "heading" and blocks[i].marker):
        this = blocks[i].marker.style if blocks[i].marker else "bullet"
        if style is None:
            style = this
        elif this != style:
            break
        items.append(i)
        i -= 1
    if len(items) < 2:
        return
    # the items' sentences sit just before this one: walk back over them only
    first_item = items[-1]
    item_sents = []
    for j in range(k - 1, -1, -1):
        if an.sentences[j].block < first_item:
            break
        item_sents.append(an.sentences[j])
    parts, heads, seen = [], [], set()
    for s in reversed(item_sents):
        for q in s.quantities:
            if _summable(q) and q.key == total.key and not comparative(text, q, s.start):
                parts.append(q)
                if s.block not in seen:  # each item's headline figure, its first one
                    seen.add(s.block)
                    heads.append(q)
    # 5. 城乡社区支出56,420万元。落实资助资金3,860万元。: when items also hold detail figures, each item
    # counts by its headline figure
    shown = heads if len(heads) == len(items) and len(parts) > len(heads) else parts
    if shown is heads and abs(sum(q.value for q in heads) - total.value) <= half_spread(total, *heads):
        return
    if len(shown) >= 2 and not _some_run_adds_up(parts, total):
        yield _report(ctx, m.group().rstrip("：:，, ") or "合计", total, shown)



def _tables(doc, ctx):
    run = []
    for b in doc.prose_blocks + [None]:
        if b is not None and b.kind == "table":
            run.append(b)
            continue
        if len(run) >= 4:
            for start, end, header, parts, total, label in table_mismatches(doc, run):
                shown = " + ".join(format_decimal(v) for v in parts)
                yield ctx.report(
                    start, end,
                    f"“{header}”一列：{shown} = {format_decimal(sum(parts, Decimal(0)))}，"
                    f"与“{label}”行的{format_decimal(total)}不符：请核对各行或合计",
                )
        run = []


def _totals(doc, ctx, text, sent, qs):
    starts = [q.start for q in qs]
    window = 0  # index of the first quantity after the previous total
    for m in _TOTAL.finditer(text, sent.start, sent.end):
        if m.group() == "共":
            if m.start() > 0 and text[m.start() - 1] in _GONG_BEFORE:
                continue
            if m.end() < len(text) and text[m.end()] in _GONG_AFTER:
                continue
        if text.startswith("其中", m.start() - 2):
            continue
        lead = clause_start(text, m.start(), sent.start)
        if m.start() - lead > MAX_TOTAL_LEAD:
            continue  # 中央建设投资总计为…: a total of its own subject, not of the figures before
        if _SPAN_LEAD.search(text, lead, m.start()):
            continue
        at = bisect.bisect_left(starts, m.end())
        bridge = _SHORT_BRIDGE if m.group() == "累计" else _BRIDGE
        if at == len(qs) or not bridge.fullmatch(text, m.end(), qs[at].start):
            continue
        totals = _figures_at(qs, at, text)
        parts_pool = [q for q in qs[window:bisect.bisect_left(starts, m.start())] if q.end <= m.start()]
        each = text.rfind("分别", parts_pool[0].start if parts_pool else m.start(), m.start())
        if each >= 0:  # 3个县的基站数分别为1020个、960个和880个: the parts follow 分别
            parts_pool = [q for q in parts_pool if q.start > each]
        for total in totals:
            if not _summable(total) or comparative(text, total, sent.start):
                continue
            bridge_text = text[m.end():total.start]
            parts = [q for q in parts_pool if _summable(q) and q.key == total.key
                     and not comparative(text, q, sent.start) and _same_noun(doc, total, q, bridge_text)]
            if len(parts) < 2 or _some_run_adds_up(parts, total):
                continue
            yield _report(ctx, m.group(), total, parts)
        window = at + len(totals)


def _figures_at(qs, at, text):
    """The chain of figures starting with ``qs[at]`` (20种23500枚, 20种、23500枚)."""
    out = []
    pos = qs[at].start
    for i in range(at, len(qs)):
        q = qs[i]
        if q.start != pos:
            break
        out.append(q)
        pos = q.end
        if pos < len(text) and text[pos] == "、":
            pos += 1
    return out


def _some_run_adds_up(parts: list[Quantity], total: Quantity) -> bool:
    """True when some run of consecutive parts adds up to the total (the rest are other figures)."""
    n = len(parts)
    for i in range(n):
        acc = Decimal(0)
        for j in range(i, min(n, i + 30)):
            acc += parts[j].value
            if abs(acc - total.value) <= half_spread(total, *parts[i:j + 1]):
                return True
    return False


_PLAIN_BRIDGE = regex.compile(r"达到|完成|实现|有|为|达|是|了")
_NOUN_CLASSIFIERS = frozenset("个项家所名位种类批件条处")
_NOT_NOUN = frozenset({"的", "和", "与", "及", "等", "了", "是", "在", "为", "中", "其中", "以上", "左右"})


def _noun_after(doc, q: Quantity) -> str:
    """The word a generic classifier counts (15个乡镇 → 乡镇), or '' when none follows."""
    if q.unit not in _NOUN_CLASSIFIERS or q.end >= len(doc.text) or doc.text[q.end] in _PUNCT:
        return ""
    # A short window of its own: Document.words filters a whole sentence's tokens on every call.
    for tok in segment(doc.text, q.end, min(len(doc.text), q.end + 6)):
        if tok.start >= q.end:
            if tok.text in _NOT_NOUN or not all("\u4e00" <= c <= "\u9fff" for c in tok.text):
                return ""
            return tok.text
    return ""


def _same_noun(doc, total: Quantity, part: Quantity, bridge: str) -> bool:
    """A part counting a named thing (8个乡镇) matches a total of that thing: named after the total
    (共20个乡镇) or in the words before it (共有乡镇20个); a part naming nothing matches any total."""
    noun = _noun_after(doc, part)
    if not noun:
        return True
    of_total = _noun_after(doc, total)
    if of_total:
        return noun == of_total
    return not _PLAIN_BRIDGE.sub("", bridge) or noun in bridge  # 共计七十一个 counts what came before


def addition(parts: list[Quantity], scale: str) -> str:
    """The sum written out in the total's scale: “8 + 9 = 17”, “4.6 + 1.2 = 5.8”."""
    acc = sum((p.value for p in parts), Decimal(0)) / SCALES.get(scale, Decimal(1))
    return " + ".join(in_scale(p, scale) for p in parts) + f" = {format_decimal(acc)}"


def _report(ctx, word, total, parts):
    return ctx.report(
        total.start, total.end,
        f"{addition(parts, total.scale)}，与“{word}{total.shown()}”不符：请核对各分项或合计数",
    )


def _subsets(ctx, text, sent, qs, prev=None):
    starts = [q.start for q in qs]
    for m in _SUBSET.finditer(text, sent.start, sent.end):
        k = bisect.bisect_left(starts, m.start()) - 1
        whole = qs[k] if k >= 0 else None
        if whole is None or whole.end > m.start() or len(text[whole.end:m.start()]) > 1 or not _summable(whole) \
                or comparative(text, whole, sent.start):
            if text[sent.start:m.start()].strip() == "":
                # “全年粮食总产量186.4万吨，比上年增长1.2%。其中，夏粮62.1万吨，秋粮124.3万吨。”: a sentence
                # that opens with 其中 breaks down the headline figure of the sentence before it.
                whole = _lead_whole(text, prev)
            else:
                # “营业收入86.4亿元，同比增长8.0%；其中……”: the clauses between only compare the headline figure.
                whole = _lead_whole_before(text, sent, qs[:k + 1], m.start())
            if whole is None:
                continue
        stop = _enumeration_end(text, m.end(), sent.end, parenthetical=text[m.start() - 1] == "、")
        after = [q for q in qs[k + 1:bisect.bisect_left(starts, stop)] if m.end() <= q.start and q.end <= stop
                 and _summable(q) and q.key == whole.key and not comparative(text, q, sent.start)]
        if not after:
            continue
        if after[0].value > whole.value + half_spread(whole, after[0]):
            yield ctx.report(
                after[0].start, after[0].end,
                f"“其中”的分项{after[0].shown()}大于总数{whole.shown()}：请核对分项或总数",
            )
        elif len(after) >= 2 and not _may_overlap(text, m.end(), after) \
                and sum(q.value for q in after) > whole.value + half_spread(whole, *after):
            yield ctx.report(
                after[0].start, after[-1].end,
                f"“其中”的分项 {addition(after, whole.scale)}，已超过总数{whole.shown()}：请核对分项或总数",
            )


# Head counts broken down by attributes that overlap (女职工600人、35岁以下职工500人 of 1000): their
# parts need not be disjoint, so only a single part over the whole is an error there.
_HEAD_COUNT_UNITS = frozenset({"人", "名", "位", "人次", "户", "户次"})
_OVERLAPPING_ATTRIBUTE = regex.compile(
    r"女|男|少数民族|民族|岁|学历|大专|本科|研究生|硕士|博士|职称|党员|团员|退休|在职|在岗|农民工|困难|残疾|低保|"
    r"新入|新录|新发展|预备|高级|中级|初级|骨干|专职|兼职|党外|以上|以下"
)


def _may_overlap(text: str, pos: int, parts: list[Quantity]) -> bool:
    """The parts count people (or households) described by attributes that can overlap."""
    if parts[0].unit not in _HEAD_COUNT_UNITS:
        return False
    return bool(_OVERLAPPING_ATTRIBUTE.search(text, pos, parts[-1].start))


def _lead_whole_before(text: str, sent, before: list[Quantity], at: int) -> Quantity | None:
    """The sentence's first figure, when 其中 at ``at`` follows a clause break and every figure between
    them stands in a comparing clause (同比增长8.0%): the figure the 其中 breaks down."""
    if not before or text[at - 1] not in "；;，,":
        return None
    lead = _headline(text, sent.start, before[0])
    if lead is None or any(not comparative(text, q, sent.start) for q in before[1:]):
        return None
    return lead


def _lead_whole(text: str, prev) -> Quantity | None:
    """The headline figure of the sentence before (see _headline)."""
    if prev is None or not prev.quantities:
        return None
    return _headline(text, prev.start, prev.quantities[0])


def _headline(text: str, sent_start: int, q: Quantity) -> Quantity | None:
    """``q``, a sentence's first figure, when it is a count or amount stated in the sentence's first
    clause (not a rate, not a comparison): the figure a 其中 breaks down."""
    if not _summable(q) or comparative(text, q, sent_start) or clause_start(text, q.start, sent_start) != sent_start:
        return None
    return q


def _enumeration_end(text: str, pos: int, end: int, parenthetical: bool) -> int:
    """Where the parts after 其中 stop: a semicolon, the next 其中, a total word (合计), the sentence end, and after
    “…、其中…” (a remark inside a list) the next comma."""
    marks = ("；", ";", "其中", *_LIST_TOTAL_WORDS) + (("，", ",") if parenthetical else ())
    stops = [i for i in (text.find(c, pos, end) for c in marks) if i >= 0]
    return min(stops) if stops else end


RULE = Rule(
    id="figures/sum-mismatch",
    summary="分项之和与合计数不符",
    check=check,
    docs=RuleDocs(
        说明="同一句中先列出同一单位、同一事物的若干分项，再用“合计、共计、总计、累计、共”给出总数时，"
             "检查分项相加是否等于总数（按所写精度允许四舍五入误差）；“其中”后的分项及其和不得超过其总数"
             "（按人员属性分列的人数，如女职工、35岁以下职工，可以相互交叉，只查单项）。"
             "约数（约、近、多、余、以上、左右）、区间（3—5个）和不同量词（种与枚）不相加。",
        原因="总结、报告中的合计数是审阅者最先核对的地方，分项与合计对不上会让整份材料的数据失去可信度。",
        示例="制作企业金卡8种，县政府拨款制作9种，共计制作20种。（8 + 9 = 17，不是20）",
        建议写法="核对原始台账，改正分项或合计：制作企业金卡8种，县政府拨款制作9种，共计制作17种。",
    ),
    source="公文数据核对惯例（分项之和等于合计）",
    examples=Examples(
        bad=("全镇新建村级活动场所3处，改建5处，共计完成9处。",
             "培训党员干部120人次、入党积极分子80人次，合计培训210人次。"),
        good=("全镇新建村级活动场所3处，改建5处，共计完成8处。",
              "新建学校3所，改扩建5所，共计投入1400多万元。"),
    ),
)
