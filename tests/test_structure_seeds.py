"""structure/ on the real seed collection: each "…篇N" part split into a file of its own, at test time."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from planlint.api import check_file, check_text
from planlint.fixes import apply_fixes

PART_LINE = re.compile(r"^.{0,60}篇\d{1,2}\s*$")


def split_parts(seed: Path, out: Path) -> dict[int, Path]:
    """Write each "…篇N" part of the collection in ``seed`` to out/part<N>.txt (the 篇N line first)."""
    lines = seed.read_text("utf-8").splitlines(keepends=True)
    starts = [i for i, line in enumerate(lines) if PART_LINE.match(line.strip())]
    assert len(starts) >= 2, "seed 000 should be a collection of 篇N parts"
    files = {}
    for n, i in enumerate(starts, 1):
        j = starts[n] if n < len(starts) else len(lines)
        path = out / f"part{n}.txt"
        path.write_text("".join(lines[i:j]), encoding="utf-8")
        files[n] = path
    return files


@pytest.fixture
def seed_parts(seeds, tmp_path):
    seed = next(seeds.glob("000_*.txt"))
    return split_parts(seed, tmp_path)


def _check(path: Path):
    doc, diags = check_file(str(path), select=["structure"])
    return doc, diags


def _by_rule(diags, rule):
    return [d for d in diags if d.rule == rule]


def test_missing_sections_in_each_part(seed_parts):
    _, d1 = _check(seed_parts[1])
    missing1 = {re.search(r"缺少“(.+?)”", d.message).group(1) for d in _by_rule(d1, "structure/missing-section")}
    # 篇1 has 一、指导思想 and 二、具体工作 but no goals, safeguards or schedule.
    assert missing1 == {"工作目标", "保障措施", "时间安排"}
    msg = next(d.message for d in d1 if "保障措施" in d.message)
    assert "工作措施" in msg and "组织保障" in msg  # the synonyms accepted are named
    _, d2 = _check(seed_parts[2])
    missing2 = {re.search(r"缺少“(.+?)”", d.message).group(1) for d in _by_rule(d2, "structure/missing-section")}
    # 篇2: 指导思想, 工作目标, 主要工作, 主要活动安排 — only the safeguards are missing.
    assert missing2 == {"保障措施"}


def test_numbering_gap_one_two_four_five(seed_parts):
    doc, diags = _check(seed_parts[1])
    gaps = _by_rule(diags, "structure/numbering-gap")
    assert len(gaps) == 1
    g = gaps[0]
    assert doc.text[g.offset:g.end_offset] == "四、"
    assert "跳过了“三、”" in g.message


def test_paren_marker_with_dun_is_reported_and_fixed(seed_parts):
    doc, diags = _check(seed_parts[1])
    punct = _by_rule(diags, "structure/marker-punctuation")
    paren = [d for d in punct if doc.text[d.offset:d.end_offset].endswith(")、")]
    assert len(paren) == 3  # (一)、 (二)、 (三)、
    assert all(d.fix and d.fix.safe for d in punct)
    fixed, n = apply_fixes(doc.text, paren)
    assert n == 3
    assert "(一)、" not in fixed and "(一)提高能力" in fixed
    _, again = check_text(fixed, "part1.txt", select=["structure/marker-punctuation"])
    assert not [d for d in again if ")、" in fixed[d.offset:d.end_offset]]


def test_plan_that_is_a_summary(seed_parts):
    genre = {n: _by_rule(_check(p)[1], "structure/wrong-genre") for n, p in seed_parts.items()}
    # 篇3 ("工作总结如下"), 篇4 ("回顾过去的一年，我们主要做了以下几方面的工作") and 篇6 (a half-year review).
    assert {n for n, ds in genre.items() if ds} == {3, 4, 6}
    msg = genre[4][0].message
    assert "回顾过去" in msg and "取得了一定的成效" in msg


def test_whole_collection_reports_per_part(seeds):
    """Checked as one file, the collection gives the same findings as its parts, and no cross-part nonsense."""
    seed = next(seeds.glob("000_*.txt"))
    doc, diags = check_text(seed.read_text("utf-8"), seed.name, select=["structure"])
    gaps = _by_rule(diags, "structure/numbering-gap")
    assert [doc.text[d.offset:d.end_offset] for d in gaps] == ["四、"]
    assert not _by_rule(diags, "structure/numbering-restart")
    assert len(_by_rule(diags, "structure/wrong-genre")) == 3
    # The web page header and the collection title before 篇1 are no document: nothing reported there.
    first_part = doc.text.rfind("\n", 0, doc.text.index("篇1")) + 1
    assert all(d.offset >= first_part for d in diags)


def test_summary_seed_is_a_summary(seeds):
    seed = next(seeds.glob("003_*.txt"))
    doc, diags = check_text(seed.read_text("utf-8"), seed.name, select=["structure"])
    assert doc.kind == "总结"
    assert not _by_rule(diags, "structure/wrong-genre")
