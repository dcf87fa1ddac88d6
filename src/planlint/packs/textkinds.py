"""The generic pack kinds: existence, substitution, occurrence, repetition and consistency."""

from __future__ import annotations

import bisect
from collections import Counter
from typing import Any, Mapping

import regex

from planlint.blocks import HEADING
from planlint.diagnostics import Fix
from planlint.packs.matching import (
    MATCH_KEYS,
    SCOPE_KEY,
    SEARCH_SCOPES,
    Matcher,
    regex_problem,
    search_ranges,
)
from planlint.packs.schema import Entry, PackInfo, fill, make_rule
from planlint.rule import Rule


class PackKind:
    """Base for the built-in kinds: a name, its parameters (``keys``), message fields, and ``build``.

    ``entries_key`` names the list or mapping an extending pack may ``add`` to or ``remove`` from.
    """

    name = ""
    summary = ""
    keys: Mapping[str, str] = {}
    fields: tuple[str, ...] = ()
    entries_key: str | None = None

    def build(self, rule_id: str, entry: Entry, pack: PackInfo) -> Rule:  # pragma: no cover - abstract
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"<kind {self.name}>"


class Existence(PackKind):
    name = "existence"
    summary = "出现这些词语（或模式）就报告"
    keys = {"terms": "要报告的词语列表（match: regex 时为正则表达式）", **MATCH_KEYS, **SCOPE_KEY}
    fields = ("term",)
    entries_key = "terms"

    def build(self, rule_id, entry, pack):
        matcher = Matcher(entry, "terms", entry.text_list("terms"), pack.regex_timeout)
        scope = entry.choice("scope", SEARCH_SCOPES, "all")
        message = entry.template("message", "不宜使用“{term}”", self.fields)

        def check(doc, ctx):
            for h in matcher.find_sorted(doc, search_ranges(doc, scope)):
                yield ctx.report(h.start, h.end, fill(message, term=h.match.group()))

        return make_rule(rule_id, entry, check)


_GROUP_REF = regex.compile(r"\\(\d+)|\\g<([^>]*)>")


class Substitution(PackKind):
    name = "substitution"
    summary = "把错误或不规范的说法换成规范说法，可自动修复"
    keys = {
        "swap": "“错误说法: 规范说法”映射（match: regex 时左边为正则表达式，右边可用 \\1 引用分组）",
        "fix": "自动修复：safe（默认，--fix 直接改）/ unsafe（需 --unsafe-fixes）/ none（不修复）",
        **MATCH_KEYS,
        **SCOPE_KEY,
    }
    fields = ("wrong", "right")
    entries_key = "swap"

    def build(self, rule_id, entry, pack):
        swap = entry.text_map("swap")
        matcher = Matcher(entry, "swap", list(swap), pack.regex_timeout)
        if matcher.mode == "regex":
            for (pat_text, pat) in matcher.patterns:
                for m in _GROUP_REF.finditer(swap[pat_text]):
                    ok = int(m.group(1)) <= pat.groups if m.group(1) else (
                        m.group(2) in pat.groupindex or (m.group(2).isdigit() and int(m.group(2)) <= pat.groups))
                    if not ok:
                        raise entry.error("swap", f" 中 “{pat_text}” 的替换 “{swap[pat_text]}” 引用了不存在的分组 {m.group()}")
        fix_mode = entry.choice("fix", ("safe", "unsafe", "none"), "safe")
        scope = entry.choice("scope", SEARCH_SCOPES, "all")
        message = entry.template("message", "“{wrong}”应为“{right}”", self.fields)

        def check(doc, ctx):
            for h in matcher.find_sorted(doc, search_ranges(doc, scope)):
                wrong = h.match.group()
                right = h.match.expand(swap[h.key]) if matcher.mode == "regex" else swap[h.key]
                if wrong == right:
                    continue
                fix = None
                if fix_mode != "none":
                    fix = Fix.replace(h.start, h.end, right, f"改为“{right}”", safe=fix_mode == "safe")
                yield ctx.report(h.start, h.end, fill(message, wrong=wrong, right=right), fix)

        return make_rule(rule_id, entry, check, fixable=fix_mode != "none")


# Counting units of the occurrence kind, with the Chinese word used in messages.
COUNT_SCOPES = {"sentence": "句", "paragraph": "段", "section": "节", "document": "全文"}
_SPACE = regex.compile(r"\s+")


def _chars(text: str) -> int:
    return len(_SPACE.sub("", text))


class Occurrence(PackKind):
    name = "occurrence"
    summary = "每句 / 每段 / 每节 / 全文的字数或某些词出现的次数不得多于 max、少于 min"
    keys = {
        "terms": "要数的词语（不写则数字数，空白不计）",
        "min": "至少多少（字或次）",
        "max": "至多多少（字或次）",
        "scope": "按什么单位数：sentence（每句，默认）/ paragraph（每段）/ section（每节，含下级）/ document（全文）",
        **MATCH_KEYS,
    }
    fields = ("count", "min", "max", "scope", "term")
    entries_key = "terms"

    def build(self, rule_id, entry, pack):
        terms = entry.text_list("terms", None)
        lo = entry.integer("min", None)
        hi = entry.integer("max", None)
        if lo is None and hi is None:
            raise entry.error(None, " 至少要写 min 或 max 之一")
        if lo is not None and hi is not None and lo > hi:
            raise entry.error("min", f" 为 {lo}，大于 max {hi}")
        scope = entry.choice("scope", COUNT_SCOPES, "sentence")
        matcher = Matcher(entry, "terms", terms, pack.regex_timeout) if terms else None
        if matcher is None:
            for k in MATCH_KEYS:
                if k in entry:
                    raise entry.error(k, " 只在写了 terms 时有意义")
        if terms:
            default = "“{term}”在本{scope}出现 {count} 次，多于 {max} 次" if hi is not None else "本{scope}“{term}”只出现 {count} 次，少于 {min} 次"
        else:
            default = "本{scope} {count} 字，超过 {max} 字，宜拆分或精简" if hi is not None else "本{scope}只有 {count} 字，少于 {min} 字"
        if scope == "document":
            default = default.replace("本{scope}", "{scope}")
        message = entry.template("message", default, self.fields)
        label = COUNT_SCOPES[scope]
        shown_terms = "、".join(terms or [])

        def check(doc, ctx):
            units = _units(doc, scope)
            if matcher is not None:
                hits = matcher.find_sorted(doc, search_ranges(doc, "all"))
                starts = [h.start for h in hits]
            else:
                counter = _CharCounter(doc)
            for start, end, at in units:
                if matcher is None:
                    count = counter.count(start, end, scope)
                    over_at = at
                else:
                    i, j = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
                    count = j - i
                    over_at = (hits[i + hi].start, hits[i + hi].end) if hi is not None and count > hi else at
                fields = dict(count=count, min=lo, max=hi, scope=label, term=shown_terms)
                if hi is not None and count > hi:
                    yield ctx.report(*over_at, fill(message, **fields))
                elif lo is not None and count < lo:
                    yield ctx.report(*at, fill(message, **fields))

        return make_rule(rule_id, entry, check)


def _units(doc, scope: str) -> list[tuple[int, int, tuple[int, int]]]:
    """(start, end, span to report) of each counting unit."""
    if scope == "sentence":
        return [(s, e, (s, e)) for s, e in doc.sentences]
    if scope == "paragraph":
        return [(b.content_start, b.end, (b.content_start, b.end)) for b in doc.prose_blocks
                if b.kind != HEADING and b.content_start < b.end]
    if scope == "section":
        return [(sec.start, sec.end, (sec.heading.content_start, sec.heading.end))
                for sec in doc.sections.walk() if sec.heading is not None]
    title = doc.title_block
    at = (title.content_start, title.end) if title is not None else (0, 0)
    return [(0, len(doc.text), at)]


class _CharCounter:
    """Characters (whitespace not counted) of a sentence, a block, or the prose blocks in a range.

    Ranges use prefix sums over the prose blocks, so counting every section stays linear.
    """

    def __init__(self, doc):
        self.text = doc.text
        self.starts = [b.start for b in doc.prose_blocks]
        self.prefix = [0]
        for b in doc.prose_blocks:
            self.prefix.append(self.prefix[-1] + _chars(doc.text[b.content_start:b.end]))

    def count(self, start: int, end: int, scope: str) -> int:
        if scope in ("sentence", "paragraph"):
            return _chars(self.text[start:end])
        i, j = bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)
        return self.prefix[j] - self.prefix[i]


class Repetition(PackKind):
    name = "repetition"
    summary = "同一个词紧接着重复出现（推动推动、的的）"
    keys = {
        "terms": "只查这些词的重复（不写则查任何 1–max-length 个汉字的词）",
        "max-length": "不写 terms 时，重复部分最长几个汉字（默认 4）",
        "allow": "允许重叠的词（如 研究研究、看看）",
        **MATCH_KEYS,
        **SCOPE_KEY,
    }
    fields = ("term", "times")
    entries_key = "terms"

    def build(self, rule_id, entry, pack):
        terms = entry.text_list("terms", None)
        longest = entry.integer("max-length", 4, minimum=1)
        allow = set(entry.text_list("allow", [], min_items=0))
        mode = entry.choice("match", ("word", "substring", "regex"), "word")
        if terms and mode == "regex":
            for t in terms:
                try:
                    regex.compile(t)
                except regex.error as e:
                    raise entry.error("terms", f" 中的正则表达式 “{t}” 有误：{regex_problem(e)}") from None
            body = "|".join(f"(?:{t})" for t in terms)
        elif terms:
            body = "|".join(regex.escape(t) for t in sorted(terms, key=len, reverse=True))
        else:
            body = rf"\p{{Han}}{{1,{longest}}}"
        pattern = f"(?P<rep>{body})(?:(?P=rep))+"
        matcher = Matcher(entry, "terms", [pattern], pack.regex_timeout, mode="regex")
        scope = entry.choice("scope", SEARCH_SCOPES, "all")
        message = entry.template("message", "“{term}”连写了 {times} 次，删去重复的", self.fields)

        def check(doc, ctx):
            for h in matcher.find_sorted(doc, search_ranges(doc, scope)):
                term = h.match.group("rep")
                mid = h.start + len(term)
                times = (h.end - h.start) // len(term)
                if term + term in allow or term in allow:
                    continue
                if mode == "word" and not (doc.is_word_span(h.start, mid) and doc.is_word_span(mid, h.end)):
                    continue
                fix = Fix.replace(mid, h.end, "", f"删去重复的“{term}”", safe=False)
                yield ctx.report(h.start, h.end, fill(message, term=term, times=times), fix)

        return make_rule(rule_id, entry, check, fixable=True)


class Consistency(PackKind):
    name = "consistency"
    summary = "同一文档里几种写法只能用一种（新时代 / 新时期）"
    keys = {
        "variants": "若干组写法，每组两个以上，如 [[微信公众号, 微信公号]]",
        "match": "匹配方式：word（按词，默认）/ substring（按字面）",
        "ignore-case": MATCH_KEYS["ignore-case"],
        **SCOPE_KEY,
    }
    fields = ("term", "preferred", "count")
    entries_key = "variants"

    def build(self, rule_id, entry, pack):
        raw = entry.data.get("variants")
        if not isinstance(raw, list) or not raw:
            raise entry.error("variants", " 应为若干组写法的列表，如 [[新时代, 新时期]]")
        groups: list[list[str]] = []
        for i, g in enumerate(raw):
            sub = Entry(entry.rule_id, {"variants": g}, entry.file)
            words = sub.text_list("variants", min_items=2) if isinstance(g, list) else None
            if words is None:
                raise entry.error("variants", f" 的第 {i + 1} 组应为列表，如 [新时代, 新时期]")
            groups.append(words)
        group_of: dict[str, int] = {}
        for i, g in enumerate(groups):
            for w in g:
                if w in group_of:
                    raise entry.error("variants", f" 中 “{w}” 出现在两组里")
                group_of[w] = i
        entry.choice("match", ("word", "substring"), "word")
        matcher = Matcher(entry, "variants", list(group_of), pack.regex_timeout)
        scope = entry.choice("scope", SEARCH_SCOPES, "all")
        message = entry.template("message", "本文用的是“{preferred}”（{count} 处），此处“{term}”宜统一为“{preferred}”", self.fields)

        def check(doc, ctx):
            hits = matcher.find_sorted(doc, search_ranges(doc, scope))
            counts = Counter(h.key for h in hits)
            first: dict[str, int] = {}
            for h in hits:
                first.setdefault(h.key, h.start)
            preferred: dict[int, str] = {}
            for g, words in enumerate(groups):
                used = [w for w in words if counts[w]]
                if len(used) > 1:
                    preferred[g] = min(used, key=lambda w: (-counts[w], first[w]))
            for h in hits:
                best = preferred.get(group_of[h.key])
                if best is None or h.key == best:
                    continue
                fix = Fix.replace(h.start, h.end, best, f"统一为“{best}”", safe=False)
                yield ctx.report(h.start, h.end, fill(message, term=h.match.group(), preferred=best, count=counts[best]), fix)

        return make_rule(rule_id, entry, check, fixable=True)


def text_kinds() -> dict[str, Any]:
    return {k.name: k for k in (Existence(), Substitution(), Occurrence(), Repetition(), Consistency())}
