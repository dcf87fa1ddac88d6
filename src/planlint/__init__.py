"""planlint: a linter and compliance checker for Chinese plan documents."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# The public API, imported on first use (PEP 562) so that `planlint --version` and a cache hit
# do not load the document model: name -> module that defines it.
_EXPORTS = {
    "Diagnostic": "planlint.diagnostics",
    "Edit": "planlint.diagnostics",
    "Fix": "planlint.diagnostics",
    "Severity": "planlint.diagnostics",
    "Document": "planlint.document",
    "hookimpl": "planlint.hookspecs",
    "Rule": "planlint.rule",
    "RuleContext": "planlint.rule",
    "RuleDocs": "planlint.rule",
}

__all__ = ["__version__", "Diagnostic", "Document", "Edit", "Fix", "Rule", "RuleContext", "RuleDocs", "Severity",
           "hookimpl"]

if TYPE_CHECKING:
    from planlint.diagnostics import Diagnostic, Edit, Fix, Severity
    from planlint.document import Document
    from planlint.hookspecs import hookimpl
    from planlint.rule import Rule, RuleContext, RuleDocs


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'planlint' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))
