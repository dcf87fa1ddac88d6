"""Find the files to check: explicit paths, and directories walked with include/exclude globs."""

from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass
from typing import Callable, Iterator

from planlint.config import Config


@dataclass(frozen=True)
class Target:
    """A file to check, and whether the user named it (errors) or a walk found it (warnings)."""

    path: str
    explicit: bool


def iter_targets(paths: list[str], config_for: Callable[[str], Config]) -> Iterator[Target]:
    seen: set[str] = set()
    for p in paths:
        if p == "-":
            yield Target("-", True)
            continue
        if os.path.isdir(p):
            for f in _walk(p, config_for):
                key = os.path.abspath(f)
                if key not in seen:
                    seen.add(key)
                    yield Target(f, False)
        else:
            key = os.path.abspath(p)
            if key in seen:
                continue
            seen.add(key)
            if os.path.exists(p) and config_for(p).is_excluded(p):
                continue
            yield Target(p, True)


def _walk(top: str, config_for: Callable[[str], Config]) -> Iterator[str]:
    for dirpath, dirnames, filenames in os.walk(top):
        cfg = config_for(os.path.join(dirpath, "_"))
        dirnames[:] = sorted(
            d for d in dirnames
            if not d.startswith(".") and d not in ("node_modules", "__pycache__")
            and not cfg.is_excluded(os.path.join(dirpath, d))
        )
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            path = os.path.join(dirpath, name)
            if not any(fnmatch.fnmatch(name, pat) for pat in cfg.include):
                continue
            if cfg.is_excluded(path):
                continue
            yield path
