"""Run planlint over ../shared/corpus (or another folder) and count diagnostics per rule.

Each corpus document is judged at its own date from manifest.tsv (column ``date``, else
``year``-07-01) unless --date is given. Prints counts per rule and, with --show N, the first N
diagnostics of each rule with their source line, so false alarms can be read and removed.

    python scripts/corpus_report.py --select placeholder --show 20
    python scripts/corpus_report.py --select policy --date 2026-11-23
"""

from __future__ import annotations

import argparse
import collections
import csv
import signal
import sys
from pathlib import Path

from planlint.api import check_text, default_host

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpus"


def manifest_dates(folder: Path) -> dict[str, str]:
    path = folder / "manifest.tsv"
    if not path.exists():
        return {}
    out = {}
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            out[row["filename"]] = row.get("date") or (f"{row['year']}-07-01" if row.get("year") else "")
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", default=str(DEFAULT_CORPUS))
    ap.add_argument("--select", action="append", help="rule or namespace (repeatable)")
    ap.add_argument("--date", help="judge every document at this date instead of its own")
    ap.add_argument("--show", type=int, default=0, help="print this many diagnostics per rule")
    args = ap.parse_args(argv)
    folder = Path(args.folder)
    if not folder.is_dir():
        print(f"no corpus at {folder}", file=sys.stderr)
        return 2
    dates = manifest_dates(folder)
    host = default_host()
    counts: collections.Counter = collections.Counter()
    shown: dict[str, list[str]] = collections.defaultdict(list)
    files = sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".md"))
    for p in files:
        date = args.date or dates.get(p.name) or None
        doc, diags = check_text(p.read_text("utf-8"), p.name, select=args.select, date=date, host=host)
        for d in diags:
            counts[d.rule] += 1
            if len(shown[d.rule]) < args.show:
                line, col = doc.position(d.offset)
                src = doc.lines.line_text(line - 1)
                lo = max(0, col - 30)
                shown[d.rule].append(f"  {p.name}:{line}:{col} {d.message}\n      …{src[lo:col + 40]}…")
    print(f"{sum(counts.values())} diagnostics in {len(files)} files")
    for rule, n in counts.most_common():
        print(f"{n:6d}  {rule}")
        for s in shown[rule]:
            print(s)
    return 0


if __name__ == "__main__":
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # quiet when piped into head
    sys.exit(main())
