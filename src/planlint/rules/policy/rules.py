"""The policy/ rules, and ``outdated_term_rule`` that turns any Knowledge (a pack's) into a rule."""

from __future__ import annotations

from typing import Callable

from planlint.diagnostics import Fix, Severity
from planlint.rule import Examples, Option, Rule, RuleDocs
from planlint.rules.policy import judge
from planlint.rules.policy.knowledge import Knowledge, builtin_knowledge

SOURCE_EVENTS = "planlint/rules/policy/events.yaml（据 ../shared/reference/timeline.yaml：新闻联播公报、党代会报告题注、政府工作报告等）"
GRACE = {"summary_grace_days": Option(366, "总结类文档回顾的是过去一段时间：在文档日期前这么多天内才被取代的提法不报")}


def _report(ctx, findings, fix_title: str | None = None):
    for f in findings:
        fix = None
        if fix_title and f.fix_text and f.fix_text != f.ref.text:
            fix = Fix.replace(f.ref.start, f.ref.end, f.fix_text, fix_title.format(new=f.fix_text), safe=False)
        yield ctx.report(f.ref.start, f.ref.end, f.message, fix)


def _superseded_check(kinds: set[str] | None, knowledge: Callable[[], Knowledge]):
    def check(doc, ctx):
        found = judge.superseded(doc, knowledge(), kinds, ctx.options["summary_grace_days"])
        yield from _report(ctx, found, "改为“{new}”（请核对上下文）")
    return check


SUPERSEDED_CONGRESS = Rule(
    id="policy/superseded-congress",
    summary="以已被新一届取代的代表大会（党的十八大、工会十五大 …）为现行指导",
    check=_superseded_check({"congress"}, builtin_knowledge),
    docs=RuleDocs(
        说明="在文档日期时，党的全国代表大会、中国工会全国代表大会、共青团全国代表大会已召开新一届，文中却仍以旧一届为现行指导："
             "“学习贯彻……精神”“以……为指导”“围绕……部署”。历史或比较的用法不报：“党的十八大以来”“十九大召开前后”、"
             "回顾过去工作的段落、同一句里已写出新一届的（“全面贯彻党的十九大…，深入贯彻党的二十大精神”）、句中写明更早年份的。"
             "“天津市第十八届人民代表大会”“省工会第十五次代表大会”“十二大产业”等不是全国代表大会，不报。",
        原因="过时提法是公文校对的常见硬伤：2023 年的计划写“深入贯彻党的十八大精神”，说明文稿照抄旧稿，读者会据此判断全文未经更新。",
        示例="（文档日期 2023-02-28）深入学习贯彻党的十八大精神和中国工会十五大精神。",
        建议写法="深入学习贯彻党的二十大精神和中国工会十七大精神。（届次以文档日期时已召开的最新一届为准；"
               "引用历史时写“党的十八大以来”“十八大提出的”。）",
    ),
    severity=Severity.WARNING,
    fixable=True,
    source=SOURCE_EVENTS,
    examples=Examples(
        date="2023-02-28",
        bad=("深入学习贯彻党的十八大精神，推动工作再上新台阶。",
             "以十九大精神为指导，全面履行工会职能。",
             "组织职工学习中国工会十五大精神。"),
        good=("党的十八大以来，我市经济社会发展取得历史性成就。",
              "深入学习贯彻党的二十大精神。",
              "天津市第十八届人民代表大会第一次会议胜利闭幕。",
              "实施十二大产业提升行动。",
              "出席省工会第十五次代表大会。"),
    ),
    options=GRACE,
)

SUPERSEDED_PLENUM = Rule(
    id="policy/superseded-plenum",
    summary="以上一届中央委员会的全会（十九届六中全会 …）为现行指导",
    check=_superseded_check({"plenum"}, builtin_knowledge),
    docs=RuleDocs(
        说明="“十九届六中全会精神”“十八届三中、四中全会精神”等属于某一届中央委员会；下一次党的全国代表大会召开、新一届中央委员会产生后，"
             "它们不再作为现行指导。在文档日期时仍以其为指导（学习贯彻……精神、以……为指导）即报，提示现行的届次与全会。"
             "同一届内的各次全会累积引用（“二十大和二十届二中、三中全会精神”）是正确写法，不报；省委、市委的“X届X次全会”不报。",
        原因="全会精神随届次更替；2023 年仍写“深入贯彻十九届六中全会精神”是照抄旧稿的明显标志。",
        示例="（文档日期 2023-03-01）认真学习贯彻党的十九届六中全会精神。",
        建议写法="认真学习贯彻党的二十大和二十届二中全会精神。",
    ),
    source=SOURCE_EVENTS + "；全会日期见 events.yaml 的 cpc-plenum",
    examples=Examples(
        date="2023-03-01",
        bad=("认真学习贯彻党的十九届六中全会精神。", "以邓小平理论和党的十五届六中全会精神为指导，做好各项工作。"),
        good=("全面贯彻党的二十大和二十届二中全会精神。", "党的十八届三中全会以来，改革全面发力。",
              "省委十一届五次全会对全年工作作出部署。"),
    ),
    options=GRACE,
)

SUPERSEDED_PLAN = Rule(
    id="policy/superseded-five-year-plan",
    summary="以已结束的五年规划（“十三五”规划 …）为现行规划",
    check=_superseded_check({"plan"}, builtin_knowledge),
    docs=RuleDocs(
        说明="国民经济和社会发展五年计划（六五—十五五；自“十一五”起称规划）按年度划分。文档日期已进入下一个五年期，"
             "仍写“贯彻落实“十三五”规划”“围绕“十三五”目标任务”“今年是“十三五”收官之年”即报。作为基期或回顾的用法不报："
             "“比“十三五”末增长12%”““十三五”时期”“回顾“十四五””，以及总结类文档对刚结束时期的回顾。"
             "“八五普法”“九五普法”（法治宣传教育五年规划）和作数字用的“十五”不报。",
        原因="五年规划是计划类公文的上位依据；引用已结束的规划作为依据，说明文稿没有按新一期规划更新目标和任务。",
        示例="（文档日期 2023-01-01）认真贯彻落实“十三五”规划，推进重点项目建设。",
        建议写法="认真贯彻落实“十四五”规划，推进重点项目建设。",
    ),
    source=SOURCE_EVENTS + "；各期起止年份见 events.yaml 的 five-year-plan",
    examples=Examples(
        date="2023-01-01",
        bad=("认真贯彻落实“十三五”规划，推进重点项目建设。", "今年是“十三五”规划收官之年。"),
        good=("全市生产总值比“十三五”末增长12%。", "“十三五”时期，我区累计完成投资500亿元。",
              "深入开展“八五”普法宣传教育。", "贯彻落实“十四五”规划。"),
    ),
    options=GRACE,
)

PAST_EVENT_WELCOME = Rule(
    id="policy/past-event-welcome",
    summary="“迎接……召开”的会议在文档日期时已经召开",
    check=lambda doc, ctx: _report(ctx, judge.welcomes(doc, builtin_knowledge(), ctx.options["summary_grace_days"])),
    docs=RuleDocs(
        说明="“以优异成绩迎接党的十六大胜利召开”“喜迎二十大”只在会议召开之前成立；文档日期时该会议已经召开，即报。"
             "写明更早年份的回顾句（“2022年，我们以实际行动迎接党的二十大胜利召开”）和总结类文档对本期工作的回顾不报。",
        原因="迎接已开过的会是照抄旧稿最直接的破绽，任何读者都能看出。",
        示例="（文档日期 2023-01-01）以优异成绩迎接党的十六大的胜利召开。",
        建议写法="以优异成绩深入学习贯彻党的二十大精神。",
    ),
    source=SOURCE_EVENTS,
    examples=Examples(
        date="2023-01-01",
        bad=("以优异成绩迎接党的十六大的胜利召开。", "喜迎二十大，奋进新征程。"),
        good=("以优异成绩迎接党的二十一大胜利召开。", "2022年，我们以实际行动迎接党的二十大胜利召开。"),
    ),
    options=GRACE,
)

RENAMED_INSTITUTION = Rule(
    id="policy/renamed-institution",
    summary="机构已在历次机构改革（2008、2013、2018、2023）中更名或撤并（卫生部、国土资源部、国家工商总局 …）",
    check=lambda doc, ctx: _report(ctx, judge.renamed(doc, builtin_knowledge(), ctx.options["summary_grace_days"]),
                                   "改为“{new}”"),
    docs=RuleDocs(
        说明="文档日期时已不存在的机构被当作现存机构提及：劳动和社会保障部（→人力资源和社会保障部）、卫生部、铁道部、"
             "国土资源部（→自然资源部）、国家工商行政管理总局、国家质量监督检验检疫总局、"
             "国家食品药品监督管理总局（→国家市场监督管理总局）、国家卫生和计划生育委员会（→国家卫生健康委员会）、环境保护部"
             "（→生态环境部）、银保监会（→国家金融监督管理总局）以及地方的工商局、质监局、安监局、地税局等；多次更名的给出文档日期时的名称。"
             "写作“原国土资源部”、句中写明改革前年份、叙述改革本身（组建、不再保留、划入）、外国的部（黎巴嫩卫生部）不报。",
        原因="机构名称错误会让公文的责任主体失实，也说明文稿沿用了改革前的旧稿。",
        示例="（文档日期 2023-05-01）积极配合国土资源部开展土地督察。",
        建议写法="积极配合自然资源部开展土地督察。（如指历史机构，写“原国土资源部”。）",
    ),
    fixable=True,
    source="2008年3月15日、2013年3月14日、2018年3月17日全国人大批准的国务院机构改革方案；2023年3月10日第十四届全国人大一次会议批准的"
           "《国务院机构改革方案》；《关于地方机构改革有关问题的指导意见》（见 institutions.yaml）",
    examples=Examples(
        date="2023-05-01",
        bad=("积极配合国土资源部开展土地督察。", "与县工商局多次协调，更换了营业执照。"),
        good=("原国土资源部的土地督察职责由自然资源部承担。", "2017年，国家工商总局部署了专项整治。",
              "加强与农业部门的沟通。", "黎巴嫩卫生部当天发表声明。"),
    ),
    options=GRACE,
)

STALE_NEW = Rule(
    id="policy/stale-new",
    summary="“新《工会法》”：法规修订多年后仍称“新”",
    check=lambda doc, ctx: _report(ctx, judge.stale_new(doc, builtin_knowledge(), ctx.options["years"])),
    docs=RuleDocs(
        说明="“新《工会法》”“新修订的《安全生产法》”只在修订后一段时间内成立。文档日期距该法最近一次计入的修订已超过设定年数（默认 2 年）即报。"
             "句中写明修订当时年份的不报。",
        原因="“新”是相对文档日期而言的；多年后仍称“新”，读者无法判断指哪一次修订，也暴露出照抄旧稿。",
        示例="（文档日期 2013-02-28）维护教职工合法权益是新《工会法》强调突出的工会职能。",
        建议写法="维护教职工合法权益是《中华人民共和国工会法》规定的工会基本职责。",
    ),
    source="国家法律法规数据库各法律题注所列修订日期（见 new_terms.yaml）",
    examples=Examples(
        date="2013-02-28",
        bad=("维护教职工合法权益是新《工会法》强调突出的工会职能。",),
        good=("认真学习《工会法》。", "2002年，我们组织学习新《工会法》。"),
    ),
    options={"years": Option(2, "修订后多少年内仍可称“新”")},
)

RULES = [SUPERSEDED_CONGRESS, SUPERSEDED_PLENUM, SUPERSEDED_PLAN, PAST_EVENT_WELCOME, RENAMED_INSTITUTION, STALE_NEW]


def outdated_term_rule(rule_id: str, knowledge: Knowledge, *, summary: str = "", docs: RuleDocs | None = None,
                       severity: Severity = Severity.WARNING, source: str = "", examples: Examples = Examples(),
                       enabled: bool = True) -> Rule:
    """A rule reporting every outdated reference that ``knowledge`` (a pack's entries) defines.

    Series entries are judged like the built-in congresses (a later item has begun; ``usage: guidance``
    needs a guidance context), terms like renamed institutions, ``new`` entries like 新《法》. Only
    ``knowledge``'s own entries are reported, so built-in findings are not repeated under the pack's id.
    """
    def check(doc, ctx):
        grace = ctx.options.get("summary_grace_days", 366)
        found = judge.superseded(doc, knowledge, None, grace) + judge.renamed(doc, knowledge, grace)
        found += judge.welcomes(doc, knowledge, grace)
        found += judge.stale_new(doc, knowledge, ctx.options.get("years", 2))
        found.sort(key=lambda f: f.ref.start)
        yield from _report(ctx, found, "改为“{new}”")

    return Rule(
        id=rule_id,
        summary=summary or "过时提法（规则包）",
        check=check,
        docs=docs or RuleDocs(说明="规则包定义的过时提法：某一提法自某日起被另一提法取代。", 原因="见规则包各条目的出处。",
                              示例="见规则包。", 建议写法="见规则包各条目的 by。"),
        severity=severity,
        enabled=enabled,
        fixable=bool(knowledge.terms),
        source=source or "；".join(knowledge.origin),
        examples=examples,
        options={**GRACE, "years": Option(2, "修订后多少年内仍可称“新”")},
    )
