"""docs/rule-packs.md, run as written: the office worker's four steps, the key tables, the extends example.

Steps are marked in the Markdown with HTML comments before code blocks:
``<!-- step: N file: NAME -->`` (write the block to NAME), ``<!-- step: N append: NAME -->`` (append it),
``<!-- step: N run -->`` (a command) and ``<!-- step: N output -->`` (its expected standard output).
"""

from __future__ import annotations

import re
import json
import shlex
from pathlib import Path

import pytest
from conftest import REPO, run_cli

from planlint.packs import builtin_kinds
from planlint.packs.loader import PACK_KEYS, load_raw
from planlint.packs.schema import COMMON_KEYS, DOC_SECTIONS, EXAMPLE_KEYS

GUIDE = REPO / "docs" / "rule-packs.md"
_MARKED = re.compile(r"<!-- (?P<what>step|plugin): (?P<args>[^>]*?) -->\n```[^\n]*\n(?P<body>.*?)```", re.S)


def marked_blocks(what: str) -> list[tuple[str, str]]:
    text = GUIDE.read_text(encoding="utf-8")
    return [(m["args"], m["body"]) for m in _MARKED.finditer(text) if m["what"] == what]


def steps() -> dict[int, list[tuple[str, str, str]]]:
    out: dict[int, list] = {}
    for args, body in marked_blocks("step"):
        m = re.fullmatch(r"(\d+)(?: (file|append): (.+)| (run|output))", args)
        assert m, f"bad step marker: {args!r}"
        n = int(m[1])
        action = m[2] or m[4]
        out.setdefault(n, []).append((action, (m[3] or "").strip(), body))
    return out


STEPS = steps()


def test_the_guide_has_four_steps_each_with_a_command_and_its_output():
    assert sorted(STEPS) == [1, 2, 3, 4]
    for n, actions in STEPS.items():
        kinds = [a for a, _, _ in actions]
        assert "run" in kinds and "output" in kinds, n


def _apply(folder: Path, actions):
    for action, name, body in actions:
        if action == "file":
            (folder / name).write_text(body, encoding="utf-8")
        elif action == "append":
            with open(folder / name, "a", encoding="utf-8") as f:
                f.write(body)


def _located(line: str) -> str:
    """``path:line:col: severity rule`` of a diagnostic line (messages of other families may be reworded)."""
    parts = line.split(" ", 2)
    return " ".join(parts[:2]) if len(parts) >= 2 and re.match(r".+:\d+:\d+:$", parts[0]) else line


@pytest.mark.parametrize("upto", [1, 2, 3, 4], ids=["1-banned-phrase-with-fix", "2-required-section",
                                                   "3-renamed-department", "4-test-pack"])
def test_guide_step(tmp_path, upto):
    """Steps 1..upto applied in order; step ``upto``'s command prints exactly the documented output."""
    for n in range(1, upto + 1):
        _apply(tmp_path, STEPS[n])
    command = next(body for a, _, body in STEPS[upto] if a == "run").strip()
    expected = next(body for a, _, body in STEPS[upto] if a == "output").strip().splitlines()
    argv = shlex.split(command)
    assert argv[0] == "planlint"
    r = run_cli(*argv[1:], cwd=tmp_path)
    got = r.stdout.decode("utf-8").strip().splitlines()
    assert r.returncode == (0 if argv[1] == "test-pack" else 1), r.stderr.decode()
    assert [_located(x) for x in got] == [_located(x) for x in expected]
    # Lines of the pack kinds written here (substitution, test-pack) must match word for word.
    for line in expected:
        if "acme/preferred-wording" in line or argv[1] == "test-pack":
            assert line in got


def test_step1_fix_rewrites_the_document(tmp_path):
    _apply(tmp_path, STEPS[1])
    r = run_cli("check", "--select", "acme", "--fix", "计划.md", cwd=tmp_path)
    assert r.returncode == 0, r.stdout.decode() + r.stderr.decode()
    assert "各单位主要负责同志要亲自抓" in (tmp_path / "计划.md").read_text(encoding="utf-8")


def test_step3_an_older_document_is_not_reported(tmp_path):
    for n in (1, 2, 3):
        _apply(tmp_path, STEPS[n])
    r = run_cli("check", "--select", "acme/renamed-departments", "--date", "2021-05-31", "计划.md", cwd=tmp_path)
    assert r.returncode == 0 and r.stdout == b""


def test_the_misspelled_key_example_is_what_planlint_says(tmp_path):
    _apply(tmp_path, STEPS[1])
    pack = (tmp_path / "acme.yaml").read_text(encoding="utf-8").replace("swap:", "swop:")
    (tmp_path / "acme.yaml").write_text(pack, encoding="utf-8")
    r = run_cli("check", "计划.md", cwd=tmp_path)
    err = r.stderr.decode()
    assert r.returncode == 2
    assert "acme.yaml: 规则 “acme/preferred-wording” 的键 “swop” 不是 substitution 规则可用的键（您是不是要写 “swap”？）；可用：kind / summary / " in err


def test_the_extends_example_loads_against_the_reference_plan_pack(tmp_path):
    text = GUIDE.read_text(encoding="utf-8")
    block = re.search(r"```yaml\n(pack: acme-plan\n.*?)```", text, re.S)[1]
    block = block.replace("../rules/kinds/plan.yaml", str(REPO / "rules" / "kinds" / "plan.yaml"))
    (tmp_path / "acme-plan.yaml").write_text(block, encoding="utf-8")
    (pack,) = load_raw([tmp_path / "acme-plan.yaml"])
    assert sorted(pack.rules) == ["banned", "required-sections", "sentence-length"]
    r = run_cli("test-pack", str(tmp_path / "acme-plan.yaml"))
    assert r.returncode == 0, r.stdout.decode() + r.stderr.decode()
    doc = tmp_path / "plan.md"
    doc.write_text("# 2025年工作计划\n\n## 一、主要任务\n\n以此为抓手。\n", encoding="utf-8")
    (tmp_path / ".planlint.yaml").write_text("packs: [acme-plan.yaml]\n", encoding="utf-8")
    r = run_cli("check", "--select", "acme-plan", "--format", "json", "plan.md", cwd=tmp_path)
    rules = sorted((d["rule"], d["severity"]) for d in json.loads(r.stdout)["diagnostics"])
    assert rules == [("acme-plan/banned", "warning"), ("acme-plan/required-sections", "error")]


def test_every_kind_and_key_is_documented():
    text = GUIDE.read_text(encoding="utf-8")
    names = list(PACK_KEYS) + list(COMMON_KEYS) + list(DOC_SECTIONS) + list(EXAMPLE_KEYS)
    for name, kind in builtin_kinds().items():
        assert f"`{name}`" in text, name
        names += list(kind.keys)
    missing = sorted({n for n in names if f"`{n}`" not in text})
    assert not missing, f"not documented in docs/rule-packs.md: {missing}"


def test_ci_doc_has_a_github_actions_snippet():
    text = (REPO / "docs" / "ci.md").read_text(encoding="utf-8")
    assert "--format github" in text and "actions/checkout" in text and "planlint test-pack" in text


def test_the_misspelling_example_passes_its_own_examples(tmp_path):
    text = GUIDE.read_text(encoding="utf-8")
    block = re.search(r"```yaml\n(  typos:\n    kind: misspelling\n.*?)```", text, re.S)[1]
    (tmp_path / "acme.yaml").write_text("pack: acme\nrules:\n" + block, encoding="utf-8")
    r = run_cli("test-pack", str(tmp_path / "acme.yaml"))
    assert r.returncode == 0 and "全部通过" in r.stdout.decode(), r.stdout.decode() + r.stderr.decode()
