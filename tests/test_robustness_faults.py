"""Faults: misbehaving plugins and rules, crashes while writing fixes, unsafe YAML anywhere."""

from __future__ import annotations

import os
import sys
import re
import time
from pathlib import Path

import pytest
from conftest import REPO, install_entry_point, run_cli

from planlint import Fix, Rule, RuleDocs, hookimpl
from planlint.api import default_host
from planlint.config import Config
from planlint.diagnostics import Diagnostic
from planlint.engine import Linter, RunOptions
from planlint.plugins import make_plugin_manager
from planlint.run import CheckRequest, run_check

DOCS = RuleDocs(说明="测试。", 原因="测试。", 示例="测试", 建议写法="测试")
TEXT = "# 2023年工作计划\n\n今年要做好xx工作,推动发展。\n"


def _raises(doc, ctx):
    raise ZeroDivisionError("boom")


def _outside(doc, ctx):
    yield ctx.report(0, len(doc.text) + 3, "越界")


def _bad_fix(doc, ctx):
    yield ctx.report(0, 1, "修复越界", Fix.replace(0, len(doc.text) + 1, "x", "坏修复"))


def _wrong_type(doc, ctx):
    yield "not a diagnostic"


def _not_iterable(doc, ctx):
    return 42


def _sleeps(doc, ctx):
    time.sleep(30)
    return ()


def _spins(doc, ctx):
    while True:
        pass


def _backtracks(doc, ctx):
    re.match(r"(a+)+$", "a" * 40 + "b")  # catastrophic backtracking
    return ()


def _swallows(doc, ctx):
    try:
        time.sleep(30)
    except Exception:  # a rule that catches everything still cannot outlive the time limit
        pass
    return ()


BAD_RULES = {
    "bad/raises": _raises, "bad/outside": _outside, "bad/bad-fix": _bad_fix, "bad/wrong-type": _wrong_type,
    "bad/not-iterable": _not_iterable, "bad/sleeps": _sleeps, "bad/spins": _spins, "bad/backtracks": _backtracks,
    "bad/swallows": _swallows,
}


class BadPlugin:
    """A plugin whose every rule misbehaves in its own way."""

    @staticmethod
    @hookimpl
    def planlint_rules(config, kinds):
        return [Rule(rid, "坏规则", fn, DOCS) for rid, fn in BAD_RULES.items()]


def test_each_misbehaving_rule_is_reported_and_the_others_still_run():
    host = make_plugin_manager(extra=(BadPlugin,))
    linter = Linter(host, RunOptions(select=["bad", "placeholder/unfilled", "typography"], rule_timeout=1.0))
    doc = linter.load("x.md", TEXT.encode(), Config())
    t = time.monotonic()
    diags = linter.check(doc, Config())
    assert time.monotonic() - t < 20
    errors = [d.message for d in diags if d.rule == "core/plugin-error"]
    for rid in BAD_RULES:
        assert sum(rid in m for m in errors) == 1, (rid, errors)
    assert any("超过 1 秒" in m for m in errors if "bad/sleeps" in m)
    assert not any(d.rule.startswith("bad/") for d in diags)
    assert any(d.rule == "placeholder/unfilled" for d in diags)
    assert any(d.rule.startswith("typography/") for d in diags)
    assert all(0 <= d.offset <= d.end_offset <= len(doc.text) for d in diags)


def test_time_limit_off_and_outside_the_main_thread():
    import threading

    host = make_plugin_manager(extra=(BadPlugin,))
    linter = Linter(host, RunOptions(select=["bad/raises"], rule_timeout=5))
    doc = linter.load("x.md", TEXT.encode(), Config())
    out = []
    th = threading.Thread(target=lambda: out.append(linter.check(doc, Config())), daemon=True)
    th.start()
    th.join(120)
    assert out and [d.rule for d in out[0]] == ["core/plugin-error"]  # no alarm outside the main thread
    off = Linter(host, RunOptions(select=["bad/raises"], rule_timeout=0))
    assert [d.rule for d in off.check(doc, Config())] == ["core/plugin-error"]


def test_time_limit_from_config_and_the_command_line_wins():
    host = make_plugin_manager(extra=(BadPlugin,))
    cfg = Config(rule_timeout=0.5)
    linter = Linter(host, RunOptions(select=["bad/sleeps"]))
    doc = linter.load("x.md", TEXT.encode(), cfg)
    (d,) = linter.check(doc, cfg)
    assert d.rule == "core/plugin-error" and "超过 0.5 秒" in d.message
    cli = Linter(host, RunOptions(select=["bad/sleeps"], rule_timeout=0.3))
    (d,) = cli.check(doc, cfg)
    assert "超过 0.3 秒" in d.message


HANGING_PLUGIN = '''
import time
from planlint import Rule, RuleDocs, hookimpl

DOCS = RuleDocs(说明="测试。", 原因="测试。", 示例="测试", 建议写法="测试")

def hang(doc, ctx):
    if "挂起" in doc.text:
        while True:
            time.sleep(0.01)
    if "崩溃" in doc.text:
        raise RuntimeError("boom")
    return ()

@hookimpl
def planlint_rules(config, kinds):
    return [Rule("hang/forever", "测试：挂起", hang, DOCS)]
'''


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_cli_reports_a_hanging_or_crashing_plugin_and_checks_the_other_files(tmp_path, jobs):
    src = tmp_path / "hang_plugin.py"
    src.write_text(HANGING_PLUGIN, encoding="utf-8")
    env = install_entry_point(tmp_path / "site", src, name="hang", module="hang_plugin")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.md").write_text("这份文档会挂起。今年要做好xx工作。\n", encoding="utf-8")
    (docs / "b.md").write_text("这份文档会崩溃。今年要做好xx工作。\n", encoding="utf-8")
    for i in range(8):
        (docs / f"c{i}.md").write_text("今年要做好xx工作。\n", encoding="utf-8")
    t = time.monotonic()
    r = run_cli("check", str(docs), "--rule-timeout", "1", "-j", jobs, "--no-cache", env=env, cwd=tmp_path)
    assert time.monotonic() - t < 120
    out = r.stdout.decode()
    assert r.returncode == 2 and "Traceback" not in r.stderr.decode()
    assert re.search(r"a\.md:1:1: error core/plugin-error .*hang/forever.*超过 1 秒", out)
    assert re.search(r"b\.md:1:1: error core/plugin-error .*hang/forever.*RuntimeError: boom", out)
    for name in ["a.md", "b.md"] + [f"c{i}.md" for i in range(8)]:
        assert re.search(rf"{name}:\d+:\d+: error placeholder/unfilled", out), name


def _fixable_text() -> str:
    return "今年要做好科技工作,推动发展.加强领导,落实责任。\n第二行,也有半角逗号。\n"


def test_crash_while_writing_a_fix_leaves_the_file_intact(tmp_path, monkeypatch, capsys):
    a = tmp_path / "a.md"
    b = tmp_path / "b.md"
    original = _fixable_text().replace("\n", "\r\n").encode("gb18030")
    a.write_bytes(original)
    b.write_bytes(original)

    real_replace = os.replace

    def crash(src, dst):
        if os.path.basename(dst) == "a.md":
            raise OSError(28, "No space left on device")
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", crash)
    code = run_check(CheckRequest(paths=[str(a), str(b)], fix=True, use_cache=False, jobs=1))
    err = capsys.readouterr().err
    assert code == 2 and "a.md" in err and "原文件未改动" in err
    assert a.read_bytes() == original
    assert b.read_bytes() != original and "," not in b.read_bytes().decode("gb18030")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md", "b.md"]  # no temp files left


def test_crash_inside_the_write_itself(tmp_path, monkeypatch, capsys):
    import planlint.fixes as fixes

    a = tmp_path / "a.md"
    original = ("\ufeff" + _fixable_text()).encode("utf-8")
    a.write_bytes(original)
    real_fdopen = os.fdopen

    class Exploding:
        def __init__(self, f):
            self.f = f

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.f.close()

        def write(self, data):
            self.f.write(data[: len(data) // 2])
            raise OSError(5, "Input/output error")

    monkeypatch.setattr(fixes.os, "fdopen", lambda fd, mode: Exploding(real_fdopen(fd, mode)))
    code = run_check(CheckRequest(paths=[str(a)], fix=True, use_cache=False))
    assert code == 2 and "a.md" in capsys.readouterr().err
    assert a.read_bytes() == original
    assert [p.name for p in tmp_path.iterdir()] == ["a.md"]


def _fixable_examples() -> list[tuple[str, str]]:
    rules = default_host().collect_rules(Config())
    return [(r.id, r.examples.bad[0]) for r in rules if r.fixable and r.examples.bad and r.enabled]


@pytest.mark.parametrize("encoding,bom,newline", [
    ("utf-8", True, "\r\n"), ("utf-8", False, "\r"), ("gb18030", False, "\r\n"), ("utf-16", True, "\n"),
])
def test_fix_with_builtin_rules_keeps_encoding_bom_and_line_endings(tmp_path, capsys, encoding, bom, newline):
    examples = _fixable_examples()
    assert examples
    paths = []
    for i, (rid, text) in enumerate(examples):
        body = (text.rstrip("\n") + "\n").replace("\r\n", "\n").replace("\n", newline)
        raw = body.encode(encoding)  # utf-16 writes its own BOM
        if bom and encoding == "utf-8":
            raw = b"\xef\xbb\xbf" + raw
        p = tmp_path / f"f{i}.md"
        p.write_bytes(raw)
        paths.append((p, rid, body))
    run_check(CheckRequest(paths=[str(p) for p, _, _ in paths], fix=True, use_cache=False, jobs=1))
    capsys.readouterr()
    changed = 0
    for p, rid, body in paths:
        data = p.read_bytes()
        if encoding == "utf-8":
            assert data.startswith(b"\xef\xbb\xbf") == bom, rid
        if encoding == "utf-16":
            assert data[:2] in (b"\xff\xfe", b"\xfe\xff"), rid
        text = data.decode("utf-8-sig" if encoding == "utf-8" else encoding)
        other = {"\n": ("\r",), "\r\n": (), "\r": ("\n",)}[newline]
        assert not any(o in text.replace("\r\n", "") for o in other), (rid, text)
        changed += text != body
    assert changed  # the fixes did something
    before = {p: p.read_bytes() for p, _, _ in paths}
    run_check(CheckRequest(paths=[str(p) for p, _, _ in paths], fix=True, use_cache=False, jobs=1))
    capsys.readouterr()
    assert {p: p.read_bytes() for p, _, _ in paths} == before  # a second pass changes nothing


# --- YAML is only ever loaded safely ---------------------------------------------------------------
EVIL = "!!python/object/apply:os.system ['touch {marker}']"


def test_python_tags_in_config_pack_and_front_matter_do_not_run(tmp_path):
    marker = tmp_path / "PWNED"
    doc = tmp_path / "a.md"
    doc.write_text(TEXT, encoding="utf-8")
    (tmp_path / ".planlint.yaml").write_text("date: " + EVIL.format(marker=marker) + "\n", encoding="utf-8")
    r = run_cli("check", str(doc), cwd=tmp_path)
    assert r.returncode == 2 and not marker.exists() and b"Traceback" not in r.stderr

    (tmp_path / ".planlint.yaml").write_text("packs: [evil.yaml]\n", encoding="utf-8")
    (tmp_path / "evil.yaml").write_text(
        "pack: evil\nrules:\n  x:\n    kind: substitution\n    summary: " + EVIL.format(marker=marker)
        + "\n    swap: {a: b}\n", encoding="utf-8")
    r = run_cli("check", str(doc), cwd=tmp_path)
    assert r.returncode == 2 and not marker.exists() and b"Traceback" not in r.stderr

    (tmp_path / ".planlint.yaml").write_text("{}\n", encoding="utf-8")
    doc.write_text("---\ndate: " + EVIL.format(marker=marker) + "\n---\n" + TEXT, encoding="utf-8")
    r = run_cli("check", str(doc), cwd=tmp_path)
    assert r.returncode == 1 and not marker.exists() and b"placeholder/unfilled" in r.stdout


def test_no_unsafe_yaml_loading_in_the_source():
    unsafe = re.compile(r"yaml\.(unsafe_load|full_load|load_all)\b|Loader\s*=\s*yaml\.(Loader|FullLoader|UnsafeLoader)\b"
                        r"|yaml\.load\((?![^)]*Loader=)")
    offenders = []
    for path in sorted((REPO / "src").rglob("*.py")):
        for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if unsafe.search(line):
                offenders.append(f"{path.relative_to(REPO)}:{i}: {line.strip()}")
    assert not offenders, offenders
    from planlint.packs import loader

    import yaml

    from planlint import yamlsafe

    # The loaders build objects with SafeConstructor only, never the Full or Unsafe constructors.
    for cls in (loader._StrictLoader, yamlsafe.SafeLoader):
        assert issubclass(cls, yaml.constructor.SafeConstructor)
        assert not issubclass(cls, yaml.constructor.FullConstructor)
    with pytest.raises(yaml.YAMLError):
        yamlsafe.safe_load("!!python/object/apply:os.system ['echo unsafe']")


def test_diagnostic_from_a_plugin_is_never_trusted_blindly():
    # the engine's checks are what keep formatters and fixes inside the text
    host = make_plugin_manager(extra=(BadPlugin,))
    linter = Linter(host, RunOptions(select=["bad/outside", "bad/bad-fix"]))
    doc = linter.load("x.md", b"abc", Config())
    diags = linter.check(doc, Config())
    assert [d.rule for d in diags] == ["core/plugin-error", "core/plugin-error"]
    assert all(isinstance(d, Diagnostic) and d.offset == 0 for d in diags)


def test_unreadable_paths_are_errors_not_crashes(tmp_path):
    r = run_cli("check", str(tmp_path / "missing.md"), str(Path("/dev/null")), cwd=tmp_path)
    assert r.returncode == 2 and b"Traceback" not in r.stderr


def test_fix_writes_through_a_symlink_and_refuses_read_only_and_hard_linked_files(tmp_path):
    (tmp_path / "real.md").write_text("推动推动建设。\n", encoding="utf-8")
    (tmp_path / "link.md").symlink_to("real.md")
    r = run_cli("check", str(tmp_path / "link.md"), "--fix", "--no-cache")
    assert r.returncode == 0 and (tmp_path / "link.md").is_symlink()
    assert (tmp_path / "real.md").read_text(encoding="utf-8") == "推动建设。\n"

    ro = tmp_path / "ro.md"
    ro.write_text("推动推动建设。\n", encoding="utf-8")
    ro.chmod(0o444)
    r = run_cli("check", str(ro), "--fix", "--no-cache")
    assert r.returncode == 2 and "只读" in r.stderr.decode()
    assert ro.read_text(encoding="utf-8") == "推动推动建设。\n"

    a, b = tmp_path / "a.md", tmp_path / "b.md"
    a.write_text("推动推动建设。\n", encoding="utf-8")
    os.link(a, b)
    r = run_cli("check", str(a), "--fix", "--no-cache")
    assert r.returncode == 2 and "硬链接" in r.stderr.decode()
    assert os.stat(a).st_ino == os.stat(b).st_ino and a.read_text(encoding="utf-8") == "推动推动建设。\n"


def test_a_fifo_or_device_is_refused_not_read_forever(tmp_path):
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    r = run_cli("check", str(fifo), "/dev/zero")
    err = r.stderr.decode()
    assert r.returncode == 2 and err.count("不是普通文件") == 2 and "Traceback" not in err


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="process groups and fork: Linux")
def test_ctrl_c_during_a_parallel_fix_run_stops_cleanly(tmp_path):
    import signal
    import subprocess

    for i in range(300):
        (tmp_path / f"f{i}.md").write_text("推动推动建设，加强管理,落实责任。\n", encoding="utf-8")
    for i in range(4):
        (tmp_path / f"z{i}.txt").write_text("为做好年度工作，深入贯彻党的十八大精神，推动推动发展。" * 3000 + "\n",
                                          encoding="utf-8")
    cmd = [sys.executable, "-m", "planlint", "check", str(tmp_path), "-j", "2", "--fix", "--unsafe-fixes", "--no-cache"]
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    time.sleep(2.0)
    os.killpg(p.pid, signal.SIGINT)  # what a terminal's Ctrl-C does: the whole group
    try:
        _, err = p.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, signal.SIGKILL)
        raise AssertionError("planlint -j 2 did not stop after Ctrl-C") from None
    assert p.returncode in (0, 1, 130), err.decode()
    assert b"Traceback" not in err
    assert not list(tmp_path.glob(".planlint-*"))  # no temp file of a cut-off write
    for f in tmp_path.glob("f*.md"):  # every file is either untouched or completely fixed
        assert f.read_text(encoding="utf-8") in ("推动推动建设，加强管理,落实责任。\n", "推动建设，加强管理，落实责任。\n")
