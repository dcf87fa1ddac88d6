"""Per-rule fixture files: fixtures/rules/<namespace>/<rule>/<case>.(md|txt) with a .expected sidecar.

Each case is checked with only its own rule selected; the output in the ``text`` format must equal
``<case>.<ext>.expected`` (absent = expect nothing). Set PLANLINT_UPDATE_FIXTURES=1 to rewrite the
sidecars after an intended change, then review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from planlint.api import check_text, format_text

from conftest import FIXTURES

RULE_FIXTURES = FIXTURES / "rules"
UPDATE = bool(os.environ.get("PLANLINT_UPDATE_FIXTURES"))


def _cases():
    if not RULE_FIXTURES.is_dir():
        return []
    out = []
    for path in sorted(RULE_FIXTURES.glob("*/*/*")):
        if path.suffix in (".md", ".txt") and not path.name.endswith(".expected"):
            out.append(path)
    return out


@pytest.mark.parametrize("case", _cases(), ids=lambda p: str(p.relative_to(RULE_FIXTURES)))
def test_fixture(case: Path):
    rule_id = f"{case.parent.parent.name}/{case.parent.name}"
    text = case.read_bytes().decode("utf-8-sig")
    doc, diags = check_text(text, case.name, select=[rule_id])
    got = format_text(doc, diags, case.name)
    expected_path = case.with_name(case.name + ".expected")
    if UPDATE:
        if got:
            expected_path.write_text(got, encoding="utf-8")
        elif expected_path.exists():
            expected_path.unlink()
    expected = expected_path.read_text("utf-8") if expected_path.exists() else ""
    assert got == expected


def test_every_fixture_folder_names_a_rule():
    from planlint.api import default_host
    from planlint.config import Config

    ids = {r.id for r in default_host().collect_rules(Config())}
    for folder in RULE_FIXTURES.glob("*/*"):
        if folder.is_dir():
            assert f"{folder.parent.name}/{folder.name}" in ids, f"fixture folder {folder} names no rule"
