"""What each way of loading jieba costs, in a fresh process, and how a smaller dictionary segments.

    .venv/bin/python bench/jieba_load.py [--runs 5]

Ways measured (time to the first segmented sentence, then a whole 10 KB plan):
  stock       import jieba; Tokenizer().initialize() — its marshal cache in the temp folder
  stock-nopkg the same, but jieba imported without pkg_resources (planlint.words does this)
  sharded     planlint.words: per-user cache split by first character, loaded as text needs it
  small-N     a prefix dictionary of the N most frequent words only, marshalled (a smaller dictionary)
"""

from __future__ import annotations

import argparse
import marshal
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import corpus  # noqa: E402

SNIPPET = {
    "stock": "import jieba; tk = jieba.Tokenizer(); tk.initialize()",
    "stock-nopkg": "from planlint import words; jieba = words._import_jieba(); tk = jieba.Tokenizer(); tk.initialize()",
    "sharded": "import os; os.environ['PLANLINT_JIEBA_SHARDS'] = '1'; from planlint import words; tk = words.tokenizer()",
    "small": ("from planlint import words; jieba = words._import_jieba(); import marshal; tk = jieba.Tokenizer(); "
              "tk.FREQ, tk.total = marshal.load(open(SMALL, 'rb')); tk.initialized = True"),
}
TEMPLATE = r'''
import time, sys, logging
logging.disable(logging.CRITICAL)
SMALL = {small!r}
t0 = time.perf_counter()
{setup}
t1 = time.perf_counter()
list(tk.tokenize("我们要全面贯彻落实会议精神，推动高质量发展。"))
t2 = time.perf_counter()
text = open({plan!r}, encoding="utf-8").read()
FREQ = tk.FREQ
if hasattr(FREQ, "preload"):
    FREQ.preload(text)
list(tk.tokenize(text))
t3 = time.perf_counter()
print(t1 - t0, t2 - t1, t3 - t2)
'''


def small_dictionary(n: int, out: Path) -> None:
    from planlint import words

    jieba = words._import_jieba()
    tk = jieba.Tokenizer()
    tk.initialize()
    top = sorted(((f, w) for w, f in tk.FREQ.items() if f), reverse=True)[:n]
    freq: dict[str, int] = {}
    for f, w in top:
        freq[w] = f
    for _, w in top:
        for i in range(1, len(w)):
            freq.setdefault(w[:i], 0)
    with open(out, "wb") as fh:
        marshal.dump((freq, sum(f for f, _ in top)), fh)


def agreement(n_small: Path, texts: list[str]) -> float:
    """Share of tokens (by span) the small dictionary segments exactly as the full one."""
    from planlint import words

    jieba = words._import_jieba()
    full = jieba.Tokenizer()
    full.initialize()
    small = jieba.Tokenizer()
    small.FREQ, small.total = marshal.load(open(n_small, "rb"))
    small.initialized = True
    same = total = 0
    for t in texts:
        a = {(s, e) for _, s, e in full.tokenize(t)}
        b = {(s, e) for _, s, e in small.tokenize(t)}
        same += len(a & b)
        total += len(a)
    return same / total


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--small", type=int, nargs="*", default=[20000, 60000])
    args = ap.parse_args()
    plan = HERE / "work" / "corpus" / "plan" / "plan.md"
    corpus.build(HERE / "work" / "corpus")
    tmp = Path(tempfile.mkdtemp())
    texts = [corpus.plan(5000 + i) for i in range(20)]
    rows = []
    variants = [("stock", None), ("stock-nopkg", None), ("sharded", None)]
    for n in args.small:
        path = tmp / f"small{n}.marshal"
        small_dictionary(n, path)
        variants.append((f"small-{n}", path))
    for name, small in variants:
        key = "small" if name.startswith("small") else name
        code = TEMPLATE.format(setup=SNIPPET[key], small=str(small or ""), plan=str(plan))
        samples = []
        for _ in range(args.runs + 1):
            out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                 env=dict(os.environ, PYTHONWARNINGS="ignore"))
            if out.returncode:
                print(out.stderr, file=sys.stderr)
                break
            samples.append([float(x) for x in out.stdout.split()])
        samples = samples[1:]  # the first run warms the file caches
        if not samples:
            continue
        load, first, whole = (statistics.median(s[i] for s in samples) for i in range(3))
        agree = f"{agreement(small, texts):.1%}" if small else "100%"
        rows.append((name, load, first, whole, agree))
        print(f"{name:<12} load {load:.3f} s  first sentence {first * 1000:.1f} ms  10 KB plan {whole:.3f} s  same tokens {agree}", flush=True)
    print("\n| way | load (s) | first sentence (ms) | segment 10 KB plan (s) | tokens as full dictionary |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, load, first, whole, agree in rows:
        print(f"| {name} | {load:.3f} | {first * 1000:.1f} | {whole:.3f} | {agree} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
