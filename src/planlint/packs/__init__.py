"""YAML rule packs: the built-in kinds, and the plugin that turns packs (config and installed) into rules.

A pack is a YAML file or folder (see docs/rule-packs.md). Packs come from the ``packs:`` config key
and from installed packages whose ``planlint`` entry point package holds ``planlint-pack.yaml``.
Python plugins add kinds through ``planlint_rule_kinds``; a kind has ``name``, ``keys`` (parameter →
Chinese description), optional ``fields`` (message fields) and ``entries_key``, and
``build(rule_id, entry, pack) -> Rule`` (use ``make_rule`` for the common metadata).
"""

from __future__ import annotations

from planlint.hookspecs import hookimpl
from planlint.packs.loader import installed_sources, load_rules
from planlint.packs.schema import Entry, PackInfo, fill, make_rule
from planlint.packs.textkinds import PackKind, text_kinds

__all__ = ["Entry", "PackInfo", "PackKind", "builtin_kinds", "fill", "make_rule"]


def builtin_kinds() -> dict:
    """The kinds planlint ships, by name."""
    from planlint.packs.misspellingkind import Misspelling
    from planlint.packs.outdatedkind import OutdatedTerm
    from planlint.packs.sectionkind import Sections

    kinds = text_kinds()
    kinds["sections"] = Sections()
    kinds["outdated-term"] = OutdatedTerm()
    kinds["misspelling"] = Misspelling()
    return kinds


@hookimpl
def planlint_rule_kinds():
    return builtin_kinds()


@hookimpl
def planlint_rules(config, kinds):
    sources = list(getattr(config, "packs", None) or []) + list(installed_sources())
    if not sources:
        return []
    return load_rules(sources, kinds)
