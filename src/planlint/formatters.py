"""Output formats: text, full (with source line and caret), json (the contract), github."""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from dataclasses import dataclass

from planlint.diagnostics import Diagnostic, Severity
from planlint.document import Document

FORMATS = ("text", "full", "json", "github")
JSON_VERSION = 1


@dataclass(frozen=True)
class Located:
    """A diagnostic paired with its document and the path to show."""

    path: str
    doc: Document
    diag: Diagnostic

    @property
    def start(self) -> tuple[int, int]:
        return self.doc.position(self.diag.offset)

    @property
    def end(self) -> tuple[int, int]:
        return self.doc.position(self.diag.end_offset)

    def sort_key(self):
        line, col = self.start
        return (self.path, line, col, self.diag.rule, self.diag.message)


def sort(items: list[Located]) -> list[Located]:
    return sorted(items, key=Located.sort_key)


def _one_line(path: str) -> str:
    """A path as one line of output: a newline or tab in a file name is shown escaped (\\n, \\t)."""
    if not any(c in path for c in "\n\r\t"):
        return path
    return path.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")


def format_text(items: list[Located]) -> str:
    out = []
    for it in sort(items):
        line, col = it.start
        out.append(f"{_one_line(it.path)}:{line}:{col}: {it.diag.severity} {it.diag.rule} {it.diag.message}")
    return "\n".join(out) + ("\n" if out else "")


def display_width(s: str) -> int:
    """Terminal columns: East Asian wide and fullwidth characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else (0 if unicodedata.combining(c) else 1) for c in s)


def format_full(items: list[Located]) -> str:
    out = []
    for it in sort(items):
        line, col = it.start
        d = it.diag
        out.append(f"{_one_line(it.path)}:{line}:{col}: {d.severity} {d.rule} {d.message}")
        lines = it.doc.lines
        li = line - 1
        src = lines.line_text(li).expandtabs(1)
        s, e = lines.line_span(li)
        prefix = it.doc.text[s:d.offset].expandtabs(1)
        marked = it.doc.text[d.offset:min(d.end_offset, e)].expandtabs(1)
        gutter = f"{line:>5} | "
        out.append(gutter + src)
        out.append(" " * (len(gutter) - 2) + "| " + " " * display_width(prefix) + "^" * max(1, display_width(marked)))
        if d.fix:
            out.append(" " * (len(gutter) - 2) + f"= 修复{'' if d.fix.safe else '（不安全，需 --unsafe-fixes）'}：{d.fix.title}")
        out.append("")
    return "\n".join(out)


def diagnostic_json(it: Located) -> dict:
    d = it.diag
    line, col = it.start
    end_line, end_col = it.end
    return {
        "path": it.path,
        "rule": d.rule,
        "severity": str(d.severity),
        "message": d.message,
        "line": line,
        "column": col,
        "end_line": end_line,
        "end_column": end_col,
        "offset": d.offset,
        "end_offset": d.end_offset,
        "fix": None if d.fix is None else {
            "title": d.fix.title,
            "safe": d.fix.safe,
            "edits": [{"offset": e.offset, "end_offset": e.end_offset, "text": e.text} for e in d.fix.edits],
        },
    }


def format_json(items: list[Located], files: int) -> str:
    from planlint import __version__

    payload = {
        "version": JSON_VERSION,
        "planlint": __version__,
        "files": files,
        "diagnostics": [diagnostic_json(it) for it in sort(items)],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def _gh_escape(s: str, prop: bool = False) -> str:
    s = s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        s = s.replace(":", "%3A").replace(",", "%2C")
    return s


def format_github(items: list[Located]) -> str:
    level = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
    out = []
    for it in sort(items):
        (line, col), (end_line, end_col) = it.start, it.end
        d = it.diag
        out.append(
            f"::{level[d.severity]} file={_gh_escape(it.path, True)},line={line},col={col},"
            f"endLine={end_line},endColumn={end_col},title={_gh_escape(d.rule, True)}::{_gh_escape(d.message)}"
        )
    return "\n".join(out) + ("\n" if out else "")


def format_statistics(items: list[Located]) -> str:
    counts = Counter(it.diag.rule for it in items)
    fixable = Counter(it.diag.rule for it in items if it.diag.fix)
    rows = [f"{n:>6}  {rule:<36} {'[*]' if fixable[rule] else '   '}" for rule, n in counts.most_common()]
    total = sum(counts.values())
    rows.append(f"{total:>6}  合计（[*] 表示可自动修复）")
    return "\n".join(rows) + "\n"


def render(fmt: str, items: list[Located], files: int) -> str:
    if fmt == "json":
        return format_json(items, files)
    if fmt == "full":
        return format_full(items)
    if fmt == "github":
        return format_github(items)
    return format_text(items)
