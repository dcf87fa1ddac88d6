"""The example plugin package of docs/rule-packs.md, built with pip and installed, exercised end to end.

The three files are written out exactly as the guide shows them, built into a wheel and installed
into a temporary site folder (``pip install --no-deps --target``); a subprocess with that folder on
PYTHONPATH sees the ``planlint`` entry point like any installed package. The package provides a new
kind (planlint_rule_kinds), a Python rule (planlint_rules) and a YAML pack carried in the wheel.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import run_cli
from test_packs_guide import marked_blocks


@pytest.fixture(scope="module")
def acme_site(tmp_path_factory) -> dict:
    """Build and install the guide's planlint-acme; return the environment that sees it."""
    root = tmp_path_factory.mktemp("plugin")
    blocks = marked_blocks("plugin")
    assert {name for name, _ in blocks} == {
        "planlint-acme/pyproject.toml",
        "planlint-acme/src/planlint_acme/__init__.py",
        "planlint-acme/src/planlint_acme/planlint-pack.yaml",
    }
    for name, body in blocks:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body, encoding="utf-8")
    site = root / "site"
    r = subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(site), str(root / "planlint-acme")],
        capture_output=True, text=True, timeout=900,
    )
    assert r.returncode == 0, r.stdout + r.stderr
    assert (site / "planlint_acme" / "planlint-pack.yaml").is_file()  # the YAML pack is in the wheel
    return {"PYTHONPATH": str(site) + os.pathsep + os.environ.get("PYTHONPATH", "")}


DOC = "# 关于进一步加强和改进新形势下全公司安全生产工作的实施意见的工作计划\n\n及时响应甲方爸爸的需求。\n"


def test_plugin_is_listed_with_its_version(acme_site):
    r = run_cli("plugins", env=acme_site)
    line = next(x for x in r.stdout.decode().splitlines() if x.startswith("acme "))
    assert "0.1.0" in line and "installed" in line and "planlint_acme" in line


def test_plugin_rules_kind_and_pack_rules_are_listed(acme_site):
    r = run_cli("rules", env=acme_site)
    out = r.stdout.decode()
    assert r.returncode == 0, r.stderr.decode()
    for rid in ("acme/title-length", "acme/preferred-wording", "acme-py/no-date"):
        assert rid in out


def test_plugin_rules_run_end_to_end(acme_site, tmp_path):
    doc = tmp_path / "plan.md"
    doc.write_text(DOC, encoding="utf-8")
    r = run_cli("check", "--select", "acme,acme-py", "--format", "json", str(doc), env=acme_site)
    got = [(d["rule"], d["message"], d["line"]) for d in json.loads(r.stdout)["diagnostics"]]
    assert got == [
        ("acme-py/no-date", "文中没有落款日期，也没有标题年份：请在文末写明成文日期", 1),
        ("acme/title-length", "标题 33 字，超过 20 字", 1),
        ("acme/preferred-wording", "“甲方爸爸”应为“客户”", 3),
    ]
    r = run_cli("check", "--select", "acme", "--fix", str(doc), env=acme_site)
    assert "及时响应客户的需求。" in doc.read_text(encoding="utf-8")


def test_pack_in_the_wheel_passes_test_pack(acme_site):
    site = Path(acme_site["PYTHONPATH"].split(os.pathsep)[0])
    r = run_cli("test-pack", str(site / "planlint_acme" / "planlint-pack.yaml"), env=acme_site)
    out = r.stdout.decode()
    assert r.returncode == 0, out + r.stderr.decode()
    assert "✓ acme/title-length" in out and "✓ acme/preferred-wording" in out


def test_a_local_pack_extends_the_installed_one_by_name(acme_site, tmp_path):
    (tmp_path / "mine.yaml").write_text(
        "pack: mine\nextends: acme\nremove: [title-length]\nrules:\n"
        "  preferred-wording:\n    add: {打工人: 职工}\n", encoding="utf-8")
    (tmp_path / ".planlint.yaml").write_text("packs: [mine.yaml]\n", encoding="utf-8")
    (tmp_path / "d.md").write_text("甲方爸爸和打工人。\n", encoding="utf-8")
    r = run_cli("check", "--select", "mine", "--format", "json", "d.md", cwd=tmp_path, env=acme_site)
    got = [d["message"] for d in json.loads(r.stdout)["diagnostics"]]
    assert got == ["“甲方爸爸”应为“客户”", "“打工人”应为“职工”"]


def test_the_plugin_kind_is_validated_strictly(acme_site, tmp_path):
    (tmp_path / "p.yaml").write_text(
        "pack: mine\nrules:\n  t:\n    kind: title-length\n    summary: s\n    mx: 3\n", encoding="utf-8")
    (tmp_path / "d.md").write_text("正文。\n", encoding="utf-8")
    (tmp_path / "c.yaml").write_text("packs: [p.yaml]\n", encoding="utf-8")
    r = run_cli("check", "--config", str(tmp_path / "c.yaml"), "d.md", cwd=tmp_path, env=acme_site)
    err = r.stderr.decode()
    assert r.returncode == 2
    assert "mine/t" in err and "“mx”" in err and "“max”" in err
