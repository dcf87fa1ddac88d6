"""The ``misspelling`` pack kind: an organisation's own confusion pairs, in text/misspelling's format."""

from __future__ import annotations

from planlint.errors import PlanlintError
from planlint.packs.schema import make_rule
from planlint.packs.textkinds import PackKind


class Misspelling(PackKind):
    name = "misspelling"
    summary = "错别字词表：错误写法 → 正确写法，带依据和上下文条件，格式同内置 text/misspelling 的词表"
    keys = {
        "confusions": "词条列表，每条：wrong（错误写法）、right（正确写法）、source（依据），"
                      "可选 preceded_by、not_preceded_by、followed_by、not_followed_by、boundary、fix、since、variant、note"
                      "（格式见 docs/rules/text.md）",
    }
    fields = ()
    entries_key = "confusions"

    def build(self, rule_id, entry, pack):
        from planlint.rules.text import load_confusions, misspelling_check

        if "message" in entry.data:
            raise entry.error("message", " 不能自定义：misspelling 的诊断信息按词条生成（写明错误写法、正确写法和依据）")
        raw = entry.data.get("confusions")
        if not isinstance(raw, list) or not raw:
            raise entry.error("confusions", " 应为词条列表，如 [{wrong: 布暑, right: 部署, source: 《现代汉语词典》}]")
        try:
            confusions = load_confusions(raw, "confusions")
        except PlanlintError as e:
            raise entry.error(None, f" 的 {e.message}") from None
        return make_rule(rule_id, entry, misspelling_check(confusions), fixable=True)
