"""Judge references at the document's date: which are outdated guidance, stale 新, welcomes of past events."""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass

import regex

from planlint.rules.policy.context import Usage
from planlint.rules.policy.knowledge import Item, Knowledge, cn_ordinal
from planlint.rules.policy.references import Reference, scanner_for

# A plan period used as the present: 今年是“十三五”收官之年.
PLAN_YEAR = regex.compile(r"[”\"’」』]?(?:规划)?(?:的)?[^，。；]{0,4}之年")
# 原国土资源部, 原县工商局, 原衡阳市质监局, 前国家工商总局: named as a former body.
FORMER = regex.compile(r"(?:原(?!则|因|料|始|本|定|计划)[^\s，。、；：“”（）()《》]{0,6}|(?<![目提期之以])[前旧])$")
RENAME_NEAR = regex.compile(r"组建|不再保留|撤销|整合|划入|更名|改为|合并|改革前|前身|挂牌|机构改革|职责|牌子")
SUMMARY = "总结"


@dataclass(frozen=True)
class Finding:
    """An outdated reference and what to say about it."""

    ref: Reference
    kind: str  # congress | plenum | plan | <pack kind> | term | new | welcome
    message: str
    fix_text: str | None = None


def references(doc, knowledge: Knowledge) -> list[Reference]:
    cache = doc.memo.setdefault("policy", {})
    key = ("refs", id(knowledge))
    if key not in cache:
        cache[key] = (knowledge, scanner_for(knowledge).scan(doc))
    return cache[key][1]


def judged_date(doc, grace_days: int) -> dt.date:
    """The document date; a 总结 reports a past period, so events newer than ``grace_days`` are allowed."""
    if doc.kind == SUMMARY:
        return doc.date - dt.timedelta(days=grace_days)
    return doc.date


def _newer_in_sentence(knowledge: Knowledge, refs: list[Reference], ref: Reference, usage: Usage,
                       date: dt.date) -> bool:
    """The same sentence also names a newer item of the series that is itself still current at ``date``
    (全面贯彻十九大…，深入贯彻二十大…: the older one is a look back, not the guide)."""
    lo = bisect.bisect_left(_starts(refs), usage.ss)
    for other in refs[lo:]:
        if other.start >= usage.se:
            break
        if other is ref or other.series is None:
            continue
        if ref.series.kind == "plenum":
            newer = ((other.series.kind == "plenum" and other.item.key[0] > ref.item.key[0])
                     or (other.series.id == ref.series.congress and other.item.ordinal > ref.item.key[0]))
        else:
            newer = other.series.id == ref.series.id and other.item.key > ref.item.key
        # the look back comes first (全面贯彻十九大…，深入贯彻二十大…); an old item after the new one
        # (贯彻二十大精神，落实十九届六中全会部署) is the part of a copied sentence left un-updated
        if newer and other.start > ref.start and _successor(knowledge, other, date) is None \
                and not _coordinated(usage.text, other, ref):
            return True
    return False


# After a congress: the plenums of its Central Committee joined to it (十九大和十九届历次全会).
_PLENUMS_AFTER = regex.compile(r"[”\"’」』]?(?:精神)?(?:和|与|及|以及|、)(?:党的)?[一二三四五六七八九十]{1,3}届")
# 党的二十大和十九届六中全会精神: the old item joined to the new one in one phrase is a half-updated
# copy (the plenums of the old Central Committee no longer go with the new congress).
_COORDINATION = regex.compile(r"[”\"’」』]?(?:精神)?(?:和|与|及|以及|、|，)(?:党的|中共)?[“\"‘「]?")


def _coordinated(text: str, a: Reference, b: Reference) -> bool:
    first, second = (a, b) if a.start < b.start else (b, a)
    return bool(_COORDINATION.fullmatch(text, first.end, second.start))


_INDEX: dict[int, tuple[list, list[int], dict[int, Reference]]] = {}


def _index(refs: list[Reference]) -> tuple[list[int], dict[int, Reference]]:
    """Start offsets (sorted, for bisect) and refs by start, built once per reference list."""
    hit = _INDEX.get(id(refs))
    if hit is None or hit[0] is not refs:
        if len(_INDEX) > 64:
            _INDEX.clear()
        hit = (refs, [r.start for r in refs], {r.start: r for r in refs})
        _INDEX[id(refs)] = hit
    return hit[1], hit[2]


def _starts(refs: list[Reference]) -> list[int]:
    return _index(refs)[0]


def _by_start(refs: list[Reference]) -> dict[int, Reference]:
    return _index(refs)[1]


def _list_history_after(doc, refs: list[Reference], ref: Reference, usage: Usage) -> bool:
    """…以来 / …提出的 after the last item of a list (十六大、十七大、十八大提出的) covers every item."""
    starts = _by_start(refs)
    cur, cur_usage = ref, usage
    for _ in range(12):  # a list of at most 12 items
        if cur_usage.history_after:
            # a finished plan's targets as the present guide (紧紧围绕“十三五”规划确定的目标任务) are stale
            return not (ref.series is not None and ref.series.kind == "plan"
                        and cur_usage.attribution_after and usage.guide_verb_before)
        nxt = None
        for gap in (1, 2, 3):
            sep = doc.text[cur.end:cur.end + gap]
            if sep[:1] in "、和及与" and sep[1:] in ("", "党的", "的"):
                nxt = starts.get(cur.end + gap)
                if nxt:
                    break
        if nxt is None:
            return False
        cur, cur_usage = nxt, Usage(doc, nxt.start, nxt.end)
    return False


def _successor(knowledge: Knowledge, ref: Reference, date: dt.date) -> tuple[Item, Item] | None:
    """(the item that superseded the reference by ``date``, the item current at ``date``)."""
    s = ref.series
    if s.kind == "plenum":
        congress = knowledge.series_by_id(s.congress or "")
        if congress is None:
            return None
        nxt = congress.find((ref.item.key[0] + 1,))
        # a new Central Committee exists once the congress has closed
        if nxt is None or nxt.start is None or (nxt.end or nxt.start) >= date:
            return None
        return nxt, congress.current(date)
    nxt = s.next_after(ref.item)
    # superseded once the later item began before the document's day (on the day itself the old one still speaks)
    if nxt is None or not nxt.held_by(date - dt.timedelta(days=1)):
        return None
    return nxt, s.current(date)


def _current_plenums(knowledge: Knowledge, plenum_series_id: str, term: int, date: dt.date) -> list[Item]:
    s = knowledge.series_by_id(plenum_series_id)
    return [i for i in s.held(date) if i.key[0] == term] if s else []


def superseded(doc, knowledge: Knowledge, kinds: set[str] | None, grace_days: int) -> list[Finding]:
    """References to a series item, used as present guidance, after a later item had begun."""
    refs = references(doc, knowledge)
    date = judged_date(doc, grace_days)
    out = []
    for ref in refs:
        if ref.series is None or ref.series.usage == "knowledge":
            continue
        kind = ref.series.kind
        if kinds is not None and kind not in kinds:
            continue
        found = _successor(knowledge, ref, date)
        if not found:
            continue
        nxt, current = found
        usage = Usage(doc, ref.start, ref.end)
        if ref.series.usage == "guidance":
            if usage.welcome or _list_history_after(doc, refs, ref, usage) or usage.history_sentence or usage.history_section:
                continue
            # a year up to the one in which the successor began: the sentence speaks of that time
            if usage.years_before(nxt.start.year + (0 if kind == "plan" else 1)) or _newer_in_sentence(knowledge, refs, ref, usage, date):
                continue
            present_year = kind == "plan" and PLAN_YEAR.match(doc.text, ref.end, usage.ce)
            if not (usage.guidance or present_year):
                continue
        elif usage.history_after or usage.history_sentence or usage.years_before(nxt.start.year + 1):
            continue
        out.append(_series_finding(doc, knowledge, ref, nxt, current, kind))
    return out


def _series_finding(doc, knowledge, ref, nxt: Item, current: Item, kind: str) -> Finding:
    when = doc.date_info.describe()
    cur = current or nxt
    if kind == "plenum" and ref.item.extra.get("ccdi"):
        msg = (f"{when}时，{cur.name}已于 {cur.start.isoformat()} 召开，“{ref.text}”属于{cn_ordinal(ref.item.key[0])}届中央纪委，"
               f"不再是现行指导；请改为{cn_ordinal(cur.ordinal)}届中央纪委最近一次全会的精神")
        return Finding(ref, kind, msg)
    if kind == "plenum":
        term = cur.ordinal
        plenums = _current_plenums(knowledge, ref.series.id, term, doc.date)
        named = [p for p in plenums if p.key[1] >= 2]
        guide = cur.name + ("和" + cn_ordinal(term) + "届" + "、".join(f"{cn_ordinal(p.key[1])}中" for p in named) + "全会"
                            if named else "")
        msg = (f"{when}时，{cur.name}已于 {cur.start.isoformat()} 召开，“{ref.text}”属于{cn_ordinal(ref.item.key[0])}届中央委员会，"
               f"不再是现行指导；请改为“{guide}精神”")
        return Finding(ref, kind, msg)
    if kind == "plan":
        msg = (f"{when}时，{cur.name}（{cur.start.year}—{cur.end.year if cur.end else '?'}年）已开始实施，"
               f"“{ref.text}”（{ref.item.start.year}—{ref.item.end.year if ref.item.end else '?'}年）已结束；"
               f"作为现行规划请改为{cur.name}，作为基期请写明“{ref.text}”时期或末")
        return Finding(ref, kind, msg)
    held = "召开" if kind == "congress" else "开始"
    msg = (f"{when}时，{cur.name}已于 {cur.start.isoformat()} {held}，“{ref.item.name}”不再是现行提法；"
           f"请改为“{cur.name}精神”")
    fix = None
    if _PLENUMS_AFTER.match(doc.text, ref.end):
        pass  # 十九大和十九届六中全会: 二十大和十九届六中全会 would be half-updated; the plenums need a person
    elif ref.text in ref.item.forms:  # the same spelling of the current item: 十八大 → 二十大, 第十八次… → 第二十次…
        i = ref.item.forms.index(ref.text)
        fix = cur.forms[i] if i < len(cur.forms) else None
    return Finding(ref, kind, msg, fix_text=fix)


def welcomes(doc, knowledge: Knowledge, grace_days: int) -> list[Finding]:
    """迎接 / 喜迎 … 召开 for an event (a congress, a plenum, an anniversary) that had already begun."""
    date = judged_date(doc, grace_days)
    out = []
    for ref in references(doc, knowledge):
        if ref.anniversary is None and (ref.series is None or ref.series.usage == "knowledge" or ref.series.kind == "plan"):
            continue
        item = ref.item
        if item.start is None or not item.held_by(date):
            continue
        usage = Usage(doc, ref.start, ref.end)
        if not usage.welcome or usage.years_before(item.start.year + 1) or usage.history_section:
            continue
        gift = "献礼" in usage.before or "献礼" in usage.after  # 向……献礼 rather than 迎接
        act = "向它“献礼”" if gift else "“迎接”它"
        if ref.anniversary is not None:
            msg = (f"{doc.date_info.describe()}时，{item.name}（{item.start.isoformat()}）已经过去，不能再{act}；"
                   f"请删去或改写为当前的工作目标")
            out.append(Finding(ref, "welcome", msg))
            continue
        cur = ref.series.current(doc.date) or item
        if ref.series.kind == "plenum":
            congress = knowledge.series_by_id(ref.series.congress or "")
            cur = (congress.current(doc.date) if congress else None) or item
        msg = (f"{doc.date_info.describe()}时，{item.name}已于 {item.start.isoformat()} 召开，"
               f"不能再{'向它“献礼”' if gift else '“迎接”它召开'}；"
               f"请删去或改为“深入学习贯彻{cur.name}精神”")
        out.append(Finding(ref, "welcome", msg))
    return out


def renamed(doc, knowledge: Knowledge, grace_days: int) -> list[Finding]:
    """Institutions named as if they still existed after their rename or merger."""
    date = judged_date(doc, grace_days)
    out = []
    text = doc.text
    for ref in references(doc, knowledge):
        t = ref.term
        if t is None or t.usage == "knowledge" or t.since > date:
            continue
        if FORMER.search(text, max(0, ref.start - 8), ref.start) or text[ref.end:ref.end + 2] in ("（现", "(现"):
            continue
        if _cites_old_document(text, ref):
            continue
        usage = Usage(doc, ref.start, ref.end)
        if RENAME_NEAR.search(usage.sentence) or usage.years_before(t.since.year + 1):
            continue
        if usage.history_sentence or usage.history_section:
            continue
        if t.usage == "guidance" and not usage.guidance:
            continue
        cur = knowledge.resolve(t, doc.date)
        msg = (f"{doc.date_info.describe()}时，“{ref.text}”已于 {t.since.isoformat()} 起改为（并入）{cur.by}；"
               f"请改用现名，或写作“原{ref.text}”表示历史机构")
        out.append(Finding(ref, "term", msg, fix_text=cur.fix_text))
    return out


OLD_DOCUMENT_AFTER = regex.compile(r"令|公告|第[0-9０-９〇一二三四五六七八九十百]+号|〔|\[|发布的|印发的|制定的|颁布的|关于")


def _cites_old_document(text: str, ref: Reference) -> bool:
    """A regulation or notice issued by the old body, cited by its number or title: (国家工商总局令第60号),
    《国家卫生计生委关于……的通知》. Naming the issuer of an old document is correct."""
    if OLD_DOCUMENT_AFTER.match(text, ref.end):
        return True
    before = text[max(0, ref.start - 60):ref.start]
    return before.rfind("《") > before.rfind("》")


def stale_new(doc, knowledge: Knowledge, years: float) -> list[Finding]:
    """新《工会法》 long after the law's last revision."""
    out = []
    date = doc.date
    for ref in references(doc, knowledge):
        n = ref.new
        if n is None:
            continue
        last = n.last_revision(date)
        if last is None:
            continue
        age = (date - last).days / 365.25
        if age <= years:
            continue
        usage = Usage(doc, ref.start, ref.end)
        if any(y <= last.year + years for y in _years(usage)):
            continue
        msg = (f"{doc.date_info.describe()}时，{n.term}最近一次修订在 {last.isoformat()}，已过去 {age:.0f} 年，"
               f"不宜再称“{ref.text}”；请直接写“《{n.name}》”，必要时注明修订年份")
        out.append(Finding(ref, "new", msg))
    return out


def _years(usage: Usage) -> list[int]:
    from planlint.rules.policy.context import years_in

    return years_in(usage.sentence)
