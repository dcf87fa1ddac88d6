"""A pack rule entry with typed, strict accessors that raise ConfigError naming file, rule and key."""

from __future__ import annotations

import difflib
import string
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator, Mapping

from planlint.config import did_you_mean
from planlint.diagnostics import Severity
from planlint.docdate import parse_iso
from planlint.errors import ConfigError
from planlint.rule import Examples, Rule, RuleDocs

# Keys every rule entry may carry, whatever its kind (the kind adds its own parameters).
COMMON_KEYS = {
    "kind": "规则类型：existence / substitution / occurrence / repetition / consistency / sections / outdated-term …",
    "summary": "一句话说明规则查什么（必填）",
    "message": "诊断信息模板，可用 {字段} 引用匹配到的内容",
    "severity": "级别：error / warning / info（默认 warning）",
    "enabled": "是否默认启用（默认 true）",
    "applies-to": "只检查这些文种的文档，如 [计划, 方案]（默认全部；也可写在规则包顶层）",
    "source": "依据：文件名、文号或制度条款",
    "docs": "文档：说明 / 原因 / 示例 / 建议写法",
    "examples": "例句：bad（应报）/ good（不应报）/ date（按此日期判断）",
}
# Only in an extending pack, on a rule it inherits: entries to add to or remove from the rule's list.
PATCH_KEYS = {
    "add": "向继承来的规则的条目列表追加条目",
    "remove": "从继承来的规则的条目列表删除条目",
}
DOC_SECTIONS = ("说明", "原因", "示例", "建议写法")
EXAMPLE_KEYS = ("bad", "good", "date")
_MISSING = object()


def shown(v) -> str:
    """A value as a message quotes it: “文字”, 空值, or as written."""
    if v is None:
        return "空值"
    if isinstance(v, str):
        return f"“{v}”"
    return str(v)


@dataclass
class PackInfo:
    """What a kind's ``build`` is told about the pack a rule comes from."""

    name: str  # namespace, e.g. "acme"
    path: str  # the pack file or folder, for messages
    regex_timeout: float = 2.0  # seconds a rule's regexes may run per document
    description: str = ""


@dataclass
class Entry(Mapping):
    """A rule entry as written in a pack, plus where it came from; read it with the typed helpers.

    It behaves as a read-only mapping of the YAML keys, so a plugin kind may also use it as a dict.
    """

    rule_id: str
    data: dict
    file: str
    kind_fields: tuple[str, ...] = ()
    used: set = field(default_factory=set)

    # --- Mapping ------------------------------------------------------------------------------
    def __getitem__(self, key: str) -> Any:
        return self.data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.data)

    def __len__(self) -> int:
        return len(self.data)

    # --- errors -------------------------------------------------------------------------------
    def error(self, key: str | None, problem: str) -> ConfigError:
        """A ConfigError naming this rule and ``key`` (raise it)."""
        where = f"规则 “{self.rule_id}”" + (f" 的 “{key}”" if key else "")
        return ConfigError(f"{where}{problem}", self.file)

    # --- typed access -------------------------------------------------------------------------
    def _get(self, key: str, default: Any) -> Any:
        if key in self.data and self.data[key] is not None:
            return self.data[key]
        if default is _MISSING:
            raise self.error(None, f" 缺少 “{key}”")
        return default

    def text(self, key: str, default: Any = _MISSING) -> Any:
        v = self._get(key, default)
        if v is default:
            return v
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            v = str(v)
        if not isinstance(v, str) or not v.strip():
            raise self.error(key, f" 应为非空文字，而不是 {shown(v)}")
        return v

    def flag(self, key: str, default: Any = _MISSING) -> Any:
        v = self._get(key, default)
        if not isinstance(v, bool):
            raise self.error(key, f" 应为 true 或 false，而不是 {shown(v)}")
        return v

    def integer(self, key: str, default: Any = _MISSING, minimum: int = 0) -> Any:
        v = self._get(key, default)
        if v is default and v is None:
            return v
        if isinstance(v, bool) or not isinstance(v, int) or v < minimum:
            raise self.error(key, f" 应为不小于 {minimum} 的整数，而不是 {shown(v)}")
        return v

    def number(self, key: str, default: Any = _MISSING) -> Any:
        v = self._get(key, default)
        if isinstance(v, bool) or not isinstance(v, (int, float)) or v <= 0:
            raise self.error(key, f" 应为正数，而不是 {shown(v)}")
        return float(v)

    def choice(self, key: str, choices: Iterable[str], default: Any = _MISSING) -> Any:
        choices = list(choices)
        v = self._get(key, default)
        if v not in choices:
            raise self.error(key, f" 应为 {' / '.join(choices)} 之一，而不是 “{v}”{did_you_mean(str(v), choices)}")
        return v

    def text_list(self, key: str, default: Any = _MISSING, min_items: int = 1) -> Any:
        v = self._get(key, default)
        if v is default and v is not _MISSING and not isinstance(v, list):
            return v
        if isinstance(v, str):
            v = [v]
        if not isinstance(v, list) or not all(isinstance(x, (str, int)) and not isinstance(x, bool) for x in v):
            raise self.error(key, f" 应为文字列表，而不是 {shown(v)}")
        v = [str(x) for x in v]
        if any(not x.strip() for x in v):
            raise self.error(key, " 中有空条目")
        if len(v) < min_items:
            raise self.error(key, f" 至少要有 {min_items} 个条目")
        return v

    def text_map(self, key: str, default: Any = _MISSING) -> Any:
        v = self._get(key, default)
        if v is default and v is not _MISSING and not isinstance(v, dict):
            return v
        if not isinstance(v, dict) or not v:
            raise self.error(key, f" 应为“原词: 替换词”的映射，而不是 {shown(v)}")
        out = {}
        for k, x in v.items():
            if not isinstance(k, (str, int)) or not isinstance(x, (str, int)) or isinstance(x, bool):
                if x is None:
                    raise self.error(key, f" 中的 “{k}:” 冒号右边是空的：请写上替换成的文字")
                raise self.error(key, f" 中的 “{k}: {x}” 两边都应为文字")
            if not str(k).strip():
                raise self.error(key, " 中有空条目")
            out[str(k)] = str(x)
        return out

    def template(self, key: str, default: str, fields: Iterable[str]) -> str:
        """A message template; every ``{field}`` must be one the kind fills in."""
        text = self.text(key, default)
        fields = list(fields)
        try:
            names = [f for _, f, _, _ in string.Formatter().parse(text) if f is not None]
        except ValueError as e:
            raise self.error(key, f" 中的花括号不成对（{e}）；要写花括号本身请写 {{{{ 或 }}}}") from None
        for name in names:
            if name not in fields:
                hint = did_you_mean(name, fields) if name else ""
                avail = "、".join("{" + f + "}" for f in fields) or "（无）"
                raise self.error(key, f" 中的 {{{name}}} 不是可用字段{hint}；可用：{avail}")
        return text


def fill(template: str, **fields: Any) -> str:
    """A message from its template (fields were checked when the pack was loaded)."""
    return template.format_map(fields)


def make_rule(
    rule_id: str,
    entry: Entry,
    check: Callable,
    *,
    fixable: bool = False,
    doc_defaults: Mapping[str, str] | None = None,
) -> Rule:
    """A Rule from ``check`` plus the entry's common metadata (summary, severity, docs, examples …)."""
    summary = entry.text("summary")
    severity_text = entry.text("severity", "warning")
    try:
        severity = Severity.parse(severity_text)
    except ValueError:
        choices = ["error", "warning", "info"]
        raise entry.error("severity", f" 应为 error / warning / info，而不是 “{severity_text}”{did_you_mean(str(severity_text), choices)}") from None
    examples = read_examples(entry)
    docs = read_docs(entry, summary, examples, doc_defaults or {})
    doc_kinds = read_doc_kinds(entry)
    if doc_kinds:
        check = _only_for(check, doc_kinds)
    return Rule(
        id=rule_id,
        summary=summary,
        check=check,
        docs=docs,
        severity=severity,
        enabled=entry.flag("enabled", True),
        fixable=fixable,
        source=entry.text("source", ""),
        examples=examples,
    )


def read_doc_kinds(entry: Entry) -> frozenset[str]:
    """The document kinds (文种) named by ``applies-to``, checked against the kinds planlint knows."""
    from planlint.dockind import builtin_kind_words

    if entry.data.get("applies-to") is None:
        return frozenset()
    kinds = entry.text_list("applies-to")
    known = list(builtin_kind_words())
    for k in kinds:
        typo = misspelt_kind(k, known)
        if typo:
            raise entry.error("applies-to", f" 中的 “{k}” 不是已知文种（您是不是要写 “{typo}”？）；可用：{' / '.join(known)}")
    return frozenset(kinds)


def misspelt_kind(name: str, known: Iterable[str]) -> str | None:
    """The known document kind ``name`` is probably a typo of (one character off), else None.

    Other names are accepted: config ``kind: {"通知/*": 通知}`` may introduce kinds of its own.
    """
    if name in known:
        return None
    for k in known:
        if len(k) == len(name) and sum(a != b for a, b in zip(k, name)) == 1:
            return k
    close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6)
    return close[0] if close else None


def _only_for(check: Callable, doc_kinds: frozenset[str]) -> Callable:
    def check_kind(doc, ctx):
        if doc.kind in doc_kinds:
            yield from check(doc, ctx) or ()

    return check_kind


def read_examples(entry: Entry) -> Examples:
    raw = entry.data.get("examples")
    if raw is None:
        return Examples()
    if not isinstance(raw, dict):
        raise entry.error("examples", " 应为 {bad: [...], good: [...]} 映射")
    for k in raw:
        if k not in EXAMPLE_KEYS:
            raise entry.error(f"examples.{k}", f" 不是可用的键{did_you_mean(str(k), EXAMPLE_KEYS)}；可用：bad / good / date")
    sub = Entry(entry.rule_id, raw, entry.file)
    bad = sub.text_list("bad", [], min_items=0)
    good = sub.text_list("good", [], min_items=0)
    date = raw.get("date")
    if date is not None:
        try:
            date = parse_iso(date).isoformat()
        except (ValueError, TypeError):
            from planlint.docdate import bad_date_reason

            raise entry.error("examples.date", f"：{bad_date_reason(date)}") from None
    return Examples(bad=tuple(bad), good=tuple(good), date=date)


def read_docs(entry: Entry, summary: str, examples: Examples, defaults: Mapping[str, str]) -> RuleDocs:
    raw = entry.data.get("docs") or {}
    if not isinstance(raw, dict):
        raise entry.error("docs", " 应为 {说明: …, 原因: …, 示例: …, 建议写法: …} 映射")
    for k, v in raw.items():
        if k not in DOC_SECTIONS:
            raise entry.error(f"docs.{k}", f" 不是可用的小节{did_you_mean(str(k), DOC_SECTIONS)}；可用：{' / '.join(DOC_SECTIONS)}")
        if not isinstance(v, str):
            raise entry.error(f"docs.{k}", " 应为文字")
    source = entry.data.get("source")
    filled = {
        "说明": summary,
        "原因": defaults.get("原因") or (f"本单位规定，依据：{source}" if source else "本单位写作规范。"),
        "示例": examples.bad[0] if examples.bad else defaults.get("示例", summary),
        "建议写法": examples.good[0] if examples.good else defaults.get("建议写法", "按诊断信息修改。"),
    }
    filled.update({k: v for k, v in raw.items() if v.strip()})
    return RuleDocs(**filled)
