"""figures/number-usage: GB/T 15835 number forms: 〇 in Chinese years (二0一三年), one style for years."""

from __future__ import annotations

import regex

from planlint.diagnostics import Fix, Severity
from planlint.rule import Examples, Option, Rule, RuleDocs
from planlint.rules.figures.numbers import parse_cn_small, to_chinese

# A year in Chinese numerals with a Latin or Arabic zero, or a circle, in it: 二0一三年, 二O二三年, 二○二三年.
_MIXED_YEAR = regex.compile(r"(?<![\d０-９〇○零一二三四五六七八九])(?=[一二三四五六七八九〇0０OoＯ○]{4}年)(?=[^年]*[一二三四五六七八九])"
                            r"(?=[^年]*[0０OoＯ○])([一二三四五六七八九〇0０OoＯ○]{4})年")
_WRONG_ZERO = "0０OoＯ○"
_DIGIT_OR_LETTER_ZERO = "0０OoＯ"
_CN_DIGIT = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"○": 0, "零": 0}
_ARABIC_YEAR = regex.compile(r"(?<![\d.])(?:19|20|21)\d{2}(?=年)")
_CHINESE_YEAR = regex.compile(r"(?<![一二三四五六七八九〇○零])[一二][〇○零一二三四五六七八九]{3}(?=年)")
_CN_SMALL = "一二三四五六七八九十"
_FULL = str.maketrans("０１２３４５６７８９", "0123456789")
_MIXED_DATE = regex.compile(
    r"(?<![\d０-９〇○零一二三四五六七八九])(?P<y>[12０-９\d][\d０-９]{3}|[一二][〇○零一二三四五六七八九]{3})年"
    r"(?P<m>1[0-2]|0?[1-9]|１[０-２]|[１-９]|十[一二]?|[一二三四五六七八九])月"
    r"(?:(?P<d>3[01]|[12]\d|0?[1-9]|[１-３]?[０-９]|三十一?|二?十[一二三四五六七八九]?|[一二三四五六七八九])日)?"
)
# A line that is only a date (the 落款 at the end) may use Chinese numerals whatever the body does.
_DATE_LINE = regex.compile(r"\s*[〇○零一二三四五六七八九十0-9０-９]{4}年[〇○零一二三四五六七八九十0-9０-９]{1,3}月"
                           r"(?:[〇○零一二三四五六七八九十0-9０-９]{1,3}日)?\s*")


def check(doc, ctx):
    text = doc.text
    arabic, chinese = [], []
    circle = ctx.options["circle_zero"]
    for b in doc.prose_blocks:
        for m in _MIXED_YEAR.finditer(text, b.content_start, b.end):
            if not circle and not any(c in _DIGIT_OR_LETTER_ZERO for c in m.group(1)):
                continue  # only ○ (U+25CB): a legacy GB2312 stand-in for 〇, reported on request
            fixed = "".join("〇" if c in _WRONG_ZERO else c for c in m.group(1))
            yield ctx.report(
                m.start(), m.end(),
                f"“{m.group()}”中的零写成了“{_zeros(m.group(1))}”：汉字年份中的零应写作“〇”，即“{fixed}年”",
                fix=Fix.replace(m.start(1), m.end(1), fixed, f"改为“{fixed}年”"),
            )
        yield from _mixed_dates(ctx, text, b)
        if _DATE_LINE.fullmatch(text, b.content_start, b.end):
            continue
        arabic.extend(_ARABIC_YEAR.finditer(text, b.content_start, b.end))
        chinese.extend(m for m in _CHINESE_YEAR.finditer(text, b.content_start, b.end) if not _quoted(text, m.start()))
    least = ctx.options["min_majority"]
    if ctx.options["year_style"] and chinese and len(arabic) >= max(least, 2 * len(chinese)):
        for m in chinese:
            year = "".join(str(_CN_DIGIT[c]) for c in m.group())
            yield ctx.report(
                m.start(), m.end() + 1,
                f"全文年份大多用阿拉伯数字（{len(arabic)}处），此处“{m.group()}年”宜统一写作“{year}年”",
                fix=Fix.replace(m.start(), m.end(), year, f"改为“{year}年”", safe=False),
            )


def _mixed_dates(ctx, text, b):
    """One date, two styles: 2023年三月五日, 二〇二三年3月5日. The year's style decides the fix."""
    for m in _MIXED_DATE.finditer(text, b.content_start, b.end):
        y, mo, d = m.group("y"), m.group("m"), m.group("d")
        arabic_year = y[0] in "0123456789０１２３４５６７８９"
        parts = [mo] + ([d] if d else [])
        if arabic_year and not any(p[0] in _CN_SMALL for p in parts):
            continue
        if not arabic_year and not any(p[0] not in _CN_SMALL for p in parts):
            continue
        if arabic_year:
            values = [str(_cn_small(p)) if p[0] in _CN_SMALL else p for p in parts]
        else:
            values = [to_chinese(int(p.translate(_FULL))) if p[0] not in _CN_SMALL else p for p in parts]
        fixed = f"{y}年{values[0]}月" + (f"{values[1]}日" if d else "")
        yield ctx.report(
            m.start(), m.end(),
            f"“{m.group()}”一个日期里混用了阿拉伯数字和汉字数字：应统一写作“{fixed}”",
            fix=Fix.replace(m.start(), m.end(), fixed, f"改为“{fixed}”"),
        )


def _cn_small(s: str) -> int:
    return parse_cn_small(s.replace("两", "二")) or 0


def _zeros(year: str) -> str:
    return "、".join(dict.fromkeys(c for c in year if c in _WRONG_ZERO))


def _quoted(text: str, pos: int) -> bool:
    """True inside 《》 or quotation marks on the same line (a title keeps its own form)."""
    line_start = max(text.rfind("\n", max(0, pos - 200), pos), text.rfind("\r", max(0, pos - 200), pos), pos - 201) + 1
    before = text[line_start:pos]
    return before.count("《") > before.count("》") or before.count("“") > before.count("”")


RULE = Rule(
    id="figures/number-usage",
    summary="数字用法不合 GB/T 15835：汉字年份中的“0”，年份写法前后不一",
    check=check,
    docs=RuleDocs(
        说明="按 GB/T 15835-2011《出版物上数字用法》检查：汉字数字的年份中不得夹用阿拉伯数字“0”或字母“O”，"
             "零应写作“〇”（二0一三年 → 二〇一三年，可安全自动修正；几何图形“○”代替“〇”是 GB2312 时代的普遍做法，选项 circle_zero 打开后才报告）；同一个日期里年、月、日的数字形式应一致"
             "（2023年三月五日 → 2023年3月5日，按年份的写法修正）。选项 year_style 打开后，还会在正文年份绝大多数用"
             "阿拉伯数字时报告个别汉字年份（落款日期单独成行的、书名号和引号内的除外，修正需确认）。",
        原因="同一份材料中数字形式应前后一致；“二0一三”混用两种数字，是录入时最常见的不规范写法。",
        示例="二0一三年二月二十八日",
        建议写法="二〇一三年二月二十八日（或 2013年2月28日）",
    ),
    source="GB/T 15835-2011《出版物上数字用法》",
    fixable=True,
    severity=Severity.WARNING,
    options={
        "circle_zero": Option(False, "是否也报告用几何图形“○”代替“〇”的年份（GB2312 没有“〇”，旧文本普遍如此）"),
        "year_style": Option(False, "是否把全文年份写法不一（多数用阿拉伯数字、个别用汉字）也报告出来；"
                                    "“二〇三五年”等固定提法和题注日期常被有意写成汉字，故默认关闭"),
        "min_majority": Option(3, "阿拉伯数字年份至少出现多少处，才把少数汉字年份视为写法不一"),
    },
    examples=Examples(
        bad=("东方市第一中学工会\n\n二0一三年二月二十八日",
             "定于2023年三月五日召开全体职工大会。", "二〇二三年3月5日"),
        good=("东方市第一中学工会\n\n二〇一三年二月二十八日",
              "2021年、2022年两年打下基础，到二〇三五年基本实现现代化。\n\n二〇二三年二月二十八日",
              "定于2023年3月5日召开全体职工大会。"),
    ),
)
