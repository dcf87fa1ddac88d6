"""Find the date a document speaks from: a 落款 date near its end, or its title year."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import regex

from planlint.cnnum import to_int

_Y = r"(?P<y>[12][0-9]{3}|[12１２][0-9０-９]{3}|[一二][〇○零O０0一二三四五六七八九]{3})"
_M = r"(?P<m>[0-9０-９]{1,2}|十[一二]?|[一二三四五六七八九])"
_D = r"(?P<d>[0-9０-９]{1,2}|[一二]?十[一二三四五六七八九]?|三十一?|[一二三四五六七八九])"
# A line that is nothing but a date: the signature date (落款) of an official document.
SIGNATURE_DATE = regex.compile(
    rf"^[\s　]*(?:{_Y}\s*年\s*{_M}\s*月\s*{_D}\s*日|(?P<y2>[12][0-9]{{3}})[-./](?P<m2>[0-9]{{1,2}})[-./](?P<d2>[0-9]{{1,2}}))[\s　]*$"
)
# A web page's publication stamp near the top: "2023-01-01 05:10:03", "发布时间：2023年1月1日".
PAGE_STAMP = regex.compile(
    rf"^[\s　]*(?:(?:发布|发表|更新)?(?:时间|日期)[:：]\s*)?"
    rf"(?:{_Y}\s*年\s*{_M}\s*月\s*{_D}\s*日|(?P<y2>[12][0-9]{{3}})[-./](?P<m2>[0-9]{{1,2}})[-./](?P<d2>[0-9]{{1,2}}))"
    rf"(?:\s+[0-9]{{1,2}}:[0-9]{{2}}(?::[0-9]{{2}})?)?[\s　]*$"
)
TITLE_YEAR = regex.compile(rf"{_Y}\s*(?:年|—|-)")

# The years a document date may fall in (the knowledge base spans them; a typo like 0001 must not).
YEARS = range(1900, 2200)
# How many prose blocks from the end to look for a signature date.
SIGNATURE_WINDOW = 8
# Where attachments begin (附件1 / 附件：), after the 落款 of a notice or 方案.
ATTACHMENT_START = regex.compile(r"#*\s*附件\s*[0-9０-９一二三四五六七八九十]*\s*(?:[:：]|$)")
# Titles of documents that look back over their year like a 总结 (述职报告, 对照检查材料).
LOOKS_BACK_TITLE = regex.compile(r"总结|述职|述廉|对照检查|回顾|年报|年度报告")


@dataclass(frozen=True)
class DocDate:
    """The date used to judge the document, where it came from and why, in Chinese."""

    value: dt.date
    source: str  # cli | front-matter | config | signature | title | page | today
    reason: str

    def describe(self) -> str:
        return f"文档日期 {self.value.isoformat()}（{self.reason}）"


def parse_date_match(m) -> dt.date | None:
    y = m.group("y") or m.group("y2")
    mo = m.group("m") or m.group("m2")
    d = m.group("d") or m.group("d2")
    try:
        return dt.date(to_int(y), to_int(mo), to_int(d))
    except (TypeError, ValueError):
        return None


def parse_year(s: str) -> int | None:
    v = to_int(s)
    return v if v and v in YEARS else None


def signature_date(lines: list[tuple[int, str]]) -> tuple[dt.date, int, str] | None:
    """The last line (of ``(line_index, text)`` pairs, nearest the end first) that is a date."""
    for line_index, text in lines:
        m = SIGNATURE_DATE.match(text)
        if m:
            value = parse_date_match(m)
            if value:
                return value, line_index, text.strip()
    return None


def page_stamp(lines: list[tuple[int, str]]) -> tuple[dt.date, int, str] | None:
    """The first line (of ``(line_index, text)`` pairs from the top) that is a publication stamp."""
    for line_index, text in lines:
        m = PAGE_STAMP.match(text)
        if m:
            value = parse_date_match(m)
            if value:
                return value, line_index, text.strip()
    return None


def title_year(title: str) -> int | None:
    for m in TITLE_YEAR.finditer(title):
        y = parse_year(m.group("y"))
        if y:
            return y
    return None


def iso_shaped(text: str) -> bool:
    """``text`` is written as YYYY-MM-DD, whether or not that day exists."""
    return len(text) == 10 and text[4] == text[7] == "-" and text.replace("-", "").isdigit()


def bad_date_reason(value) -> str:
    """Why ``value`` is no YYYY-MM-DD date, for error messages: “不存在” or the format expected."""
    text = str(value).strip()
    if iso_shaped(text):
        if int(text[:4]) not in YEARS:
            return f"日期“{text}”的年份应在 {YEARS.start}—{YEARS.stop - 1} 之间"
        return f"日期“{text}”不存在（月应为 1—12，日不能超过当月天数）"
    return f"日期应写作 YYYY-MM-DD（如 2024-03-01），而不是“{text}”"


def parse_document_date(value: "str | dt.date") -> dt.date:
    """A document date given by a user (--date, config, front matter); ValueError outside YEARS."""
    value = parse_iso(value)
    if value.year not in YEARS:
        raise ValueError(f"year {value.year} out of range")
    return value


def parse_iso(value: "str | dt.date") -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value).strip())
