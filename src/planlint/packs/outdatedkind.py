"""The ``outdated-term`` pack kind: terms superseded on a date, in the policy/ rules' knowledge format."""

from __future__ import annotations

import dataclasses

from planlint.errors import ConfigError
from planlint.packs.schema import make_rule
from planlint.packs.textkinds import PackKind

# The knowledge keys a rule may carry directly (format: docs/rules/policy.md).
KNOWLEDGE_KEYS = ("terms", "series", "new", "sources")


class OutdatedTerm(PackKind):
    name = "outdated-term"
    summary = "某个提法（机构名、称谓）自某日起被另一个取代，之后的文档还用旧提法就报告"
    keys = {
        "terms": "被取代的提法列表，每条：term（旧提法）、by（新提法）、since（生效日期）、source（出处），可选 forms、replacement、usage、note",
        "series": "有届次的事件（本单位代表大会等），格式同内置 policy/ 知识库",
        "new": "“新《…》”有时效的提法，格式同内置 policy/ 知识库",
        "sources": "出处表：{简称: {title: …, url: …}}，条目的 source 可引用简称",
    }
    fields = ()
    entries_key = "terms"

    def build(self, rule_id, entry, pack):
        from planlint.rules.policy import load_knowledge, outdated_term_rule

        if "message" in entry.data:
            raise entry.error("message", " 不能自定义：outdated-term 的诊断信息按文档日期生成（写明旧提法、新提法和生效日期）")
        mapping = {k: entry.data[k] for k in KNOWLEDGE_KEYS if k in entry.data}
        if not any(mapping.get(k) for k in ("terms", "series", "new")):
            raise entry.error(None, " 至少要写 terms（或 series / new）")
        try:
            knowledge = load_knowledge(mapping, entry.file)
        except ConfigError as e:
            raise ConfigError(f"规则 “{rule_id}”：{e.message}", e.path or entry.file) from None
        base = outdated_term_rule(rule_id, knowledge)
        rule = make_rule(rule_id, entry, base.check, fixable=base.fixable)
        return dataclasses.replace(rule, options=base.options)
