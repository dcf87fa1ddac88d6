"""structure/: required sections, outline numbering, declared counts, genre and empty sections."""

from __future__ import annotations

from planlint.hookspecs import hookimpl
from planlint.rules.structure.declared import DECLARED_COUNT
from planlint.rules.structure.empty import EMPTY_SECTION
from planlint.rules.structure.genre import WRONG_GENRE
from planlint.rules.structure.missing import MISSING_SECTION
from planlint.rules.structure.punctuation import MARKER_PUNCTUATION
from planlint.rules.structure.sequence import (
    LEVEL_JUMP,
    NUMBERING_GAP,
    NUMBERING_RESTART,
)

RULES = [MISSING_SECTION, NUMBERING_GAP, NUMBERING_RESTART, LEVEL_JUMP, MARKER_PUNCTUATION, EMPTY_SECTION, WRONG_GENRE, DECLARED_COUNT]


@hookimpl
def planlint_rules(config, kinds):
    return list(RULES)
