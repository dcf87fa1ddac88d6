"""placeholder/ data files: every term list entry names its source, and the lists load and compile."""

from __future__ import annotations

from importlib import resources

import pytest
import yaml

from planlint.rules.placeholder import data

FILES = ["slots.yaml", "residue.yaml"]


def _entries(node, where=""):
    """Every mapping that holds a term (text / pattern / words / chars), with where it sits."""
    if isinstance(node, dict):
        if any(k in node for k in ("text", "pattern", "words", "chars")):
            yield where, node
        for k, v in node.items():
            if k not in ("words",):
                yield from _entries(v, f"{where}.{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _entries(v, f"{where}[{i}]")


@pytest.mark.parametrize("name", FILES)
def test_every_entry_has_a_source(name):
    raw = yaml.safe_load(resources.files("planlint.rules.placeholder").joinpath(name).read_text("utf-8"))
    entries = list(_entries(raw))
    assert entries
    for where, e in entries:
        assert str(e.get("source", "")).strip(), f"{name}{where} has no source"


def test_data_loads_and_kinds_are_known():
    sd, rd = data.slots(), data.residue()
    assert {"year", "date", "amount", "org", "place", "person"} <= set(sd.kinds)
    assert sd.suffix_rx.match("年度").group(0) == "年度"  # longest suffix wins
    assert rd.site_rx.search("汇报范文网小编").group(0) == "汇报范文网"
    assert "相关推荐" in rd.lines


def test_unknown_kind_is_an_error():
    raw = yaml.safe_load(resources.files("planlint.rules.placeholder").joinpath("slots.yaml").read_text("utf-8"))
    raw["suffixes"].append({"text": "届次", "kind": "no-such-kind", "source": "test"})
    with pytest.raises(ValueError, match="no-such-kind"):
        data.SlotData(raw)
