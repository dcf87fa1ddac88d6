"""The placeholder/ family: unfilled template slots and template or web-scrape residue."""

from __future__ import annotations

from planlint.hookspecs import hookimpl
from planlint.rules.placeholder import (
    blank,
    collection,
    html_residue,
    name_slot,
    todo,
    unfilled,
    web_residue,
)

RULES = [
    unfilled.RULE,
    name_slot.RULE,
    blank.RULE,
    todo.RULE,
    web_residue.RULE,
    collection.RULE,
    html_residue.RULE,
]


@hookimpl
def planlint_rules(config, kinds):
    return RULES
