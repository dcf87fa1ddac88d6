"""Finding a pack's terms in a document: on jieba word boundaries, as substrings or as regexes, with a time limit."""

from __future__ import annotations

import bisect
import time
from dataclasses import dataclass
from typing import Iterator

import regex

from planlint.blocks import HEADING
from planlint.document import Document
from planlint.packs.schema import Entry

MATCH_MODES = ("word", "substring", "regex")
# Where a search kind looks: every prose block, only the title, only headings, or only body text.
SEARCH_SCOPES = {"all": "全文（标题、正文、表格）", "title": "文档标题", "heading": "各级标题", "body": "正文（不含标题）"}
MATCH_KEYS = {
    "match": "匹配方式：word（按词，默认）/ substring（按字面）/ regex（正则表达式）",
    "ignore-case": "忽略英文大小写（默认 false）",
}
SCOPE_KEY = {"scope": "在哪里查：all（默认）/ title / heading / body"}


class RegexTimeout(TimeoutError):
    """A rule's regexes ran longer than the pack allows on one document."""


@dataclass(frozen=True)
class Hit:
    """One match: its span, the entry (term or pattern) it came from, and the regex match."""

    start: int
    end: int
    key: str  # the term as written in the pack
    match: "regex.Match"


class Matcher:
    """Finds a list of terms (or patterns) in a document's prose, in document order."""

    def __init__(self, entry: Entry, key: str, terms: list[str], timeout: float, *, mode: str | None = None):
        self.rule_id = entry.rule_id
        self.timeout = timeout
        self.mode = mode or entry.choice("match", MATCH_MODES, "word")
        self.ignore_case = entry.flag("ignore-case", False)
        flags = regex.IGNORECASE if self.ignore_case else 0
        self.terms = terms
        if self.mode == "regex":
            self.patterns = []
            for t in terms:
                try:
                    self.patterns.append((t, regex.compile(t, flags)))
                except regex.error as e:
                    raise entry.error(key, f" 中的正则表达式 “{t}” 有误：{regex_problem(e)}") from None
                if self.patterns[-1][1].fullmatch("") is not None:
                    raise entry.error(key, f" 中的正则表达式 “{t}” 能匹配空文本，会到处报告")
        else:
            ordered = sorted(set(terms), key=len, reverse=True)
            alternation = "|".join(regex.escape(t) for t in ordered)
            self.patterns = [(None, regex.compile(alternation, flags))]
            self._by_text = {(t.lower() if self.ignore_case else t): t for t in terms}

    def key_of(self, text: str) -> str:
        return self._by_text.get(text.lower() if self.ignore_case else text, text)

    def find(self, doc: Document, ranges: list[tuple[int, int]]) -> Iterator[Hit]:
        """Matches in ``ranges`` (block content spans), checked against word boundaries in word mode.

        Only time spent inside the regex engine counts against the pack's ``regex-timeout``
        (loading jieba or segmenting words does not).
        """
        budget = self.timeout
        for term, m in self._matches(doc.text, ranges, budget):
            if m.end() == m.start():
                continue
            if self.mode == "word" and not doc.is_word_span(m.start(), m.end()):
                continue
            yield Hit(m.start(), m.end(), term if term is not None else self.key_of(m.group()), m)

    def _matches(self, text: str, ranges: list[tuple[int, int]], budget: float) -> Iterator[tuple]:
        """(term, match) for every match inside one of ``ranges``, range by range."""
        if self.mode == "regex":
            # Regexes may use anchors or lookarounds that see a block's edges: searched block by block.
            for start, end in ranges:
                for term, pattern in self.patterns:
                    matches, budget = self._search(pattern, text, start, end, budget, term)
                    for m in matches:
                        yield term, m
            return
        (_, pattern), = self.patterns
        by_range, dirty, budget = self._literal_pass(pattern, text, ranges, budget)
        for i, (start, end) in enumerate(ranges):
            if i in dirty:
                matches, budget = self._search(pattern, text, start, end, budget, None)
            else:
                matches = by_range.get(i, ())
            for m in matches:
                yield None, m

    def _literal_pass(self, pattern, text: str, ranges: list[tuple[int, int]], budget: float):
        """One search of a literal alternation over the whole span the ranges cover.

        A match lying inside one range is the match a search of that range alone finds: literal
        terms have no anchors or lookarounds, and a scan that reaches a range's start with nothing
        pending behaves as if it started there. A match that crosses a range's edge (a longer term
        running out of the block, or one starting in an outline marker) may hide what a search of
        that range would find, so the ranges it touches are marked ``dirty`` and searched on their own.
        Linear in the text, where a search per range and term is not (100,000 blocks in a 19 MB file).
        """
        by_range: dict[int, list] = {}
        dirty: set[int] = set()
        if not ranges:
            return by_range, dirty, budget
        starts = [a for a, _ in ranges]
        matches, budget = self._search(pattern, text, ranges[0][0], ranges[-1][1], budget, None)
        for m in matches:
            s, e = m.span()
            i = bisect.bisect_right(starts, s) - 1
            if i >= 0 and e <= ranges[i][1] and s < ranges[i][1]:
                by_range.setdefault(i, []).append(m)
                continue
            j = max(i, 0)
            while j < len(ranges) and ranges[j][0] < e:
                if ranges[j][1] > s:
                    dirty.add(j)
                j += 1
        return by_range, dirty, budget

    def _search(self, pattern, text: str, start: int, end: int, budget: float, term: str | None):
        """All matches of ``pattern`` in ``text[start:end]`` and the time budget left."""
        if budget <= 0:
            self._timed_out(term or "")
        began = time.monotonic()
        try:
            matches = list(pattern.finditer(text, start, end, timeout=budget))
        except TimeoutError:
            self._timed_out(term or "")
        return matches, budget - (time.monotonic() - began)

    def find_sorted(self, doc: Document, ranges: list[tuple[int, int]]) -> list[Hit]:
        """All matches sorted by position, overlaps dropped (the earlier, then longer, one wins)."""
        hits = sorted(self.find(doc, ranges), key=lambda h: (h.start, -h.end))
        out: list[Hit] = []
        for h in hits:
            if out and h.start < out[-1].end:
                continue
            out.append(h)
        return out

    def _timed_out(self, term: str):
        what = f"正则表达式 “{term}”" if term else "匹配"
        raise RegexTimeout(
            f"规则 {self.rule_id} 的{what}在本文档上运行超过 {self.timeout:g} 秒，已停止该规则；"
            f"请简化表达式（避免 (a|aa)+ 这类嵌套重复）"
        )


def search_ranges(doc: Document, scope: str) -> list[tuple[int, int]]:
    """The spans a search kind looks in: block contents (after Markdown markup and outline markers).

    Computed once per document and scope (every rule of every pack asks for them)."""
    memo = doc.memo.setdefault("packs.search_ranges", {})
    if scope not in memo:
        memo[scope] = _search_ranges(doc, scope)
    return memo[scope]


def _search_ranges(doc: Document, scope: str) -> list[tuple[int, int]]:
    title = doc.title_block
    out = []
    for b in doc.prose_blocks:
        is_title = title is not None and b.start == title.start
        if scope == "title" and not is_title:
            continue
        if scope == "heading" and b.kind != HEADING and not is_title:
            continue
        if scope == "body" and (b.kind == HEADING or is_title):
            continue
        if b.content_start < b.end:
            out.append((b.content_start, b.end))
    return out


# The regex module's messages for the mistakes people make, in Chinese.
_REGEX_PROBLEMS = (
    ("missing )", "缺少右括号“)”"),
    ("unbalanced parenthesis", "多了一个右括号“)”"),
    ("nothing to repeat", "“*”“+”“?”或“{}”前面没有可重复的内容（要匹配这些符号本身，请在前面加“\\”）"),
    ("multiple repeat", "重复符号连用（如“**”“+?+”）"),
    ("unterminated character set", "缺少右方括号“]”"),
    ("bad escape", "反斜杠“\\”后面的字符不能这样用"),
    ("unknown group", "引用了不存在的分组"),
    ("missing >", "分组名缺少“>”"),
)


def regex_problem(e: "regex.error") -> str:
    """What is wrong with a user's regular expression, in Chinese, with where it is."""
    msg = str(getattr(e, "msg", "") or e)
    where = f"（第 {e.pos + 1} 个字符处）" if getattr(e, "pos", None) is not None else ""
    for needle, said in _REGEX_PROBLEMS:
        if needle in msg:
            return said + where
    return f"无法解析（{msg}）{where}"
