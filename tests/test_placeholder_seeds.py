"""placeholder/ on the real seeds: every slot and residue example named in issue 3 is found where it stands.

The seeds are read from ../shared (never copied here). Each example is looked up in the seed text
by a pattern written from the issue's wording; every occurrence must be reported by the named rule,
either starting exactly there ("start") or by a diagnostic on that line covering it ("line").
"""

from __future__ import annotations

import re

import pytest

from planlint.api import check_text

# (rule, pattern, mode). Patterns spell the examples; \s* allows the seed's odd spaces.
EXAMPLES = [
    ("placeholder/unfilled", r"(?<![0-9])xx年", "start"),
    ("placeholder/unfilled", r"20xx年", "start"),
    ("placeholder/unfilled", r"xx公司", "start"),
    ("placeholder/unfilled", r"xx厂", "start"),
    ("placeholder/unfilled", r"xx镇", "start"),
    ("placeholder/unfilled", r"xx(?=在园区四年发展规划)", "start"),
    ("placeholder/web-residue", r"汇报范文网\s*>\s*工作计划", "start"),
    ("placeholder/web-residue", r"趣文网\s*>\s*作文大全", "start"),
    ("placeholder/web-residue", r"点击加载更多", "start"),
    ("placeholder/web-residue", r"联系客服", "start"),
    ("placeholder/web-residue", r"微信号", "line"),
    ("placeholder/web-residue", r"阅读剩余内容", "start"),
    ("placeholder/web-residue", r"小编(?=今天就为您带来了)", "start"),
    ("placeholder/web-residue", r"小编(?=精心整理)", "start"),
    ("placeholder/web-residue", r"仅供参考(?=[，,]\s*欢迎阅读)", "start"),
    ("placeholder/web-residue", r"欢迎阅读", "start"),
    ("placeholder/web-residue", r"欢迎大家借鉴", "start"),
    ("placeholder/web-residue", r"(?m)^[ \t]*相关推荐[ \t]*$", "line"),
    ("placeholder/collection-heading", r"(?m)^.*工作计划篇\d+[ \t]*$", "line"),
    ("placeholder/collection-heading", r"(?m)(?<=工作计划)精选7篇(?=[ \t]*$)", "start"),
]
# Not here: "二0一三年" (the digit zero written 0 in a Chinese-numeral date) is number usage,
# which the figures/ family checks; placeholder/ must stay quiet on it (see test_placeholder_quiet).


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset)


@pytest.fixture(scope="module")
def seed_results(request):
    from conftest import SEEDS

    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present")
    out = {}
    for p in sorted(SEEDS.glob("*.txt")):
        text = p.read_text("utf-8")
        _, diags = check_text(text, p.name, select=["placeholder"])
        out[p.name] = (text, diags)
    return out


@pytest.mark.parametrize("rule,pattern,mode", EXAMPLES, ids=[f"{r}:{p}" for r, p, _ in EXAMPLES])
def test_seed_example_found_at_its_place(seed_results, rule, pattern, mode):
    occurrences = 0
    for name, (text, diags) in seed_results.items():
        mine = [d for d in diags if d.rule == rule]
        for m in re.finditer(pattern, text):
            occurrences += 1
            a, b = m.start(), m.end()
            if mode == "start":
                ok = any(d.offset == a and d.end_offset >= b for d in mine)
            else:
                ok = any(
                    d.offset <= b and d.end_offset >= a and _line_of(text, d.offset) == _line_of(text, a) for d in mine
                )
            assert ok, f"{rule} missed {m.group(0)!r} in {name} at line {_line_of(text, a) + 1}"
    assert occurrences, f"pattern {pattern!r} no longer occurs in the seeds"


def test_seed_number_usage_is_left_to_figures(seed_results):
    for text, diags in seed_results.values():
        for m in re.finditer(r"二0一三年", text):
            assert not [d for d in diags if d.offset <= m.start() < d.end_offset], "二0一三年 is figures/' job"


def test_seed_residue_fixes_remove_whole_lines(seed_results):
    from planlint.fixes import apply_fixes

    for text, diags in seed_results.values():
        residue = [d for d in diags if d.rule == "placeholder/web-residue"]
        assert residue and all(d.fix and not d.fix.safe for d in residue)
        for d in residue:
            (e,) = d.fix.edits
            assert e.text == "" and (e.offset == 0 or text[e.offset - 1] == "\n")
            assert e.end_offset == len(text) or text[e.end_offset - 1] == "\n"
        fixed, n = apply_fixes(text, residue, unsafe=True)
        assert n and "点击加载更多" not in fixed and "小编" not in fixed
        assert apply_fixes(text, residue, unsafe=False)[1] == 0
