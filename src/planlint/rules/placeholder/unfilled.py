"""placeholder/unfilled: x / X / × / ○○ runs and 某年某月 standing for a year, date, number, amount, name or place."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from planlint.diagnostics import Severity
from planlint.rule import Examples, Rule, RuleDocs
from planlint.rules.placeholder import common, data

RULE_ID = "placeholder/unfilled"

# Asterisks stand for slots too ("**公司"), but ASCII ones only outside Markdown, where ** is bold.
# "XX.X%": a decimal whose digits are all slots is one run.
_RUN = regex.compile(r"[xXｘＸ×]+(?:[.．][xXｘＸ]+)?|[○〇]{2,}|＊{2,}|\*{2,}")
_MOU_DATE = regex.compile(r"某年某月(?:某日)?|某月某日")
_DIGITS = "0123456789０１２３４５６７８９"
_CN_NUMERAL = "〇○零一二三四五六七八九十百千两"
# A four-digit year whose last digits are slots: "20xx", "201x", "２０××".
_YEAR_DIGITS = regex.compile(r"(?<![0-9０-９A-Za-z])(?:19|20|１９|２０)[0-9０-９]?$")
# "二〇xx", "二○一x": a Chinese-numeral year whose last digits are slots.
_CN_YEAR = regex.compile(r"(?<![〇○零一二三四五六七八九])[一二][〇○零0Ｏ九][〇○零0一二三四五六七八九]?$")
# Next to these a run is part of a word, a code, an address or a product name (XL, Xbox, 415X, a.xx.com).
_ASCII_WORD = regex.compile(r"[A-Za-z0-9Ａ-Ｚａ-ｚ_@/\\=&#$]")
# What may stand between two date parts that belong together: "xx年3月xx日", "20xx-20xx学年".
_DATE_GAP = regex.compile(r"(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})?[月日]?|[-－—~～至到]")
_DATE_KINDS = {"year", "month", "day", "date"}


@dataclass
class Slot:
    start: int
    end: int
    kind: str


def _is_year_run(run: str) -> bool:
    return 1 <= len(run) <= 2 and run[0] not in "○〇"


_SCALES = "十百千万亿"


def _suffix(doc, run: str, e: int, line_end: int):
    """The slot-kind suffix right after a run ("年", "公司" …), if it is a word there."""
    sd = data.slots()
    if run.isupper() and run.isascii() and doc.text.startswith(sd.roman_followers, e):
        return "roman"
    m = sd.suffix_rx.match(doc.text, e, line_end)
    if not m and e < line_end and doc.text[e] in _SCALES:
        # xx万亩, xx万平方米, xx亿元: a scale character before a unit of count or amount
        scaled = sd.suffix_rx.match(doc.text, e + 1, line_end)
        if scaled and sd.suffixes[scaled.group(0)].kind in ("number", "amount"):
            unit = sd.suffixes[scaled.group(0)]
            return data.Suffix(doc.text[e] + unit.text, unit.kind, True)
    if not m:
        return None
    suf = sd.suffixes[m.group(0)]
    if not suf.free:
        toks = common.local_words(doc, e, m.end(), e - len(run), line_end)
        tok = next((t for t in toks if t.start <= e < t.end), None)
        if tok is not None and (tok.start != e or tok.end > m.end()):
            return None
    return suf


def _slots_in_line(doc, s: int, end: int) -> list[Slot]:
    text = doc.text
    skip = common.code_spans(doc, s, end)
    found: list[Slot] = []
    for m in _RUN.finditer(text, s, end):
        a, b = m.span()
        run = m.group(0)
        if common.inside(a, skip):
            continue
        left = text[a - 1] if a > s else ""
        right = text[b] if b < end else ""
        circle = run[0] in "○〇"
        star = run[0] in "*＊"
        if run[0] == "*" and doc.markdown:
            continue
        start = a
        kind = None
        cn = None if circle else _CN_YEAR.search(text, max(s, a - 4), a)
        if cn and len(cn.group(0)) + len(run) == 4:
            if right and _ASCII_WORD.match(right):
                continue
            start, kind = cn.start(), "year"
        elif left and left in _DIGITS:
            y = _YEAR_DIGITS.search(text, max(s, a - 4), a)
            if not (y and _is_year_run(run) and len(y.group(0)) + len(run) == 4):
                continue  # 3×4, 415X, 7×24: a number, not a slot
            if right and (right in _DIGITS or _ASCII_WORD.match(right)):
                continue
            start, kind = y.start(), "year"
        elif circle and ((left and left in _CN_NUMERAL) or (right and right in _CN_NUMERAL)):
            continue  # 二○○八: the digit zero
        else:
            if left and (_ASCII_WORD.match(left) or (left == "." and a - 1 > s and _ASCII_WORD.match(text[a - 2]))):
                continue
            if right and (_ASCII_WORD.match(right) or (right == "." and b + 1 < end and _ASCII_WORD.match(text[b + 1]))):
                continue
            if run[0] == "×" and _beside_number(text, a, b, s, end):
                continue
        suf = _suffix(doc, run, b, end)
        if suf == "roman":
            continue
        stop = b
        if kind == "year":
            if suf and suf.kind == "year":
                stop = b + len(suf.text)
        elif suf:
            kind, stop = suf.kind, b + len(suf.text)
        else:
            kind = common.label_kind(text, a, s)
            if kind is None:
                if len(run) < 2 or circle or star:
                    continue
                kind = "name"
        found.append(Slot(start, stop, kind))
    quotes = None
    for m in _MOU_DATE.finditer(text, s, end):
        if quotes is None:
            quotes = common.quote_spans(text, s, end)
        if not common.inside(m.start(), quotes):
            found.append(Slot(m.start(), m.end(), "date"))
    found.sort(key=lambda x: x.start)
    return _merge_dates(text, found)


def _beside_number(text: str, a: int, b: int, s: int, end: int) -> bool:
    """True when a × stands between numbers ("3 × 4"): a multiplication sign."""
    i = a - 1
    while i >= s and text[i] in " \t\u3000":
        i -= 1
    j = b
    while j < end and text[j] in " \t\u3000":
        j += 1
    return (i >= s and text[i] in _DIGITS) or (j < end and text[j] in _DIGITS)


def _merge_dates(text: str, slots: list[Slot]) -> list[Slot]:
    out: list[Slot] = []
    for sl in slots:
        prev = out[-1] if out else None
        if (
            prev
            and prev.kind in _DATE_KINDS
            and sl.kind in _DATE_KINDS
            and sl.start >= prev.end
            and _DATE_GAP.fullmatch(text, prev.end, sl.start)
        ):
            prev.end = sl.end
            prev.kind = "date" if not (prev.kind == sl.kind == "year") else "year"
            continue
        if prev and sl.start < prev.end:
            continue
        out.append(sl)
    return out


def check(doc, ctx):
    sd = data.slots()
    for b in common.prose_lines(doc):
        for sl in _slots_in_line(doc, b.start, b.end):
            k = sd.kind(sl.kind)
            shown = doc.text[sl.start:sl.end]
            yield ctx.report(sl.start, sl.end, f"{k.label}未填写：“{shown}”，{k.advice}", slot=sl.kind)


RULE = Rule(
    id=RULE_ID,
    summary="模板占位符未填写（xx年、20xx年、xx月xx日、xx万元、XX局、××镇、○○单位、某年某月）",
    check=check,
    severity=Severity.ERROR,
    source="GB/T 9704-2012《党政机关公文格式》7.3.5（成文日期须写明年月日）",
    docs=RuleDocs(
        说明=(
            "查找范文模板中留下的占位符：用 x、X、ｘ、Ｘ、× 或 ○○ 代替的年份、月日、数字、百分比、金额、"
            "单位名称、地名和姓名，如“xx年”“20xx年”“二〇xx年”“xx月xx日”“xx%”“xx万元”“xx个”“xx公司”"
            "“XX局”“xxx同志”“××镇”“○○单位”，以及未加引号的“某年某月某日”。诊断信息说明缺的是哪一类内容"
            "（年份、日期、金额、单位名称……）。"
        ),
        原因=(
            "占位符说明文稿是从范文套改而来且没有改完，印发后会被当作敷衍塞责；年份、金额等空缺还会使计划"
            "无法执行和考核。"
        ),
        示例="xx年，我局在市局的正确领导下……发放慰问金xx万元，走访困难职工xx户。",
        建议写法=(
            "逐一填上真实内容：“2024年，我局在市局的正确领导下……发放慰问金12.5万元，走访困难职工36户。”"
            "不会误报：X射线、X光、XL、Windows XP、Xbox、3×4 中的乘号、二○二三年中作数字零的“○”"
            "（数字用法由 figures/ 规则检查）、引号中的“某年某月”。"
        ),
    ),
    examples=Examples(
        bad=(
            "xx年，我局在市局的正确领导下完成了各项任务。",
            "20xx年工会工作以三中全会精神为主导。",
            "会议定于xx月xx日召开。",
            "春节期间发放慰问金xx万元，完成率达xx%。",
            "我镇xx公司被评为先进单位。",
            "××镇人民政府关于做好防汛工作的通知",
            "○○单位要高度重视。",
            "二〇xx年x月x日",
            "特此表彰xxx同志。",
            "会议于某年某月某日召开。",
        ),
        good=(
            "2024年，我局在市局的正确领导下完成了各项任务。",
            "组织职工开展X射线和X光体检。",
            "工作服尺码为XL。",
            "停止使用Windows XP系统，配发Xbox手柄。",
            "场地按3×4米布置，提供7×24小时服务。",
            "二○二三年二月二十八日",
            "他常说“某年某月某日，我们在这里立下誓言”。",
            "深入实施“数据要素×”行动，打造“415X”先进制造业集群。",
            "进入XX世纪以来，科学技术突飞猛进。",
        ),
    ),
)
