"""The result cache: same output from the cache, invalidated by content and config, never fatal."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import REPO, run_cli

from planlint.cache import CACHE_DIR, ResultCache, _decode, _encode
from planlint.config import Config
from planlint.diagnostics import Diagnostic, Edit, Fix, Severity

DOC = "# 2023年工作计划\n\n一、主要任务\n\n今年要做好xx工作,推动推动发展。\n"


def _setup(tmp_path: Path, config: str = "{}\n") -> Path:
    (tmp_path / ".planlint.yaml").write_text(config, encoding="utf-8")
    doc = tmp_path / "a.md"
    doc.write_text(DOC, encoding="utf-8")
    return doc


def _entries(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / CACHE_DIR).rglob("*.json"))


def test_second_run_is_answered_from_the_cache_with_the_same_output(tmp_path):
    doc = _setup(tmp_path)
    first = run_cli("check", str(doc), "--format", "json", cwd=tmp_path)
    assert first.returncode == 1 and json.loads(first.stdout)["diagnostics"]
    assert len(_entries(tmp_path)) == 1
    assert (tmp_path / CACHE_DIR / "CACHEDIR.TAG").is_file()
    assert (tmp_path / CACHE_DIR / ".gitignore").read_text().strip().endswith("*")
    second = run_cli("check", str(doc), "--format", "json", cwd=tmp_path)
    assert (second.returncode, second.stdout, second.stderr) == (first.returncode, first.stdout, first.stderr)


# What a run answered from the cache must not import: the rules, the engine and plugin host, the
# document-structure modules and the process pool (each costs start-up time in a pre-commit hook).
NOT_ON_A_HIT = ("planlint.rules.", "planlint.engine", "planlint.plugins", "planlint.blocks", "planlint.dockind",
                "planlint.sections", "planlint.docdate", "jieba", "multiprocessing", "concurrent.futures")


def test_a_cache_hit_does_not_load_the_rules(tmp_path):
    doc = _setup(tmp_path)
    run_cli("check", str(doc), cwd=tmp_path)
    code = (
        "import sys\nfrom planlint.cli import main\nsys.argv = ['planlint', 'check', sys.argv[1]]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('LOADED:', ' '.join(sorted(sys.modules)))\n"
    )
    r = subprocess.run([sys.executable, "-c", code, str(doc)], capture_output=True, cwd=tmp_path, timeout=300)
    assert b"placeholder/unfilled" in r.stdout
    loaded = r.stdout.decode().rsplit("LOADED:", 1)[1].split()
    unwanted = [m for m in loaded if m.startswith(NOT_ON_A_HIT)]
    assert not unwanted, unwanted


def test_changed_content_or_config_is_checked_again(tmp_path):
    doc = _setup(tmp_path)
    run_cli("check", str(doc), cwd=tmp_path)
    doc.write_text(DOC.replace("xx", "科技"), encoding="utf-8")
    r = run_cli("check", str(doc), cwd=tmp_path)
    assert b"placeholder/unfilled" not in r.stdout
    (tmp_path / ".planlint.yaml").write_text("ignore: [text]\n", encoding="utf-8")
    r = run_cli("check", str(doc), cwd=tmp_path)
    assert b"text/repeated-word" not in r.stdout and b"typography/" in r.stdout
    r = run_cli("check", str(doc), "--select", "typography", cwd=tmp_path)
    assert b"structure/" not in r.stdout and b"typography/" in r.stdout


def test_corrupt_or_unwritable_cache_is_never_fatal(tmp_path):
    doc = _setup(tmp_path)
    expected = run_cli("check", str(doc), "--no-cache", cwd=tmp_path).stdout
    run_cli("check", str(doc), cwd=tmp_path)
    for entry in _entries(tmp_path):
        entry.write_bytes(b"\x00not json{")
    r = run_cli("check", str(doc), cwd=tmp_path)
    assert r.stdout == expected and r.returncode == 1
    # entries whose offsets fall outside the text are not trusted either
    for entry in _entries(tmp_path):
        raw = json.loads(entry.read_text())
        for d in raw["diagnostics"]:
            d["offset"] = d["end_offset"] = 10**6
        entry.write_text(json.dumps(raw))
    assert run_cli("check", str(doc), cwd=tmp_path).stdout == expected
    # the cache folder cannot be created: a file stands in its way
    other = tmp_path / "other"
    other.mkdir()
    (other / CACHE_DIR).write_text("not a folder")
    doc2 = _setup(other)
    r = run_cli("check", str(doc2), cwd=other)
    assert r.returncode == 1 and b"placeholder/unfilled" in r.stdout and b"Traceback" not in r.stderr


def test_no_cache_flag_and_config_key_write_nothing(tmp_path):
    doc = _setup(tmp_path)
    run_cli("check", str(doc), "--no-cache", cwd=tmp_path)
    assert not (tmp_path / CACHE_DIR).exists()
    (tmp_path / ".planlint.yaml").write_text("cache: false\n", encoding="utf-8")
    run_cli("check", str(doc), cwd=tmp_path)
    assert not (tmp_path / CACHE_DIR).exists()


def test_fix_stores_the_fixed_file_and_stdin_is_not_cached(tmp_path):
    doc = _setup(tmp_path)
    r = run_cli("check", "--fix", str(doc), cwd=tmp_path)
    assert r.returncode == 1
    fixed = doc.read_text(encoding="utf-8")
    assert "," not in fixed
    n = len(_entries(tmp_path))
    assert n == 1
    again = run_cli("check", str(doc), cwd=tmp_path)
    assert again.stdout == run_cli("check", str(doc), "--no-cache", cwd=tmp_path).stdout
    assert len(_entries(tmp_path)) == n  # answered from the entry --fix wrote
    run_cli("check", "-", "--stdin-filename", "b.md", input=DOC.encode(), cwd=tmp_path)
    assert len(_entries(tmp_path)) == n


def test_entries_round_trip_and_plugin_errors_are_not_stored(tmp_path):
    fix = Fix("改", (Edit(1, 2, "，"), Edit(3, 3, "x")), safe=False)
    d = Diagnostic("a/b", "消息", 1, 2, Severity.ERROR, fix, {"n": 1})
    assert _decode(json.loads(json.dumps(_encode(d)))) == d
    cache = ResultCache.for_config(Config(root=tmp_path))
    key = cache.key("x.md", b"data")
    assert cache.get(key) is None
    assert cache.put(key, [d]) and cache.get(key) == [d]
    err = Diagnostic("core/plugin-error", "坏了", 0, 0, Severity.ERROR)
    key2 = cache.key("y.md", b"data")
    assert not cache.put(key2, [d, err]) and cache.get(key2) is None
    odd = Diagnostic("a/b", "消息", 1, 2, Severity.ERROR, None, {"obj": object()})
    assert not cache.put(cache.key("z.md", b""), [odd])
    assert cache.key("x.md", b"data") != cache.key("x.md", b"date")
    assert cache.key("x.md", b"data") != ResultCache.for_config(Config(root=tmp_path, ignore=["text"])).key("x.md", b"data")


def test_cache_key_follows_the_code(tmp_path, monkeypatch):
    import planlint.cache as cache_mod

    a = ResultCache.for_config(Config(root=tmp_path)).key("x.md", b"d")
    monkeypatch.setattr(cache_mod, "_code_fp", "something else")
    assert ResultCache.for_config(Config(root=tmp_path)).key("x.md", b"d") != a
    assert (REPO / ".gitignore").read_text().count(".planlint_cache") >= 1


def test_old_jieba_shard_files_are_pruned(tmp_path):
    import os

    from planlint.words import KEEP_SHARD_FILES, _prune_shards

    files = []
    for i in range(8):
        f = tmp_path / f"jieba-{i:016x}.shards"
        f.write_bytes(b"x")
        os.utime(f, (1_000_000 + i, 1_000_000 + i))
        files.append(f)
    (tmp_path / "results.cache").write_bytes(b"kept")
    _prune_shards(files[0])
    left = sorted(p.name for p in tmp_path.iterdir())
    assert files[0].name in left and "results.cache" in left
    assert len([n for n in left if n.endswith(".shards")]) == 1 + KEEP_SHARD_FILES
    assert files[-1].name in left  # the most recently used are the ones kept
