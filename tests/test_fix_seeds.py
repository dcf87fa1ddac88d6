"""`planlint check --fix` on copies of the seeds: the safe fixes offered are applied, nothing else
changes, a second --fix changes nothing, and a GB18030 / CRLF copy keeps its encoding and line ends.

Expectations come from the diagnostics planlint reports on the original copy (JSON), never from
hard-coded text, so the test keeps holding as rule families add or change fixes.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import SEEDS, run_cli

from planlint.diagnostics import Diagnostic, Edit, Fix
from planlint.fixes import apply_fixes


def _copies(seeds: Path, folder: Path) -> dict[Path, str]:
    """UTF-8/LF and GB18030/CRLF copies of every seed: path -> the text as planlint will read it."""
    folder.mkdir()
    out = {}
    for p in sorted(seeds.glob("*.txt")):
        text = p.read_text("utf-8")
        a = folder / f"utf8-{p.name}"
        a.write_bytes(text.encode("utf-8"))
        out[a] = text
        crlf = text.replace("\r\n", "\n").replace("\n", "\r\n")
        b = folder / f"gb18030-crlf-{p.name}"
        b.write_bytes(crlf.encode("gb18030"))
        out[b] = crlf
    return out


def _report(paths, cwd) -> dict[str, list[dict]]:
    r = run_cli("check", *map(str, paths), "--format", "json", cwd=cwd)
    assert r.returncode in (0, 1), r.stderr.decode("utf-8", "replace")
    by_path: dict[str, list[dict]] = {str(p): [] for p in paths}
    for d in json.loads(r.stdout)["diagnostics"]:
        by_path[d["path"]].append(d)
    return by_path


def _fix(paths, cwd) -> None:
    r = run_cli("check", "--fix", "--quiet", *map(str, paths), cwd=cwd)
    assert r.returncode in (0, 1), r.stderr.decode("utf-8", "replace")


def _safe_edits(diags: list[dict]) -> list[Edit]:
    return [Edit(e["offset"], e["end_offset"], e["text"])
            for d in diags if d["fix"] and d["fix"]["safe"] for e in d["fix"]["edits"]]


def _as_diagnostics(diags: list[dict]) -> list[Diagnostic]:
    return [Diagnostic(d["rule"], d["message"], d["offset"], d["end_offset"],
                       fix=Fix(d["fix"]["title"], tuple(Edit(e["offset"], e["end_offset"], e["text"])
                                                       for e in d["fix"]["edits"]), d["fix"]["safe"]))
            for d in diags if d["fix"]]


def _overlapping(edits: list[Edit]) -> bool:
    spans = sorted((e.offset, e.end_offset) for e in edits)
    return any(b[0] < a[1] or (a == b and a[0] == a[1]) for a, b in zip(spans, spans[1:]))


def _merged(edits: list[Edit]) -> list[tuple[int, int]]:
    """The spans of the offered edits, touching ones merged."""
    out: list[list[int]] = []
    for e in sorted(edits, key=lambda e: (e.offset, e.end_offset)):
        if out and e.offset <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e.end_offset)
        else:
            out.append([e.offset, e.end_offset])
    return [(a, b) for a, b in out]


def _unedited_text_kept(before: str, after: str, edits: list[Edit]) -> str | None:
    """None when ``after`` is ``before`` with only the edited spans rewritten (any way), else the
    first stretch of unedited text that went missing. The stretches between edits must appear in
    ``after`` in order, the first at its start and the last at its end; placing each at its earliest
    occurrence finds such a layout whenever one exists."""
    spans = _merged(edits)
    gaps, pos = [], 0
    for a, b in spans:
        gaps.append((pos, a))
        pos = b
    gaps.append((pos, len(before)))
    at = 0
    for n, (a, b) in enumerate(gaps):
        seg = before[a:b]
        if n == 0 and a == 0:
            found = 0 if after.startswith(seg) else -1
        elif n == len(gaps) - 1:
            found = len(after) - len(seg) if after.endswith(seg) and len(after) - len(seg) >= at else -1
        else:
            found = after.find(seg, at)
        if found < 0:
            return seg[:60]
        at = found + len(seg)
    return None


@pytest.fixture(scope="module")
def fixed_seeds(tmp_path_factory):
    """Copies of the seeds, their report, the files after --fix, the report after, and after a 2nd --fix."""
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present")
    tmp = tmp_path_factory.mktemp("fix-seeds")
    copies = _copies(SEEDS, tmp / "work")
    paths = list(copies)
    before = _report(paths, tmp)
    _fix(paths, tmp)
    fixed = {p: p.read_bytes() for p in paths}
    after = _report(paths, tmp)
    _fix(paths, tmp)
    again = {p: p.read_bytes() for p in paths}
    return copies, before, fixed, after, again


def test_fix_changes_only_what_safe_fixes_offered(fixed_seeds):
    copies, before, fixed, _, _ = fixed_seeds
    for p, text in copies.items():
        diags = before[str(p)]
        edits = _safe_edits(diags)
        assert edits, f"{p.name}: no safe fix offered on a seed"
        got = fixed[p].decode("gb18030" if p.name.startswith("gb18030") else "utf-8")
        assert got != text
        if not _overlapping(edits):
            # Edits that do not overlap are all applied in one pass: exactly what --fix wrote.
            assert got == apply_fixes(text, _as_diagnostics(diags))[0]
        missing = _unedited_text_kept(text, got, edits)
        assert missing is None, f"{p.name}: text no safe fix offered to change was changed: {missing!r}"


def test_fix_keeps_gb18030_and_crlf(fixed_seeds):
    copies, _, fixed, _, _ = fixed_seeds
    for p, text in copies.items():
        if not p.name.startswith("gb18030"):
            continue
        with pytest.raises(UnicodeDecodeError):
            fixed[p].decode("utf-8")  # still GB18030, not rewritten as UTF-8
        got = fixed[p].decode("gb18030")
        assert got.count("\r\n") == text.count("\r\n") and "\n" not in got.replace("\r\n", "")
        twin = p.with_name("utf8-" + p.name[len("gb18030-crlf-"):])
        assert got == fixed[twin].decode("utf-8").replace("\n", "\r\n")


def test_nothing_safe_left_and_second_fix_is_a_no_op(fixed_seeds):
    copies, before, fixed, after, again = fixed_seeds
    for p in copies:
        assert not _safe_edits(after[str(p)]), f"{p.name}: safe fixes left after --fix"
        assert again[p] == fixed[p], f"{p.name}: a second --fix changed the file"
        # The typography/ defects with safe fixes were offered, and are gone.
        offered = {d["rule"] for d in before[str(p)] if d["rule"].startswith("typography/") and d["fix"]
                   and d["fix"]["safe"]}
        assert "typography/halfwidth-punctuation" in offered
        assert not [d for d in after[str(p)] if d["rule"] in offered and d["fix"] and d["fix"]["safe"]]


def test_the_comparison_catches_an_unoffered_change():
    before = "甲,乙,丙。重复重复。"
    edits = [Edit(1, 2, "，"), Edit(3, 4, "，")]
    assert _unedited_text_kept(before, "甲，乙，丙。重复重复。", edits) is None
    assert _unedited_text_kept(before, "甲，乙，丙。重复。", edits) == "丙。重复重复。"
    assert _unedited_text_kept(before, "甲，乙，丙。重复重复", edits) == "丙。重复重复。"
    assert _unedited_text_kept(before, "X甲，乙，丙。重复重复。", edits) == "甲"
