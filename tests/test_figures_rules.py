"""figures/ rules on the seed, on generated part/total sentences, and on things that only look like sums."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planlint.api import check_text
from planlint.rules.figures.numbers import to_chinese


def messages(text, rule="figures", path="t.md"):
    _, diags = check_text(text, path, select=[rule])
    return [d.message for d in diags]


def test_seed_inconsistencies_are_found(seeds):
    text = (seeds / "000_667ec5daab8ac3ef.txt").read_text("utf-8")
    got = messages(text, path="seed.txt")
    assert "8 + 9 = 17，与“共计20种”不符：请核对各分项或合计数" in got
    assert "8000 + 11500 = 19500，与“共计23500枚”不符：请核对各分项或合计数" in got
    assert any(m.startswith("99.3万元 ÷ 93万元 = 106.77%，与所写的107.8%不符") for m in got)
    assert any("“99。3”中的“。”不是小数点" in m for m in got)
    assert any("“107。8”中的“。”不是小数点" in m for m in got)
    assert any("“241。65”中的“。”不是小数点" in m for m in got)


def test_seed_fix_turns_the_full_stops_into_decimal_points(seeds):
    from planlint.fixes import apply_fixes

    text = (seeds / "000_667ec5daab8ac3ef.txt").read_text("utf-8")
    _, diags = check_text(text, "seed.txt", select=["figures/malformed-number"])
    fixed, _ = apply_fixes(text, diags)
    assert "99.3万元" in fixed and "241.65万元" in fixed


@pytest.mark.parametrize("text", [
    "根据〔2023〕5号文件精神，2023年3月5日召开会议，联系电话0898-12345678。",
    "坚持一心一意谋发展，践行“三个代表”重要思想，编制“十四五”规划。",
    "动员广大职工为实现“五年总量翻番，八年全面小康”目标贡献力量。",
    "全县15个乡镇有8个乡镇参加，共评选出先进集体3个。",
    "新建学校3所，改扩建5所，共计8所。",
    "新建学校3所，改扩建5所，共计投入1400多万元。",
    "培训职工约300人次、干部200人次，共计500余人次。",
    "全年财政赤字9000亿元，其中中央财政赤字7000亿元，代地方发债2000亿元，比上年减少1500亿元。",
    "新增营造林148万亩、其中重点工程43万亩，修复治理退化草原517万亩。",
    "招收学生500人，其中女生300人。",
    "全公司现有职工1000人，其中女职工600人、35岁以下职工500人。",
    "全县共有党员5200名，其中女党员1500名、少数民族党员300名、大专以上学历党员3600名。",
    "城镇化率由55%提高到60%，提高5个百分点。",
    "一次性收订完成99.3万元，完成年计划93万元的106.8%。",
    "邮储网点全县只有3个，占全县32个储蓄网点数的9%。",
    "全年任务完成率为105%，森林覆盖率达到63.5%。",
])
def test_quiet_on_figures_that_agree_or_only_look_like_sums(text):
    assert messages(text) == []


def test_other_measure_word_is_not_added():
    assert messages("制作企业金卡8种8000枚，又制作9种9000枚，共计17种17000枚。") == []


def test_subset_part_larger_than_its_whole():
    got = messages("全镇共有党员120名，其中女党员150名。")
    assert got == ["“其中”的分项150名大于总数120名：请核对分项或总数"]


def test_ratio_growth_and_points():
    assert messages("粮食产量由50万吨增加到55万吨，增长15%。")
    assert messages("参保率由90%提高到95%，提高8个百分点。")
    assert messages("完成产值110万元，比上年的100万元增长15%。")


def test_impossible_percentage_and_dates():
    assert messages("全县农村饮水安全覆盖率达到105%。", "figures/impossible-percentage")
    assert messages("定于2023年2月29日召开。", "figures/invalid-date")
    assert not messages("定于2024年2月29日召开。", "figures/invalid-date")
    assert messages("定于二〇二三年四月三十一日召开。", "figures/invalid-date")
    assert messages("2024年3月1日（星期四）报到。", "figures/invalid-date") == [
        "“2024年3月1日（星期四）”：2024年3月1日是星期五，不是星期四，请核对日期或星期"]


UNITS = ["个", "所", "家", "人次", "项", "万元", "枚", "种", "吨"]
WORDS = ["合计", "共计", "总计", "共"]


def _sentence(parts, unit, word, total, chinese=False):
    def num(n):
        return to_chinese(n) if chinese else str(n)
    items = "，".join(f"第{to_chinese(i + 1)}批完成{num(p)}{unit}" for i, p in enumerate(parts))
    return f"{items}，{word}完成{num(total)}{unit}。"


@given(st.lists(st.integers(min_value=1, max_value=99999), min_size=2, max_size=6),
       st.sampled_from(UNITS), st.sampled_from(WORDS), st.booleans())
@settings(max_examples=150, deadline=None)
def test_generated_correct_sums_are_silent(parts, unit, word, chinese):
    if chinese and unit == "万元" and sum(parts) >= 10000:
        return  # 一万万元 is not written
    text = _sentence(parts, unit, word, sum(parts), chinese)
    assert messages(text, "figures/sum-mismatch") == []


@given(st.lists(st.integers(min_value=1, max_value=99999), min_size=2, max_size=6),
       st.sampled_from(UNITS), st.sampled_from(WORDS), st.integers(min_value=1, max_value=500), st.booleans())
@settings(max_examples=150, deadline=None)
def test_generated_wrong_sums_are_found(parts, unit, word, delta, chinese):
    total = sum(parts) + delta
    if chinese and unit == "万元" and total >= 10000:
        return  # 一万万元 is not written
    if chinese and any(n % 10000 == 0 for n in parts + [total]):
        return  # 一万个 reads like 1万个: a round figure that may stand for 9500 as well
    if unit in ("万元", "吨") and delta <= (len(parts) + 1) / 2:
        return  # 3万元 or 3吨 may be rounded (2.5 to 3.5): a gap this small can be rounding
    if any(sum(parts[i:j]) == total for i in range(len(parts)) for j in range(i + 1, len(parts) + 1)):
        return  # some run of parts adds up: the rule rightly reads the rest as other figures
    text = _sentence(parts, unit, word, total, chinese)
    got = messages(text, "figures/sum-mismatch")
    assert len(got) == 1
    shown = " + ".join(str(p) for p in parts)
    assert got[0].startswith(f"{shown} = {sum(parts)}，与“{word}{total}{unit}”不符")


@given(st.integers(min_value=1, max_value=10**6), st.integers(min_value=1, max_value=10**6))
@settings(max_examples=150, deadline=None)
def test_generated_ratios(x, y):
    right = f"{x * 100 / y:.1f}"
    assert messages(f"全年培训{x}人次，为年计划{y}人次的{right}%。", "figures/ratio-mismatch") == []
    wrong = f"{x * 100 / y + 5:.1f}"
    assert messages(f"全年培训{x}人次，为年计划{y}人次的{wrong}%。", "figures/ratio-mismatch")


def _time(text):
    import time

    t = time.perf_counter()
    check_text(text, "big.md", select=["figures"])
    return time.perf_counter() - t


def test_linear_time_on_long_documents_and_long_lines():
    para = ("全年新建学校3所，改建5所，共计8所，其中乡镇3所；招生1200人，占计划1000人的120%。"
            "覆盖率达到98.5%，由50万吨增加到55万吨，增长10%。2023年3月1日召开会议。\n\n")
    _time(para)  # load jieba and caches
    small, large = _time(para * 400), _time(para * 1600)
    assert large < 8 * small + 0.5
    line = "，".join(f"新建{i % 7 + 1}所共计{i % 5 + 2}所其中1所占全县的{i % 90}%" for i in range(3000)) + "。"
    half = "，".join(f"新建{i % 7 + 1}所共计{i % 5 + 2}所其中1所占全县的{i % 90}%" for i in range(1500)) + "。"
    assert _time(line) < 8 * _time(half) + 0.5


@given(st.dates(min_value=__import__("datetime").date(1950, 1, 1), max_value=__import__("datetime").date(2100, 12, 31)),
       st.booleans())
@settings(max_examples=150, deadline=None)
def test_generated_dates(day, chinese):
    import calendar

    weekday = "一二三四五六日"[day.weekday()]
    if chinese:
        year = "".join("〇一二三四五六七八九"[int(c)] for c in str(day.year))
        text = f"{year}年{to_chinese(day.month)}月{to_chinese(day.day)}日（星期{weekday}）召开会议。"
    else:
        text = f"{day.year}年{day.month}月{day.day}日（星期{weekday}）召开会议。"
    assert messages(text, "figures/invalid-date") == []
    wrong_day = calendar.monthrange(day.year, day.month)[1] + 1
    assert messages(f"{day.year}年{day.month}月{wrong_day}日召开会议。", "figures/invalid-date")
    other = "一二三四五六日"[(day.weekday() + 1) % 7]
    assert messages(f"{day.year}年{day.month}月{day.day}日（星期{other}）召开会议。", "figures/invalid-date")


def test_fixes_leave_nothing_to_fix(seeds):
    from planlint.fixes import apply_fixes

    text = (seeds / "000_667ec5daab8ac3ef.txt").read_text("utf-8")
    rules = ["figures/malformed-number", "figures/number-usage"]
    _, diags = check_text(text, "seed.txt", select=rules)
    fixed, n = apply_fixes(text, diags)
    assert n >= 15
    _, again = check_text(fixed, "seed.txt", select=rules)
    assert again == []
    assert "二〇一三年二月二十八日" in fixed


def test_parts_after_fenbie_leave_out_the_count_before_them():
    got = messages("3个县的5G基站数分别为1020个、960个和880个，共计2870个。")
    assert got == ["1020 + 960 + 880 = 2860，与“共计2870个”不符：请核对各分项或合计数"]
    assert messages("3个县的5G基站数分别为1020个、960个和880个，共计2860个。") == []


def test_qizhong_parts_stop_at_the_total_word():
    got = messages("全年计划生产产品120万件，其中A类产品80万件，B类产品30万件，C类产品20万件，合计120万件。")
    assert got == ["“其中”的分项 80 + 30 + 20 = 130，已超过总数120万件：请核对分项或总数"]


def test_bisai_is_no_comparison():
    got = messages("全年安排经费600元，其中比赛奖品300元、场地维修200元、宣传费用150元。")
    assert got == ["“其中”的分项 300 + 200 + 150 = 650，已超过总数600元：请核对分项或总数"]
