"""Shared test helpers: paths to the repository, fixtures and (when present) ../shared."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "fixtures"
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
CORPUS = SHARED / "corpus"


def run_cli(*args: str, input: bytes | None = None, cwd: str | os.PathLike | None = None, env=None):
    """Run ``python -m planlint ARGS`` and return the CompletedProcess (bytes stdout/stderr)."""
    full_env = dict(os.environ)
    full_env.pop("PLANLINT_DEBUG", None)
    if env:
        full_env.update(env)
    return subprocess.run(
        [sys.executable, "-m", "planlint", *args],
        input=input if input is not None else b"",
        capture_output=True,
        cwd=cwd,
        env=full_env,
        timeout=600,
    )


@pytest.fixture
def seeds() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present")
    return SEEDS


@pytest.fixture
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not present")
    return CORPUS


@pytest.fixture
def corpus_dates(corpus) -> dict[str, str]:
    """Each corpus file's own date from manifest.tsv (``date``, else the middle of ``year``), as scripts/corpus_report.py judges it."""
    import csv

    with (corpus / "manifest.tsv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    return {r["filename"]: r.get("date") or (f"{r['year']}-07-01" if r.get("year") else None) for r in rows}


SAMPLE_PLUGIN = REPO / "tests" / "sample_plugin" / "planlint_sample.py"


def install_entry_point(site: Path, module_src: Path | None = SAMPLE_PLUGIN, name: str = "sample",
                        module: str = "planlint_sample") -> dict:
    """Make ``site`` hold a module and a dist-info declaring it in the ``planlint`` entry-point group.

    Returns the environment (PYTHONPATH) under which a subprocess sees it as an installed plugin.
    """
    site.mkdir(parents=True, exist_ok=True)
    if module_src is not None:
        shutil.copy(module_src, site / f"{module}.py")
    info = site / f"{module}-1.2.3.dist-info"
    info.mkdir(exist_ok=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {module}\nVersion: 1.2.3\n")
    (info / "entry_points.txt").write_text(f"[planlint]\n{name} = {module}\n")
    return {"PYTHONPATH": str(site) + os.pathsep + os.environ.get("PYTHONPATH", "")}


@pytest.fixture
def sample_env(tmp_path):
    """Environment in which the sample third-party plugin (rules sample/*) is installed."""
    return install_entry_point(tmp_path / "site")


def recall_report(family: str, cases, found) -> list:
    """Print hit/total per rule for labelled ``cases`` (each starting with its rule id) and return the
    cases ``found(case)`` misses; the recall tests assert that list is empty."""
    per_rule: dict[str, list[int]] = {}
    missed = []
    for case in cases:
        tally = per_rule.setdefault(case[0], [0, 0])
        tally[1] += 1
        if found(case):
            tally[0] += 1
        else:
            missed.append(case)
    for rule, (hit, total) in sorted(per_rule.items()):
        print(f"{rule}: {hit}/{total} = {hit / total:.0%}")
    total = sum(t for _, t in per_rule.values())
    print(f"{family}: {total - len(missed)}/{total}")
    return missed
