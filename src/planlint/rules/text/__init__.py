"""The ``text/`` rules: repeated words, duplicated sentences and paragraphs, common misspellings."""

from __future__ import annotations

from planlint.hookspecs import hookimpl

from .duplicate_sentence import RULE as DUPLICATE_SENTENCE
from .misspelling import RULE as MISSPELLING
from .misspelling import (
    Confusion,
    builtin_confusions,
    load_confusions,
    misspelling_check,
)
from .near_duplicate import RULE as NEAR_DUPLICATE
from .repeated_word import RULE as REPEATED_WORD

__all__ = ["Confusion", "builtin_confusions", "load_confusions", "misspelling_check"]

RULES = [REPEATED_WORD, DUPLICATE_SENTENCE, NEAR_DUPLICATE, MISSPELLING]


@hookimpl
def planlint_rules(config, kinds):
    return RULES
