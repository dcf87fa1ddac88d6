"""policy/: references outdated at the document's own date (congresses, plenums, plans, renamed bodies, 新《法》).

Public API for rule packs (issue 8, kind ``outdated-term``)::

    from planlint.rules.policy import load_knowledge, outdated_term_rule
    knowledge = load_knowledge(mapping, "acme.yaml")   # same format as the built-in YAML
    rule = outdated_term_rule("acme/outdated-term", knowledge, summary="…")

The format is documented in docs/rules/policy.md.
"""

from planlint.hookspecs import hookimpl
from planlint.rules.policy.knowledge import (
    Knowledge,
    KnowledgeError,
    builtin_knowledge,
    knowledge_lines,
    load_knowledge,
)
from planlint.rules.policy.rules import RULES, outdated_term_rule

__all__ = [
    "Knowledge", "KnowledgeError", "builtin_knowledge", "knowledge_lines", "load_knowledge", "outdated_term_rule",
]


@hookimpl
def planlint_rules(config, kinds):
    return list(RULES)
