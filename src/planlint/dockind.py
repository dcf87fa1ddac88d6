"""Recognise a document's kind (计划 / 总结 / 方案 / 要点 / 报告 …) from the word its title or file name ends with."""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from importlib import resources

import regex

from planlint import yamlsafe

# Decorations after the kind word at the end of a title: 篇N, 精选7篇, （草案）, a year or a date.
_TITLE_TAIL = regex.compile(
    r"(?:[（(【\[][^）)】\]]{0,12}[）)】\]]"
    r"|(?:篇|范文|第)[ \t\u3000]*[0-9０-９一二三四五六七八九十]{1,3}篇?"
    r"|(?:精选|优秀|最新|通用)?[ \t\u3000]*[0-9０-９一二三四五六七八九十]{1,2}[ \t\u3000]*篇"
    r"|范文|模板|大全|例文|精选|最新|汇编"
    r"|[0-9０-９xX×〇零一二三四五六七八九十]{1,4}年(?:[0-9０-９xX一二三四五六七八九十]{1,2}月(?:[0-9０-９xX一二三四五六七八九十]{1,3}日)?)?"
    r"|[\s\u3000:：。.!！,，;；]"
    r")+$"
)


@dataclass(frozen=True)
class DocKind:
    """The kind chosen, the word that decided it, and why (for messages)."""

    name: str | None
    reason: str


@functools.lru_cache(maxsize=1)
def builtin_kind_words() -> dict[str, list[str]]:
    data = yamlsafe.safe_load(resources.files("planlint").joinpath("data/kinds.yaml").read_text("utf-8"))
    return {name: list(entry["titles"]) for name, entry in data["kinds"].items()}


def kind_from_title(title: str, kind_words: dict[str, list[str]]) -> str | None:
    """The kind whose word occurs earliest in ``title`` (longest word wins at the same place)."""
    best = None
    for name, words in kind_words.items():
        for w in words:
            i = title.find(w)
            if i >= 0:
                key = (i, -len(w))
                if best is None or key < best[0]:
                    best = (key, name)
    return best[1] if best else None


def kind_at_end(title: str, kind_words: dict) -> str | None:
    """The kind named by the word a title ends with (after 篇N, years, （草案） …), else None.

    "2023年工作计划篇1" is a 计划; "关于制定第十个五年计划的建议" is not (it ends with 建议).
    """
    found = kind_word_at_end(title, kind_words)
    return found[0] if found else None


def kind_word_at_end(title: str, kind_words: dict) -> tuple[str, str] | None:
    """(kind, the title word that named it) for the word a title ends with, else None."""
    t = title.strip()
    t = _TITLE_TAIL.sub("", t) or t
    best = None
    for name, words in kind_words.items():
        for w in words:
            if t.endswith(w) and (best is None or len(w) > best[0]):
                best = (len(w), name, w)
    if best is None:
        return None
    other = kind_from_title(t[: -best[0]], kind_words)
    if other is not None and other != best[1]:
        return None  # "上半年工作总结及下半年工作计划": two kinds in one, neither checked
    return best[1], best[2]


def infer_kind(title: str | None, path: str | None, kind_words: dict[str, list[str]] | None = None) -> DocKind:
    words = kind_words or builtin_kind_words()
    if title:
        k = kind_at_end(title, words)
        if k:
            return DocKind(k, f"标题“{title.strip()[:40]}”")
    if path and path != "-":
        stem = os.path.splitext(os.path.basename(path))[0]
        k = kind_at_end(stem, words)
        if k:
            return DocKind(k, f"文件名“{os.path.basename(path)}”")
    return DocKind(None, "未能从标题或文件名判断文种")
