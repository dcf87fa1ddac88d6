"""Diagnostics, severities and fixes: what a rule reports about a span of a document."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum


class Severity(IntEnum):
    """How serious a diagnostic is; ordered so that ``--fail-on`` can compare."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    def __str__(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: "str | Severity") -> "Severity":
        if isinstance(value, Severity):
            return value
        try:
            return cls[str(value).upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r} (expected error, warning or info)") from None


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[offset:end_offset]`` with ``text`` (code-point offsets)."""

    offset: int
    end_offset: int
    text: str


@dataclass(frozen=True, slots=True)
class Fix:
    """A titled set of non-overlapping edits; unsafe fixes apply only with ``--unsafe-fixes``."""

    title: str
    edits: tuple[Edit, ...]
    safe: bool = True

    @classmethod
    def replace(cls, start: int, end: int, text: str, title: str, safe: bool = True) -> "Fix":
        return cls(title=title, edits=(Edit(start, end, text),), safe=safe)

    @classmethod
    def remove_lines(cls, lines, start: int, end: int, title: str, safe: bool = False) -> "Fix":
        """Remove the whole lines holding ``text[start:end]`` (indent and line terminator included);
        ``lines`` is the document's LineIndex."""
        first = lines.line_of(start)
        last = lines.line_of(max(start, end - 1))
        stop = lines.starts[last + 1] if last + 1 < len(lines) else lines.ends[last]
        return cls(title=title, edits=(Edit(lines.starts[first], stop, ""),), safe=safe)


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One finding: rule id, Chinese message, span and severity. Paths live with the document."""

    rule: str
    message: str
    offset: int
    end_offset: int
    severity: Severity = Severity.WARNING
    fix: Fix | None = None
    extra: dict = field(default_factory=dict, compare=False, hash=False)
