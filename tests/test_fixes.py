"""Fixes: applied only when asked, non-overlapping, atomic, idempotent, keeping encoding/BOM/EOL."""

from __future__ import annotations

import os

import pytest

from planlint.diagnostics import Diagnostic, Edit, Fix
from planlint.fixes import apply_fixes, write_atomic

from conftest import run_cli

TEXT = "# 工作计划\n\n这里有禁词。\n第二处禁词。\n"


def d(start, end, text, safe=True):
    return Diagnostic("x/y", "m", start, end, fix=Fix("t", (Edit(start, end, text),), safe))


def test_overlapping_fixes_wait_for_next_pass():
    new, n = apply_fixes("abcdef", [d(1, 3, "X"), d(2, 4, "Y"), d(4, 5, "Z")])
    assert (new, n) == ("aXdZf", 2)


def test_unsafe_only_when_asked():
    assert apply_fixes("abc", [d(0, 1, "X", safe=False)]) == ("abc", 0)
    assert apply_fixes("abc", [d(0, 1, "X", safe=False)], unsafe=True) == ("Xbc", 1)


@pytest.mark.parametrize("encoding,bom,newline", [
    ("utf-8", False, "\n"), ("utf-8", True, "\r\n"), ("gb18030", False, "\r\n"), ("gb18030", False, "\r"),
])
def test_fix_keeps_encoding_bom_and_line_endings(tmp_path, sample_env, encoding, bom, newline):
    p = tmp_path / "plan.md"
    raw = TEXT.replace("\n", newline).encode(encoding)
    p.write_bytes((b"\xef\xbb\xbf" if bom else b"") + raw)
    r = run_cli("check", str(p), "--select", "sample/banned-word", "--fix", env=sample_env)
    assert r.returncode == 0, r.stderr.decode()
    expected = TEXT.replace("禁词", "好词").replace("\n", newline).encode(encoding)
    assert p.read_bytes() == (b"\xef\xbb\xbf" if bom else b"") + expected
    before = p.read_bytes()
    r = run_cli("check", str(p), "--select", "sample/banned-word", "--fix", env=sample_env)
    assert r.returncode == 0 and p.read_bytes() == before  # idempotent


def test_diff_writes_nothing(tmp_path, sample_env):
    p = tmp_path / "plan.md"
    p.write_text(TEXT, encoding="utf-8")
    r = run_cli("check", str(p), "--select", "sample/banned-word", "--diff", env=sample_env)
    out = r.stdout.decode()
    assert r.returncode == 1 and "-这里有禁词。" in out and "+这里有好词。" in out
    assert p.read_text("utf-8") == TEXT


def test_fix_from_stdin_prints_fixed_text(sample_env):
    r = run_cli("check", "-", "--select", "sample/banned-word", "--fix", env=sample_env,
                input="有禁词。\n".encode())
    assert r.stdout.decode() == "有好词。\n"


def test_atomic_write_leaves_original_on_crash(tmp_path, monkeypatch):
    p = tmp_path / "plan.md"
    p.write_text("原文", encoding="utf-8")

    def boom(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        write_atomic(str(p), "新文".encode())
    assert p.read_text("utf-8") == "原文"
    assert [x.name for x in tmp_path.iterdir()] == ["plan.md"]  # no temp file left behind


def test_atomic_write_keeps_mode(tmp_path):
    p = tmp_path / "plan.md"
    p.write_text("原文", encoding="utf-8")
    os.chmod(p, 0o640)
    write_atomic(str(p), "新文".encode())
    assert p.read_text("utf-8") == "新文" and (os.stat(p).st_mode & 0o777) == 0o640
