"""Write small integers as Chinese numerals (3 → 三, 12 → 十二, 21 → 二十一) for messages and fixes."""

from __future__ import annotations

_DIGITS = "零一二三四五六七八九"


def cn_numeral(n: int) -> str:
    """Chinese numeral for 0 < n < 100 as outline markers write it; other values as Arabic digits."""
    if not 0 < n < 100:
        return str(n)
    tens, ones = divmod(n, 10)
    if tens == 0:
        return _DIGITS[ones]
    head = "" if tens == 1 else _DIGITS[tens]
    return head + "十" + (_DIGITS[ones] if ones else "")
