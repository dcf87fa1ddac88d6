"""Find references to known items in a document: congresses, plenums, plan periods, renamed terms, 新《法》."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from planlint.cnnum import to_int
from planlint.rules.policy.knowledge import (
    Anniversary,
    Item,
    Knowledge,
    NewTerm,
    Series,
    Term,
)

CN_NUM = "〇零一二两三四五六七八九十百千万"
QUOTES = "“”\"'‘’「」『』"
# Organisations whose congresses are also written 十二大, 第十二次全国代表大会: never the party's.
FOREIGN_ORGS = (
    "妇女", "妇联", "妇代会", "科协", "文联", "作协", "侨联", "台联", "青联", "学联", "工商联", "残联", "红十字会",
    "民革", "民盟", "民建", "民进", "农工党", "致公党", "九三学社", "台盟", "少先队", "少工委", "记协", "律协",
)
# A form without an organisation word, right after one of these characters, names some other body.
ORG_END_CHARS = set("会联协社盟省市县区镇乡村局委部院校司厂女队所")
# Verbs that end in one of ORG_END_CHARS: 学习领会十九大精神 is the party's congress, not a 会's.
VERBS_ENDING_LIKE_ORG = ("领会", "体会", "理会", "融会")
# One character jieba may glue to the front of an abbreviated name (向卫计委 → 向卫/计委, 区食药监局 →
# 区食/药监局): a preposition or the level of a local body. The name still counts as a word after it.
GLUE_BEFORE_TERM = set("向和与及同到由对在从经把将给跟省市县区镇乡州旗盟")
# Before an organisation word (工会, 团): a local or sectoral body, not the national one.
LOCAL_BEFORE_ORG = set("省市县区镇乡村局校司总育业厂委院所")
# After a bare 十二大 (no 党的 / 工会 before it) one of these must follow, or it is "twelve big …".
BARE_CONGRESS_FOLLOW = regex.compile(
    r"[”\"’」』]?(?:精神|报告|以来|以后|之后|召开|胜利|提出|确定|确立|作出|做出|部署|决策|开幕|闭幕|期间|前|后|将|于|通过|"
    r"修改|新闻|主席团|代表|重大|关于|明确|强调|指出|描绘|擘画|的|上|和|与|及|、|，|。|；|：|！|？|\)|）|\s|$)"
)
# A plan period name (十三五) counts only quoted or followed by one of these.
PLAN_FOLLOW = regex.compile(
    r"(?:规划|计划|时期|期间|末|初|以来|开局|收官|目标|纲要|期末|中期|前期|后期|发展规划|的)"
)
PLAN_NOT_FOLLOW = regex.compile(r"[”\"’」』]?(?:普法|法治宣传)")
PLENUM = regex.compile(
    r"(?P<term>二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])届"
    r"(?:中央(?:委员会)?)?"
    r"(?:(?P<list>(?:[一二三四五六七八九]中(?:全会)?[、，,和及与]?)*[一二三四五六七八九]中全会)"
    r"|(?P<all>(?:中央)?历次全会)"
    r"|第(?P<k>[一二三四五六七八九])次全体会议"
    r"|(?P<ccdi>纪委(?:第)?(?P<dk>[一二三四五六七八九])次全(?:体会议|会)))"
)
LOCAL_COMMITTEE = regex.compile(r"(?:省委|市委|县委|区委|州委|盟委|党委|工委|地委)\s*$")


@dataclass(frozen=True)
class Reference:
    """A mention of something the knowledge base dates."""

    start: int
    end: int
    text: str
    kind: str  # series | term | new
    series: Series | None = None
    item: Item | None = None
    plenums: tuple[int, ...] = ()  # for plenum references: which plenums (empty = all)
    term: Term | None = None
    new: NewTerm | None = None
    anniversary: Anniversary | None = None


class Scanner:
    """One alternation of every literal form in a Knowledge, plus the plenum pattern; linear in the text."""

    def __init__(self, knowledge: Knowledge):
        self.knowledge = knowledge
        targets: dict[str, list] = {}
        for s in knowledge.series:
            if s.kind == "plenum":
                continue
            for item in s.items:
                for form in item.forms:
                    targets.setdefault(form, []).append(("series", s, item))
        for t in knowledge.terms:
            for form in t.forms:
                targets.setdefault(form, []).append(("term", t))
        for n in knowledge.new:
            for form in n.forms:
                targets.setdefault(f"新《{form}》", []).append(("new", n))
                targets.setdefault(f"新修订的《{form}》", []).append(("new", n))
                targets.setdefault(f"新修改的《{form}》", []).append(("new", n))
                if len(form) >= 2:
                    targets.setdefault(f"新{form}", []).append(("new", n))
        self.targets = targets
        forms = sorted(targets, key=len, reverse=True)
        self.pattern = regex.compile("|".join(regex.escape(f) for f in forms)) if forms else None
        self.plenum_series = [s for s in knowledge.series if s.kind == "plenum"]
        self.anniversary_forms = {f: a for a in knowledge.anniversaries for f in a.forms}
        self.anniversary = None
        if self.anniversary_forms:
            alt = "|".join(regex.escape(f) for f in sorted(self.anniversary_forms, key=len, reverse=True))
            self.anniversary = regex.compile(
                rf"(?P<form>{alt})(?:(?P<n>[0-9０-９]{{1,3}}|[一二三四五六七八九十百零〇]{{1,5}})\s*周年|(?P<century>百年(?!大计|大党|未有|变局|奋斗)))")

    def scan(self, doc) -> list[Reference]:
        out: list[Reference] = []
        text = doc.text
        for b in doc.prose_blocks:
            lo, hi = b.content_start, b.end
            if self.pattern is not None:
                for m in self.pattern.finditer(text, lo, hi, overlapped=False):
                    ref = self._resolve(doc, m.start(), m.end(), m.group(), lo, hi)
                    if ref:
                        out.append(ref)
            if self.anniversary is not None:
                for m in self.anniversary.finditer(text, lo, hi):
                    years = 100 if m.group("century") else to_int(m.group("n"))
                    if years:
                        a = self.anniversary_forms[m.group("form")]
                        item = Item(series="anniversary", key=(years,), name=f"{a.name}{years}周年",
                                    start=a.on(years), sources=a.sources)
                        out.append(Reference(m.start(), m.end(), m.group(), "anniversary", item=item, anniversary=a))
            if self.plenum_series:
                for m in PLENUM.finditer(text, lo, hi):
                    ref = self._plenum(text, m, lo)
                    if ref:
                        out.append(ref)
        out.sort(key=lambda r: r.start)
        return out

    # --- literal forms ---------------------------------------------------------------------------
    def _resolve(self, doc, s: int, e: int, form: str, lo: int, hi: int) -> Reference | None:
        text = doc.text
        cands = self.targets[form]
        series_cands = [c for c in cands if c[0] == "series"]
        if series_cands:
            ref = self._series_ref(text, s, e, form, series_cands, lo, hi)
            if ref:
                return ref
        for c in cands:
            if c[0] == "term":
                if form.endswith("部") and text[e:e + 1] == "门":
                    return None  # 环境保护部门, 农业部门
                if form.endswith("部") and _after_place_name(doc, s, lo):
                    return None  # 巴勒斯坦卫生部, 法国文化部: another country's ministry
                if doc.is_word_span(s, e) or _glued_word_span(doc, s, e, lo):
                    return Reference(s, e, form, "term", term=c[1])
                return None
            if c[0] == "new":
                return Reference(s, e, form, "new", new=c[1])
        return None

    def _series_ref(self, text: str, s: int, e: int, form: str, cands: list, lo: int, hi: int) -> Reference | None:
        prev = text[s - 1] if s > lo else ""
        nxt = text[e] if e < hi else ""
        if prev and prev in CN_NUM or (nxt and nxt in CN_NUM):
            return None  # 二十八大, 十五万
        kinds = {c[1].kind for c in cands}
        if "plan" in kinds:
            quoted = prev in QUOTES and nxt in QUOTES
            if PLAN_NOT_FOLLOW.match(text, e, hi):
                return None
            spelled_out = form.endswith(("规划", "计划"))  # 第十三个五年规划
            if not quoted and not spelled_out and not PLAN_FOLLOW.match(text, e, hi):
                return None
            plan = [c for c in cands if c[1].kind == "plan"]
            return Reference(s, e, form, "series", series=plan[0][1], item=plan[0][2])
        prefix = _strip_prefix(text[max(lo, s - 12):s])
        best, best_len = None, 0
        for c in cands:
            for w in c[1].org:
                if prefix.endswith(w) and len(w) > best_len:
                    best, best_len = c, len(w)
        if best is None and any(prefix.endswith(w) for w in FOREIGN_ORGS):
            return None  # 科协十大, 工商联十二大: a body the knowledge does not date
        if best is not None and best[1].org_required:
            before = prefix[:-best_len][-1:]
            if before and before in LOCAL_BEFORE_ORG:
                return None  # 市总工会十五大, 省工会十二大, 中国教育工会: a local or sectoral body's congress
        if best is None:
            defaults = [c for c in cands if not c[1].org_required]
            if not defaults:
                return None
            if prefix and prefix[-1] in ORG_END_CHARS and not prefix.endswith(VERBS_ENDING_LIKE_ORG):
                return None
            if form.endswith("大") and not BARE_CONGRESS_FOLLOW.match(text, e, hi):
                return None
            best = defaults[0]
        return Reference(s, e, form, "series", series=best[1], item=best[2])

    # --- plenums ---------------------------------------------------------------------------------
    def _plenum(self, text: str, m, lo: int) -> Reference | None:
        s = m.start()
        if s > lo and text[s - 1] in CN_NUM:
            return None
        if LOCAL_COMMITTEE.search(text[max(lo, s - 4):s]):
            return None
        term = to_int(m.group("term"))
        if not term:
            return None
        if m.group("k"):
            nums = (to_int(m.group("k")),)
        elif m.group("list"):
            nums = tuple(to_int(x) for x in regex.findall(r"([一二三四五六七八九])中", m.group("list")))
        else:
            nums = ()
        series = self.plenum_series[0]
        if m.group("ccdi"):  # a plenary session of the Central Commission for Discipline Inspection
            item = Item(series=series.id, key=(term, 0), name=m.group(), extra={"ccdi": True})
            return Reference(s, m.end(), m.group(), "series", series=series, item=item)
        item = series.find((term, nums[-1])) if nums else None
        if item is None:
            item = Item(series=series.id, key=(term, nums[-1] if nums else 0), name=m.group())
        return Reference(s, m.end(), m.group(), "series", series=series, item=item, plenums=nums)


def _after_place_name(doc, s: int, lo: int) -> bool:
    """The word right before ``s`` is a place or a name in jieba's dictionary (巴勒斯坦, 黎巴嫩)."""
    if s <= lo or not "\u4e00" <= doc.text[s - 1] <= "\u9fff":
        return False
    from planlint import postag

    before = [t for t in doc.words(max(lo, s - 1), s) if t.end == s]
    return bool(before) and len(before[0].text) >= 2 and postag.tag(before[0].text)[:2] in ("ns", "nr")


def _glued_word_span(doc, s: int, e: int, lo: int) -> bool:
    """``text[s:e]`` ends on a word boundary and starts inside a token that only adds one
    GLUE_BEFORE_TERM character in front of it (向卫/计委 for 向卫计委)."""
    if s <= lo or doc.text[s - 1] not in GLUE_BEFORE_TERM:
        return False
    toks = doc.words(s - 1, e)
    return bool(toks) and toks[0].start == s - 1 and toks[-1].end == e


def _strip_prefix(p: str) -> str:
    p = p.rstrip(QUOTES + " 　")
    if p.endswith("的"):
        p = p[:-1]
    if p.endswith("第"):
        p = p[:-1]
    return p.rstrip(QUOTES + " 　")


_SCANNERS: dict[int, tuple[Knowledge, Scanner]] = {}


def scanner_for(knowledge: Knowledge) -> Scanner:
    """The scanner of ``knowledge``, built once per Knowledge object."""
    hit = _SCANNERS.get(id(knowledge))
    if hit is None or hit[0] is not knowledge:
        hit = (knowledge, Scanner(knowledge))
        _SCANNERS[id(knowledge)] = hit
    return hit[1]
