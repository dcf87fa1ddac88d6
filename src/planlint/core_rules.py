"""The ``core/`` rules: diagnostics the host itself produces (plugin errors, unused suppressions)."""

from __future__ import annotations

from planlint.diagnostics import Severity
from planlint.hookspecs import hookimpl
from planlint.rule import Examples, Rule, RuleDocs

PLUGIN_ERROR = "core/plugin-error"
UNUSED_SUPPRESSION = "core/unused-suppression"


def _nothing(doc, ctx):
    return ()


RULES = [
    Rule(
        id=PLUGIN_ERROR,
        summary="插件或规则在检查文档时出错",
        check=_nothing,
        severity=Severity.ERROR,
        docs=RuleDocs(
            说明="某条规则在检查本文档时抛出异常、超时或返回了文本范围之外的位置。其余规则和文件照常检查，退出码为 2。",
            原因="出错的规则没有完成检查，本文档可能漏报该规则的问题；需要插件作者修复。",
            示例="core/plugin-error 插件 acme 的规则 acme/banned-words 检查时出错：ZeroDivisionError",
            建议写法="升级或暂时停用出错的插件（ignore = [\"acme/banned-words\"]），并把诊断信息报告给插件作者。",
        ),
        source="planlint",
    ),
    Rule(
        id=UNUSED_SUPPRESSION,
        summary="planlint-disable 注释没有抑制任何诊断",
        check=_nothing,
        severity=Severity.WARNING,
        fixable=True,
        docs=RuleDocs(
            说明="文档中的 planlint-disable / planlint-disable-next / planlint-disable-file 注释没有抑制任何诊断，或点名了不存在的规则。",
            原因="过时的抑制注释会在以后悄悄掩盖真正的问题。",
            示例="<!-- planlint-disable-next placeholder/unfilled -- 待定 -->\n本段没有任何占位符。",
            建议写法="删除这条注释；若规则名写错，改为 planlint rules 列出的规则 id。",
        ),
        source="planlint",
        examples=Examples(),
    ),
]


@hookimpl
def planlint_rules(config, kinds):
    return RULES
