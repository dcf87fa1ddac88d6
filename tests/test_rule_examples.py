"""Every rule's own examples: each bad one fires the rule, each good one does not; docs complete."""

from __future__ import annotations

import pytest

from planlint.api import check_text, default_host
from planlint.config import Config

RULES = [r for r in default_host().collect_rules(Config()) if not r.id.startswith("core/")]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_docs_complete(rule):
    for section in ("说明", "原因", "示例", "建议写法"):
        assert getattr(rule.docs, section).strip(), f"{rule.id}: docs section {section} is empty"
    assert rule.summary.strip()
    assert rule.examples.bad, f"{rule.id}: no bad examples"
    assert rule.examples.good, f"{rule.id}: no good examples"


def _examples(kind):
    for rule in RULES:
        for i, text in enumerate(getattr(rule.examples, kind)):
            yield pytest.param(rule, text, id=f"{rule.id}-{kind}{i}")


@pytest.mark.parametrize("rule,text", list(_examples("bad")))
def test_bad_example_fires(rule, text):
    path = "example.md" if rule.examples.markdown else "example.txt"
    _, diags = check_text(text, path, select=[rule.id], date=rule.examples.date)
    assert any(d.rule == rule.id for d in diags), f"{rule.id} did not fire on: {text!r}"


@pytest.mark.parametrize("rule,text", list(_examples("good")))
def test_good_example_is_quiet(rule, text):
    path = "example.md" if rule.examples.markdown else "example.txt"
    _, diags = check_text(text, path, select=[rule.id], date=rule.examples.date)
    assert not [d for d in diags if d.rule == rule.id], f"{rule.id} fired on: {text!r}"
