"""YAML rule kinds: factories that turn a pack entry's parameters into a Rule."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Mapping, Protocol

if TYPE_CHECKING:  # pragma: no cover
    from planlint.rule import Rule


class Kind(Protocol):
    """A rule kind such as ``existence`` or ``substitution``.

    ``keys`` names the parameters the kind accepts (for strict validation and "did you mean");
    ``build`` turns a validated pack entry into a Rule.
    """

    name: str
    keys: Mapping[str, str]  # parameter name -> Chinese description

    def build(self, rule_id: str, entry: Mapping[str, Any], pack: Any) -> "Rule": ...
