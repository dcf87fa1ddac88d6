"""Chinese outline markers (一、 / （一） / 1. / （1） / ①) at the start of a line, and their ranks."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from planlint.cnnum import to_int

# Conventional nesting order of Chinese official documents (GB/T 9704, GB/T 15834 4.5).
STYLE_RANK = {"chapter": 0, "cn": 1, "cn-paren": 2, "arabic": 3, "arabic-paren": 4, "circled": 5}
# The punctuation GB/T 15834-2011 expects after each style ("" = none).
EXPECTED_PUNCT = {"chapter": "", "cn": "、", "cn-paren": "", "arabic": ".", "arabic-paren": "", "circled": ""}

_CN = "一二三四五六七八九十百零〇两"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

_MARKER = regex.compile(
    rf"""
    (?P<chapter>第(?P<chn>[{_CN}\d]+)(?P<chu>章|部分|节|篇)[\s　]*)
  | (?P<cn>(?P<cnn>[{_CN}]{{1,3}})[ \t　]*(?P<cnp>[、，,．.])[ \t　]*)
  | (?P<cnparen>[（(][ \t　]*(?P<cpn>[{_CN}]{{1,3}})[ \t　]*[）)][ \t　]*(?P<cpp>[、，,．.]?)[ \t　]*)
  | (?P<arparen>[（(][ \t　]*(?P<apn>[0-9０-９]{{1,3}})[ \t　]*[）)][ \t　]*(?P<app>[、，,．.]?)[ \t　]*)
  | (?P<ar>(?P<arn>[0-9０-９]{{1,3}})[ \t　]*(?P<arp>[、．.](?![0-9０-９](?![0-9０-９]{{3}}年)))[ \t　]*)
  | (?P<circ>(?P<cin>[{_CIRCLED}])[ \t　]*)
    """,
    regex.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class OutlineMarker:
    """A numbering marker: its style, value, the punctuation after it, and its span in the text."""

    style: str
    number: int
    punct: str
    start: int
    end: int  # where the heading text after the marker (and spaces) begins

    @property
    def rank(self) -> int:
        return STYLE_RANK[self.style]

    @property
    def punct_ok(self) -> bool:
        return self.punct == EXPECTED_PUNCT[self.style] or (self.style == "arabic" and self.punct == "．")


def match_marker(text: str, pos: int = 0, endpos: int | None = None) -> OutlineMarker | None:
    """The outline marker starting exactly at ``pos``, if any."""
    m = _MARKER.match(text, pos, len(text) if endpos is None else endpos)
    if not m:
        return None
    if m.group("chapter"):
        style, num, punct = "chapter", m.group("chn"), ""
    elif m.group("cn"):
        style, num, punct = "cn", m.group("cnn"), m.group("cnp")
    elif m.group("cnparen"):
        style, num, punct = "cn-paren", m.group("cpn"), m.group("cpp")
    elif m.group("arparen"):
        style, num, punct = "arabic-paren", m.group("apn"), m.group("app")
    elif m.group("ar"):
        style, num, punct = "arabic", m.group("arn"), m.group("arp").strip()
    else:
        style, num, punct = "circled", None, ""
    if style == "circled":
        value = _CIRCLED.index(m.group("cin")) + 1
    else:
        value = to_int(num)
        if value is None or value == 0:
            return None
    return OutlineMarker(style, value, punct, m.start(), m.end())
