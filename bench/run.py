"""Benchmark planlint against the `re` floor and textlint-prh on a generated corpus; print a table.

    .venv/bin/python bench/run.py                 # everything, medians of several runs
    .venv/bin/python bench/run.py --quick         # fewer runs, skip the slowest references
    .venv/bin/python bench/run.py --write-readme  # also put the table into bench/README.md

Each measurement runs a fresh process: wall time from the clock, CPU time (user + system, children
included) from os.wait4, peak resident memory (largest single process) from GNU time when present.
Not part of the test suite.
"""

from __future__ import annotations

import argparse
import compileall
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402

PYTHON = sys.executable
GNU_TIME = shutil.which("time") if os.path.exists("/usr/bin/time") else None
PLANLINT = [PYTHON, "-m", "planlint"]
README = HERE / "README.md"
BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"

FLOOR = r'''
import os, re, sys
patterns = [l.rstrip("\n") for l in open(sys.argv[1], encoding="utf-8")]
rx = re.compile("|".join(re.escape(p) for p in patterns))
n = 0
for top in sys.argv[2:]:
    files = [top] if os.path.isfile(top) else sorted(
        os.path.join(d, f) for d, _, fs in os.walk(top) for f in fs if f.endswith(".md"))
    for path in files:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
        n += sum(1 for _ in rx.finditer(text))
print(n)
'''

# What the rule families' data files cost to parse in a cold process, with each PyYAML loader.
YAML_LOAD = ("import glob, yaml; "
             "[yaml.load(open(f, encoding='utf-8').read(), Loader=getattr(yaml, {loader!r}, yaml.SafeLoader)) "
             "for f in glob.glob({root!r} + '/**/*.yaml', recursive=True)]")


@dataclass
class Result:
    """Medians of several runs of one command."""

    name: str
    wall: float
    cpu: float
    rss_mb: float
    runs: int
    rc: int
    walls: list[float] = field(default_factory=list)
    note: str = ""
    at: str = ""


def measure(cmd: list[str], *, cwd: Path = REPO, env: dict | None = None, timeout: float = 900) -> tuple[float, float, float, int]:
    """(wall s, cpu s, peak RSS MB, exit code) of one run of ``cmd``."""
    full_env = dict(os.environ)
    # Measure what users get: an installed package has bytecode and writes it; a sandbox that sets
    # PYTHONDONTWRITEBYTECODE would make every run compile planlint's source again (~0.1 s).
    full_env.pop("PYTHONDONTWRITEBYTECODE", None)
    full_env.update(env or {})
    # A child's ru_maxrss starts from the memory of the process it was forked from (this one), so
    # peak memory is read from GNU time, a small process, when it is there.
    rss_file = None
    if GNU_TIME:
        fd, rss_file = tempfile.mkstemp(prefix="bench-rss-")
        os.close(fd)
        cmd = [GNU_TIME, "-f", "%M", "-o", rss_file, *cmd]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=full_env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = t0 + timeout
    while True:
        pid, status, ru = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            proc.kill()
            pid, status, ru = os.wait4(proc.pid, 0)
            return float("inf"), ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024, -9
        time.sleep(0.002)
    wall = time.perf_counter() - t0
    rss_mb = ru.ru_maxrss / 1024
    if rss_file:
        try:
            rss_mb = int(Path(rss_file).read_text().split()[-1]) / 1024
        except (OSError, ValueError, IndexError):
            pass
        os.unlink(rss_file)
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    if proc.returncode not in (0, 1):
        print(f"  ! exit {proc.returncode}: {' '.join(map(str, cmd))}\n{err[-2000:]}", file=sys.stderr)
    return wall, ru.ru_utime + ru.ru_stime, rss_mb, proc.returncode


def bench(name: str, cmd: list[str], runs: int, *, warmup: int = 1, setup=None, note: str = "", **kw) -> Result:
    for _ in range(warmup):
        if setup:
            setup()
        measure(cmd, **kw)
    samples = []
    for _ in range(runs):
        if setup:
            setup()
        samples.append(measure(cmd, **kw))
    walls = [s[0] for s in samples]
    res = Result(name, statistics.median(walls), statistics.median(s[1] for s in samples),
                 max(s[2] for s in samples), runs, samples[-1][3], walls, note,
                 f"{dt.datetime.now(dt.timezone.utc):%H:%M}")
    print(f"{name:<58} wall {res.wall:7.2f} s  cpu {res.cpu:7.2f} s  rss {res.rss_mb:7.1f} MB  "
          f"(n={runs}, walls {' '.join(f'{w:.2f}' for w in walls)})", flush=True)
    return res


def pack_supported() -> bool:
    """True when this planlint can load a YAML rule pack (src/planlint/packs)."""
    try:
        import planlint.packs  # noqa: F401
    except ImportError:
        return False
    return True


def textlint_bin() -> Path | None:
    exe = HERE / "node_modules" / ".bin" / "textlint"
    if exe.exists() and shutil.which("node"):
        return exe
    if shutil.which("npm") and shutil.which("node"):
        print("installing textlint + textlint-rule-prh into bench/ (npm install) …", file=sys.stderr)
        r = subprocess.run(["npm", "install", "--no-audit", "--no-fund"], cwd=HERE, capture_output=True)
        if r.returncode == 0 and exe.exists():
            return exe
    return None


def machine() -> str:
    cpu = ""
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        for line in open("/proc/meminfo", encoding="utf-8"):
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GB RAM"
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores, {cpu}, {mem}, {platform.system()} {platform.release()}, Python {platform.python_version()}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5, help="runs per small measurement (median)")
    ap.add_argument("--big-runs", type=int, default=3, help="runs per large measurement (median)")
    ap.add_argument("--quick", action="store_true", help="1 run each, no textlint on the 19 MB file")
    ap.add_argument("--no-textlint", action="store_true")
    ap.add_argument("--textlint-big-timeout", type=float, default=420)
    ap.add_argument("--only", default="", help="comma-separated groups: cold,cache,plans,big,refs")
    ap.add_argument("--write-readme", action="store_true")
    ap.add_argument("--json", type=Path, help="also write the results as JSON here")
    ap.add_argument("--include", type=Path, action="append", default=[],
                    help="add results from an earlier --json run to the table (e.g. the slow references)")
    args = ap.parse_args(argv)
    if args.quick:
        args.runs, args.big_runs = 1, 1
    groups = set(filter(None, args.only.split(","))) or {"cold", "cache", "plans", "big", "refs"}

    work = HERE / "work"
    # Bytecode for planlint as `pip install` writes it (an editable checkout would compile on first run).
    compileall.compile_dir(REPO / "src" / "planlint", quiet=1)
    parts = corpus.build(work / "corpus")
    files = corpus.write_pack_files(work)
    (work / "patterns.txt").write_text("".join(w + "\n" for w, _ in corpus.TERMS), encoding="utf-8")
    (work / "floor.py").write_text(FLOOR, encoding="utf-8")
    builtin_cfg = work / "builtin.planlint.yaml"
    builtin_cfg.write_text("# all built-in rules, defaults\ncache: true\n", encoding="utf-8")
    have_pack = pack_supported()
    pack_cfg = work / "pack.planlint.yaml"
    pack_cfg.write_text(f"packs: [{files['pack'].name}]\n", encoding="utf-8")

    def pl(target, *extra, cfg=builtin_cfg, cache=False):
        return [*PLANLINT, "check", str(target), "--config", str(cfg), "-q", *( [] if cache else ["--no-cache"]), *extra]

    R, B = args.runs, args.big_runs
    results: list[Result] = []
    add = results.append
    print(f"# planlint benchmark — {machine()}", flush=True)
    if "cold" in groups:
        add(bench("python -c 'import typer, regex, yaml, pluggy' (bare import)",
                  [PYTHON, "-c", "import typer, regex, yaml, pluggy"], R))
        add(bench("planlint --version (import + CLI)", [*PLANLINT, "--version"], R))
        for loader in ("SafeLoader", "CSafeLoader"):
            add(bench(f"python: yaml.{loader} over the built-in rules' YAML data",
                      [PYTHON, "-c", YAML_LOAD.format(loader=loader, root=str(REPO / "src" / "planlint"))], R))
        add(bench("1 KB file, built-in rules, cold", pl(parts["1kb"]), R))
        add(bench("10 KB plan, built-in rules, cold", pl(parts["plan"]), R))
    if "cache" in groups:
        cache_dir = work / ".planlint_cache"

        def clear():
            shutil.rmtree(cache_dir, ignore_errors=True)

        add(bench("10 KB plan, cache empty (check + write)", pl(parts["plan"], cache=True), R, setup=clear))
        clear()
        add(bench("10 KB plan, unchanged, cache hit", pl(parts["plan"], cache=True), R))
        add(bench("100 plans, cache empty (check + write)", pl(parts["100"], cache=True), B, setup=clear))
        add(bench("100 plans, unchanged, cache hit", pl(parts["100"], cache=True), R))
    if "plans" in groups:
        add(bench("100 plans, built-in rules, -j auto", pl(parts["100"]), R))
        add(bench("2,000 plans, built-in rules, -j 1", pl(parts["2000"], "-j", "1"), B, warmup=0))
        add(bench("2,000 plans, built-in rules, -j 2", pl(parts["2000"], "-j", "2"), B, warmup=0))
        if have_pack:
            add(bench("2,000 plans, 50-rule pack only, -j 1", pl(parts["2000"], "-j", "1", "--select", "bench", cfg=pack_cfg), B, warmup=0))
            add(bench("2,000 plans, 50-rule pack only, -j 2", pl(parts["2000"], "-j", "2", "--select", "bench", cfg=pack_cfg), B, warmup=0))
    if "big" in groups:
        add(bench("19 MB file, built-in rules", pl(parts["big"]), B, warmup=0))
        if have_pack:
            add(bench("19 MB file, 50-rule pack only", pl(parts["big"], "--select", "bench", cfg=pack_cfg), B, warmup=0))
    if "refs" in groups:
        floor = [PYTHON, str(work / "floor.py"), str(work / "patterns.txt")]
        add(bench("floor: one-pass re, 50 patterns, 2,000 plans", [*floor, str(parts["2000"])], B))
        add(bench("floor: one-pass re, 50 patterns, 19 MB file", [*floor, str(parts["big"])], B))
        tl = None if args.no_textlint else textlint_bin()
        if tl is None:
            print("textlint: skipped (npm/node or the install is not available)", flush=True)
        else:
            rc = ["--config", str(files["textlintrc"])]
            add(bench("textlint-prh, 50 rules, 100 plans", [str(tl), *rc, str(parts["100"])], R, cwd=work))
            add(bench("textlint-prh, 50 rules, 2,000 plans", [str(tl), *rc, str(parts["2000"])], B, cwd=work))
            if not args.quick:
                add(bench("textlint-prh, 50 rules, 19 MB file", [str(tl), *rc, str(parts["big"])], 1, warmup=0,
                          cwd=work, timeout=args.textlint_big_timeout))

    for extra in args.include:
        # Rows measured again in this run replace the included ones, in the included file's order.
        fresh = {r.name: r for r in results}
        earlier = [Result(**r) for r in json.loads(extra.read_text())]
        merged = [fresh.pop(r.name, r) for r in earlier]
        results = merged + [r for r in results if r.name in fresh]
    table = render(results)
    print("\n" + table)
    if args.json:
        args.json.write_text(json.dumps([r.__dict__ for r in results], ensure_ascii=False, indent=2))
    if args.write_readme:
        write_readme(table)
    return 0


def render(results: list[Result]) -> str:
    head = (f"Measured {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC on {machine()}.\n"
            "Wall and CPU are medians over n runs; RSS is the largest resident set of any one process.\n\n"
            "| measurement | wall (s) | CPU (s) | peak RSS (MB) | n | UTC |\n| --- | ---: | ---: | ---: | ---: | ---: |\n")
    rows = []
    for r in results:
        wall = "timeout" if r.wall == float("inf") else f"{r.wall:.2f}"
        rows.append(f"| {r.name} | {wall} | {r.cpu:.2f} | {r.rss_mb:.0f} | {r.runs} | {r.at} |")
    return head + "\n".join(rows) + "\n"


def write_readme(table: str) -> None:
    text = README.read_text(encoding="utf-8") if README.exists() else f"# Benchmark\n\n{BEGIN}\n{END}\n"
    if BEGIN not in text:
        text += f"\n{BEGIN}\n{END}\n"
    before, rest = text.split(BEGIN, 1)
    _, after = rest.split(END, 1)
    README.write_text(f"{before}{BEGIN}\n{table}{END}{after}", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
