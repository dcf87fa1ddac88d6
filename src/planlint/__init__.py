"""planlint: a linter and compliance checker for Chinese plan documents."""

__version__ = "0.1.0"

from planlint.diagnostics import Diagnostic, Edit, Fix, Severity  # noqa: E402
from planlint.document import Document  # noqa: E402
from planlint.hookspecs import hookimpl  # noqa: E402
from planlint.rule import Rule, RuleContext, RuleDocs  # noqa: E402

__all__ = [
    "__version__",
    "Diagnostic",
    "Document",
    "Edit",
    "Fix",
    "Rule",
    "RuleContext",
    "RuleDocs",
    "Severity",
    "hookimpl",
]
