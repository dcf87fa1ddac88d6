"""The typography/ family: GB/T 15834-2011 punctuation in Chinese prose."""

from __future__ import annotations

from planlint.hookspecs import hookimpl
from planlint.rules.typography import (
    halfwidth,
    repeated,
    spacing,
    straight_quotes,
    stray_period,
    unbalanced,
)


@hookimpl
def planlint_rules(config, kinds):
    return [halfwidth.RULE, unbalanced.RULE, straight_quotes.RULE, repeated.RULE, stray_period.RULE,
            spacing.RULE]
