"""Column sums of Markdown tables: the 合计/总计 row against the rows above it."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

import regex

_TOTAL_LABEL = regex.compile(r"^(?:合\s*计|总\s*计|共\s*计|总\s*数)$")
_SKIP_LABEL = regex.compile(r"小计|其中|^含|占比|比重|比例|增长|增幅|同比")
_SKIP_HEADER = regex.compile(r"%|％|率|占比|比重|比例|增长|增幅|同比|序号|编号|年份|年度|排名|名次|单价|均|备注|电话|日期|时间")
_NUMBER = regex.compile(r"[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?")
_EMPTY = frozenset({"", "-", "—", "／", "/", "0"})
_FULL = str.maketrans("０１２３４５６７８９．，", "0123456789.,")


def _cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each cell's stripped text in a pipe-table row."""
    line = text[start:end]
    out, pos = [], 0
    stripped = line.strip()
    if not stripped.startswith("|"):
        return []
    lead = line.index("|") + 1
    pos = lead
    while True:
        nxt = line.find("|", pos)
        if nxt < 0:
            break
        a, b = pos, nxt
        while a < b and line[a] in " \t\u3000":
            a += 1
        while b > a and line[b - 1] in " \t\u3000":
            b -= 1
        out.append((start + a, start + b))
        pos = nxt + 1
    return out


def _value(cell: str) -> tuple[Decimal, int] | None:
    """A bare number in a cell and its decimals; None when the cell holds anything else."""
    if cell in _EMPTY:
        return Decimal(0), 0
    if not _NUMBER.fullmatch(cell):
        return None
    t = cell.translate(_FULL).replace(",", "")
    try:
        v = Decimal(t)
    except InvalidOperation:
        return None
    return v, len(t.partition(".")[2])


def table_mismatches(doc, blocks):
    """(start, end, column header, parts, total) for each total cell that its column does not add up to."""
    text = doc.text
    rows: list[list[tuple[int, int]]] = []
    for b in blocks:
        cells = _cells(text, b.content_start, b.end)
        rows.append(cells)
    if len(rows) < 4 or not rows[0]:
        return
    header = [text[s:e] for s, e in rows[0]]
    body_start = 2 if rows[1] and all(set(text[s:e]) <= set(":-— ") for s, e in rows[1]) else 1
    first = body_start
    for r in range(body_start, len(rows)):
        cells = rows[r]
        if not cells:
            continue
        label = text[cells[0][0]:cells[0][1]]
        if not _TOTAL_LABEL.match(label):
            continue
        body = [row for row in rows[first:r] if row and not _SKIP_LABEL.search(text[row[0][0]:row[0][1]])]
        first = r + 1
        if len(body) < 2:
            continue
        for j in range(1, len(cells)):
            if j >= len(header) or _SKIP_HEADER.search(header[j]):
                continue
            total = _value(text[cells[j][0]:cells[j][1]])
            if total is None or text[cells[j][0]:cells[j][1]] in _EMPTY:
                continue
            parts = []
            for row in body:
                if j >= len(row):
                    parts = None
                    break
                v = _value(text[row[j][0]:row[j][1]])
                if v is None:
                    parts = None
                    break
                parts.append(v)
            if not parts or sum(1 for v, _ in parts if v) < 2:
                continue
            acc = sum((v for v, _ in parts), Decimal(0))
            spread = sum((Decimal(1).scaleb(-d) for _, d in parts + [total] if d), Decimal(0)) / 2
            if abs(acc - total[0]) > spread:
                yield cells[j][0], cells[j][1], header[j], [v for v, _ in parts if v], total[0], label
