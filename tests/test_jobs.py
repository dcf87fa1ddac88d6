"""Checking in worker processes (-j): the same output, errors and fixes as one process; progress bar."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

from conftest import run_cli

from planlint.run import Progress

DOCS = [
    "# {n}年工作计划\n\n一、主要任务\n\n今年要做好xx工作,推动推动发展。\n",
    "# 工作总结\n\n今年完成项目12项，其中新建5项、续建6项，合计12项。\n\n二〇二三年十二月三十日\n",
    "普通的说明文字，没有问题。\r\n第二行（没有闭合的括号。\r\n",
    "# 实施方案\n\n## 一、工作目标\n\n## 三、保障措施\n\n加强领导。\n",
]


def _tree(root: Path, n: int = 24) -> Path:
    for i in range(n):
        folder = root / f"d{i % 3}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"f{i:02d}.md").write_text(DOCS[i % len(DOCS)].format(n=2000 + i), encoding="utf-8")
    (root / "d0" / "binary.txt").write_bytes(b"\x00\x01\x02 not text")
    (root / ".planlint.yaml").write_text("{}\n", encoding="utf-8")
    return root


def test_jobs_give_identical_sorted_output(tmp_path):
    root = _tree(tmp_path / "docs")
    runs = {j: run_cli("check", str(root), "--no-cache", "-j", j, "--format", "json", cwd=tmp_path) for j in ("1", "2", "0")}
    base = runs["1"]
    assert base.returncode == 1 and b'"files": 24' in base.stdout
    for r in runs.values():
        assert (r.returncode, r.stdout, r.stderr) == (base.returncode, base.stdout, base.stderr)
    text1 = run_cli("check", str(root), "--no-cache", "-j", "1", cwd=tmp_path)
    text2 = run_cli("check", str(root), "--no-cache", "-j", "3", cwd=tmp_path)
    assert text1.stdout == text2.stdout and text1.stderr == text2.stderr
    lines = text1.stdout.decode().splitlines()
    assert "binary.txt" in text1.stderr.decode()  # found by the walk: a warning, the run goes on
    paths = [ln.split(":", 1)[0] for ln in lines]
    assert paths == sorted(paths)


def test_jobs_fix_the_same_way(tmp_path):
    a = _tree(tmp_path / "a")
    b = tmp_path / "b"
    shutil.copytree(a, b)
    r1 = run_cli("check", "--fix", str(a), "--no-cache", "-j", "1", cwd=tmp_path)
    r2 = run_cli("check", "--fix", str(b), "--no-cache", "-j", "2", cwd=tmp_path)
    assert r1.returncode == r2.returncode
    assert r1.stderr.replace(b"/a/", b"/b/") == r2.stderr
    for f in sorted(a.rglob("*.md")):
        assert f.read_bytes() == (b / f.relative_to(a)).read_bytes()
    assert "，推动发展" in (a / "d0" / "f00.md").read_text(encoding="utf-8")


def test_jobs_with_cache_and_bad_option(tmp_path):
    root = _tree(tmp_path / "docs")
    first = run_cli("check", str(root), "-j", "2", cwd=tmp_path)
    second = run_cli("check", str(root), "-j", "2", cwd=tmp_path)
    assert first.stdout == second.stdout and first.returncode == second.returncode == 1
    r = run_cli("check", str(root), "-j", "-1", cwd=tmp_path)
    assert r.returncode == 2 and b"Traceback" not in r.stderr


def test_no_progress_bar_when_stderr_is_not_a_terminal(tmp_path):
    root = _tree(tmp_path / "docs", n=30)
    r = run_cli("check", str(root), "--no-cache", cwd=tmp_path)
    assert b"\r" not in r.stderr and "检查 " not in r.stderr.decode()


class _Tty(io.StringIO):
    def isatty(self):
        return True


def test_progress_bar_draws_on_a_terminal_and_clears_itself():
    out = _Tty()
    p = Progress(3, stream=out)
    for name in ("a.md", "b.md", "c.md"):
        p.advance(name)
    p.close()
    text = out.getvalue()
    assert "3/3" in text and text.endswith("\r\x1b[K")
    quiet = io.StringIO()
    p = Progress(3, stream=quiet)
    p.advance("a.md")
    p.close()
    assert quiet.getvalue() == ""
    off = _Tty()
    p = Progress(3, stream=off, enabled=False)
    p.advance("a.md")
    p.close()
    assert off.getvalue() == ""
