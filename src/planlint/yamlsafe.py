"""Safe YAML loading (libyaml's C parser when available), and YAML errors told in Chinese for users."""

from __future__ import annotations

import re
from typing import Any

import yaml

# CSafeLoader parses in C but builds objects with the same SafeConstructor as yaml.SafeLoader:
# only plain scalars, lists and mappings, never Python objects. Wheels on PyPI include libyaml;
# a PyYAML built without it falls back to the pure-Python SafeLoader with identical results.
SafeLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class UserLoader(SafeLoader):
    """The loader for files users write (config, rule packs): dates stay text, so that the reader
    of each key can say what is wrong with "2024-02-30" instead of YAML failing on it."""


UserLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != _TIMESTAMP]
    for first, resolvers in SafeLoader.yaml_implicit_resolvers.items()
}


def safe_load(text: str) -> Any:
    """Parse one YAML document safely (what yaml.safe_load does, faster)."""
    return yaml.load(text, Loader=SafeLoader)


def user_load(text: str) -> Any:
    """Parse a file a user wrote (config, front matter) safely, with dates left as text."""
    return yaml.load(text, Loader=UserLoader)


def decode_user_file(raw: bytes) -> str:
    """A user's YAML file as text: UTF-8 (with or without BOM), or GB18030/GBK as Notepad on Chinese
    Windows saves "ANSI". Raises UnicodeDecodeError when it is neither."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("gb18030")


_FULLWIDTH_KEY = re.compile(r"^\s*[^\s#:：]+：")
_NO_SPACE_KEY = re.compile(r"^\s*[\w\-]+:[^\s/]")


def describe_error(e: yaml.YAMLError, text: str) -> str:
    """“第 N 行：…” in Chinese for the YAML mistakes people make by hand, else the parser's words."""
    problem = getattr(e, "problem", None) or ""
    mark = getattr(e, "problem_mark", None)
    context = getattr(e, "context_mark", None)
    lines = text.splitlines()

    def line(m) -> str:
        return lines[m.line] if m is not None and 0 <= m.line < len(lines) else ""

    def at(m) -> str:
        return f"第 {m.line + 1} 行" if m is not None else ""

    if "tab" in problem or (mark is not None and "\t" in line(mark)[: mark.column + 1]):
        return f"{at(mark)}用了制表符（Tab）：YAML 只能用空格缩进，请把 Tab 换成空格"
    # A mistake on one line is often reported on the next one: look at both.
    for m in (context, mark, _previous(mark)):
        text_line = line(m)
        if text_line and _FULLWIDTH_KEY.match(text_line):
            return f"{at(m)}的键后用了全角冒号“：”：请改为半角冒号加一个空格（如 kind: substitution）"
        if text_line and _NO_SPACE_KEY.match(text_line):
            return f"{at(m)}的冒号后缺少空格：请写成“键: 值”（如 kind: substitution）"
    if "did not find expected key" in problem or "expected <block end>" in problem:
        return f"{at(mark)}缩进没有对齐：同一层的键要左对齐，下一层的键比上一层多缩进两个空格"
    if "could not find expected ':'" in problem:
        return f"{at(context or mark)}缺少“: ”：每个键后面要写半角冒号和一个空格"
    return f"{at(mark)}：{problem or type(e).__name__}（YAML 格式错误）"


def _previous(mark):
    if mark is None or mark.line == 0:
        return None
    return yaml.Mark(mark.name, mark.index, mark.line - 1, 0, None, None)
