"""Pack term matching: one pass over the document finds exactly what a search block by block finds."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from planlint.packs.matching import Matcher
from planlint.packs.schema import Entry

ALPHABET = "甲乙丙丁一、。\n"
TERMS = st.lists(st.text(alphabet="甲乙丙丁一、", min_size=1, max_size=3), min_size=1, max_size=4)


def _matcher(terms: list[str], mode: str = "substring") -> Matcher:
    return Matcher(Entry("t/x", {"match": mode}, "t.yaml", ()), "terms", terms, 10.0)


@st.composite
def text_and_ranges(draw):
    text = draw(st.text(alphabet=ALPHABET, max_size=60))
    cuts = sorted(set(draw(st.lists(st.integers(0, len(text)), max_size=10))))
    ranges = [(a, b) for a, b in zip(cuts[::2], cuts[1::2]) if a < b]
    return text, ranges


def _block_by_block(terms: list[str], text: str, ranges) -> list[tuple[int, int]]:
    ordered = sorted(set(terms), key=len, reverse=True)
    pattern = regex.compile("|".join(regex.escape(t) for t in ordered))
    return [m.span() for a, b in ranges for m in pattern.finditer(text, a, b)]


@settings(max_examples=400, deadline=None)
@given(text_and_ranges(), TERMS)
def test_one_pass_equals_a_search_per_block(tr, terms):
    text, ranges = tr
    got = [m.span() for _, m in _matcher(terms)._matches(text, ranges, 10.0)]
    assert got == _block_by_block(terms, text, ranges)


def test_a_match_crossing_into_a_block_does_not_hide_one_inside_it():
    # "、加强" starts in the outline marker (outside the block); "加强领导" inside the block must still be found
    text = "一、加强领导。"
    got = [m.group() for _, m in _matcher(["、加强", "加强领导"])._matches(text, [(2, 7)], 10.0)]
    assert got == ["加强领导"]


def test_a_longer_term_running_past_the_block_end_leaves_the_shorter_one():
    text = "加强领导\n班子"
    got = [m.group() for _, m in _matcher(["领导\n班子", "领导"])._matches(text, [(0, 4), (5, 7)], 10.0)]
    assert got == ["领导"]
