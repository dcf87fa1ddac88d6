"""RunOptions: what the command line says about a run, on top of config."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from planlint.diagnostics import Severity


@dataclass
class RunOptions:
    """What the command line says, on top of config."""

    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    date: dt.date | None = None
    fail_on: Severity | None = None
    debug: bool = False
    # Seconds one rule may spend on one document (plus RULE_TIMEOUT_PER_MB per MB); 0 = no limit.
    rule_timeout: float | None = None
