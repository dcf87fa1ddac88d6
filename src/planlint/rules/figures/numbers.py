"""The number reader shared by the figures rules: quantities with value, unit, precision and approximation."""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace
from decimal import Decimal
from importlib import resources

import regex

from planlint import yamlsafe
from planlint.cnnum import DIGITS as CN_DIGITS

# Length-preserving normalisation: full-width digits and marks become ASCII, so offsets still hold.
# A full-width comma between digit groups is not a thousands separator, so it is kept.
_NORMALISE = str.maketrans("０１２３４５６７８９．％", "0123456789.%")
_FULLWIDTH = regex.compile(r"[０-９．％]+")

SCALES = {"万亿": Decimal(10) ** 12, "千亿": Decimal(10) ** 11, "百亿": Decimal(10) ** 10,
          "十亿": Decimal(10) ** 9, "亿": Decimal(10) ** 8, "千万": Decimal(10) ** 7,
          "百万": Decimal(10) ** 6, "十万": Decimal(10) ** 5, "万": Decimal(10) ** 4, "千": Decimal(1000)}
_CN_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
CN_DIGIT_CHARS = "〇○零一二两三四五六七八九"
CN_NUMBER_CHARS = CN_DIGIT_CHARS + "十百千万亿"

# Words before a number that make it an estimate, and words after it.
APPROX_BEFORE = ("将近", "接近", "大约", "约", "近", "逾", "超过", "超", "不足", "不到", "不少于", "不低于",
                 "不超过", "至少", "最多", "多达", "上", "数", "几", "成")
APPROX_AFTER = ("以上", "以下", "左右", "上下", "之多", "以内", "有余", "多", "余")


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number as written: span, value in base units, unit, precision and whether it is exact."""

    start: int  # span of the whole quantity, prefix words and unit included
    end: int
    num_start: int  # span of the digits (or Chinese numerals) alone
    num_end: int
    number: Decimal  # the number as written, before scale (99.3 in 99.3万元)
    value: Decimal  # in base units: 993000 for 99.3万元; the percentage for 35%
    resolution: Decimal  # value of the last written digit in base units; 0 when exact
    unit: str  # measure word or unit: 元, 个, 种, %, 个百分点, 倍 … ('' when none)
    category: str  # money, count, measure, time, date, multiple, percent, points, bare
    form: str  # arabic, chinese, mixed (1.2万)
    scale: str = ""  # 万, 亿 … as written
    approx: bool = False  # 约, 近, 多, 余, 以上, 左右, ranges and 三五个 are never exact
    range: bool = False
    decimal_mark: str = ""  # '.' normally; '。' or '、' when malformed
    text: str = ""

    @property
    def exact(self) -> bool:
        return not self.approx and not self.range

    @property
    def key(self) -> tuple[str, str]:
        """What a quantity measures, for deciding which quantities may be added: unit and category."""
        return (self.category, self.unit)

    def shown(self) -> str:
        """The number with its scale and unit, written the way the document wrote it (。 → .)."""
        return f"{format_decimal(self.number)}{self.scale}{self.unit}"


def format_decimal(d: Decimal) -> str:
    """A Decimal without exponent or trailing zeros: 1.20 → 1.2, 1E+4 → 10000."""
    if d == d.to_integral_value():
        return str(d.quantize(Decimal(1)))
    s = format(d.normalize(), "f")
    return s


@functools.lru_cache(maxsize=None)
def unit_table() -> tuple[tuple[str, str], ...]:
    """(unit, category) pairs from units.yaml, longest unit first."""
    data = yamlsafe.safe_load(resources.files(__package__).joinpath("units.yaml").read_text("utf-8"))
    pairs = {}
    for category, entry in data.items():
        for u in entry["units"]:
            pairs.setdefault(str(u), category)
    return tuple(sorted(pairs.items(), key=lambda p: -len(p[0])))


@functools.lru_cache(maxsize=None)
def _unit_regex():
    units = [u for u, _ in unit_table()]
    return regex.compile("|".join(regex.escape(u) for u in units))


def normalise(text: str) -> str:
    """Full-width digits and marks as ASCII, same length as ``text``."""
    # str.translate walks every character through a dict; substituting only the matches is faster
    return _FULLWIDTH.sub(lambda m: m.group().translate(_NORMALISE), text)


# --- Chinese numerals -------------------------------------------------------------------------


def parse_cn_small(s: str) -> int | None:
    """A Chinese numeral below 10000 written with units (三, 十二, 一百零五, 一千五 = 1500); None if not."""
    if not s:
        return None
    total, digit, last_unit, zero_seen = 0, None, None, False
    for c in s:
        if c in CN_DIGITS and c not in "0０OＯ":
            d = CN_DIGITS[c]
            if digit is not None:
                return None
            if d == 0:
                zero_seen = True
                continue
            digit = d
        elif c in _CN_UNITS:
            unit = _CN_UNITS[c]
            if last_unit is not None and unit >= last_unit:
                return None
            if digit is None and total != 0:
                return None  # 一百十 is not written; 一百一十 is
            total += (1 if digit is None else digit) * unit
            digit, last_unit, zero_seen = None, unit, False
        else:
            return None
    if digit is not None:
        if last_unit and last_unit > 10 and not zero_seen:
            total += digit * last_unit // 10  # 一千五 = 1500, 两百三 = 230
        else:
            total += digit
    return total


def parse_cn_number(s: str) -> Decimal | None:
    """A Chinese numeral with 万/亿 and 点 (一百二十万, 三点五亿, 两万五千); None if it is not one."""
    if not s:
        return None
    if "点" in s:
        head, _, tail = s.partition("点")
        if not tail or any(c not in CN_DIGITS for c in tail) or "万" in head or "亿" in head:
            # 三点五万: the scale follows the decimals
            for scale in ("万亿", "亿", "万"):
                if tail.endswith(scale):
                    inner = parse_cn_number(head + "点" + tail[: -len(scale)])
                    return None if inner is None else inner * SCALES[scale]
            return None
        ip = parse_cn_number(head)
        if ip is None:
            return None
        return ip + Decimal("0." + "".join(str(CN_DIGITS[c]) for c in tail))
    if "亿" in s:
        head, _, tail = s.rpartition("亿")
        hv = parse_cn_number(head) if head else Decimal(1)
        tv = _parse_wan(tail.lstrip("零〇")) if tail else Decimal(0)
        if hv is None or tv is None:
            return None
        return hv * SCALES["亿"] + tv
    return _parse_wan(s)


def _parse_wan(s: str) -> Decimal | None:
    if not s:
        return Decimal(0)
    if "万" in s:
        head, _, tail = s.partition("万")
        if "万" in tail:
            return None
        hv = parse_cn_small(head) if head else 1
        tail = tail.lstrip("零〇")
        tv = parse_cn_small(tail) if tail else 0
        if hv is None or tv is None:
            return None
        if tail and len(tail) == 1 and tail in CN_DIGITS and "零" not in s and "〇" not in s:
            tv = CN_DIGITS[tail] * 1000  # 两万五 = 25000
        return Decimal(hv * 10000 + tv)
    v = parse_cn_small(s)
    return None if v is None else Decimal(v)


def to_chinese(n: int) -> str:
    """The standard Chinese numeral of a non-negative integer (一千零五十, 十二, 三亿零五百万)."""
    if n == 0:
        return "零"
    out, started, pending_zero = "", False, False
    for v, name in ((n // 10**8, "亿"), (n // 10**4 % 10**4, "万"), (n % 10**4, "")):
        if v == 0:
            pending_zero = started
            continue
        if started and (pending_zero or v < 1000):
            out += "零"
        out += (_small_cn(v, not started) if v < 10**4 else to_chinese(v)) + name
        started, pending_zero = True, False
    return out


def _small_cn(v: int, first: bool) -> str:
    digits = "零一二三四五六七八九"
    out: list[str] = []
    zero = False
    for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = v // unit % 10
        if d == 0:
            zero = zero or bool(out)
            continue
        if zero:
            out.append("零")
            zero = False
        out.append("十" if unit == 10 and d == 1 and first and not out else digits[d] + name)
    return "".join(out)


# --- scanning --------------------------------------------------------------------------------

_ARABIC = regex.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_CHINESE = regex.compile(
    r"[〇○零一二两三四五六七八九十百千万亿](?:[〇○零一二两三四五六七八九十百千万亿点]*[〇○零一二两三四五六七八九十百千万亿])?"
)
_PERCENT_CN = regex.compile(r"百分之([〇零一二两三四五六七八九十百点]+)")
# 。 or 、 between digits, followed by a unit or %, where a decimal point was meant (241。65万元).
BAD_DECIMAL = regex.compile(
    r"(?<![\d.,、。])(\d+)([。、])(\d{1,4})"
    r"(?=(?:万亿|亿|万|千)?(?:元|%|美元|吨|公里|千米|亩|公顷|平方米|人次|倍|个百分点))"
)
# A range: 3—5个, 3-5%, 3至5家, 10~20万元 (the second number follows the separator).
_RANGE_AFTER = regex.compile(r"(?:[—–\-~～]{1,2}|至|到)(?=\d|[一二两三四五六七八九十])")
_RANGE_GAP = regex.compile(r"[—–\-~～]{1,2}|至|到")
# Before a number: it is part of a code, a version or a name (G20, No.5, 1.2.3, 12:30).
_CODE_BEFORE = frozenset("._/#-:")
_ORDINAL_BEFORE = ("第", "星期", "礼拜")
# Approximation words that only make sense before a Chinese numeral (数百, 上千, 几十, 成千).
_CN_ONLY_APPROX = frozenset({"上", "数", "几", "成"})
# Longest first, anchored at the number: the leftmost match in a short window is the longest word.
_APPROX_BEFORE_RE = regex.compile("(?:" + "|".join(sorted(APPROX_BEFORE, key=len, reverse=True)) + ")$")
_CANDIDATE = regex.compile(r"[0-9〇○零一二两三四五六七八九十百千万亿]")


def _prefix_approx(text: str, start: int, chinese: bool) -> tuple[bool, int]:
    m = _APPROX_BEFORE_RE.search(text, max(0, start - 3), start)
    if m is None:
        return False, start
    w = m.group()
    if w in _CN_ONLY_APPROX and (not chinese or text[start] not in ("百千万" if w in "上成" else "十百千万")):
        return False, start  # 上千, 数百, 几十, 成千 — but not 完成一个, 完成十万
    return True, m.start()


def _read_unit(text: str, pos: int, end: int) -> tuple[str, str, int]:
    """(unit, category, end) of the measure word at ``pos``; ('', 'bare', pos) when none."""
    if text.startswith("%", pos) or text.startswith("‰", pos):
        return text[pos], "percent", pos + 1
    if text.startswith("个百分点", pos):
        return "个百分点", "points", pos + 4
    if text.startswith("百分点", pos):
        return "个百分点", "points", pos + 3
    m = _unit_regex().match(text, pos, end)
    if m:
        u = m.group()
        return u, _unit_categories()[u], m.end()
    return "", "bare", pos


@functools.lru_cache(maxsize=None)
def _unit_categories() -> dict[str, str]:
    return dict(unit_table())


def _read_tail(text: str, pos: int, end: int):
    """After the digits: [多余来] scale [多余] unit [以上 左右 …]. Returns scale, unit, category, approx, end."""
    approx = False
    if pos < end and text[pos] in "多余来几" and not text.startswith(("多元", "多种", "多家", "多个", "多项"), pos):
        if pos + 1 < end and (text[pos + 1] in "万亿千" or _read_unit(text, pos + 1, end)[0]):
            approx, pos = True, pos + 1
    # A unit that begins like a scale (千米, 千瓦, 千克) is a unit, not 千 × 米.
    unit, category, after = _read_unit(text, pos, end)
    scale = ""
    if not unit:
        for s in SCALES:
            if text.startswith(s, pos):
                scale, pos = s, pos + len(s)
                break
        if scale:
            if pos < end and text[pos] in "多余" and _read_unit(text, pos + 1, end)[0]:
                approx, pos = True, pos + 1
            unit, category, after = _read_unit(text, pos, end)
            if not unit:
                after = pos
    pos = after
    for w in APPROX_AFTER:
        if text.startswith(w, pos):
            if w in ("多", "余") and (not unit or text.startswith(("多元", "多样", "多方", "多种", "余额"), pos)):
                break
            approx, pos = True, pos + len(w)
            break
    return scale, unit, category, approx, pos


def _resolution(decimals: int, scale: Decimal, category: str) -> Decimal:
    if decimals:
        return Decimal(1).scaleb(-decimals) * scale
    if scale > 1:
        return scale
    return Decimal(1) if category in ("measure", "percent", "points", "multiple") else Decimal(0)


def scan(text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    """Quantities in ``text[start:end]`` (text already normalised), in order, non-overlapping."""
    end = len(text) if end is None else end
    found: list[Quantity] = []
    bad = {m.start(): m for m in BAD_DECIMAL.finditer(text, start, end)}
    cn_pct = {m.start(): m for m in _PERCENT_CN.finditer(text, start, end)}
    i = start
    while i < end:
        hit = _CANDIDATE.search(text, i, end)  # jump to the next digit or Chinese numeral
        if hit is None:
            break
        i = hit.start()
        c = text[i]
        q = None
        is_digit = "0" <= c <= "9"
        if i in cn_pct:
            q = _chinese_percent(text, cn_pct[i])
        elif is_digit:
            q = _arabic_at(text, i, end, bad.get(i))
        elif c in CN_NUMBER_CHARS:
            q = _chinese_at(text, i, end)
        if q is None:
            if is_digit:  # skip the whole run of a code, a year or a phone number
                j = i
                while j < end and text[j].isascii() and (text[j].isalnum() or text[j] in ".,"):
                    j += 1
                i = max(j, i + 1)
            else:
                i += 1
            continue
        if not q.range and _RANGE_AFTER.match(text, q.end, end):
            q = replace(q, range=True, approx=True)
        if found and found[-1].range and _RANGE_GAP.fullmatch(text, found[-1].end, q.num_start):
            q = replace(q, range=True, approx=True)
            prev = found[-1]
            if not prev.unit:  # 3—5个: the first number takes the second one's unit and scale
                factor = SCALES.get(q.scale, Decimal(1))
                found[-1] = replace(prev, unit=q.unit, category=q.category, scale=q.scale,
                                    value=prev.number * factor)
        found.append(q)
        i = max(q.end, i + 1)
    return found


def _arabic_at(text: str, i: int, end: int, bad) -> Quantity | None:
    before = text[i - 1] if i > 0 else ""
    if before and before.isascii() and (before.isalnum() or before in _CODE_BEFORE):
        if not (before == "-" and i >= 2 and (text[i - 2].isdigit() or text[i - 2] == "%")):
            return None
    decimal_mark = ""
    if bad is not None:
        num_end = bad.end()
        digits = bad.group(1) + "." + bad.group(3)
        decimal_mark = bad.group(2)
    else:
        m = _ARABIC.match(text, i, end)
        if not m:
            return None
        num_end = m.end()
        digits = m.group().replace(",", "")
        if "." in m.group():
            decimal_mark = "."
    if num_end < end:
        nxt = text[num_end]
        if nxt.isascii() and (nxt.isalpha() or nxt in "_/#@:"):
            return None  # 5G, 3D, 12:30
        if nxt == "." and num_end + 1 < end and text[num_end + 1].isdigit():
            return None  # 1.2.3
    number = Decimal(digits)
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    scale, unit, category, approx, q_end = _read_tail(text, num_end, end)
    if unit == "年":
        category = "date" if not scale and not decimals and 1000 <= number <= 2200 else "time"
    pre, qs = _prefix_approx(text, i, chinese=False)
    if any(i - len(w) >= 0 and text.startswith(w, i - len(w)) for w in _ORDINAL_BEFORE):
        category = "ordinal"
    factor = SCALES.get(scale, Decimal(1))
    return Quantity(
        start=qs, end=q_end, num_start=i, num_end=num_end, number=number, value=number * factor,
        resolution=_resolution(decimals, factor, category), unit=unit, category=category,
        form="mixed" if scale else "arabic", scale=scale, approx=approx or pre,
        decimal_mark=decimal_mark, text=text[qs:q_end],
    )


def _chinese_at(text: str, i: int, end: int) -> Quantity | None:
    if i > 0 and text[i - 1] in CN_NUMBER_CHARS:
        return None
    m = _CHINESE.match(text, i, end)
    if not m:
        return None
    raw, num_end = m.group(), m.end()
    # A trailing 千 that begins a unit (千米, 千瓦, 千克) belongs to the unit.
    if raw.endswith("千") and _read_unit(text, num_end - 1, end)[0]:
        raw, num_end = raw[:-1], num_end - 1
    if not raw:
        return None
    pre, qs = _prefix_approx(text, i, chinese=True)
    approx = rng = False
    if len(raw) == 2 and all(c in "一二两三四五六七八九" for c in raw) and CN_DIGITS[raw[1]] - CN_DIGITS[raw[0]] in (1, 2):
        number = Decimal(CN_DIGITS[raw[0]])  # 三五个, 七八成: a rough range
        approx = rng = True
    elif len(raw) > 1 and all(c in CN_DIGITS for c in raw):
        if not text.startswith("年", num_end):
            return None  # 一二三: not a number
        v = 0
        for c in raw:
            v = v * 10 + CN_DIGITS[c]
        number = Decimal(v)  # 二〇二三年
    else:
        if raw[0] in "百千万亿" and not pre:
            return None  # 百姓, 千方百计, 万一: not a count unless 近百, 上千
        number = parse_cn_number(raw)
        if number is None:
            return None
    scale, unit, category, approx2, q_end = _read_tail(text, num_end, end)
    if not unit and not pre:
        return None  # a Chinese numeral counts something only with its measure word
    if not scale and len(raw) > 1 and raw[-1] in "万亿" and not rng:
        inner = parse_cn_number(raw[:-1])  # 一百二十万元: 120 × 万, rounded like 120万元
        if inner is not None and inner * SCALES[raw[-1]] == number:
            number, scale = inner, raw[-1]
    if unit == "年":
        category = "date" if number >= 1000 else "time"
    if i > 0 and text[i - 1] == "第" or any(
            i - len(w) >= 0 and text.startswith(w, i - len(w)) for w in _ORDINAL_BEFORE):
        category = "ordinal"
    factor = SCALES.get(scale, Decimal(1))
    return Quantity(
        start=qs, end=q_end, num_start=i, num_end=num_end, number=number, value=number * factor,
        resolution=_resolution(len(raw.partition("点")[2]), factor, category), unit=unit, category=category,
        form="chinese", scale=scale, approx=approx or approx2 or pre, range=rng, text=text[qs:q_end],
    )


def _chinese_percent(text: str, m) -> Quantity | None:
    v = parse_cn_number(m.group(1))
    if v is None:
        return None
    decimals = len(m.group(1).partition("点")[2])
    return Quantity(
        start=m.start(), end=m.end(), num_start=m.start(1), num_end=m.end(1), number=v, value=v,
        resolution=Decimal(1).scaleb(-decimals) if decimals else Decimal(1), unit="%",
        category="percent", form="chinese", text=m.group(),
    )


# --- arithmetic shown in messages ---------------------------------------------------------------


def in_scale(q: Quantity, scale: str) -> str:
    """``q``'s value written in ``scale`` (万, 亿 or ''), with no more decimals than needed."""
    if q.scale == scale:
        return format_decimal(q.number)
    return format_decimal(q.value / SCALES.get(scale, Decimal(1)))


def half_spread(*qs: Quantity) -> Decimal:
    """How far a sum of these written figures may be from the truth through rounding alone."""
    return sum((q.resolution for q in qs), Decimal(0)) / 2
