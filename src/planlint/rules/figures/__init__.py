"""The figures/ rule family: arithmetic that does not add up and numbers written wrong."""

from __future__ import annotations

from planlint.hookspecs import hookimpl
from planlint.rules.figures import (
    conflicts,
    dates,
    malformed,
    percentages,
    ratios,
    sums,
    usage,
)


@hookimpl
def planlint_rules(config, kinds):
    return [sums.RULE, ratios.RULE, conflicts.RULE, malformed.RULE, percentages.RULE, dates.RULE, usage.RULE]
