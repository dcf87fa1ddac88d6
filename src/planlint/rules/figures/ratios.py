"""figures/ratio-mismatch: a percentage that does not follow from the two amounts it is computed from."""

from __future__ import annotations

from decimal import Decimal

import regex

from planlint.rule import Examples, Rule, RuleDocs
from planlint.rules.figures.analysis import analyse
from planlint.rules.figures.numbers import Quantity, format_decimal
from planlint.rules.figures.sums import comparative

_AMOUNT = frozenset({"money", "count", "measure"})
# 完成99.3万元，完成年计划93万元的107.8% / 3个，占全县32个网点的9%: the link before the whole.
_SHARE_LINK = regex.compile(r"(?:为|占|完成|达到|达|是|相当于|实现)了?[\u4e00-\u9fff]{0,10}$")
# Between the whole and 的: a noun or nothing (32个储蓄网点数的).
_WHOLE_TAIL = regex.compile(r"[\u4e00-\u9fff]{0,8}?的")
_UP = ("增长", "增加", "提高", "上升", "提升", "扩大")
_DOWN = ("下降", "减少", "降低", "缩小", "回落")
_CHANGE = regex.compile(r"(增长|增加|提高|上升|提升|扩大|下降|减少|降低|缩小|回落)了?$")
_FROM = regex.compile(r"(?:由|从)(?:\d{4}年(?:底|末)?的?|(?:上年|去年)(?:底|末|同期)?的?)?$")
_TO = regex.compile(r"(?:增长|增加|提高|上升|提升|扩大|下降|减少|降低|缩小|回落)?(?:到|至|为)(?:\d{4}年(?:底|末)?的?|今年的?)?$")
_THAN = regex.compile(r"(?:比|较)(?:\d{4}年(?:底|末)?|上年(?:底|末|同期)?|去年(?:底|末|同期)?|同期)?的?$")
# 上年同期为B，同比增长Z%: B is last year's figure, the amount before it this year's.
_LAST_YEAR = regex.compile(r"(?:上年|去年)(?:同期|全年)?(?:为|是|完成|实现|的)?$")
# Between B and the verb: nothing, or a comma and 同比.
_TO_VERB = regex.compile(r"[，,]?(?:同比|比上年|较上年)?")
# “占…的Z%” shares: the whole they are shares of, for adding them up.
_SHARE_OF = regex.compile(r"占([\u4e00-\u9fff]{2,12}?)的(?:比重|比例)?(?:为|达到|达)?$")
_GENERIC_WHOLE = regex.compile(r"全?[省市县区国球镇乡村部总体量]*")
# 占预算数的、占计划的: each figure against its own budget or plan, so the shares do not add up.
_OWN_BASE = regex.compile(r"预算|计划|目标|任务|年|同期|标准|定额|基数")
EPS = Decimal("0.000001")


def _tol_ratio(expected: Decimal, z: Quantity, *amounts: Quantity) -> Decimal:
    rel = sum((a.resolution / 2 / abs(a.value) for a in amounts if a.value), Decimal(0))
    return z.resolution / 2 + abs(expected) * rel + EPS


def _pct(d: Decimal) -> str:
    return format_decimal(d.quantize(Decimal("0.01")))


def check(doc, ctx):
    an = analyse(doc)
    text = an.text
    for i, sent in enumerate(an.sentences):
        qs = sent.quantities
        if len(qs) < 2:
            continue
        yield from _shares_over_100(ctx, text, sent, qs)
        for k, z in enumerate(qs):
            if z.category not in ("percent", "points") or not z.exact or k < 1:
                continue
            found = (k >= 2 and (_share(text, sent, qs, k) or _growth(text, sent, qs, k) or _named_rate(text, sent, qs, k))) \
                or _share_of_named(text, an.sentences, i, k)
            if found:
                yield ctx.report(z.start, z.end, found)


def _nearest_before(qs, k, pos, key, text, max_gap=2):
    """The quantity just before ``pos`` with ``key``: at most ``max_gap`` characters away, or in the
    clause before with only words between (有3个村完成改造，占…)."""
    for j in range(k - 1, -1, -1):
        q = qs[j]
        if q.end <= pos:
            gap = text[q.end:pos]
            if q.key != key or regex.search(r"\d|[；;。]", gap):
                return None
            if len(gap) <= max_gap and not regex.search(r"[\u4e00-\u9fff]", gap):
                return j, q
            if len(gap) <= 12 and gap.count("，") + gap.count(",") == 1 and regex.fullmatch(r"[\u4e00-\u9fff]*[，,]", gap):
                return j, q
            return None
    return None


def _share(text, sent, qs, k):
    z = qs[k]
    if z.category != "percent" or text[z.start - 1:z.start] != "的":
        return None
    # the whole Y: the nearest amount before 的, with at most a noun between
    for j in range(k - 1, 0, -1):
        y = qs[j]
        if y.end <= z.start:
            break
    else:
        return None
    if y.category not in _AMOUNT or not y.exact or not _WHOLE_TAIL.fullmatch(text, y.end, z.start):
        return None
    link = _SHARE_LINK.search(text, max(sent.start, y.start - 12), y.start)
    if not link:
        return None
    found = _nearest_before(qs, j, link.start(), y.key, text)
    if not found:
        return None
    _, x = found
    if not x.exact or comparative(text, x, sent.start) or not y.value:
        return None
    return _share_mismatch(x, y, z)


def _share_mismatch(x: Quantity, y: Quantity, z: Quantity, whole: str = "") -> str | None:
    """The message when the share ``z`` is not ``x`` ÷ ``y`` within rounding, else None; ``whole`` names
    the whole when the text names it instead of restating its figure."""
    expected = x.value / y.value * 100
    if abs(expected - z.value) <= _tol_ratio(expected, z, x, y):
        return None
    named = f"（{whole}）" if whole else ""
    return (f"{x.shown()} ÷ {y.shown()}{named} = {_pct(expected)}%，与所写的{format_decimal(z.number)}%不符："
            "请核对两个数或百分比")


def _growth(text, sent, qs, k):
    z = qs[k]
    verb = _CHANGE.search(text, max(sent.start, z.start - 4), z.start)
    if not verb or text[max(sent.start, verb.start() - 2):verb.start()] in ("年均", "平均"):
        return None
    b = qs[k - 1]
    if b.end > verb.start() or not _TO_VERB.fullmatch(text, b.end, verb.start()) or not b.exact:
        return None
    ai = k - 2
    share_between = False
    if qs[ai].category == "percent" and k >= 4 and text[qs[ai].start - 1:qs[ai].start] == "的" \
            and qs[k - 4].key == b.key:
        # 完成98350万元，为预算113830万元的86.4%，比上年的112660万元下降11.7%: the share clause
        # (its base and its rate) stands between the figure and its comparison
        ai, share_between = k - 4, True
    than = _THAN.search(text, max(sent.start, b.start - 8), b.start)
    if than and qs[ai].start >= than.start() and k >= 3:
        ai = k - 3  # 比2024年的63.2万人次: the year inside the comparison is no figure of it
    a = qs[ai]
    down = verb.group(1) in _DOWN
    if _TO.search(text, max(sent.start, b.start - 10), b.start) and _FROM.search(
            text, max(sent.start, a.start - 10), a.start) and a.key == b.key and a.exact:
        old, new = a, b  # 由A增加到B，增长Z%
    elif than and a.key == b.key and a.exact:
        if share_between:
            if regex.search(r"[；;。]", text[a.end:than.start()]) or comparative(text, a, sent.start):
                return None
        elif not _nearest_before(qs, ai + 1, than.start(), a.key, text):
            return None
        old, new = b, a  # 完成A，比上年的B增长Z%
    elif _LAST_YEAR.search(text, max(sent.start, b.start - 6), b.start) and a.key == b.key and a.exact:
        last = _LAST_YEAR.search(text, max(sent.start, b.start - 6), b.start)
        if not _nearest_before(qs, k - 1, last.start(), a.key, text):
            return None
        old, new = b, a  # 完成A，上年同期为B，同比增长Z%
    else:
        return None
    if old.category not in _AMOUNT | {"percent"} or not old.value:
        return None
    if old.category == "percent":
        if z.category != "points":
            return None  # 由20%提高到25%，提高25%: a relative change; leave it
        expected = (new.value - old.value) * (-1 if down else 1)
        if abs(expected - z.value) <= (old.resolution + new.resolution + z.resolution) / 2 + EPS:
            return None
        return (f"{new.shown()} − {old.shown()} = {format_decimal(new.value - old.value)}个百分点，"
                f"与所写的{z.shown()}不符：请核对")
    if z.category != "percent":
        return None
    expected = (new.value - old.value) / old.value * 100 * (-1 if down else 1)
    # the rounding spread of a growth rate is that of the ratio new ÷ old, not of the growth
    if abs(expected - z.value) <= _tol_ratio(new.value / old.value * 100, z, old, new):
        return None
    return (f"({new.shown()} − {old.shown()}) ÷ {old.shown()} = {_pct(expected)}%，"
            f"与所写的“{verb.group(1)}{format_decimal(z.number)}%”不符：请核对两个数或百分比")


# 受理120件，办结115件，办结率95.8%: a rate named after the verb of the figure before it.
_NAMED_RATE = regex.compile(r"([\u4e00-\u9fff]{2})率(?:为|达到|达|是)?$")


def _named_rate(text, sent, qs, k):
    z = qs[k]
    if z.category != "percent":
        return None
    m = _NAMED_RATE.search(text, max(sent.start, z.start - 6), z.start)
    if not m:
        return None
    b, a = qs[k - 1], qs[k - 2]
    verb = m.group(1)
    lead = text[max(sent.start, b.start - 4):b.start]
    if not (lead.endswith(verb) or lead.endswith(verb + "了")) or not regex.fullmatch(r"[，,]", text[b.end:m.start()]):
        return None
    if a.key != b.key or b.category not in _AMOUNT or not (a.exact and b.exact) or not a.value:
        return None
    verb_start = b.start - len(verb) - (1 if lead.endswith("了") else 0)
    if not regex.fullmatch(r"[，,](?:已|共|其中|实际|累计|全部)?", text[a.end:verb_start]):
        return None  # 受理120件，（已）办结115件: the base comes right before the verb
    expected = b.value / a.value * 100
    if abs(expected - z.value) <= _tol_ratio(expected, z, a, b):
        return None
    return (f"{b.shown()} ÷ {a.shown()} = {_pct(expected)}%，与所写的“{verb}率{format_decimal(z.number)}%”不符："
            "请核对两个数或比率")


# 其中税收收入329.3亿元，占一般公共预算收入的81.8%: the whole is named, its figure given earlier in the
# paragraph (一般公共预算收入412.6亿元).
_SHARE_OF_NAME = regex.compile(r"[，,]?占([\u4e00-\u9fff]{2,12}?)(?:总数|总额|总量)?的(?:比重|比例)?(?:为|达到|达)?$")
_NAMED_FIGURE_LINK = r"(?:总数|总额|总量)?(?:共有|共计|累计|达到|实现|完成|为|达|是|有|共)?"


def _share_of_named(text, sentences, i, k):
    sent = sentences[i]
    qs = sent.quantities
    z = qs[k]
    if z.category != "percent":
        return None
    m = _SHARE_OF_NAME.search(text, max(sent.start, z.start - 24), z.start)
    if not m or _GENERIC_WHOLE.fullmatch(m.group(1)):
        return None
    x = next((q for q in reversed(qs[:k]) if q.end <= m.start()), None)
    if x is None or x.end != m.start() and text[x.end:m.start()] not in ("，", ","):
        return None  # the part: the figure right before 占
    if x.category not in _AMOUNT or not x.exact or comparative(text, x, sent.start):
        return None
    y = _named_figure(text, sentences, i, x, m.group(1))
    if y is None or not y.exact or not y.value or y.value < x.value:
        return None
    return _share_mismatch(x, y, z, m.group(1))


def _named_figure(text, sentences, i, x: Quantity, name: str) -> Quantity | None:
    """The latest figure of ``x``'s kind before it, in its paragraph, written right after ``name``
    (一般公共预算收入412.6亿元)."""
    link = regex.compile(regex.escape(name) + _NAMED_FIGURE_LINK + "$")
    block = sentences[i].block
    for j in range(i, -1, -1):  # back to the paragraph's start only (no slice: linear in the paragraph)
        sent = sentences[j]
        if sent.block != block:
            return None
        for y in reversed(sent.quantities):
            if y.end <= x.start and y is not x and y.key == x.key \
                    and link.search(text, max(0, y.start - len(name) - 6), y.start):
                return y
    return None


def _shares_over_100(ctx, text, sent, qs):
    groups: dict[str, list[Quantity]] = {}
    for q in qs:
        if q.category != "percent" or not q.exact:
            continue
        m = _SHARE_OF.search(text, max(sent.start, q.start - 20), q.start)
        if not m or _GENERIC_WHOLE.fullmatch(m.group(1)) or _OWN_BASE.search(m.group(1)):
            continue
        groups.setdefault(m.group(1), []).append(q)
    for whole, shares in groups.items():
        if len(shares) < 2:
            continue
        acc = sum((q.value for q in shares), Decimal(0))
        if acc > 100 + sum((q.resolution for q in shares), Decimal(0)) / 2:
            shown = " + ".join(f"{format_decimal(q.number)}%" for q in shares)
            yield ctx.report(
                shares[-1].start, shares[-1].end,
                f"占“{whole}”的各部分比例 {shown} = {format_decimal(acc)}%，超过100%：请核对各比例",
            )


RULE = Rule(
    id="figures/ratio-mismatch",
    summary="百分比与据以计算的两个数不符",
    check=check,
    docs=RuleDocs(
        说明="检查能够从文中两个数算出的百分比：“完成X，为（占、完成）年计划Y的Z%”“X占Y的Z%”中 Z 应等于 X÷Y；"
             "“由A增长到B，增长Z%”“完成A，比上年的B增长Z%”中 Z 应等于增幅；“由A%提高到B%，提高Z个百分点”中 Z 应等于差值；"
             "“受理120件，办结115件，办结率95.8%”中办结率应等于115÷120；“其中税收收入X，占一般公共预算收入的Z%”中，"
             "整体只写了名称时，取同一段前文紧跟这个名称的数（“一般公共预算收入Y”）；同一整体的各部分占比相加不应超过100%。按所写的小数位允许四舍五入误差，约数不核对。",
        原因="完成率、占比和增幅是审阅者最常复算的数字，算错会让读者怀疑全部数据。",
        示例="一次性收订完成99.3万元，完成年计划93万元的107.8%。（99.3 ÷ 93 = 106.77%）",
        建议写法="重新计算后改正百分比或金额：一次性收订完成99.3万元，完成年计划93万元的106.8%。",
    ),
    source="百分比、增长率与百分点的统计定义",
    examples=Examples(
        bad=("全年完成招商引资12.6亿元，为年度目标10.5亿元的125%。",
             "粮食产量由50万吨增加到55万吨，增长15%。",
             "第一产业占全县生产总值的12%，第二产业占全县生产总值的48%，第三产业占全县生产总值的45%。"),
        good=("全年完成招商引资12.6亿元，为年度目标10.5亿元的120%。",
              "粮食产量由50万吨增加到55万吨，增长10%。",
              "全年流转额完成97万元，占计划的102%。"),
    ),
)
