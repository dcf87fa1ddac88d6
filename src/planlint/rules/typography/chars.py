"""Character classes the typography rules reason with: Han, Chinese punctuation, Latin, digits."""

from __future__ import annotations

import regex

_HAN = regex.compile(r"\p{Han}")
# Full-width (Chinese) punctuation and marks that belong to Chinese running text (GB/T 15834-2011).
CJK_PUNCT = frozenset("，。、；：？！“”‘’（）《》〈〉【】「」『』〔〕〖〗…—·～－．％")
# Marks that close a quotation or bracket; a sentence mark may follow them in Chinese prose.
CJK_CLOSERS = frozenset("”’）》〉】」』〕〗")
# Half-width mark -> the full-width mark GB/T 15834-2011 prescribes in Chinese text.
FULL_WIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）", ".": "。"}
# Chinese names of the marks, for messages.
MARK_NAMES = {
    ",": "逗号", ";": "分号", ":": "冒号", "?": "问号", "!": "叹号", "(": "左括号", ")": "右括号", ".": "句号",
    "，": "逗号", "；": "分号", "：": "冒号", "？": "问号", "！": "叹号", "。": "句号", "、": "顿号",
}
CN_DIGITS = frozenset("〇零一二三四五六七八九十")


def is_han(ch: str) -> bool:
    return bool(ch) and _HAN.match(ch) is not None


def has_han(s: str) -> bool:
    return _HAN.search(s) is not None


def is_cjk(ch: str) -> bool:
    """A Han character or a full-width punctuation mark."""
    return bool(ch) and (is_han(ch) or ch in CJK_PUNCT or "\u3000" <= ch <= "\u303f" or "\uff01" <= ch <= "\uff60")


def is_latin(ch: str) -> bool:
    return bool(ch) and ch.isascii() and ch.isalpha()


def is_digit(ch: str) -> bool:
    return bool(ch) and ch in "0123456789０１２３４５６７８９"


def has_latin(s: str) -> bool:
    return any(is_latin(c) for c in s)
