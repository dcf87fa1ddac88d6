"""Offsets ↔ line/column for LF, CRLF, CR, BOM, wide characters and a last line without newline."""

from __future__ import annotations

from hypothesis import given, strategies as st

from planlint.lines import LineIndex
from planlint.readers.text import decode


def test_lf_crlf_cr_positions_agree():
    for nl in ("\n", "\r\n", "\r"):
        text = f"第一行{nl}第二行：xx年{nl}{nl}最后一行没有换行"
        idx = LineIndex(text)
        assert idx.position(text.index("xx")) == (2, 5)
        assert idx.position(text.index("最后")) == (4, 1)
        assert idx.line_text(1) == "第二行：xx年"
        assert idx.newline() == nl


def test_offset_at_end_of_text_and_terminator():
    text = "甲乙\r\n丙"
    idx = LineIndex(text)
    assert idx.position(2) == (1, 3)  # the \r belongs to line 1
    assert idx.position(len(text)) == (2, 2)


def test_bom_is_stripped_and_remembered():
    text, enc, bom = decode(b"\xef\xbb\xbf" + "一、指导思想\n".encode("utf-8"))
    assert text == "一、指导思想\n" and bom is True
    assert LineIndex(text).position(2) == (1, 3)


def test_gb18030_is_detected():
    raw = "二〇二三年工作计划\r\n一、指导思想\r\n".encode("gb18030")
    text, enc, bom = decode(raw)
    assert enc == "gb18030" and text.startswith("二〇二三年") and not bom


@given(st.lists(st.tuples(st.text(alphabet=st.characters(blacklist_characters="\r\n"), min_size=1, max_size=12),
                          st.sampled_from(["\n", "\r\n", "\r"])), max_size=12),
       st.text(alphabet=st.characters(blacklist_characters="\r\n"), max_size=5))
def test_position_matches_splitlines(parts, tail):
    text = "".join(a + b for a, b in parts) + tail
    idx = LineIndex(text)
    offset = 0
    for line_no, (content, nl) in enumerate(parts, start=1):
        for col in range(len(content) + 1):
            assert idx.position(offset + col) == (line_no, col + 1)
        offset += len(content) + len(nl)
    assert idx.position(len(text)) == (len(parts) + 1, len(tail) + 1)
