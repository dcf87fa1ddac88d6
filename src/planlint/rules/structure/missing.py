"""structure/missing-section: a 计划 / 总结 / 方案 without a section its kind requires."""

from __future__ import annotations

import json

from planlint.diagnostics import Severity
from planlint.rule import Examples, Option, Rule, RuleDocs
from planlint.rules.structure.requirements import (
    builtin_requirements,
    load_requirements,
    sections_check,
)

_OPTION_CACHE: dict[str, object] = {}


def _requirements(ctx):
    """The built-in sets, with the rule's ``sections`` option (same format) laid over them."""
    option = ctx.options.get("sections") or {}
    if not option:
        return builtin_requirements()
    key = json.dumps(option, ensure_ascii=False, sort_keys=True, default=str)
    if key not in _OPTION_CACHE:
        where = f"{ctx.config.label if ctx.config else '配置'} rules.structure/missing-section.sections"
        _OPTION_CACHE[key] = load_requirements(option, where, base=builtin_requirements())
    return _OPTION_CACHE[key]


def check_missing(doc, ctx):
    yield from sections_check(_requirements(ctx))(doc, ctx)


MISSING_SECTION = Rule(
    id="structure/missing-section",
    summary="文种要求的部分（如计划的“保障措施”）在各级标题中都找不到",
    check=check_missing,
    severity=Severity.WARNING,
    source="planlint 内置必需部分表 rules/structure/sections.yaml（办公写作惯例）",
    options={
        "sections": Option({}, "按文种覆盖或扩充必需部分，格式同 sections.yaml，如 "
                               "{计划: {extend: true, remove: [时间安排]}}；未列出的文种沿用内置要求"),
    },
    docs=RuleDocs(
        说明="按文档的文种检查必需的部分：计划要有指导思想、工作目标、主要任务、保障措施、时间安排；总结要有主要成绩、"
             "存在问题、下一步打算；方案要有工作目标、实施步骤、保障措施。每项要求是一组同义词，只在标题"
             "（Markdown 标题、“一、”“（一）”等序号标题及编号段落开头的小标题）中查找，不看正文。"
             "只有标题（或文件名、配置）明确以“计划”“总结”“方案”等结尾时才检查；报告、要点、讲话稿和无法判断文种的文档不检查。"
             "合集文件中每个“……篇N”各自检查。通篇没有任何标题的文档只报告一条，列出缺少的全部部分。"
             "要求表可通过 sections 选项或规则包（kind: sections）替换、扩充。",
        原因="缺少保障措施的计划落不了地，缺少问题分析的总结看不出改进方向；审核时通常按这些部分逐项检查。",
        示例="2024年工作计划：一、指导思想 二、主要任务（没有目标、保障措施、时间安排）",
        建议写法="补上缺少的部分并用标题标明，如“三、保障措施”“四、时间安排”；标题用语可用提示中列出的任一同义词。",
    ),
    examples=Examples(
        bad=("# 街道工会2024年工作计划\n\n## 一、指导思想\n\n以习近平新时代中国特色社会主义思想为指导。\n\n"
             "## 二、主要任务\n\n开展职工技能竞赛。\n",),
        good=("# 街道工会2024年工作计划\n\n## 一、指导思想\n\n坚持服务职工。\n\n## 二、工作目标\n\n发展会员600人。\n\n"
              "## 三、重点工作\n\n开展职工技能竞赛。\n\n## 四、保障措施\n\n加强组织领导。\n\n## 五、时间安排\n\n"
              "一季度启动，四季度总结。\n",
              "# 2024年政府工作报告\n\n## 一、2023年工作回顾\n\n经济回升向好。\n"),
    ),
)
