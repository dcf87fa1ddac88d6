"""Small Chinese-numeral reader for outline markers and dates (一, 十二, 二〇二三, 两百)."""

from __future__ import annotations

DIGITS = {
    "〇": 0, "○": 0, "零": 0, "0": 0, "０": 0, "Ｏ": 0, "O": 0,
    "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
    "六": 6, "七": 7, "八": 8, "九": 9,
    "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9,
}
UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
CN_NUMERAL_CHARS = "".join(DIGITS) + "".join(UNITS)


def parse_cn_int(s: str) -> int | None:
    """Value of a Chinese numeral below 10000 (positional 二〇二三 or with units 二十三); None if not one."""
    if not s:
        return None
    if all(c in DIGITS for c in s):  # positional: 二〇二三, 一九
        if len(s) == 1:
            return DIGITS[s]
        v = 0
        for c in s:
            v = v * 10 + DIGITS[c]
        return v
    total, digit = 0, None
    for c in s:
        if c in DIGITS:
            if digit is not None and DIGITS[c] != 0:
                return None
            digit = DIGITS[c] if DIGITS[c] != 0 else None
        elif c in UNITS:
            unit = UNITS[c]
            total += (1 if digit is None else digit) * unit
            digit = None
        else:
            return None
    if digit is not None:
        total += digit
    return total


def to_int(s: str) -> int | None:
    """Arabic (half or full width) or Chinese numeral to int; None if neither."""
    t = s.translate(_FULLWIDTH)
    if t.isdigit():
        return int(t)
    return parse_cn_int(s)


_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
