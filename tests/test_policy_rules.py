"""policy/ rules: guidance vs historical use, traps that are not the party's congress, dates, seeds, corpus."""

from __future__ import annotations

import csv

import pytest

from planlint.api import check_text


def found(text: str, date: str, select: str = "policy", path: str = "a.md"):
    doc, diags = check_text(text, path, select=[select], date=date)
    return [(d.rule.split("/")[1], doc.text[d.offset:d.end_offset]) for d in diags], diags


@pytest.mark.parametrize("text", [
    "党的十八大以来，我市经济社会发展取得历史性成就。",
    "十九大召开以来，职工队伍不断壮大。",
    "全市生产总值比“十三五”末增长12%。",
    "“十三五”时期，我区累计完成投资500亿元。",
    "回顾“十四五”，我们倍感振奋。",
    "天津市第十八届人民代表大会第一次会议胜利闭幕。",
    "积极备战第十八届省运会。",
    "筹备召开省工会第十五次代表大会。",
    "深入开展“八五”普法，谋划九五普法。",
    "全年组织十五次培训，实施十二大产业提升行动。",
    "全国妇联十二大精神宣讲进社区。",
    "深入学习贯彻市总工会十五大精神和中国教育工会十二大精神。",
    "省委十一届五次全会对全年工作作出部署。",
    "深入学习贯彻二十届中央纪委二次全会精神。",
    "认真贯彻省纪委十一届三次全会部署。",
    "按照党的十八大所确定的战略部署，回看发展历程。",
    "2022年，我们全面贯彻党的十九大和十九届历次全会精神。",
    "全面贯彻党的十九大和十九届历次全会精神，深入贯彻党的二十大精神，我国经济社会发展取得重大成就。",
    "加强与农业部门、环境保护部门的沟通。",
    "原国土资源部的土地督察职责由自然资源部承担。",
    "组建国家市场监督管理总局，不再保留国家工商行政管理总局。",
    "中国共产党第十二次全国代表大会报告中的“新党章”一词。",
    "原县工商局的档案移交工作全部完成。",
    "依据《网络交易管理办法》（国家工商行政管理总局令第60号）执行。",
    "贯彻《国家卫生计生委关于做好基层卫生工作的通知》要求。",
])
def test_historical_and_trap_uses_are_quiet(text):
    got, _ = found(text, "2023-02-28")
    assert got == []


@pytest.mark.parametrize("text,rule,span", [
    ("深入学习贯彻党的十八大精神。", "superseded-congress", "十八大"),
    ("以十九大精神为指导，做好工会工作。", "superseded-congress", "十九大"),
    ("认真贯彻中国共产党第十九次全国代表大会精神。", "superseded-congress", "第十九次全国代表大会"),
    ("组织学习中国工会十五大精神。", "superseded-congress", "十五大"),
    ("全团学习贯彻共青团十七大精神。", "superseded-congress", "十七大"),
    ("认真学习贯彻党的十九届六中全会精神。", "superseded-plenum", "十九届六中全会"),
    ("全面贯彻党的十八届三中、四中全会精神。", "superseded-plenum", "十八届三中、四中全会"),
    ("深入学习贯彻十九届中央纪委六次全会精神。", "superseded-plenum", "十九届中央纪委六次全会"),
    ("认真贯彻落实“十三五”规划。", "superseded-five-year-plan", "十三五"),
    ("今年是“十三五”规划收官之年。", "superseded-five-year-plan", "十三五"),
    ("以优异成绩迎接党的二十大胜利召开。", "past-event-welcome", "二十大"),
    ("积极配合国土资源部开展土地督察。", "renamed-institution", "国土资源部"),
    ("及时向国家卫计委报送数据。", "renamed-institution", "国家卫计委"),
    ("目前工商局正在核查。", "renamed-institution", "工商局"),
    ("开展党的十九大精神宣讲进社区活动。", "superseded-congress", "十九大"),
    ("把思想和行动统一到党的十九大精神上来。", "superseded-congress", "十九大"),
    ("在十九大精神指引下，奋力开创新局面。", "superseded-congress", "十九大"),
    ("深入学习贯彻党的十九大，奋力开创新局面。", "superseded-congress", "十九大"),
])
def test_guidance_uses_fire(text, rule, span):
    got, diags = found(text, "2023-02-28")
    assert got == [(rule, span)]
    assert diags[0].message.startswith("文档日期 2023-02-28（取自命令行 --date）时，")


def test_message_names_current_and_date():
    _, diags = found("深入学习贯彻党的十八大精神和中国工会十五大精神。", "2023-02-28")
    assert "党的二十大已于 2022-10-16 召开" in diags[0].message and "请改为“党的二十大精神”" in diags[0].message
    assert "中国工会十七大已于 2018-10-22 召开" in diags[1].message
    _, diags = found("深入学习贯彻中国工会十七大精神。", "2023-11-01")
    assert "中国工会十八大已于 2023-10-09 召开" in diags[0].message
    _, diags = found("认真学习贯彻党的十九届六中全会精神。", "2024-08-01")
    assert "请改为“党的二十大和二十届二中、三中全会精神”" in diags[0].message


def test_fixes_are_unsafe_replacements():
    _, diags = found("深入学习贯彻党的十八大精神。", "2023-02-28")
    assert diags[0].fix and not diags[0].fix.safe and diags[0].fix.edits[0].text == "二十大"
    _, diags = found("认真贯彻中国共产党第十九次全国代表大会精神。", "2023-02-28")
    assert diags[0].fix.edits[0].text == "第二十次全国代表大会"
    _, diags = found("积极配合国土资源部开展土地督察。", "2023-02-28")
    assert diags[0].fix.edits[0].text == "自然资源部" and not diags[0].fix.safe


def test_no_fix_that_would_leave_the_old_plenums_beside_the_new_congress():
    _, diags = found("深入学习贯彻党的十九大和十九届六中全会精神。", "2024-03-01")
    congress = [d for d in diags if d.rule == "policy/superseded-congress"]
    assert congress and congress[0].fix is None


def test_dates_decide():
    text = "深入学习贯彻党的十九大精神。"
    assert found(text, "2022-10-15")[0] == []
    assert found(text, "2022-10-16")[0] == []  # the day the 20th opened: the old one still speaks
    assert found(text, "2022-10-17")[0] == [("superseded-congress", "十九大")]
    plenum = "全面贯彻党的十九届七中全会精神。"
    assert found(plenum, "2022-10-20")[0] == []  # 19th CC ends when the 20th congress closes (10-22)
    assert found(plenum, "2022-10-23")[0] == [("superseded-plenum", "十九届七中全会")]
    plan = "认真贯彻落实“十四五”规划。"
    assert found(plan, "2025-12-31")[0] == []
    assert found(plan, "2026-01-02")[0] == [("superseded-five-year-plan", "十四五")]
    welcome = "以优异成绩迎接党的二十一大胜利召开。"
    assert found(welcome, "2026-11-23")[0] == []  # not held yet, no date known


def test_summary_gets_a_grace_period():
    text = "# 2022年工作总结\n\n上半年，我们组织职工深入学习贯彻党的十九届六中全会精神。\n"
    assert found(text, "2022-12-31")[0] == []
    assert found(text, "2024-12-31")[0] == [("superseded-plenum", "十九届六中全会")]
    plan = "# 2023年工作计划\n\n组织职工深入学习贯彻党的十九届六中全会精神。\n"
    assert found(plan, "2023-01-01")[0] == [("superseded-plenum", "十九届六中全会")]


def test_stale_new():
    text = "维护教职工合法权益是新《工会法》强调突出的工会职能。"
    assert found(text, "2013-02-28")[0] == [("stale-new", "新《工会法》")]
    assert found(text, "2022-06-01")[0] == []  # the 2021-12-24 amendment is recent
    assert found(text, "2026-11-23")[0] == [("stale-new", "新《工会法》")]
    assert found("2002年，我们组织学习新《工会法》。", "2013-02-28")[0] == []


def test_anniversaries_welcomed_after_the_day():
    text = "以优异成绩迎接建党100周年。"
    assert found(text, "2021-03-01")[0] == []
    assert found(text, "2023-03-01")[0] == [("past-event-welcome", "建党100周年")]
    assert found("向建党一百周年献礼。", "2022-03-01")[0] == [("past-event-welcome", "建党一百周年")]
    assert found("学习习近平总书记在庆祝中国共产党成立100周年大会上的重要讲话精神。", "2023-03-01")[0] == []
    assert found("喜迎新中国成立80周年。", "2026-11-23")[0] == []
    assert found("喜迎建党百年，奋进新征程。", "2023-03-01")[0] == [("past-event-welcome", "建党百年")]
    assert found("喜迎建党百年，奋进新征程。", "2021-02-01")[0] == []


def test_renamed_local_offices_only_after_local_reform():
    text = "与县工商局多次协调，更换营业执照。"
    assert found(text, "2018-06-01")[0] == []
    assert found(text, "2019-06-01")[0] == [("renamed-institution", "工商局")]


# --- the seeds, judged at their own date ----------------------------------------------------------

SEED_000 = [  # (rule, text) in order; judged at the title year 2023 (区工会2023年工作计划精选7篇)
    ("superseded-congress", "十八大"), ("superseded-congress", "十五大"),  # 深入学习贯彻党的“十八大”精神和中国工会“十五大精神
    ("superseded-congress", "十八大"),  # 以“十八大报告”的理论……为指导
    ("superseded-congress", "十八大"), ("superseded-congress", "十五大"),  # 学习党的十八大精神和全国工会的“十五大”重要思想
    ("superseded-congress", "十九大"),  # 紧紧围绕党的十九大……的指导下
    ("superseded-congress", "十九大"),  # 借着十九大精神
    ("superseded-plenum", "十六届五中全会"),  # 学习党的十六届五中全会精神
    ("superseded-five-year-plan", "十一五"),  # 学习“十一五”规划知识
    ("superseded-plenum", "十五届六中全会"),  # 以邓小平理论和党的十五届六中全会精神为指导
    ("past-event-welcome", "十六大"), ("past-event-welcome", "十六大"),  # 迎接党的十六大的胜利召开 (twice)
]


def test_seed_000_findings(seeds):
    text = (seeds / "000_667ec5daab8ac3ef.txt").read_text("utf-8")
    doc, diags = check_text(text, "000.txt", select=["policy"])
    assert doc.date.isoformat() == "2023-01-01"
    assert [(d.rule.split("/")[1], text[d.offset:d.end_offset]) for d in diags] == SEED_000


def test_seed_003_has_no_outdated_guidance(seeds):
    text = (seeds / "003_f22a6e430114080b.txt").read_text("utf-8")
    for date in (None, "2023-01-01"):
        _, diags = check_text(text, "003.txt", select=["policy"], date=date)
        assert diags == []


# --- the corpus ---------------------------------------------------------------------------------

def _corpus_dates(corpus):
    with (corpus / "manifest.tsv").open(encoding="utf-8") as f:
        return {r["filename"]: r.get("date") or f"{r['year']}-07-01" for r in csv.DictReader(f, delimiter="\t")}


def test_corpus_quiet_at_own_dates(corpus):
    dates = _corpus_dates(corpus)
    alarms = []
    for p in sorted(corpus.glob("*.txt")):
        doc, diags = check_text(p.read_text("utf-8"), p.name, select=["policy"], date=dates.get(p.name))
        alarms += [(p.name, d.rule, doc.text[d.offset:d.end_offset]) for d in diags]
    assert alarms == []


def test_corpus_at_today_finds_old_guidance(corpus):
    counts: dict[str, int] = {}
    for p in sorted(corpus.glob("*.txt")):
        _, diags = check_text(p.read_text("utf-8"), p.name, select=["policy"], date="2026-11-23")
        for d in diags:
            counts[d.rule] = counts.get(d.rule, 0) + 1
    assert counts.get("policy/superseded-congress", 0) >= 20
    assert counts.get("policy/superseded-plenum", 0) >= 15
    assert counts.get("policy/superseded-five-year-plan", 0) >= 10
    assert counts.get("policy/past-event-welcome", 0) >= 5


def test_a_line_without_punctuation_is_read_in_bounded_windows():
    from planlint.rules.policy.context import MAX_REACH, Usage

    text = "深入贯彻党的十八大精神推动发展" * 2000  # 30,000 characters, no clause or sentence break
    doc, _ = check_text(text + "\n", "a.md", select=["policy"], date="2024-01-01")
    mid = len(text) // 2
    u = Usage(doc, mid, mid + 3)
    assert u.se - u.ss <= 2 * MAX_REACH + 3 and u.ce - u.cs <= 2 * MAX_REACH + 3
