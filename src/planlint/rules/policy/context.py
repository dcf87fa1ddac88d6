"""Is a reference used as present guidance (学习贯彻…精神, 以…为指导) or historically (…以来, 回顾…)?"""

from __future__ import annotations

import bisect

import regex

from planlint.cnnum import to_int

CLAUSE_BREAK = "，,。；;！!？?：:\n\r"
SENTENCE_BREAK = "。；;！!？?\n\r"

# Before the reference, in its clause: a verb that makes it the guide of present work.
GUIDE_VERB = regex.compile(
    r"学习|贯彻|落实|领会|领悟|践行|宣传|宣讲|传达|遵循|按照|依照|根据|围绕|紧扣|对标|对照|执行|借着|借|运用|"
    r"把握|吃透|实施|推进|推动|统一到|用"
)
# The verb must stand this close before the reference (a list of references may sit between them).
GUIDE_WINDOW = 24
# Right before the reference, with nothing after it in the clause: 学习贯彻党的十九大，…
ADJACENT_VERB = regex.compile(r"(?:学习|贯彻|落实|领会|宣传|践行)(?:党的|中共|[“\"‘「])*$")
# Right after the reference: 十九大精神宣讲 / 精神进校园 — the reference names the material being taught.
GUIDE_NOUN_AFTER = regex.compile(
    r"[”\"’」』]?(?:报告)?精神(?:宣讲|学习|进|培训|辅导|专题|主题|研讨|解读|宣传|落地|落实)"
)
# After the reference, in its clause: what the verb takes (精神, 部署 …).
GUIDE_OBJECT = regex.compile(
    r"精神(?!文明)|部署|要求|决策|报告|重要思想|目标|任务|战略|指引|规划|计划|纲要|方针|路线"
)
# 以 … 为指导 / 在 … 指引下
FRAME_AFTER = regex.compile(r"为(?:指导|统领|指针|引领|主线|主导|根本遵循|遵循|契机|动力|核心|指南|行动指南)|(?:指引|指导|引领|鼓舞|指导思想)")
WELCOME_VERB = regex.compile(r"迎接|喜迎|献礼")
# Right after the reference: a historical or comparative use.
HISTORY_AFTER = regex.compile(
    r"[”\"’」』]?(?:(?:规划|计划)?(?:以来|时期|期间|末|初|之初|前|以前|之前|后|以后|之后|完成|圆满|胜利召开|召开以来|"
    r"召开前|召开后|召开时|召开期间|所?确定的|所?提出的|所?作出的|所确立的|所?规定的|确定的|提出的|作出的|确立的|制定的|明确的|报告指出|报告提出|强调|指出|提出|确定|确立|作出|做出|"
    r"描绘|擘画|目标任务(?:全面|胜利|圆满|顺利)?完成|主要目标|实施情况|执行情况|中期评估|总结评估))"
)
# Anywhere in the sentence: a review of past work.
HISTORY_SENTENCE = regex.compile(
    r"回顾|过去(?:的)?(?:一年|五年|几年|十年)|一年来|五年来|十年来|多年来|这五年|这一年|取得了|历史性成就|举世瞩目|"
    r"曾经|当时|时任|那时|历程|已经完成|圆满完成|胜利完成|顺利完成|完成了"
)
# Right after a plan period: its own targets named as what present work serves (围绕“十三五”规划确定的目标任务).
ATTRIBUTION_AFTER = regex.compile(r"[”\"’」』]?(?:规划|计划)?(?:纲要)?所?(?:确定|提出|作出|确立|规定|制定|明确)的")
# Before a completion word: it is an aim, not a record (确保各项指标顺利完成).
AIM_BEFORE = regex.compile(r"(?:确保|力争|努力|保证|务必|按期|如期|全力|争取|推动|促进)[^，。；！？]{0,12}$")
HISTORY_HEADING = regex.compile(r"回顾|总结|成绩|成效|成就|完成情况|进展情况|过去|基本情况")
YEAR = regex.compile(r"(?<![0-9０-９])([12][0-9]{3}|[12１２][0-9０-９]{3}|[一二][〇○零O０0一二三四五六七八九]{3})\s*年")


# A clause or sentence is read at most this far on each side of a reference: real sentences are far
# shorter, and a line with no punctuation at all must not make every reference scan all of it.
MAX_REACH = 300


def clause(text: str, start: int, end: int, lo: int, hi: int, breaks: str = CLAUSE_BREAK) -> tuple[int, int]:
    s = start
    floor = max(lo, start - MAX_REACH)
    while s > floor and text[s - 1] not in breaks:
        s -= 1
    e = end
    ceiling = min(hi, end + MAX_REACH)
    while e < ceiling and text[e] not in breaks:
        e += 1
    return s, e


def block_bounds(doc, offset: int) -> tuple[int, int]:
    starts = _block_starts(doc)
    i = bisect.bisect_right(starts, offset) - 1
    if i >= 0:
        b = doc.prose_blocks[i]
        if b.content_start <= offset < b.end:
            return b.content_start, b.end
    return 0, len(doc.text)


def _block_starts(doc) -> list[int]:
    cache = doc.memo.setdefault("policy", {})
    if "block_starts" not in cache:
        cache["block_starts"] = [b.content_start for b in doc.prose_blocks]
    return cache["block_starts"]


def historical_ranges(doc) -> list[tuple[int, int]]:
    """Spans of sections whose heading (or an ancestor's) reviews the past: 工作回顾, 总结, 主要成绩."""
    cache = doc.memo.setdefault("policy", {})
    if "history" in cache:
        return cache["history"]
    out = []
    title_block = doc.title_block
    for sec in doc.sections.walk():
        if sec.heading is None or (title_block is not None and sec.heading.start == title_block.start):
            continue  # the title (2022年工作总结) is not a review section: 总结 documents get a grace period instead
        title = doc.text[sec.heading.content_start:sec.heading.end]
        if HISTORY_HEADING.search(title) and "计划" not in title and "安排" not in title and "任务" not in title:
            out.append((sec.start, sec.end))
    cache["history"] = out
    return out


def in_history_section(doc, offset: int) -> bool:
    return any(s <= offset < e for s, e in historical_ranges(doc))


def years_in(text: str) -> list[int]:
    out = []
    for m in YEAR.finditer(text):
        y = to_int(m.group(1))
        if y and 1900 <= y <= 2199:
            out.append(y)
    return out


class Usage:
    """How one reference is used, read from its clause, sentence and section."""

    def __init__(self, doc, start: int, end: int):
        text = doc.text
        lo, hi = block_bounds(doc, start)
        self.cs, self.ce = clause(text, start, end, lo, hi)
        self.ss, self.se = clause(text, start, end, lo, hi, SENTENCE_BREAK)
        self.before = text[self.cs:start]
        self.after = text[end:self.ce]
        self.sentence = text[self.ss:self.se]
        self.text = text
        self.start, self.end, self.hi = start, end, hi
        self.doc = doc

    @property
    def history_after(self) -> bool:
        return bool(HISTORY_AFTER.match(self.text, self.end, self.hi))

    @property
    def attribution_after(self) -> bool:
        """…规划确定的 / 提出的: the reference's own decisions named."""
        return bool(ATTRIBUTION_AFTER.match(self.text, self.end, self.hi))

    @property
    def guide_verb_before(self) -> bool:
        """学习 / 贯彻 / 围绕 … close before the reference, in its clause."""
        return bool(GUIDE_VERB.search(self.before[-GUIDE_WINDOW:]))

    @property
    def history_sentence(self) -> bool:
        for m in HISTORY_SENTENCE.finditer(self.sentence):
            if "完成" in m.group() and AIM_BEFORE.search(self.sentence, 0, m.start()):
                continue  # 确保……顺利完成: looks forward
            return True
        return False

    @property
    def history_section(self) -> bool:
        return in_history_section(self.doc, self.start)

    @property
    def guidance(self) -> bool:
        """学习/贯彻/落实 … 精神; 以 … 为指导; 在 … 指引下; 围绕 … 部署."""
        if self.guide_verb_before and GUIDE_OBJECT.search(self.after):
            return True
        if GUIDE_NOUN_AFTER.match(self.text, self.end, self.hi):
            return True
        if not self.after.strip("”\"’」』 ") and ADJACENT_VERB.search(self.before):
            return True  # 深入学习贯彻党的十九大，…
        if ("以" in self.before or "在" in self.before) and FRAME_AFTER.search(self.after):
            return True
        return False

    @property
    def welcome(self) -> bool:
        """迎接 / 喜迎 … (召开): welcoming the event."""
        if WELCOME_VERB.search(self.before):
            return True
        bare = self.before.rstrip("“”\"'‘’「」的党")
        if bare.endswith("迎") and not bare.endswith("欢迎"):
            return True  # 迎二十大
        return "向" in self.before and "献礼" in self.after

    def years_before(self, year: int) -> bool:
        """The sentence names a year before ``year``: it speaks of that time (2022年，我们学习…)."""
        return any(y < year for y in years_in(self.sentence))
