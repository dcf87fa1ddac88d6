"""Load the placeholder family's YAML term lists (slots.yaml, residue.yaml) once, as compiled data."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

import regex

from planlint import yamlsafe


def _load(name: str) -> dict:
    text = resources.files(__package__).joinpath(name).read_text("utf-8")
    return yamlsafe.safe_load(text)


def _alternation(texts) -> str:
    """A regex alternation of literal ``texts``, longest first so the longest one wins."""
    return "|".join(regex.escape(t) for t in sorted(set(texts), key=len, reverse=True))


@dataclass(frozen=True)
class Kind:
    """A slot kind: what is missing ("年份") and what to do ("请填写具体年份")."""

    label: str
    advice: str


@dataclass(frozen=True)
class Suffix:
    text: str
    kind: str
    free: bool  # may start a longer word ("年" in "年中")


@dataclass(frozen=True)
class Phrase:
    """A residue phrase found inside a line (literal ``text`` or a ``pattern``)."""

    rx: "regex.Pattern"
    kind: str
    word: bool
    unquoted: bool
    with_any: tuple[str, ...]


@dataclass(frozen=True)
class LineTerm:
    rx: "regex.Pattern"
    kind: str


class SlotData:
    """slots.yaml: slot kinds, suffixes, labels, surnames, instruction words and draft notes."""

    def __init__(self, raw: dict):
        self.kinds = {k: Kind(v["label"], v["advice"]) for k, v in raw["kinds"].items()}
        self.suffixes = {e["text"]: Suffix(e["text"], e["kind"], bool(e.get("free"))) for e in raw["suffixes"]}
        self.suffix_rx = regex.compile(_alternation(self.suffixes))
        self.labels = {e["text"]: e["kind"] for e in raw["labels"]}
        self.label_rx = regex.compile(rf"(?:{_alternation(self.labels)})[ \t　]*[:：]?[ \t　]*$")
        self.roman_followers = tuple(e["text"] for e in raw["roman_followers"])
        self.surnames = frozenset(raw["surnames"]["chars"])
        ins = raw["instructions"]
        self.instruction_verbs = tuple(sorted((e["text"] for e in ins["verbs"]), key=len, reverse=True))
        self.instruction_nouns = {e["text"]: e["kind"] for e in ins["nouns"]}
        self.instruction_notes = frozenset(e["text"] for e in ins["notes"])
        self.todo = [dict(e) for e in raw["todo"]]
        for kind in [s.kind for s in self.suffixes.values()] + list(self.labels.values()) + list(
            self.instruction_nouns.values()
        ):
            if kind not in self.kinds:
                raise ValueError(f"slots.yaml: unknown slot kind {kind!r}")

    def kind(self, name: str) -> Kind:
        return self.kinds[name]


class ResidueData:
    """residue.yaml: furniture lines, line patterns, blurb phrases, site names, weak lines, collections."""

    def __init__(self, raw: dict):
        self.lines = {e["text"]: e["kind"] for e in raw["lines"]}
        self.line_patterns = [LineTerm(regex.compile(e["pattern"]), e["kind"]) for e in raw["line_patterns"]]
        self.phrases = [
            Phrase(
                regex.compile(e["pattern"] if "pattern" in e else regex.escape(e["text"])),
                e["kind"],
                bool(e.get("word")),
                bool(e.get("unquoted")),
                tuple(e.get("with", ())),
            )
            for e in raw["phrases"]
        ]
        literal = [e["text"] for e in raw["sites"] if "text" in e]
        patterns = [e["pattern"] for e in raw["sites"] if "pattern" in e]
        self.site_rx = regex.compile("|".join([_alternation(literal)] + patterns))
        self.weak_lines = [LineTerm(regex.compile(e["pattern"]), e["kind"]) for e in raw["weak_lines"]]
        self.listed_titles = [LineTerm(regex.compile(e["pattern"]), e["kind"]) for e in raw.get("listed_titles", [])]
        bc = raw["breadcrumb"]
        self.breadcrumb_rx = regex.compile(rf"\s*(?:{_alternation(bc['separators'])})\s*")
        self.breadcrumb_min = int(bc["min_segments"])
        self.breadcrumb_max = int(bc["max_segment"])
        self.breadcrumb_site_words = tuple(bc["site_words"])
        col = raw["collection"]
        self.kind_words = tuple(col["kind_words"]["words"])
        self.count_verbs = tuple(col["count_verbs"]["words"])
        self.title_prefixes = tuple(col["title_prefixes"]["words"])


@functools.lru_cache(maxsize=1)
def slots() -> SlotData:
    return SlotData(_load("slots.yaml"))


@functools.lru_cache(maxsize=1)
def residue() -> ResidueData:
    return ResidueData(_load("residue.yaml"))
