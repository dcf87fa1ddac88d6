"""Safe YAML loading, with libyaml's C parser when PyYAML was built with it (about 3x faster)."""

from __future__ import annotations

from typing import Any

import yaml

# CSafeLoader parses in C but builds objects with the same SafeConstructor as yaml.SafeLoader:
# only plain scalars, lists and mappings, never Python objects. Wheels on PyPI include libyaml;
# a PyYAML built without it falls back to the pure-Python SafeLoader with identical results.
SafeLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(text: str) -> Any:
    """Parse one YAML document safely (what yaml.safe_load does, faster)."""
    return yaml.load(text, Loader=SafeLoader)
