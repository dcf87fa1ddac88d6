"""The ``sections`` pack kind: required sections per document kind, in the structure/ rules' own format."""

from __future__ import annotations

from planlint.dockind import builtin_kind_words
from planlint.errors import ConfigError
from planlint.packs.schema import fill, make_rule, misspelt_kind
from planlint.packs.textkinds import PackKind


class Sections(PackKind):
    name = "sections"
    summary = "某类文档（计划、总结、方案 …）必须有某些部分（标题）"
    keys = {
        "kinds": "{文种: 要求} 映射，格式同内置 structure/ 规则（docs/rules/structure.md）：sections、ordered、extend、remove、source",
    }
    fields = ("section", "kind", "synonyms", "reason")
    entries_key = "kinds"

    def build(self, rule_id, entry, pack):
        from planlint.rules.structure.requirements import (
            builtin_requirements,
            find_missing,
            group_message,
            group_missing,
            load_requirements,
        )

        raw = entry.data.get("kinds")
        if not isinstance(raw, dict) or not raw:
            raise entry.error("kinds", " 应为 {文种: [必需部分…]} 映射，如 {计划: [指导思想, 保障措施]}")
        try:
            loaded = load_requirements(raw, entry.file, base=builtin_requirements())
        except ConfigError as e:
            raise ConfigError(f"规则 “{rule_id}” 的 “kinds”：{e.message}", e.path or entry.file) from None
        named = {str(k).strip() for k in (raw["kinds"] if set(raw) == {"kinds"} else raw)}
        known = list(builtin_kind_words())
        for k in sorted(named):
            typo = misspelt_kind(k, known)
            if typo:
                raise entry.error("kinds", f" 中的 “{k}” 不是已知文种（您是不是要写 “{typo}”？）；可用：{' / '.join(known)}")
        requirements = {k: v for k, v in loaded.items() if k in named}
        custom = "message" in entry.data
        message = entry.template("message", "{kind}缺少“{section}”部分", self.fields)
        label = f"{pack.name} 规则包"

        def check(doc, ctx):
            missing = list(find_missing(doc, requirements))
            if custom:  # the pack's own message names one section: one report per section
                for m in missing:
                    text = (group_message([m], label) if m.out_of_order_after else
                            fill(message, section=m.requirement.name, kind=m.kind,
                                 synonyms=m.requirement.describe(), reason=m.kind_reason))
                    yield ctx.report(m.anchor_start, m.anchor_end, text)
                return
            for group in group_missing(missing):
                yield ctx.report(group[0].anchor_start, group[0].anchor_end, group_message(group, label))

        return make_rule(rule_id, entry, check)
