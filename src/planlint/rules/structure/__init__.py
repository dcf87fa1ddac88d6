"""structure/: required sections, outline numbering, declared counts, genre and empty sections."""

from __future__ import annotations

from planlint.hookspecs import hookimpl

from planlint.rules.structure.sequence import LEVEL_JUMP, NUMBERING_GAP, NUMBERING_RESTART

RULES = [NUMBERING_GAP, NUMBERING_RESTART, LEVEL_JUMP]


@hookimpl
def planlint_rules(config, kinds):
    return list(RULES)
