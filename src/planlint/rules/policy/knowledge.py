"""The dated knowledge base: series of events (congresses, plenums, plans), renamed terms, "new" wording.

The same YAML format serves the built-in data (``events.yaml``, ``institutions.yaml``, ``new_terms.yaml``
in this folder) and rule packs (issue 8, kind ``outdated-term``): ``load_knowledge(mapping, source_name)``
validates one mapping and returns a :class:`Knowledge`; ``builtin_knowledge()`` is the shipped data;
``Knowledge.merged(other)`` lets a pack add or override entries. The format is documented in
docs/rules/policy.md.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field, replace
from importlib import resources
from typing import Any, Iterable, Mapping

from planlint import yamlsafe
from planlint.docdate import YEARS, bad_date_reason, iso_shaped
from planlint.errors import ConfigError

BUILTIN_FILES = ("events.yaml", "institutions.yaml", "new_terms.yaml", "anniversaries.yaml")
USAGES = ("guidance", "any", "knowledge")

_CN_DIGITS = "〇一二三四五六七八九"


def cn_ordinal(n: int) -> str:
    """12 -> 十二, 20 -> 二十, 21 -> 二十一, 10 -> 十, 6 -> 六 (the way ordinals are written in 十八大)."""
    if n < 10:
        return _CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    head = "" if tens == 1 else _CN_DIGITS[tens]
    return head + "十" + (_CN_DIGITS[ones] if ones else "")


class KnowledgeError(ConfigError):
    """A knowledge mapping that does not follow the format (names the source and the entry)."""


@dataclass(frozen=True)
class Item:
    """One dated member of a series: a congress, a plenum, a plan period, a session."""

    series: str
    key: tuple  # (ordinal,) or (term, number)
    name: str  # how messages name it: 党的二十大, 二十届三中全会, “十四五”规划
    forms: tuple[str, ...] = ()  # spellings found in text (literal)
    start: dt.date | None = None  # None: not held yet
    end: dt.date | None = None
    expected: int | None = None  # expected year when not held yet
    sources: tuple[str, ...] = ()
    note: str = ""
    confidence: str = ""
    extra: Mapping[str, Any] = field(default_factory=dict)

    @property
    def ordinal(self) -> int:
        return self.key[0]

    def held_by(self, date: dt.date) -> bool:
        if self.start is None:
            year = self.extra.get("year")  # known by year only (NPC sessions): held once that year is over
            return bool(year) and date.year > int(year)
        return self.start <= date

    def period(self) -> str:
        if self.start is None and self.extra.get("year"):
            return f"{self.extra['year']} 年"
        if self.start is None:
            return f"预计 {self.expected} 年" if self.expected else "尚未举行"
        if self.end and self.end != self.start:
            return f"{self.start.isoformat()} 至 {self.end.isoformat()}"
        return self.start.isoformat()


@dataclass(frozen=True)
class Series:
    """Ordered dated items; an item is superseded once a later item of the series has begun."""

    id: str
    kind: str  # congress | plenum | plan | session | any word a pack chooses
    title: str
    items: tuple[Item, ...]
    usage: str = "guidance"  # guidance | any | knowledge (listed only, never reported)
    org: tuple[str, ...] = ()  # words before a form that name the organisation (党的, 工会, 共青团)
    org_required: bool = False  # a form with no organisation word before it belongs elsewhere
    congress: str | None = None  # plenum series: the congress series whose next item ends a term
    sources: tuple[str, ...] = ()

    def held(self, date: dt.date) -> list[Item]:
        return [i for i in self.items if i.held_by(date)]

    def current(self, date: dt.date) -> Item | None:
        """The latest item begun on or before ``date``."""
        held = self.held(date)
        return held[-1] if held else None

    def next_after(self, item: Item) -> Item | None:
        later = [i for i in self.items if i.key > item.key]
        return later[0] if later else None

    def find(self, key: tuple) -> Item | None:
        for i in self.items:
            if i.key == key:
                return i
        return None


@dataclass(frozen=True)
class Term:
    """A name superseded on a date by another (a renamed or merged institution, a retired title)."""

    term: str
    forms: tuple[str, ...]
    by: str  # what to say instead, may carry a note: 国家市场监督管理总局（…）
    since: dt.date
    replacement: str = ""  # plain replacement text for a fix (defaults to ``by``)
    usage: str = "any"
    kind: str = "institution"
    sources: tuple[str, ...] = ()
    note: str = ""
    confidence: str = ""

    @property
    def fix_text(self) -> str:
        return self.replacement or self.by


@dataclass(frozen=True)
class NewTerm:
    """Wording that is "new" only for a while after a revision: 新《工会法》."""

    term: str  # 《工会法》
    name: str  # 中华人民共和国工会法
    forms: tuple[str, ...]  # spellings inside 《》: 工会法, 中华人民共和国工会法
    revised: tuple[dt.date, ...]  # revisions that count, ascending
    sources: tuple[str, ...] = ()
    note: str = ""

    def last_revision(self, date: dt.date) -> dt.date | None:
        done = [d for d in self.revised if d <= date]
        return done[-1] if done else None


@dataclass(frozen=True)
class Anniversary:
    """A founding date whose round anniversaries are welcomed: 迎接建党100周年 (held 2021-07-01)."""

    name: str  # 中国共产党成立
    forms: tuple[str, ...]  # 建党, 中国共产党成立
    date: dt.date
    sources: tuple[str, ...] = ()
    note: str = ""

    def on(self, years: int) -> dt.date:
        try:
            return self.date.replace(year=self.date.year + years)
        except ValueError:  # 29 February
            return self.date.replace(year=self.date.year + years, day=28)


@dataclass(frozen=True)
class Knowledge:
    """Everything the policy/ rules know, with where each part came from."""

    series: tuple[Series, ...] = ()
    terms: tuple[Term, ...] = ()
    new: tuple[NewTerm, ...] = ()
    sources: Mapping[str, str] = field(default_factory=dict)  # key -> one-line description
    origin: tuple[str, ...] = ()  # source names of the mappings merged in
    anniversaries: tuple[Anniversary, ...] = ()

    def series_by_id(self, sid: str) -> Series | None:
        for s in self.series:
            if s.id == sid:
                return s
        return None

    def merged(self, other: "Knowledge") -> "Knowledge":
        """This knowledge with ``other``'s entries added; same series id merges items (other wins per key),
        same term / new term replaces."""
        series = {s.id: s for s in self.series}
        for s in other.series:
            if s.id in series:
                base = series[s.id]
                items = {i.key: i for i in base.items}
                items.update({i.key: replace(i, series=s.id) for i in s.items})
                series[s.id] = replace(s, items=tuple(sorted(items.values(), key=lambda i: i.key)))
            else:
                series[s.id] = s
        terms = {t.term: t for t in self.terms}
        terms.update({t.term: t for t in other.terms})
        new = {n.term: n for n in self.new}
        new.update({n.term: n for n in other.new})
        ann = {a.name: a for a in self.anniversaries}
        ann.update({a.name: a for a in other.anniversaries})
        return Knowledge(tuple(series.values()), tuple(terms.values()), tuple(new.values()),
                         {**self.sources, **other.sources}, self.origin + other.origin, tuple(ann.values()))

    def successor_term(self, name: str, date: dt.date) -> Term | None:
        """The term entry for ``name`` (a form or a replacement) superseded by ``date``, if any."""
        for t in self.terms:
            if (name == t.term or name in t.forms) and t.since <= date:
                return t
        return None

    def resolve(self, term: Term, date: dt.date) -> Term:
        """Follow renames: 银监会 → 银保监会 → 国家金融监督管理总局, as far as ``date`` allows."""
        seen = {term.term}
        while True:
            nxt = self.successor_term(term.fix_text, date)
            if nxt is None or nxt.term in seen:
                return term
            seen.add(nxt.term)
            term = replace(term, by=nxt.by, replacement=nxt.replacement, since=max(term.since, nxt.since))

    def describe_sources(self, keys: Iterable[str]) -> str:
        return "；".join(self.sources.get(k, k) for k in keys)


# --- loading -----------------------------------------------------------------------------------

_TOP_KEYS = {"sources", "series", "terms", "new", "anniversaries", "meta"}
_ANNIVERSARY_KEYS = {"name", "forms", "date", "source", "note"}
_SERIES_KEYS = {"id", "kind", "title", "name", "forms", "org", "org_required", "usage", "items", "congress",
                "source", "note"}
_ITEM_KEYS = {"ordinal", "term", "number", "session", "year", "name", "forms", "start", "end", "expected",
              "source", "confidence", "note", "document"}
_TERM_KEYS = {"term", "forms", "by", "since", "replacement", "usage", "kind", "source", "note", "confidence"}
_NEW_KEYS = {"term", "name", "forms", "revised", "source", "note"}


def _err(source_name: str, where: str, message: str) -> KnowledgeError:
    return KnowledgeError(f"{_readable(where)}：{message}", source_name)


def _readable(where: str) -> str:
    """"terms 规划科.since" → "terms 中“规划科”条的 since" (what a pack author wrote, in their words)."""
    head, _, key = where.partition(".")
    section, _, entry = head.partition(" ")
    if entry and key:
        return f"{section} 中“{entry}”条的 {key}"
    if entry:
        return f"{section} 中的“{entry}”条"
    return where


def _check_keys(entry: Any, allowed: set, source_name: str, where: str) -> Mapping:
    if not isinstance(entry, Mapping):
        raise _err(source_name, where, "应为映射（键: 值）")
    unknown = set(entry) - allowed
    if unknown:
        import difflib

        k = sorted(unknown)[0]
        near = difflib.get_close_matches(k, sorted(allowed), n=1)
        hint = f"，是不是“{near[0]}”？" if near else f"；可用的键：{', '.join(sorted(allowed))}"
        raise _err(source_name, where, f"未知的键“{k}”{hint}")
    return entry


def _date(value: Any, source_name: str, where: str, *, year_end: bool = False) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int) and value in YEARS:
        return dt.date(value, 12, 31) if year_end else dt.date(value, 1, 1)
    text = str(value).strip()
    if isinstance(value, int) or text.isdigit():
        raise _err(source_name, where, f"年份“{value}”不在 {YEARS.start}—{YEARS.stop - 1} 之间")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        also = "" if iso_shaped(text) else "，也可只写年份"
        raise _err(source_name, where, bad_date_reason(text) + also) from None


def _strs(value: Any, source_name: str, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, (list, tuple)) and all(isinstance(v, (str, int)) for v in value):
        return tuple(str(v) for v in value)
    raise _err(source_name, where, "应为字符串或字符串列表")


def _sources(entry: Mapping, source_name: str, where: str, required: bool = True) -> tuple[str, ...]:
    src = _strs(entry.get("source"), source_name, where + ".source")
    if required and not src:
        raise _err(source_name, where, "缺少 source（每条知识都要注明出处）")
    return src


def _expand(template: str, item: Mapping, n: int | None) -> str:
    values = {k: v for k, v in item.items() if isinstance(v, (str, int))}
    if n is not None:
        values["n"] = cn_ordinal(n)
    if "term" in item:
        values["t"] = cn_ordinal(int(item["term"]))
    for key in ("number", "session"):
        if key in item:
            values["k"] = cn_ordinal(int(item[key]))
    try:
        return template.format(**values)
    except (KeyError, ValueError, IndexError):
        return template


def _load_item(raw: Any, series: Mapping, sid: str, source_name: str, where: str) -> Item:
    entry = _check_keys(raw, _ITEM_KEYS, source_name, where)
    if "ordinal" in entry:
        key: tuple = (int(entry["ordinal"]),)
        n = int(entry["ordinal"])
    elif "term" in entry and ("number" in entry or "session" in entry):
        key = (int(entry["term"]), int(entry.get("number", entry.get("session"))))
        n = None
    else:
        raise _err(source_name, where, "条目需要 ordinal（届次），或 term 加 number/session")
    start = _date(entry.get("start"), source_name, where + ".start")
    end = _date(entry.get("end"), source_name, where + ".end", year_end=True)
    name = str(entry.get("name") or _expand(str(series.get("name") or "{n}"), entry, n))
    forms = list(_strs(entry.get("forms"), source_name, where + ".forms"))
    for template in _strs(series.get("forms"), source_name, f"series {sid}.forms"):
        form = _expand(template, entry, n)
        if form not in forms:
            forms.append(form)
    extra = {k: entry[k] for k in ("document", "year", "term", "number", "session") if k in entry}
    return Item(
        series=sid, key=key, name=name, forms=tuple(forms), start=start, end=end,
        expected=int(entry["expected"]) if entry.get("expected") else None,
        sources=_sources(entry, source_name, where), note=str(entry.get("note") or ""),
        confidence=str(entry.get("confidence") or ""), extra=extra,
    )


def _load_series(raw: Any, source_name: str, where: str) -> Series:
    entry = _check_keys(raw, _SERIES_KEYS, source_name, where)
    sid = entry.get("id")
    if not sid or not isinstance(sid, str):
        raise _err(source_name, where, "缺少 id")
    where = f"series {sid}"
    usage = str(entry.get("usage") or "guidance")
    if usage not in USAGES:
        raise _err(source_name, where, f"usage“{usage}”应为 {' / '.join(USAGES)}")
    items_raw = entry.get("items")
    if not isinstance(items_raw, list) or not items_raw:
        raise _err(source_name, where, "items 应为非空列表")
    items = [_load_item(r, entry, sid, source_name, f"{where}.items[{i}]") for i, r in enumerate(items_raw)]
    keys = [i.key for i in items]
    if len(set(keys)) != len(keys):
        raise _err(source_name, where, "items 中有重复的届次")
    items.sort(key=lambda i: i.key)
    return Series(
        id=sid, kind=str(entry.get("kind") or "event"), title=str(entry.get("title") or sid),
        items=tuple(items), usage=usage, org=_strs(entry.get("org"), source_name, where + ".org"),
        org_required=bool(entry.get("org_required", False)), congress=entry.get("congress"),
        sources=_strs(entry.get("source"), source_name, where + ".source"),
    )


def _load_term(raw: Any, source_name: str, where: str) -> Term:
    entry = _check_keys(raw, _TERM_KEYS, source_name, where)
    for k in ("term", "by", "since"):
        if not entry.get(k):
            raise _err(source_name, where, f"缺少 {k}")
    where = f"terms {entry['term']}"
    usage = str(entry.get("usage") or "any")
    if usage not in USAGES:
        raise _err(source_name, where, f"usage“{usage}”应为 {' / '.join(USAGES)}")
    forms = list(_strs(entry.get("forms"), source_name, where + ".forms"))
    if str(entry["term"]) not in forms:
        forms.append(str(entry["term"]))
    return Term(
        term=str(entry["term"]), forms=tuple(forms), by=str(entry["by"]),
        since=_date(entry["since"], source_name, where + ".since"),
        replacement=str(entry.get("replacement") or ""), usage=usage, kind=str(entry.get("kind") or "institution"),
        sources=_sources(entry, source_name, where), note=str(entry.get("note") or ""),
        confidence=str(entry.get("confidence") or ""),
    )


def _load_new(raw: Any, source_name: str, where: str) -> NewTerm:
    entry = _check_keys(raw, _NEW_KEYS, source_name, where)
    if not entry.get("term") or not entry.get("revised"):
        raise _err(source_name, where, "需要 term 和 revised")
    where = f"new {entry['term']}"
    revised = sorted(_date(v, source_name, where + ".revised") for v in _strs_or_dates(entry["revised"]))
    term = str(entry["term"])
    forms = list(_strs(entry.get("forms"), source_name, where + ".forms")) or [term.strip("《》")]
    return NewTerm(term=term, name=str(entry.get("name") or term.strip("《》")), forms=tuple(forms),
                   revised=tuple(revised), sources=_sources(entry, source_name, where),
                   note=str(entry.get("note") or ""))


def _load_anniversary(raw: Any, source_name: str, where: str) -> Anniversary:
    entry = _check_keys(raw, _ANNIVERSARY_KEYS, source_name, where)
    if not entry.get("name") or not entry.get("date"):
        raise _err(source_name, where, "需要 name 和 date")
    where = f"anniversaries {entry['name']}"
    forms = list(_strs(entry.get("forms"), source_name, where + ".forms"))
    if str(entry["name"]) not in forms:
        forms.append(str(entry["name"]))
    return Anniversary(name=str(entry["name"]), forms=tuple(forms), date=_date(entry["date"], source_name, where + ".date"),
                       sources=_sources(entry, source_name, where), note=str(entry.get("note") or ""))


def _strs_or_dates(value: Any) -> list:
    return list(value) if isinstance(value, (list, tuple)) else [value]


def load_knowledge(mapping: Mapping, source_name: str) -> Knowledge:
    """Validate one knowledge mapping (keys ``sources``, ``series``, ``terms``, ``new``) and build it.

    ``source_name`` names where the mapping came from (a file, a pack) in error messages. Raises
    :class:`KnowledgeError` (a ConfigError: exit code 2) naming the entry and the problem.
    """
    mapping = _check_keys(mapping or {}, _TOP_KEYS, source_name, "顶层")
    sources: dict[str, str] = {}
    for key, value in (mapping.get("sources") or {}).items():
        if isinstance(value, Mapping):
            text = str(value.get("title") or key)
            if value.get("url"):
                text += f"（{value['url']}）"
        else:
            text = str(value)
        sources[str(key)] = text
    series = tuple(_load_series(r, source_name, f"series[{i}]") for i, r in enumerate(mapping.get("series") or []))
    terms = tuple(_load_term(r, source_name, f"terms[{i}]") for i, r in enumerate(mapping.get("terms") or []))
    new = tuple(_load_new(r, source_name, f"new[{i}]") for i, r in enumerate(mapping.get("new") or []))
    anniversaries = tuple(_load_anniversary(r, source_name, f"anniversaries[{i}]")
                          for i, r in enumerate(mapping.get("anniversaries") or []))
    return Knowledge(series, terms, new, sources, (source_name,), anniversaries)


@functools.lru_cache(maxsize=1)
def builtin_knowledge() -> Knowledge:
    """The knowledge shipped in this package (events, institutions, "new" wording)."""
    out = Knowledge()
    folder = resources.files("planlint.rules.policy")
    for name in BUILTIN_FILES:
        data = yamlsafe.safe_load(folder.joinpath(name).read_text("utf-8"))
        out = out.merged(load_knowledge(data, f"planlint/rules/policy/{name}"))
    return out


# --- what is known as of a date (for `planlint knowledge`) --------------------------------------

def _plenum_gaps(series: Series) -> list[str]:
    """Plenums missing between the first and the last known plenum of each term."""
    by_term: dict[int, set[int]] = {}
    for i in series.items:
        by_term.setdefault(i.key[0], set()).add(i.key[1])
    out = []
    for term, nums in sorted(by_term.items()):
        out += [f"{cn_ordinal(term)}届{cn_ordinal(k)}中全会" for k in range(1, max(nums)) if k not in nums]
    return out


def knowledge_lines(knowledge: Knowledge, date: dt.date) -> list[str]:
    """Human-readable lines: for each series the current item and its predecessors, renamed terms."""
    out: list[str] = [f"截至 {date.isoformat()}，planlint 知道："]
    for s in knowledge.series:
        cur = s.current(date)
        out.append("")
        out.append(f"## {s.title}（{s.id}）")
        if s.kind == "plenum":
            congress = knowledge.series_by_id(s.congress or "")
            term = None
            if congress:
                c = congress.current(date)
                term = c.ordinal if c else None
            mine = [i for i in s.held(date) if i.key[0] == term]
            if term is None:
                out.append("- 无")
                continue
            out.append(f"- 现行：{cn_ordinal(term)}届中央委员会" + (
                "，已举行：" + "、".join(f"{i.name}（{i.period()}）" for i in mine) if mine else "，尚无已知全会"))
            older = [i for i in s.held(date) if i.key[0] < term]
            if older:
                out.append(f"- 已不作为现行指导：{len(older)} 次更早届次的全会（最近一次 {older[-1].name}，{older[-1].period()}）")
            gaps = _plenum_gaps(s)
            if gaps:
                out.append(f"- 未收录日期：{'、'.join(gaps)}（仍按届次判断是否过时）")
            continue
        if cur is None:
            out.append("- 尚无已举行的条目")
        else:
            out.append(f"- 现行：{cur.name}（{cur.period()}）")
            prev = [i for i in s.items if i.key < cur.key and i.start]
            if prev:
                out.append(f"- 已被取代：{'、'.join(i.name for i in prev[-3:])}" + (" 等" if len(prev) > 3 else ""))
        upcoming = [i for i in s.items if not i.held_by(date)]
        if upcoming:
            out.append(f"- 尚未开始：{'、'.join(f'{i.name}（{i.period()}）' for i in upcoming)}")
    done = [t for t in knowledge.terms if t.since <= date]
    if done:
        out += ["", "## 已更名或撤并的机构"]
        for t in done:
            cur = knowledge.resolve(t, date)
            out.append(f"- {t.term} → {cur.by}（自 {t.since.isoformat()}）")
    if knowledge.anniversaries:
        out += ["", "## 纪念日（“迎接……周年”在当天之后即过时）"]
        for a in knowledge.anniversaries:
            years = date.year - a.date.year - (1 if (date.month, date.day) < (a.date.month, a.date.day) else 0)
            out.append(f"- {a.name}：{a.date.isoformat()}，最近一个周年 {a.on(years).isoformat()}（{years} 周年）")
    if knowledge.new:
        out += ["", "## “新”字有时效的提法（最近一次计入的修订）"]
        for n in knowledge.new:
            last = n.last_revision(date)
            out.append(f"- 新{n.term}：" + (f"最近修订 {last.isoformat()}" if last else "尚未制定"))
    return out
