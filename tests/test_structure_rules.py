"""structure/ rules on small documents: numbering, restarts, level jumps, punctuation, counts, empty sections."""

from __future__ import annotations

import pytest

from planlint.api import check_text
from planlint.fixes import apply_fixes


def run(text, rule, path="x.txt"):
    doc, diags = check_text(text, path, select=[rule])
    return doc, [d for d in diags if d.rule == rule]


def spans(text, rule, path="x.txt"):
    doc, diags = run(text, rule, path)
    return [doc.text[d.offset:d.end_offset] for d in diags]


# --- numbering-gap ----------------------------------------------------------------------------
GAP = "structure/numbering-gap"


def test_gap_repeat_backwards_and_start():
    assert spans("一、甲\n\n正文。\n\n二、乙\n\n正文。\n\n四、丁\n\n正文。\n", GAP) == ["四、"]
    assert spans("（一）甲\n\n正文。\n\n（二）乙\n\n正文。\n\n（二）丙\n\n正文。\n", GAP) == ["（二）"]
    assert spans("1.甲\n\n正文。\n\n3.乙\n\n正文。\n\n2.丙\n\n正文。\n", GAP) == ["3.", "2."]
    assert spans("二、乙\n\n正文。\n\n三、丙\n\n正文。\n", GAP) == ["二、"]


def test_numbering_that_runs_on_across_sections_is_one_sequence():
    # 工作要点 often number their items once through the document: 一、 1. 2. 二、 3. 4. 5. 三、 6.
    text = ("一、加强党建\n1．深化学习。\n2．建强支部。\n二、推进均衡\n3．扩大学位。\n4．改造校舍。\n"
            "5．规范办学。\n三、提高质量\n6．改革课堂。\n")
    assert spans(text, GAP) == []
    # running on, but with a number skipped or repeated across the section boundary
    assert spans(text.replace("3．扩大学位", "4．扩大学位").replace("4．改造校舍", "5．改造校舍")
                 .replace("5．规范办学", "6．规范办学").replace("6．改革课堂", "7．改革课堂"), GAP) == ["4．"]
    # a list starting at 3 with nothing before it to run on from is still reported
    assert spans("一、加强党建\n深化学习。\n二、推进均衡\n3．扩大学位。\n4．改造校舍。\n", GAP) == ["3．"]


def test_nested_levels_continue_after_children():
    text = "一、甲\n\n（一）子\n\n正文。\n\n（二）子\n\n正文。\n\n二、乙\n\n（一）子\n\n正文。\n\n三、丙\n\n正文。\n"
    assert spans(text, GAP) == []


def test_collection_parts_number_afresh():
    text = ("合集精选3篇\n\n单位工作计划篇1\n\n一、甲\n\n正文。\n\n二、乙\n\n正文。\n\n"
            "单位工作计划篇2\n\n一、甲\n\n正文。\n\n三、丙\n\n正文。\n")
    doc, diags = run(text, GAP)
    assert [doc.text[d.offset:d.end_offset] for d in diags] == ["三、"]
    assert not run(text, "structure/numbering-restart")[1]


def test_markdown_heading_and_appendix_start_afresh():
    md = "# 计划\n\n## 一、任务\n\n### 学习\n\n1.读书\n\n2.讲座\n\n### 服务\n\n1.走访\n\n2.慰问\n\n## 二、措施\n\n正文。\n"
    assert spans(md, GAP, "x.md") == []
    assert not run(md, "structure/numbering-restart", "x.md")[1]
    txt = "一、甲\n\n正文。\n\n二、乙\n\n正文。\n\n附件：\n\n一、名单\n\n二、日程\n"
    assert not run(txt, "structure/numbering-restart")[1]


def test_decimal_looking_marker_continues_a_sequence():
    text = "1.甲：说明。\n\n2.2026年10件民生实事：说明。\n\n3.乙：说明。\n"
    assert spans(text, GAP) == []


def test_first_item_on_the_line_before():
    assert spans("附件：1.名单\n\n2.日程\n", GAP) == []


def test_inline_enumeration():
    assert spans("重点抓好：一是学习，二是服务，四是队伍。\n", GAP) == ["四是"]
    assert spans("一是学习。\n\n二是服务。\n\n二是队伍。\n", GAP) == ["二是"]
    assert spans("重点抓好：一是学习，二是服务，三是队伍。唯一是……\n", GAP) == []
    assert spans("第一，学习；第二，服务；第四，队伍。\n", GAP) == ["第四"]


# --- numbering-restart ------------------------------------------------------------------------
RESTART = "structure/numbering-restart"


def test_restart_inside_a_level():
    text = "一、任务\n\n（一）甲\n\n正文。\n\n（二）乙\n\n正文。\n\n（一）丙\n\n正文。\n"
    doc, diags = run(text, RESTART)
    assert [doc.text[d.offset:d.end_offset] for d in diags] == ["（一）"]
    assert "应续编为“（三）”" in diags[0].message


def test_a_list_introduced_by_a_paragraph_is_no_restart():
    text = ("一、甲\n\n正文。\n\n二、乙\n\n正文。\n\n国务院作出了以下规定。\n\n一、控制投资规模。\n\n二、严格审批。\n\n"
            "三、丙\n\n正文。\n")
    assert not run(text, RESTART)[1]
    assert spans(text, GAP) == []
    entries = "一、甲\n\n正文。\n\n二、乙\n\n正文。\n\n一、节约能源，降低消耗；\n\n二、改革产品结构；\n\n三、丙\n\n正文。\n"
    assert not run(entries, RESTART)[1]
    assert spans(entries, GAP) == []


def test_restart_styles_option():
    text = "一、任务\n\n1.甲\n\n正文。\n\n2.乙\n\n正文。\n\n1.丙\n\n正文。\n"
    assert not run(text, RESTART)[1]  # arabic is off by default


# --- level-jump -------------------------------------------------------------------------------
JUMP = "structure/level-jump"


def test_level_jump_once_per_part_with_count():
    text = "一、甲\n\n1.子\n\n正文。\n\n2.子\n\n正文。\n\n二、乙\n\n1.子\n\n正文。\n"
    doc, diags = run(text, JUMP)
    assert len(diags) == 1
    assert "跳过了“（一）”一级（本篇共 2 处）" in diags[0].message
    assert spans("一、甲\n\n（一）子\n\n1.孙\n\n正文。\n", JUMP) == []
    assert spans("（一）甲\n\n1.子\n\n正文。\n", JUMP) == []


def test_level_jump_is_judged_only_from_the_standard_s_effective_date():
    text = "一、主要任务\n\n1.加强学习\n\n组织学习。\n"
    assert check_text(text, "x.md", select=[JUMP], date="2012-06-30")[1] == []
    assert len(check_text(text, "x.md", select=[JUMP], date="2012-07-01")[1]) == 1


# --- marker-punctuation -----------------------------------------------------------------------
PUNCT = "structure/marker-punctuation"


@pytest.mark.parametrize("bad,good", [
    ("（一）、提高能力\n\n正文。\n", "（一）提高能力\n\n正文。\n"),
    ("1、加强培训\n\n正文。\n", "1.加强培训\n\n正文。\n"),
    ("一.指导思想\n\n正文。\n", "一、指导思想\n\n正文。\n"),
    ("（1）.加强培训\n\n正文。\n", "（1）加强培训\n\n正文。\n"),
    ("①、加强培训\n\n正文。\n", "①加强培训\n\n正文。\n"),
])
def test_marker_punctuation_fix(bad, good):
    doc, diags = run(bad, PUNCT)
    assert len(diags) == 1 and diags[0].fix.safe
    assert apply_fixes(doc.text, diags)[0] == good
    assert not run(good, PUNCT)[1]


def test_fullwidth_point_and_chapter_colon_are_fine():
    assert not run("１．加强培训\n\n正文。\n", PUNCT)[1]
    assert not run("第一部分：总体要求\n\n正文。\n", PUNCT)[1]


# --- declared-count ---------------------------------------------------------------------------
COUNT = "structure/declared-count"


def test_declared_count_inline_and_lines():
    assert spans("做好以下三个方面的工作：一是学习，二是服务，三是队伍，四是作风。\n", COUNT) == ["三个方面"]
    assert spans("主要有五项措施：\n\n1.甲，说明。\n\n2.乙，说明。\n\n3.丙，说明。\n", COUNT) == ["五项"]
    text = "重点抓好四件事：\n\n一是学习。\n\n说明学习。\n\n二是服务。\n\n三是队伍。\n\n四是作风。\n"
    assert spans(text, COUNT) == []


def test_declared_count_in_a_heading():
    text = "一、抓好三项重点工作\n\n（一）甲\n\n正文。\n\n（二）乙\n\n正文。\n\n二、其他\n\n正文。\n"
    assert spans(text, COUNT) == ["三项"]


def test_declared_count_quiet_without_a_list_or_when_prose_continues():
    assert spans("今年要做好三个方面的工作，确保完成任务。\n", COUNT) == []
    assert spans("坚持“三个代表”：这是根本。\n", COUNT) == []
    prose = "大体上有四种类型：一是甲类。这是骨干。二是乙类。这是小企业。还有两类。一类是丙。另一类是丁。\n"
    assert spans(prose, COUNT) == []


# --- empty-section ----------------------------------------------------------------------------
EMPTY = "structure/empty-section"


def test_empty_section():
    text = "一、工作目标\n\n发展会员。\n\n二、保障措施\n\n三、时间安排\n\n一季度启动。\n"
    doc, diags = run(text, EMPTY)
    assert [doc.text[d.offset:d.end_offset] for d in diags] == ["二、保障措施"]
    assert "紧接着就是“三、时间安排”" in diags[0].message
    assert spans("一、工作目标\n\n发展会员。\n\n二、保障措施\n", EMPTY) == ["二、保障措施"]


def test_short_numbered_lines_are_a_list():
    text = "四、活动安排\n\n1.三八节活动\n\n2.教工运动会\n\n3.五一活动\n\n五、其他\n\n正文。\n"
    assert spans(text, EMPTY) == []
    assert spans("一、甲\n\n（一）加强学习，提高素质。\n\n二、乙\n\n正文。\n", EMPTY) == []


def test_heading_over_a_table_is_not_empty():
    text = "# 计划\n\n## 一、进度安排\n\n| 时间 | 任务 |\n| --- | --- |\n| 一季度 | 启动 |\n\n## 二、保障措施\n\n加强领导。\n"
    assert spans(text, EMPTY, "x.md") == []


def test_marker_before_a_year_is_a_marker():
    from planlint.outline import match_marker

    assert match_marker("3.2022年国内生产总值超121万亿元；").number == 3
    assert match_marker("3.5亿元") is None
    text = "1.甲；\n\n2.乙；\n\n3.2022年国内生产总值超121万亿元；\n\n4.丁；\n\n5.49个城市试点长护险；\n\n6.戊；\n"
    assert spans(text, GAP) == []


# --- wrong-genre ------------------------------------------------------------------------------
GENRE = "structure/wrong-genre"


def test_summary_with_a_plans_section_is_a_summary():
    text = ("# 图书馆2023年工作总结\n\n## 一、主要成绩\n\n全年接待读者12万人次，举办讲座36场。\n\n"
            "## 二、下一步打算\n\n明年将推进分馆建设，力争新增分馆3个，确保延时开放，争取经费支持，"
            "将开展阅读推广，要继续加强队伍建设。\n")
    assert not run(text, GENRE, "x.md")[1]


def test_plan_with_a_review_section_is_a_plan():
    text = ("# 图书馆2024年工作计划\n\n## 一、2023年工作回顾\n\n回顾过去的一年，我们主要做了以下工作，取得了较好成绩，"
            "圆满完成了全年任务。\n\n## 二、2024年主要任务\n\n将开展阅读推广。\n")
    assert not run(text, GENRE, "x.md")[1]


def test_plan_opening_with_a_look_back_is_a_plan():
    text = ("# 图书馆2024年工作计划\n\n回顾过去一年，我馆取得了较好成绩，圆满完成了全年任务。\n\n"
            "一、主要任务\n\n推进分馆建设。\n\n二、保障措施\n\n加强人员培训。\n")
    assert not run(text, GENRE, "x.md")[1]
