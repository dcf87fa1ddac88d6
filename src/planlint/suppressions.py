"""Suppression comments: ``<!-- planlint-disable RULE -- reason -->`` and friends, and their use."""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from planlint.config import selector_matches
from planlint.diagnostics import Diagnostic, Fix
from planlint.document import Document

# A whole line that is a directive: in an HTML comment (Markdown) or bare (plain text).
_DIRECTIVE = regex.compile(
    r"[ \t　]*(?:<!--[ \t]*)?planlint-(?P<kind>disable-next|disable-file|disable|enable)\b"
    r"(?P<rules>[^\n>]*?)(?:[ \t]+--[ \t]*(?P<reason>.*?))?[ \t]*(?:-->)?[ \t]*$"
)


@dataclass
class Suppression:
    """One directive and the offsets it covers."""

    kind: str
    rules: list[str]  # empty: every rule
    start: int  # the directive's own line
    end: int
    line_end: int  # offset after the line terminator (for removal)
    cover_start: int = 0
    cover_end: int = 0
    used: bool = False
    reason: str = ""
    closed_by: list = field(default_factory=list)

    def covers(self, d: Diagnostic) -> bool:
        if not (self.cover_start <= d.offset < self.cover_end or (d.offset == d.end_offset == self.cover_end)):
            return False
        return not self.rules or any(selector_matches(r, d.rule) for r in self.rules)

    @property
    def text_rules(self) -> str:
        return "、".join(self.rules) if self.rules else "全部规则"


def parse(doc: Document) -> list[Suppression]:
    lines = doc.lines
    found: list[Suppression] = []
    text = doc.text
    n = len(lines)
    for i in range(n):
        s, e = lines.line_span(i)
        if "planlint-" not in text[s:e]:
            continue
        m = _DIRECTIVE.match(text, s, e)
        if not m:
            continue
        rules = [r for r in regex.split(r"[,\s，、]+", m.group("rules").strip()) if r]
        line_end = lines.starts[i + 1] if i + 1 < n else e
        sup = Suppression(m.group("kind"), rules, s, e, line_end, reason=(m.group("reason") or "").strip())
        if sup.kind == "disable-file":
            sup.cover_start, sup.cover_end = 0, len(text)
        elif sup.kind == "disable-next":
            j = i + 1
            while j < n and not lines.line_text(j).strip():
                j += 1
            if j < n:
                sup.cover_start, sup.cover_end = lines.line_span(j)
                sup.cover_end = max(sup.cover_end, sup.cover_start + 1)
            else:
                sup.cover_start = sup.cover_end = len(text)
        elif sup.kind == "disable":
            sup.cover_start, sup.cover_end = e, len(text)
        found.append(sup)
    # An enable closes the open disables it names (all of them when it names none).
    open_disables: list[Suppression] = []
    for sup in found:
        if sup.kind == "disable":
            open_disables.append(sup)
        elif sup.kind == "enable":
            for d in list(open_disables):
                if not sup.rules or set(sup.rules) & set(d.rules) or not d.rules:
                    d.cover_end = sup.start
                    open_disables.remove(d)
    return [s for s in found if s.kind != "enable"]


def apply(doc: Document, diagnostics: list[Diagnostic], active_ids: set[str], known_ids: set[str],
          unused_ctx) -> list[Diagnostic]:
    """Drop suppressed diagnostics; add ``core/unused-suppression`` for directives that did nothing.

    ``unused_ctx`` is the RuleContext of core/unused-suppression, or None when it is not enabled.
    A directive is only called unused when every rule it names ran (else we cannot know).
    """
    sups = parse(doc)
    if not sups:
        return diagnostics
    kept = []
    for d in diagnostics:
        hit = False
        if not d.rule.startswith("core/"):  # host diagnostics cannot be suppressed
            for s in sups:
                if s.covers(d):
                    s.used = True
                    hit = True
        if not hit:
            kept.append(d)
    if unused_ctx is None:
        return kept
    for s in sups:
        if s.used:
            continue
        unknown = [r for r in s.rules if not any(selector_matches(r, a) for a in known_ids)]
        if s.rules and not unknown and not all(_ran(r, active_ids) for r in s.rules):
            continue
        fix = Fix.replace(s.start, s.line_end, "", "删除这条没有作用的抑制注释", safe=False)
        if unknown:
            msg = f"抑制注释点名了未启用或不存在的规则：{'、'.join(unknown)}；请改正规则 id 或删除这条注释"
        else:
            msg = f"planlint-{s.kind}（{s.text_rules}）没有抑制任何诊断；请删除这条注释"
        kept.append(unused_ctx.report(s.start, s.end, msg, fix))
    return kept


def _ran(selector: str, active_ids: set[str]) -> bool:
    return any(selector_matches(selector, a) for a in active_ids)
