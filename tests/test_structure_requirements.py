"""Required sections: the data format and its loader (shared with rule packs), kinds, options."""

from __future__ import annotations

from pathlib import Path

import pytest

from planlint.api import check_text
from planlint.config import from_mapping
from planlint.errors import ConfigError
from planlint.rule import Rule, RuleDocs
from planlint.rules.structure.requirements import (
    builtin_requirements, find_missing, load_requirements, sections_check,
)

RULE = "structure/missing-section"

FULL_PLAN = """# 街道工会2024年工作计划

## 一、指导思想

坚持服务职工。

## 二、工作目标

发展会员600人。

## 三、重点工作

开展职工技能竞赛。

## 四、保障措施

加强组织领导。

## 五、进度安排

一季度启动，四季度总结。
"""


def _missing(text, path="x.md", config=None):
    _, diags = check_text(text, path, select=[RULE], config=config)
    return [d for d in diags if d.rule == RULE]


def _names(diags):
    return sorted(d.message.split("缺少“", 1)[1].split("”", 1)[0] for d in diags)


def test_builtin_sets():
    req = builtin_requirements()
    assert set(req) == {"计划", "总结", "方案"}
    assert [r.name for r in req["计划"].sections] == ["指导思想", "工作目标", "主要任务", "保障措施", "时间安排"]
    assert "组织保障" in req["计划"].sections[3].synonyms
    assert [r.name for r in req["总结"].sections] == ["主要成绩", "存在问题", "下一步打算"]
    assert [r.name for r in req["方案"].sections] == ["工作目标", "实施步骤", "保障措施"]
    assert all(k.source for k in req.values())


def test_a_plan_without_any_heading_gets_one_report_listing_every_missing_part():
    (d,) = _missing("今年要认真做好各项工作，服务好广大职工。\n", "2024年工作计划.txt")
    assert d.message.startswith("计划没有任何标题，缺少 5 个必需部分：“指导思想”、“工作目标”、“主要任务”、“保障措施”、“时间安排”")
    assert d.offset == 0
    # with one heading, each missing part is its own report naming the headings it would accept
    diags = _missing("一、指导思想\n\n坚持服务职工。\n", "2024年工作计划.txt")
    assert len(diags) == 4 and all("未在任何标题中找到" in d.message for d in diags)


def test_complete_plan_is_quiet_and_each_gap_is_named():
    assert _missing(FULL_PLAN) == []
    text = FULL_PLAN.replace("## 四、保障措施\n\n加强组织领导。\n\n", "")
    diags = _missing(text)
    assert _names(diags) == ["保障措施"]
    assert "保障措施、工作措施、组织保障" in diags[0].message
    assert "标题“街道工会2024年工作计划”" in diags[0].message


def test_body_text_does_not_satisfy_a_requirement():
    text = FULL_PLAN.replace("## 四、保障措施\n\n加强组织领导。", "## 四、其他\n\n保障措施：加强组织领导。")
    assert _names(_missing(text)) == ["保障措施"]


def test_run_in_heading_of_a_numbered_paragraph_counts():
    text = FULL_PLAN.replace("## 四、保障措施\n\n加强组织领导。", "（四）保障措施。各单位要加强组织领导，落实责任。")
    assert _missing(text) == []


def test_unknown_and_untrusted_kinds_get_no_check():
    assert _missing("# 2024年政府工作报告\n\n## 一、工作回顾\n\n经济回升向好。\n") == []
    assert _missing("# 《新闻联播》 (20240305)\n\n1.习近平参加江苏代表团审议；\n") == []
    # A title that mentions a plan but names a different kind (建议) is not a 计划.
    assert _missing("中共中央关于制定第十个五年计划的建议\n\n一、总体要求\n\n坚持发展。\n", "x.txt") == []
    # A heading after the salutation is no title.
    assert _missing("各位代表！\n\n现在我代表国务院作报告。\n\n过去五年工作的基本总结\n\n经济增长。\n", "x.txt") == []


def test_kind_from_file_name_when_there_is_no_title():
    assert _names(_missing("一、指导思想\n\n坚持服务职工。\n", "2024年工作计划.txt")) == [
        "主要任务", "保障措施", "工作目标", "时间安排",
    ]


def test_loader_forms_and_merge():
    req = load_requirements({
        "kinds": {
            "要点": [["工作目标", "目标任务"], "主要任务"],
            "计划": {"extend": True, "remove": ["时间安排"], "sections": [{"name": "安全生产", "synonyms": ["安全"]}]},
            "方案": None,
        }
    }, "acme.yaml", base=builtin_requirements())
    assert [r.name for r in req["要点"].sections] == ["工作目标", "主要任务"]
    assert req["要点"].sections[0].synonyms == ("工作目标", "目标任务")
    assert [r.name for r in req["计划"].sections] == ["指导思想", "工作目标", "主要任务", "保障措施", "安全生产"]
    assert req["方案"].sections == ()  # explicitly no required sections
    assert [r.name for r in req["总结"].sections] == ["主要成绩", "存在问题", "下一步打算"]  # kept from base
    assert req["要点"].source == "acme.yaml"


@pytest.mark.parametrize("mapping,fragment", [
    ("计划", "映射"),
    ({"计划": {"section": []}}, "未知键 “section”"),
    ({"计划": {"sections": [{"name": "x", "synonym": ["y"]}]}}, "未知键 “synonym”"),
    ({"计划": {"sections": [3]}}, "计划.sections[0]"),
    ({"计划": {"sections": [[]]}}, "非空"),
    ({"计划": {"ordered": "yes"}}, "ordered 应为 true 或 false"),
    ({"计划": {"remove": ["时间安排"]}}, "只能与 extend"),
    ({"计划": {"extend": True, "remove": ["时间"]}}, "不是已有部分"),
])
def test_loader_errors_name_the_source(mapping, fragment):
    with pytest.raises(ConfigError) as e:
        load_requirements(mapping, "acme.yaml", base=builtin_requirements())
    assert fragment in e.value.message
    assert e.value.path == "acme.yaml"


def _config(sections):
    return from_mapping({"rules": {RULE: {"sections": sections}}}, None, Path.cwd())


def test_option_lets_a_short_yaodian_go_without_safeguards():
    text = "# 2024年工作要点\n\n## 一、工作目标\n\n发展会员。\n\n## 二、重点工作\n\n开展竞赛。\n"
    assert _missing(text) == []  # 要点 has no built-in requirements
    cfg = _config({"要点": ["工作目标", ["主要任务", "重点工作"]]})
    assert _missing(text, config=cfg) == []
    cfg = _config({"要点": ["工作目标", ["主要任务", "重点工作"], "保障措施"]})
    assert _names(_missing(text, config=cfg)) == ["保障措施"]


def test_option_extends_the_builtin_plan():
    text = FULL_PLAN.replace("## 五、进度安排\n\n一季度启动，四季度总结。\n", "")
    assert _names(_missing(text)) == ["时间安排"]
    assert _missing(text, config=_config({"计划": {"extend": True, "remove": ["时间安排"]}})) == []


def test_bad_option_is_a_config_error():
    with pytest.raises(ConfigError):
        _missing(FULL_PLAN, config=_config({"计划": {"sectoins": []}}))


def test_ordered_requirements():
    req = load_requirements({"计划": {"ordered": True, "sections": ["指导思想", "工作目标"]}}, "acme.yaml")
    text = "# 2024年工作计划\n\n## 一、工作目标\n\n发展会员。\n\n## 二、指导思想\n\n服务职工。\n"
    _, _ = check_text(text, "x.md", select=[RULE])
    from planlint.document import Document

    doc = Document(text, "x.md", markdown=True)
    found = list(find_missing(doc, req))
    assert len(found) == 1 and found[0].out_of_order_after == "指导思想"
    assert found[0].requirement.name == "工作目标"


def test_sections_check_builds_a_rule_check():
    req = load_requirements({"计划": ["安全生产"]}, "acme.yaml")
    rule = Rule("acme/sections", "必需部分", sections_check(req, "acme 规则包"), RuleDocs("说明", "原因", "示例", "写法"))
    from planlint.document import Document
    from planlint.diagnostics import Severity
    from planlint.rule import RuleContext

    doc = Document(FULL_PLAN, "x.md", markdown=True)
    diags = list(rule.check(doc, RuleContext(rule, {}, Severity.WARNING)))
    assert len(diags) == 1
    assert "缺少“安全生产”部分（acme 规则包）" in diags[0].message


def test_titles_limit_which_documents_a_kind_checks():
    req = builtin_requirements()
    assert req["方案"].titles == ("实施方案", "工作方案", "方案")
    activity = "# 2024年“三八”节活动方案\n\n## 一、活动主题\n\n巾帼建功。\n\n## 二、活动时间\n\n3月8日。\n"
    assert _missing(activity) == []
    notice = "# 2024年春节值班工作安排\n\n## 一、值班时间\n\n2月9日至17日。\n"
    assert _missing(notice) == []
    scheme = "# 2024年老旧小区改造实施方案\n\n## 一、工作目标\n\n完成改造12个。\n"
    assert _names(_missing(scheme)) == ["保障措施", "实施步骤"]
    req2 = load_requirements({"方案": {"extend": True, "titles": ["活动方案"], "sections": ["活动时间"]}},
                             "acme.yaml", base=req)
    assert req2["方案"].titles == ("活动方案",)
    assert load_requirements({"方案": {"extend": True}}, "acme.yaml", base=req)["方案"].titles == req["方案"].titles
    assert load_requirements({"方案": ["工作目标"]}, "acme.yaml", base=req)["方案"].titles == ()


def test_kind_set_by_config_is_always_checked():
    cfg = from_mapping({"kind": {"*.md": "方案"}}, None, Path.cwd())
    assert _names(_missing("# 三八节活动方案\n\n## 一、工作目标\n\n巾帼建功。\n", config=cfg)) == ["保障措施", "实施步骤"]


def test_title_naming_two_kinds_is_not_checked():
    text = "# 2024年上半年工作总结及下半年工作计划\n\n## 一、上半年工作\n\n完成了任务。\n"
    assert _missing(text) == []
    assert _names(_missing("# 2024年工作计划（草案）\n\n## 一、指导思想\n\n服务职工。\n")) == [
        "主要任务", "保障措施", "工作目标", "时间安排",
    ]


def test_readme_table_of_required_sections_matches_the_data():
    """The README documents the built-in sets for organisations to adapt; it must not drift from sections.yaml."""
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    rows = [line.strip("|").split("|") for line in readme.splitlines()
            if line.startswith("| ") and line.count("|") == 4 and "、" in line]
    documented = [(k.strip(), name.strip(), tuple(s.strip() for s in syn.split("、"))) for k, name, syn in rows]
    expected = [(kind, r.name, r.synonyms) for kind, reqs in builtin_requirements().items() for r in reqs.sections]
    assert documented == expected
