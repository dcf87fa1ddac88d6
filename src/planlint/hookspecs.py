"""The whole plugin API: three pluggy hooks, and the markers plugins use to implement them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Mapping

import pluggy

if TYPE_CHECKING:  # pragma: no cover
    from planlint.config import Config
    from planlint.document import Document
    from planlint.kinds import Kind
    from planlint.rule import Rule

PROJECT = "planlint"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def planlint_rule_kinds() -> "Mapping[str, Kind]":
    """YAML rule kinds this plugin provides, by name (``existence``, ``substitution`` …)."""


@hookspec
def planlint_rules(config: "Config", kinds: "Mapping[str, Kind]") -> "Iterable[Rule]":
    """The rules this plugin contributes for a run with ``config``."""


@hookspec(firstresult=True)
def planlint_load_document(path: str, data: bytes, config: "Config") -> "Document | None":
    """Turn a file's bytes into a Document, or return None to let another reader try."""
