"""The figures number reader: Arabic, Chinese and mixed numerals, units, approximations, round-trips."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planlint.rules.figures.numbers import normalise, parse_cn_number, scan, to_chinese


def one(text):
    qs = scan(normalise(text))
    assert len(qs) == 1, qs
    return qs[0]


@pytest.mark.parametrize("text,value,unit,category", [
    ("1,234.5万元", Decimal("12345000"), "元", "money"),
    ("１２３个", Decimal(123), "个", "count"),
    ("一百二十万元", Decimal(1200000), "元", "money"),
    ("两万五千元", Decimal(25000), "元", "money"),
    ("一千五百人", Decimal(1500), "人", "count"),
    ("一千零五十名", Decimal(1050), "名", "count"),
    ("三点五亿元", Decimal(350000000), "元", "money"),
    ("百分之三十五", Decimal(35), "%", "percent"),
    ("百分之零点九", Decimal("0.9"), "%", "percent"),
    ("1.2万人次", Decimal(12000), "人次", "count"),
    ("3千家", Decimal(3000), "家", "count"),
    ("5千米", Decimal(5), "千米", "measure"),
    ("8个百分点", Decimal(8), "个百分点", "points"),
    ("99。3万元", Decimal(993000), "元", "money"),
    ("107。8%", Decimal("107.8"), "%", "percent"),
    ("2023年", Decimal(2023), "年", "date"),
    ("二〇二三年", Decimal(2023), "年", "date"),
    ("3年", Decimal(3), "年", "time"),
    ("十二项", Decimal(12), "项", "count"),
])
def test_reads_value_unit_and_category(text, value, unit, category):
    q = one(text)
    assert (q.value, q.unit, q.category) == (value, unit, category)


@pytest.mark.parametrize("text", ["1400多名", "近百所", "约3000人", "三五个", "10余万元", "3万多元", "20%左右",
                                  "500人以上", "上千人", "超过200家", "不足50户"])
def test_approximations_are_never_exact(text):
    assert not one(text).exact


def test_ranges_take_the_unit_of_their_end_and_are_not_exact():
    qs = scan(normalise("3—5个"))
    assert [q.unit for q in qs] == ["个", "个"]
    assert all(q.range and not q.exact for q in qs)


def test_measure_words_keep_their_unit():
    qs = scan(normalise("制作了企业金卡8种8000枚"))
    assert [q.key for q in qs] == [("count", "种"), ("count", "枚")]


@pytest.mark.parametrize("text", ["一心一意", "十四五规划", "千方百计", "百姓", "5G基站", "G20峰会", "PM2.5",
                                  "电话0898-12345678"])
def test_not_quantities(text):
    assert [q for q in scan(normalise(text)) if q.category not in ("bare",)] == []


def test_ordinals_are_marked():
    assert one("第3个").category == "ordinal"
    assert one("第三次").category == "ordinal"


def test_precision_follows_the_written_digits():
    assert one("99.3万元").resolution == Decimal(1000)
    assert one("93万元").resolution == Decimal(10000)
    assert one("23500枚").resolution == 0
    assert one("107.8%").resolution == Decimal("0.1")


@given(st.integers(min_value=0, max_value=10**12 - 1))
@settings(max_examples=400, deadline=None)
def test_chinese_numerals_round_trip(n):
    assert parse_cn_number(to_chinese(n)) == n


@given(st.integers(min_value=1, max_value=10**11))
@settings(max_examples=200, deadline=None)
def test_chinese_quantities_round_trip_through_the_scanner(n):
    q = one(f"共有{to_chinese(n)}个")
    assert q.value == n and q.unit == "个"


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=0, max_value=99),
       st.sampled_from(["", "万", "亿"]), st.booleans(), st.booleans())
@settings(max_examples=300, deadline=None)
def test_arabic_numbers_round_trip(whole, frac, scale, grouped, fullwidth):
    digits = f"{whole:,}" if grouped else str(whole)
    written = f"{digits}.{frac:02d}" if frac else digits
    if fullwidth:
        written = written.translate(str.maketrans("0123456789.", "０１２３４５６７８９．"))
    q = one(f"完成{written}{scale}元")
    expected = Decimal(f"{whole}.{frac:02d}") * {"": 1, "万": 10**4, "亿": 10**8}[scale]
    assert q.value == expected and q.unit == "元" and q.exact
