"""A small Python API: check a string or a file and get diagnostics back (used by tests and tools)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from planlint import formatters
from planlint.config import Config, ConfigFinder
from planlint.diagnostics import Diagnostic
from planlint.docdate import parse_iso
from planlint.document import Document
from planlint.engine import Linter, RunOptions
from planlint.plugins import PluginHost, make_plugin_manager

_host: PluginHost | None = None


def default_host() -> PluginHost:
    """A plugin host shared by API calls in this process (built on first use)."""
    global _host
    if _host is None:
        _host = make_plugin_manager()
    return _host


def check_text(
    text: str,
    path: str = "document.md",
    *,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    date: "str | dt.date | None" = None,
    config: Config | None = None,
    host: PluginHost | None = None,
) -> tuple[Document, list[Diagnostic]]:
    """Check ``text`` as if read from ``path`` (its suffix decides Markdown or plain text)."""
    linter = Linter(host or default_host(), RunOptions(
        select=select, ignore=list(ignore or []), date=parse_iso(date) if date else None,
    ))
    cfg = config or Config()
    doc = linter.load(path, text.encode("utf-8"), cfg)
    return doc, linter.check(doc, cfg)


def check_file(path: str, *, select=None, ignore=None, date=None, host=None) -> tuple[Document, list[Diagnostic]]:
    """Check a file on disk with the config found upward from it."""
    cfg = ConfigFinder().for_path(path)
    linter = Linter(host or default_host(), RunOptions(
        select=select, ignore=list(ignore or []), date=parse_iso(date) if date else None,
    ))
    doc = linter.load(path, Path(path).read_bytes(), cfg)
    return doc, linter.check(doc, cfg)


def format_text(doc: Document, diagnostics: list[Diagnostic], path: str | None = None) -> str:
    """Diagnostics in the ``text`` output format."""
    return formatters.format_text([formatters.Located(path or doc.path, doc, d) for d in diagnostics])
