"""Recognise a document's kind (计划 / 总结 / 方案 / 要点 / 报告 …) from its title or file name."""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from importlib import resources

import yaml


@dataclass(frozen=True)
class DocKind:
    """The kind chosen, the word that decided it, and why (for messages)."""

    name: str | None
    reason: str


@functools.lru_cache(maxsize=1)
def builtin_kind_words() -> dict[str, list[str]]:
    data = yaml.safe_load(resources.files("planlint").joinpath("data/kinds.yaml").read_text("utf-8"))
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


def infer_kind(title: str | None, path: str | None, kind_words: dict[str, list[str]] | None = None) -> DocKind:
    words = kind_words or builtin_kind_words()
    if title:
        k = kind_from_title(title, words)
        if k:
            return DocKind(k, f"标题“{title.strip()[:40]}”")
    if path and path != "-":
        stem = os.path.splitext(os.path.basename(path))[0]
        k = kind_from_title(stem, words)
        if k:
            return DocKind(k, f"文件名“{os.path.basename(path)}”")
    return DocKind(None, "未能从标题或文件名判断文种")
