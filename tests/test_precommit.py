"""planlint as a pre-commit hook, for real: a document repository refuses a bad commit and takes a good one.

pre-commit installs a hook repository from a git commit, so the test first commits a snapshot of this
working tree (the files needed to build planlint, plus .pre-commit-hooks.yaml) into a temporary
repository, and points the document repository's .pre-commit-config.yaml at that commit. pre-commit
then builds planlint into its own virtualenv (dependencies from PyPI, like a user's machine).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import yaml
from conftest import REPO

PRE_COMMIT = Path(sys.executable).with_name("pre-commit")
SNAPSHOT = ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml", "src")


def git(cwd: Path, *args: str, check: bool = True, env=None) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=check, env=env, timeout=900)


def git_env(home: Path) -> dict:
    env = dict(os.environ)
    env.update({
        "GIT_AUTHOR_NAME": "planlint test", "GIT_AUTHOR_EMAIL": "test@example.invalid",
        "GIT_COMMITTER_NAME": "planlint test", "GIT_COMMITTER_EMAIL": "test@example.invalid",
        "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never", "GIT_CONFIG_NOSYSTEM": "1",
        "PATH": str(PRE_COMMIT.parent) + os.pathsep + env.get("PATH", ""),
    })
    env.pop("PLANLINT_DEBUG", None)
    return env


def snapshot_repo(dest: Path, env: dict) -> str:
    """Commit the working tree's build inputs to a fresh repository at ``dest``; return the commit."""
    dest.mkdir()
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info", ".planlint_cache")
    for name in SNAPSHOT:
        src = REPO / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=ignore)
        else:
            shutil.copy2(src, dest / name)
    git(dest, "init", "-q", env=env)
    git(dest, "add", "-A", env=env)
    git(dest, "commit", "-q", "-m", "snapshot of the planlint working tree", env=env)
    return git(dest, "rev-parse", "HEAD", env=env).stdout.strip()


PACK = """
pack: acme
rules:
  preferred-wording:
    kind: substitution
    summary: 口语改为规范说法
    swap: {一把手: 主要负责同志}
"""
BAD = "# 2024年工作计划\n\n各基层工会一把手要亲自抓。\n"
GOOD = "# 2024年工作计划\n\n各基层工会主要负责同志要亲自抓。\n"


def test_hook_file_declares_planlint():
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "planlint")
    assert hook["language"] == "python" and hook["entry"] == "planlint check"
    assert hook["require_serial"] is True
    import re

    for name in ("计划.md", "总结.txt", "方案.docx", "a/b/c.markdown"):
        assert re.search(hook["files"], name)
    assert not re.search(hook["files"], "setup.py")


def test_pre_commit_refuses_a_bad_document_and_takes_a_good_one(tmp_path):
    assert PRE_COMMIT.exists(), "pre-commit is part of the test extra: pip install -e '.[test]'"
    env = git_env(tmp_path / "pre-commit-home")
    rev = snapshot_repo(tmp_path / "planlint-src", env)

    docs = tmp_path / "docs"
    docs.mkdir()
    git(docs, "init", "-q", env=env)
    (docs / ".pre-commit-config.yaml").write_text(textwrap.dedent(f"""
        repos:
          - repo: {tmp_path / 'planlint-src'}
            rev: {rev}
            hooks:
              - id: planlint
    """).lstrip(), encoding="utf-8")
    (docs / ".planlint.yaml").write_text("packs: [acme.yaml]\nselect: [acme]\n", encoding="utf-8")
    (docs / "acme.yaml").write_text(textwrap.dedent(PACK).lstrip(), encoding="utf-8")
    git(docs, "add", "-A", env=env)
    git(docs, "commit", "-q", "-m", "setup", env=env)
    r = subprocess.run([str(PRE_COMMIT), "install"], cwd=docs, capture_output=True, text=True, env=env, timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr

    # A bad document: the commit is refused with planlint's own message.
    (docs / "plan.md").write_text(BAD, encoding="utf-8")
    git(docs, "add", "plan.md", env=env)
    r = git(docs, "commit", "-m", "add plan", check=False, env=env)
    out = r.stdout + r.stderr
    assert r.returncode != 0, out
    assert "plan.md:3:6: warning acme/preferred-wording “一把手”应为“主要负责同志”" in out, out
    assert git(docs, "rev-list", "--count", "HEAD", env=env).stdout.strip() == "1"

    # Fixed: the commit goes through.
    (docs / "plan.md").write_text(GOOD, encoding="utf-8")
    git(docs, "add", "plan.md", env=env)
    r = git(docs, "commit", "-m", "add plan", check=False, env=env)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "planlint" in r.stdout + r.stderr  # the hook ran (and passed)

    # Only staged files are checked: an old bad document already in the repository does not block
    # a commit that does not touch it.
    (docs / "old.md").write_text(BAD, encoding="utf-8")
    git(docs, "add", "old.md", env=env)
    git(docs, "commit", "-q", "--no-verify", "-m", "legacy document", env=env)
    (docs / "new.txt").write_text("各单位主要负责同志要亲自抓。\n", encoding="utf-8")
    git(docs, "add", "new.txt", env=env)
    r = git(docs, "commit", "-m", "add new", check=False, env=env)
    assert r.returncode == 0, r.stdout + r.stderr
