"""Rules: identity, metadata, Chinese docs, examples, options, and the check function."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Iterable, Mapping

import regex

from planlint.diagnostics import Diagnostic, Fix, Severity

if TYPE_CHECKING:  # pragma: no cover
    from planlint.config import Config
    from planlint.document import Document

RULE_ID = regex.compile(r"^[a-z][a-z0-9-]*/[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True)
class RuleDocs:
    """A rule's documentation in Chinese, in fixed sections."""

    说明: str  # what the rule finds
    原因: str  # why it matters
    示例: str = ""  # a bad example (free text)
    建议写法: str = ""  # how to write it instead


@dataclass(frozen=True)
class Option:
    """A rule option: its default value and a Chinese description. The type is the default's type."""

    default: Any
    description: str = ""


@dataclass(frozen=True)
class Examples:
    """Sentences or documents the rule must fire on (bad) and stay quiet on (good)."""

    bad: tuple[str, ...] = ()
    good: tuple[str, ...] = ()
    date: str | None = None  # document date the examples are judged at (policy rules)
    markdown: bool = True


CheckFn = Callable[["Document", "RuleContext"], Iterable[Diagnostic]]


@dataclass(frozen=True)
class Rule:
    """A check and everything a user needs to know about it."""

    id: str
    summary: str
    check: CheckFn
    docs: RuleDocs
    severity: Severity = Severity.WARNING
    enabled: bool = True
    fixable: bool = False
    source: str = ""
    examples: Examples = Examples()
    options: Mapping[str, Option] = field(default_factory=dict)
    plugin: str = ""  # filled in by the host: which plugin contributed the rule
    defined_in: str = ""  # for a rule from a YAML pack: the pack and the file that defines it

    def __post_init__(self):
        if not RULE_ID.match(self.id):
            raise ValueError(f"rule id {self.id!r} is not of the form namespace/kebab-name")

    @property
    def namespace(self) -> str:
        return self.id.split("/", 1)[0]


@dataclass
class RuleContext:
    """What a rule's check is given besides the document: its options, severity and the config."""

    rule: Rule
    options: dict
    severity: Severity
    config: "Config | None" = None

    def report(self, start: int, end: int, message: str, fix: Fix | None = None, **extra) -> Diagnostic:
        """A diagnostic of this rule over ``[start, end)`` at the configured severity."""
        return Diagnostic(self.rule.id, message, start, end, self.severity, fix, extra)
