"""One ``planlint check`` run: find files, read, check, fix, print, and decide the exit code."""

from __future__ import annotations

import difflib
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from planlint import formatters
from planlint.config import ConfigFinder
from planlint.diagnostics import Severity
from planlint.discovery import iter_targets
from planlint.docdate import parse_iso
from planlint.engine import Linter, RunOptions
from planlint.errors import InputError, PlanlintError
from planlint.fixes import apply_fixes, write_atomic
from planlint.plugins import make_plugin_manager
from planlint.readers.text import encode

# A fixed document is checked again and fixed again until nothing changes, at most this often.
MAX_FIX_PASSES = 10


@dataclass
class CheckRequest:
    """The ``planlint check`` command line, parsed."""

    paths: list[str]
    fmt: str = "text"
    fail_on: str | None = None
    date: str | None = None
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False
    statistics: bool = False
    config: Path | None = None
    stdin_filename: str | None = None
    jobs: int = 0
    use_cache: bool = True
    quiet: bool = False
    debug: bool = False


def _err(msg: str) -> None:
    print(msg, file=sys.stderr)


def run_check(req: CheckRequest) -> int:
    if req.fmt not in formatters.FORMATS:
        raise PlanlintError(f"未知输出格式 “{req.fmt}”，可选：{' / '.join(formatters.FORMATS)}")
    try:
        fail_on = Severity.parse(req.fail_on) if req.fail_on else None
    except ValueError:
        raise PlanlintError(f"--fail-on 应为 error / warning / info，而不是 “{req.fail_on}”") from None
    try:
        date = parse_iso(req.date) if req.date else None
    except ValueError:
        raise PlanlintError(f"--date 应为 YYYY-MM-DD 格式的日期，而不是 “{req.date}”") from None
    host = make_plugin_manager()
    finder = ConfigFinder(req.config)
    linter = Linter(host, RunOptions(select=req.select, ignore=req.ignore, date=date, fail_on=fail_on, debug=req.debug))

    items: list[formatters.Located] = []
    files = 0
    input_error = False
    failed = False
    changed_files = 0
    fixed_total = 0
    diffs: list[str] = []
    for target in iter_targets(req.paths, finder.for_path):
        path = target.path
        shown = (req.stdin_filename or "-") if path == "-" else path
        config = finder.for_path(shown if path == "-" else path)
        try:
            data = _read(path)
            doc = linter.load(shown, data, config)
            diags = linter.check(doc, config)
        except InputError as e:
            if target.explicit:
                _err(f"planlint: 错误: {shown}: {e.message}")
                input_error = True
            else:
                _err(f"planlint: 警告: {shown}: {e.message}（已跳过）")
            continue
        files += 1
        if (req.fix or req.diff) and doc.fixable:
            fixed_doc, diags, n = _fix(linter, doc, diags, config, req.unsafe_fixes)
            if n:
                fixed_total += n
                changed_files += 1
                if req.diff:
                    diffs.append(_unified(shown, doc.text, fixed_doc.text))
                elif path == "-":
                    sys.stdout.write(fixed_doc.text)
                else:
                    write_atomic(path, encode(fixed_doc.text, doc.encoding, doc.bom))
                doc = fixed_doc
        effective_fail = fail_on or config.fail_on
        for d in diags:
            if d.rule == "core/plugin-error":
                input_error = True
            if d.severity >= effective_fail:
                failed = True
            items.append(formatters.Located(shown, doc, d))

    if req.diff:
        sys.stdout.write("".join(diffs))
        if not req.quiet:
            _err(f"{fixed_total} 处可自动修复，涉及 {changed_files} 个文件（未写入）")
        return 2 if input_error else (1 if changed_files else 0)
    if not (req.fix and req.paths == ["-"]):
        if req.statistics:
            sys.stdout.write(formatters.format_statistics(items))
        else:
            sys.stdout.write(formatters.render(req.fmt, items, files))
    if not req.quiet and req.fmt in ("text", "full") and not req.statistics:
        if req.fix:
            _err(f"已修复 {fixed_total} 处，涉及 {changed_files} 个文件")
        if items:
            n_fix = sum(1 for it in items if it.diag.fix and (it.diag.fix.safe or req.unsafe_fixes))
            hint = f"，其中 {n_fix} 处可用 --fix 自动修复" if n_fix and not req.fix else ""
            _err(f"共 {len(items)} 条诊断，检查了 {files} 个文件{hint}")
    if input_error:
        return 2
    return 1 if failed else 0


def _read(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    if not os.path.exists(path):
        raise InputError("文件不存在")
    if os.path.isdir(path):
        raise InputError("是目录")
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError as e:
        raise InputError(f"无法读取：{e.strerror}") from None


def _fix(linter: Linter, doc, diags, config, unsafe: bool):
    total = 0
    for _ in range(MAX_FIX_PASSES):
        new_text, n = apply_fixes(doc.text, diags, unsafe)
        if n == 0 or new_text == doc.text:
            break
        total += n
        doc = doc.with_text(new_text)
        diags = linter.check(doc, config)
    return doc, diags, total


def _unified(path: str, before: str, after: str) -> str:
    a = before.splitlines(keepends=True)
    b = after.splitlines(keepends=True)
    return "".join(difflib.unified_diff(a, b, fromfile=f"a/{path}", tofile=f"b/{path}"))
