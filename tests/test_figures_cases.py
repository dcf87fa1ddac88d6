"""Planted figure errors in plan-style sentences (recall) and their corrected twins (false alarms)."""

from __future__ import annotations

import pytest

from planlint.api import check_text

# (rule, wrong sentence, corrected sentence)
CASES = [
    ("sum-mismatch", "全年举办培训班6期，培训一线职工420人次、班组长85人次，合计培训515人次。",
     "全年举办培训班6期，培训一线职工420人次、班组长85人次，合计培训505人次。"),
    ("sum-mismatch", "县级财政补助300万元，乡镇配套120万元，共计投入450万元。",
     "县级财政补助300万元，乡镇配套120万元，共计投入420万元。"),
    ("sum-mismatch", "新建村卫生室4个、改建6个，总计完成12个。", "新建村卫生室4个、改建6个，总计完成10个。"),
    ("sum-mismatch", "春季植树1.2万株，秋季植树0.85万株，共植树2.5万株。",
     "春季植树1.2万株，秋季植树0.85万株，共植树2.05万株。"),
    ("sum-mismatch", "全县共有村级党组织210个，其中农村党支部230个。",
     "全县共有村级党组织210个，其中农村党支部190个。"),
    ("sum-mismatch", "建成高标准农田三千亩、旱改水一千五百亩，合计五千亩。",
     "建成高标准农田三千亩、旱改水一千五百亩，合计四千五百亩。"),
    ("sum-mismatch", "本学期共开设选修课程28门，其中校本课程16门、社团课程15门。",
     "本学期共开设选修课程28门，其中校本课程16门、社团课程12门。"),
    ("sum-mismatch", "全年粮食总产量18.6万吨，比上年增长1.2%。其中，夏粮6.2万吨，秋粮13.4万吨。",
     "全年粮食总产量18.6万吨，比上年增长1.2%。其中，夏粮6.2万吨，秋粮12.4万吨。"),
    ("ratio-mismatch", "全年完成税收收入8600万元，为年度预算8000万元的112.5%。",
     "全年完成税收收入8600万元，为年度预算8000万元的107.5%。"),
    ("ratio-mismatch", "全年发放贷款1.35亿元，完成年计划1.2亿元的125%。",
     "全年发放贷款1.35亿元，完成年计划1.2亿元的112.5%。"),
    ("ratio-mismatch", "有3个村完成改造，占全乡24个行政村的25%。", "有3个村完成改造，占全乡24个行政村的12.5%。"),
    ("ratio-mismatch", "参保人数由15000人增加到18000人，增长25%。", "参保人数由15000人增加到18000人，增长20%。"),
    ("ratio-mismatch", "粮食总产量达到42150吨，比上年的40120吨增长8%。", "粮食总产量达到42150吨，比上年的40120吨增长5.1%。"),
    ("ratio-mismatch", "优良率由85%提高到92%，提高9个百分点。", "优良率由85%提高到92%，提高7个百分点。"),
    ("ratio-mismatch", "全县常住人口中，城镇人口占全县常住人口的58%，乡村人口占全县常住人口的47%。",
     "全县常住人口中，城镇人口占全县常住人口的58%，乡村人口占全县常住人口的42%。"),
    ("ratio-mismatch", "一季度完成工业产值6.3亿元，上年同期为5.6亿元，同比增长15.5%。",
     "一季度完成工业产值6.3亿元，上年同期为5.6亿元，同比增长12.5%。"),
    ("ratio-mismatch", "全年接待游客132万人次，较上年的120万人次增长12%。",
     "全年接待游客132万人次，较上年的120万人次增长10%。"),
    ("ratio-mismatch", "全年受理群众投诉120件，已办结115件，办结率98.5%。",
     "全年受理群众投诉120件，已办结115件，办结率95.8%。"),
    ("ratio-mismatch", "抽检食品批次500批，合格485批，合格率99%。", "抽检食品批次500批，合格485批，合格率97%。"),
    ("sum-mismatch", "改造路灯30盏、新增路灯20盏，两项共计60盏。", "改造路灯30盏、新增路灯20盏，两项共计50盏。"),
    ("malformed-number", "全年实现营业收入3。26亿元。", "全年实现营业收入3.26亿元。"),
    ("malformed-number", "人均可支配收入增长7。8%。", "人均可支配收入增长7.8%。"),
    ("malformed-number", "完成投资1,23万元。", "完成投资123万元。"),
    ("impossible-percentage", "适龄儿童入学率达到102%。", "适龄儿童入学率达到100%。"),
    ("impossible-percentage", "全村新农合参保率为103.5%。", "全村新农合参保率为99.5%。"),
    ("impossible-percentage", "全市森林覆盖率提高到110%。", "全市森林覆盖率提高到61%。"),
    ("invalid-date", "定于6月31日前完成申报。", "定于6月30日前完成申报。"),
    ("invalid-date", "2023年9月1日（星期四）开学。", "2023年9月1日（星期五）开学。"),
    ("invalid-date", "二〇二三年二月二十九日印发。", "二〇二三年二月二十八日印发。"),
    ("invalid-date", "2025年11月31日前报送总结。", "2025年11月30日前报送总结。"),
    ("number-usage", "二00九年十月八日", "二〇〇九年十月八日"),
    ("number-usage", "于2023年五月底前完成。", "于2023年5月底前完成。"),
    ("conflicting-values", "全县农村卫生户厕普及率达到92%。\n\n全县农村卫生户厕普及率达到95%，群众满意。",
     "全县农村卫生户厕普及率达到92%。\n\n全县农村卫生户厕普及率达到92%，群众满意。"),
]


def _fires(rule, text):
    _, diags = check_text(text, "case.md", select=[f"figures/{rule}"])
    return bool(diags)


@pytest.mark.parametrize("rule,bad,good", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_planted_error_is_found_and_its_correction_is_quiet(rule, bad, good):
    assert _fires(rule, bad), f"missed: {bad}"
    assert not _fires(rule, good), f"false alarm: {good}"


def test_recall_summary():
    found = sum(_fires(r, b) for r, b, _ in CASES)
    quiet = sum(not _fires(r, g) for r, _, g in CASES)
    assert (found, quiet) == (len(CASES), len(CASES))
