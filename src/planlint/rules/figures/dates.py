"""figures/invalid-date: dates that do not exist (2月30日) and weekdays that do not match their date."""

from __future__ import annotations

import calendar
import datetime as dt

import regex

from planlint.diagnostics import Severity
from planlint.rule import Examples, Rule, RuleDocs
from planlint.rules.figures.analysis import analyse
from planlint.rules.figures.numbers import CN_DIGIT_CHARS, parse_cn_small

_CN = "〇○零一二两三四五六七八九十"
_DATE = regex.compile(
    rf"(?:(?P<y>\d{{4}}|[{CN_DIGIT_CHARS}0Oo]{{4}})年)?(?P<m>\d{{1,2}}|[{_CN}]{{1,3}})月"
    rf"(?P<d>\d{{1,2}}|[{_CN}]{{1,3}})[日号]"
    r"(?:[（(]?(?:星期|周|礼拜)(?P<w>[一二三四五六日天七])[)）]?)?"
)
_WEEKDAYS = "一二三四五六日"
_LUNAR = regex.compile(r"农历|阴历|夏历")
# A month right after a digit, a dot or a dash after a digit (1—2月30日) belongs to something else.
_BEFORE = regex.compile(r"(?:[\d.]|\d[—–\-~～])$")


def _num(s: str) -> int | None:
    if s.isdigit():
        return int(s)
    if len(s) == 4:  # a year written digit by digit: 二〇二三
        v = 0
        for c in s:
            if c in "〇○零0Oo":
                d = 0
            elif c in "一二三四五六七八九":
                d = "一二三四五六七八九".index(c) + 1
            else:
                return None
            v = v * 10 + d
        return v
    return parse_cn_small(s.replace("两", "二"))


def check(doc, ctx):
    text = analyse(doc).text
    for b in doc.prose_blocks:
        for m in _DATE.finditer(text, b.content_start, b.end):
            if m.start() > 0 and _BEFORE.search(text, max(0, m.start() - 2), m.start()):
                continue
            if _LUNAR.search(text, max(b.content_start, m.start() - 3), m.start()):
                continue  # 农历二月三十: lunar months have 29 or 30 days of their own
            month, day = _num(m.group("m")), _num(m.group("d"))
            year = _num(m.group("y")) if m.group("y") else None
            if year is not None and not 1 <= year <= 9999:
                year = None
            if not month or not day:
                continue
            shown = doc.text[m.start():m.end()]
            if month > 12:
                yield ctx.report(m.start(), m.end(), f"“{shown}”：没有{month}月，请核对日期")
                continue
            last = calendar.monthrange(year or 2000, month)[1]  # 2000 is a leap year: 2月29日 passes
            if day > last:
                where = f"{year}年{month}月只有" if year else f"{month}月{'最多' if month == 2 else ''}只有"
                yield ctx.report(m.start(), m.end(), f"“{shown}”：{where}{last}天，没有{day}日，请核对日期")
                continue
            w = m.group("w")
            if year and w and 1900 <= year <= 2200:
                actual = dt.date(year, month, day).weekday()
                stated = 6 if w in "日天七" else _WEEKDAYS.index(w)
                if actual != stated:
                    yield ctx.report(
                        m.start(), m.end(),
                        f"“{shown}”：{year}年{month}月{day}日是星期{_WEEKDAYS[actual]}，不是星期{w}，请核对日期或星期",
                    )


RULE = Rule(
    id="figures/invalid-date",
    summary="不存在的日期，或星期与日期不符",
    check=check,
    docs=RuleDocs(
        说明="找出不存在的日期（2月30日、4月31日、13月5日、非闰年的2月29日），以及写明年份时星期与日期不符的情况"
             "（2023年3月1日（星期四），实为星期三）。阿拉伯数字和汉字数字的日期都检查；农历日期不按公历核对。",
        原因="会议通知、活动安排中的日期和星期一旦写错，会直接导致误期；不存在的日期说明材料未经核对。",
        示例="定于2023年2月30日（星期四）召开全体职工大会。",
        建议写法="核对日历后改正：定于2023年3月2日（星期四）召开全体职工大会。",
    ),
    source="GB/T 15835-2011《出版物上数字用法》（年月日）；公历",
    severity=Severity.ERROR,
    examples=Examples(
        bad=("定于2023年2月30日召开全体职工大会。", "2023年3月1日（星期四）开学。", "报名截止到4月31日。"),
        good=("定于2023年3月2日（星期四）召开全体职工大会。", "2024年2月29日前报送。", "二〇二三年二月二十八日",
              "农历二月三十日举办庙会。"),
    ),
)
