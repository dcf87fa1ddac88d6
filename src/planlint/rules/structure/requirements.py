"""Required sections per document kind: the data format, its loader, and the check built from it.

This is the public API that rule packs use (pack kind ``sections``)::

    from planlint.rules.structure.requirements import load_requirements, sections_check

    reqs = load_requirements(entry["kinds"], source="acme.yaml", base=builtin_requirements())
    check = sections_check(reqs, rule_label="acme 规定")   # (doc, ctx) -> Iterable[Diagnostic]

The format (documented with the built-in sets in docs/rules/structure.md)::

    计划:                       # a document kind, as planlint names it (计划/总结/方案/要点/报告 …)
      source: 本单位公文规范 2024   # where the requirement comes from (optional, shown in docs)
      ordered: false            # true: the sections must appear in this order
      extend: false             # true: start from the base (built-in) set for this kind
      remove: [时间安排]          # with extend: drop these requirements (by name)
      titles: [工作计划, 计划]    # only documents whose title ends with one of these (default: all)
      sections:                 # the requirements; each is met by any synonym in a heading
        - name: 指导思想
          synonyms: [指导思想, 总体要求]
        - [工作目标, 目标任务]      # shorthand: a list of synonyms, the first is the name
        - 保障措施                 # shorthand: a single synonym
    要点: []                     # shorthand: a kind with no required sections (no check)
    方案: [工作目标, 实施步骤]      # shorthand: the sections list itself

A top-level ``kinds:`` wrapper is accepted. Kinds a mapping does not name keep their base set.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from typing import Any, Callable, Iterable, Mapping

from planlint import yamlsafe
from planlint.errors import ConfigError
from planlint.rules.structure.parts import part_headings, parts, trim_end

KIND_KEYS = {
    "sections": "必需的部分列表",
    "ordered": "是否要求按列出的顺序出现（true/false）",
    "extend": "是否在基础（内置）要求上增删（true/false）",
    "remove": "extend 时去掉的部分名称列表",
    "source": "要求的出处",
    "titles": "只检查标题以这些词结尾的文档（如 [工作计划, 计划]；默认该文种的所有标题词）",
}
SECTION_KEYS = {"name": "部分名称", "synonyms": "可接受的标题用语列表", "source": "出处"}


@dataclass(frozen=True)
class Requirement:
    """One required section: its name and the heading words that satisfy it."""

    name: str
    synonyms: tuple[str, ...]
    source: str = ""

    def matched_by(self, heading: str) -> str | None:
        """The synonym found in ``heading`` (spaces ignored), else None."""
        h = _squash(heading)
        for s in self.synonyms:
            if _squash(s) in h:
                return s
        return None

    def describe(self) -> str:
        return "、".join(self.synonyms)


@dataclass(frozen=True)
class KindRequirements:
    """The required sections of one document kind."""

    kind: str
    sections: tuple[Requirement, ...]
    ordered: bool = False
    source: str = ""
    titles: tuple[str, ...] = ()  # only documents whose title ends with one of these (empty: all)

    def applies_to(self, kind_word: str | None) -> bool:
        """Whether a document named by ``kind_word`` (None: kind set by config) is checked."""
        return not self.titles or kind_word is None or kind_word in self.titles


Requirements = Mapping[str, KindRequirements]


def _squash(s: str) -> str:
    return "".join(s.split())


def _err(source: str, message: str) -> ConfigError:
    return ConfigError(f"必需部分（sections）定义有误：{message}", source)


def _strings(value: Any, where: str, source: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
        raise _err(source, f"{where} 应为非空字符串或非空字符串列表")
    return tuple(v.strip() for v in value)


def _section(item: Any, where: str, source: str, default_source: str) -> Requirement:
    if isinstance(item, str) or isinstance(item, list):
        syn = _strings(item, where, source)
        return Requirement(syn[0], syn, default_source)
    if not isinstance(item, Mapping):
        raise _err(source, f"{where} 应为字符串、字符串列表或 {{name, synonyms}} 映射")
    for key in item:
        if key not in SECTION_KEYS:
            raise _err(source, f"{where} 有未知键 “{key}”（可用：{'、'.join(SECTION_KEYS)}）")
    if "synonyms" not in item and "name" not in item:
        raise _err(source, f"{where} 需要 name 或 synonyms")
    syn = _strings(item.get("synonyms", item.get("name")), f"{where}.synonyms", source)
    name = item.get("name", syn[0])
    if not isinstance(name, str) or not name.strip():
        raise _err(source, f"{where}.name 应为非空字符串")
    name = name.strip()
    if name not in syn and "synonyms" not in item:
        syn = (name,)
    src = item.get("source", default_source)
    return Requirement(name, syn, str(src or ""))


def load_requirements(mapping: Any, source: str, base: Requirements | None = None) -> dict[str, KindRequirements]:
    """Parse a ``{kind: spec}`` mapping (format in the module docstring) into requirements.

    ``source`` names where the mapping came from (a pack file) for error messages. The result
    holds every kind of ``base`` plus those the mapping names: a kind's spec replaces the base set,
    or with ``extend: true`` adds to it (and ``remove`` drops sections from it). Errors raise
    :class:`planlint.errors.ConfigError` naming ``source``.
    """
    if isinstance(mapping, Mapping) and set(mapping) == {"kinds"} and isinstance(mapping["kinds"], Mapping):
        mapping = mapping["kinds"]
    if not isinstance(mapping, Mapping):
        raise _err(source, "应为 {文种: 要求} 映射")
    out: dict[str, KindRequirements] = dict(base or {})
    for kind, spec in mapping.items():
        if not isinstance(kind, str) or not kind.strip():
            raise _err(source, f"文种名 {kind!r} 应为非空字符串")
        kind = kind.strip()
        if spec is None:
            spec = []
        if isinstance(spec, list):
            spec = {"sections": spec}
        if not isinstance(spec, Mapping):
            raise _err(source, f"文种 “{kind}” 的要求应为映射或部分列表")
        for key in spec:
            if key not in KIND_KEYS:
                raise _err(source, f"文种 “{kind}” 有未知键 “{key}”（可用：{'、'.join(KIND_KEYS)}）")
        for flag in ("ordered", "extend"):
            if flag in spec and not isinstance(spec[flag], bool):
                raise _err(source, f"文种 “{kind}” 的 {flag} 应为 true 或 false")
        kind_source = str(spec.get("source") or source)
        raw = spec.get("sections", [])
        if raw is None:
            raw = []
        if not isinstance(raw, list):
            raise _err(source, f"文种 “{kind}” 的 sections 应为列表")
        new = [_section(item, f"{kind}.sections[{i}]", source, kind_source) for i, item in enumerate(raw)]
        previous = out.get(kind)
        titles = _strings(spec["titles"], f"{kind}.titles", source) if spec.get("titles") is not None else None
        if spec.get("extend"):
            kept = list(previous.sections) if previous else []
            removed = set(_strings(spec["remove"], f"{kind}.remove", source)) if spec.get("remove") else set()
            unknown = removed - {r.name for r in kept}
            if unknown:
                raise _err(source, f"文种 “{kind}” 的 remove 中 “{'、'.join(sorted(unknown))}” 不是已有部分")
            kept = [r for r in kept if r.name not in removed]
            names = {r.name for r in new}
            sections = [r for r in kept if r.name not in names] + new
            ordered = spec.get("ordered", previous.ordered if previous else False)
        else:
            if spec.get("remove"):
                raise _err(source, f"文种 “{kind}” 的 remove 只能与 extend: true 一起使用")
            sections, ordered = new, spec.get("ordered", False)
        if titles is None:
            titles = previous.titles if (previous and spec.get("extend")) else ()
        out[kind] = KindRequirements(kind, tuple(sections), bool(ordered), kind_source, tuple(titles))
    return out


@functools.lru_cache(maxsize=1)
def builtin_requirements() -> dict[str, KindRequirements]:
    """The built-in sets (sections.yaml in this package)."""
    text = resources.files("planlint.rules.structure").joinpath("sections.yaml").read_text("utf-8")
    return load_requirements(yamlsafe.safe_load(text), "planlint/rules/structure/sections.yaml")


@dataclass(frozen=True)
class Missing:
    """A requirement not met in one document (part), or met out of order."""

    requirement: Requirement
    anchor_start: int
    anchor_end: int
    kind: str
    kind_reason: str
    out_of_order_after: str | None = None  # the requirement it should come before
    no_headings: bool = False  # the document (part) has no headings at all


def find_missing(doc, requirements: Requirements) -> Iterable[Missing]:
    """Every unmet requirement in every part of ``doc`` whose kind is trusted and has requirements."""
    for part in parts(doc):
        if part.kind is None:
            continue
        kreq = requirements.get(part.kind)
        if kreq is None or not kreq.sections or not kreq.applies_to(part.kind_word):
            continue
        headings = part_headings(doc, part)
        anchor = part.anchor
        if anchor is not None:
            a_start, a_end = anchor.content_start, anchor.end
        else:
            first = part.blocks[0] if part.blocks else None
            a_start, a_end = (first.content_start, first.end) if first else (part.start, part.start)
        a_end = trim_end(doc.text, a_start, a_end)
        found: list[tuple[int, Requirement]] = []
        for req in kreq.sections:
            hit = next((b.start for b, t in headings if req.matched_by(t)), None)
            if hit is None:
                yield Missing(req, a_start, a_end, part.kind, part.kind_reason, no_headings=not headings)
            else:
                found.append((hit, req))
        if kreq.ordered:
            for (p1, r1), (p2, r2) in zip(found, found[1:]):
                if p2 < p1:
                    b = next(b for b, t in headings if b.start == p2)
                    yield Missing(r2, b.content_start, trim_end(doc.text, b.content_start, b.end),
                                  part.kind, part.kind_reason, out_of_order_after=r1.name)


def missing_message(m: Missing, rule_label: str = "") -> str:
    label = f"（{rule_label}）" if rule_label else ""
    if m.out_of_order_after:
        return (f"“{m.requirement.name}”部分应排在“{m.out_of_order_after}”之前{label}："
                f"{m.kind}要求按规定顺序排列各部分")
    return (f"{m.kind}缺少“{m.requirement.name}”部分{label}：未在任何标题中找到"
            f"“{m.requirement.describe()}”；文种依据{m.kind_reason}")


def group_missing(missing: Iterable[Missing]) -> list[list[Missing]]:
    """Unmet requirements as they are reported: one by one, except that a document (part) with no
    headings at all gets one report listing everything it lacks, not one line per section."""
    groups: list[list[Missing]] = []
    for m in missing:
        last = groups[-1][0] if groups else None
        if m.no_headings and last is not None and last.no_headings and last.anchor_start == m.anchor_start:
            groups[-1].append(m)
        else:
            groups.append([m])
    return groups


def group_message(group: list[Missing], rule_label: str = "") -> str:
    if len(group) == 1:
        return missing_message(group[0], rule_label)
    m = group[0]
    label = f"（{rule_label}）" if rule_label else ""
    names = "、".join(f"“{g.requirement.name}”" for g in group)
    return (f"{m.kind}没有任何标题，缺少 {len(group)} 个必需部分：{names}{label}；请分部分书写并加上标题，"
            f"如“一、{group[0].requirement.name}”；文种依据{m.kind_reason}")


def sections_check(requirements: Requirements, rule_label: str = "") -> Callable:
    """A rule check ``(doc, ctx) -> diagnostics`` that reports each unmet requirement once per document."""

    def check(doc, ctx):
        for group in group_missing(find_missing(doc, requirements)):
            m = group[0]
            yield ctx.report(m.anchor_start, m.anchor_end, group_message(group, rule_label))

    return check
