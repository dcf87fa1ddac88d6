"""Config: discovery upward, precedence (CLI > config > defaults), strictness with "did you mean"."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from planlint.config import ConfigFinder, from_mapping, glob_match
from planlint.errors import ConfigError

from conftest import run_cli

BAD = "# 工作计划\n\n这里有禁词。\n"


def write(p, text):
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text, encoding="utf-8")
    return p


def diags(r):
    return json.loads(r.stdout)["diagnostics"]


def test_nearest_config_wins(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.planlint]\nfail-on = "error"\n')
    write(tmp_path / "sub" / ".planlint.yaml", "fail-on: info\n")
    finder = ConfigFinder(cwd=tmp_path)
    assert str(finder.for_path(str(tmp_path / "a.md")).fail_on) == "error"
    assert str(finder.for_path(str(tmp_path / "sub" / "deeper" / "a.md")).fail_on) == "info"


def test_pyproject_without_section_is_skipped(tmp_path):
    write(tmp_path / ".planlint.yaml", "date: 2023-02-28\n")
    write(tmp_path / "sub" / "pyproject.toml", "[project]\nname = 'x'\n")
    cfg = ConfigFinder(cwd=tmp_path).for_path(str(tmp_path / "sub" / "a.md"))
    assert cfg.date == dt.date(2023, 2, 28)


@pytest.mark.parametrize("data,needle", [
    ({"selct": ["policy"]}, "select"),
    ({"fail-on": "fatal"}, "fail-on"),
    ({"date": "2023-13-01"}, "date"),
    ({"rules": {"x/y": {"severity": "loud"}}}, "severity"),
    ({"per_file_ignores": {}}, "per-file-ignores"),
    ({"rule-timeout": "long"}, "rule-timeout"),
    ({"rule_timeout": 5}, "rule-timeout"),
])
def test_strict_config(data, needle, tmp_path):
    with pytest.raises(ConfigError) as e:
        from_mapping(data, tmp_path / ".planlint.yaml", tmp_path)
    assert needle in str(e.value)


def test_glob_match():
    assert glob_match("docs/drafts/a.md", "drafts/")
    assert glob_match("archive/2019/a.md", "archive/*")
    assert glob_match("a/b.md", "*.md")
    assert not glob_match("docs/a.md", "drafts")


def test_malformed_yaml_is_one_line_error(tmp_path, sample_env):
    write(tmp_path / ".planlint.yaml", "select: [policy\nignore: x: y\n")
    doc = write(tmp_path / "a.md", BAD)
    r = run_cli("check", str(doc), env=sample_env)
    err = r.stderr.decode()
    assert r.returncode == 2 and ".planlint.yaml" in err and "YAML" in err and "Traceback" not in err


def test_unsafe_yaml_tag_is_rejected(tmp_path, sample_env):
    write(tmp_path / ".planlint.yaml", "date: !!python/object/apply:os.system ['echo hacked']\n")
    doc = write(tmp_path / "a.md", BAD)
    r = run_cli("check", str(doc), env=sample_env)
    assert r.returncode == 2 and b"hacked" not in r.stdout


def test_unknown_rule_in_config_and_cli(tmp_path, sample_env):
    doc = write(tmp_path / "a.md", BAD)
    write(tmp_path / ".planlint.yaml", "ignore: [sample/banned-wrd]\n")
    r = run_cli("check", str(doc), env=sample_env)
    assert r.returncode == 2 and "sample/banned-word" in r.stderr.decode()  # did you mean
    write(tmp_path / ".planlint.yaml", "rules:\n  sample/banned-word:\n    wrod: 好\n")
    r = run_cli("check", str(doc), env=sample_env)
    assert r.returncode == 2 and "word" in r.stderr.decode()
    write(tmp_path / ".planlint.yaml", "{}\n")
    r = run_cli("check", str(doc), "--select", "sampel", env=sample_env)
    assert r.returncode == 2 and "sample" in r.stderr.decode()


def test_rule_options_severity_and_cli_precedence(tmp_path, sample_env):
    doc = write(tmp_path / "a.md", "# 工作计划\n\n这里有禁词，也有坏词。\n")
    write(tmp_path / ".planlint.yaml",
          "select: [sample/banned-word]\nrules:\n  sample/banned-word:\n    word: 坏词\n    severity: error\n")
    d = diags(run_cli("check", str(doc), "--format", "json", env=sample_env))
    assert [(x["severity"], x["column"]) for x in d] == [("error", 9)]
    # --ignore on the command line adds to config
    r = run_cli("check", str(doc), "--ignore", "sample", "--format", "json", env=sample_env)
    assert diags(r) == [] and r.returncode == 0


def test_per_file_ignores_and_fail_on(tmp_path, sample_env):
    write(tmp_path / ".planlint.yaml",
          "select: [sample]\nfail-on: error\nper-file-ignores:\n  \"archive/*\": [sample/banned-word]\n")
    a = write(tmp_path / "archive" / "old.md", BAD)
    b = write(tmp_path / "new.md", BAD)
    r = run_cli("check", str(a), str(b), "--format", "json", env=sample_env)
    assert [x["path"] for x in diags(r)] == [str(b)]
    assert r.returncode == 0  # warnings only, fail-on error


def test_config_date_and_cli_date(tmp_path):
    from planlint.api import check_text
    from planlint.config import Config

    cfg = Config(date=dt.date(2020, 5, 1))
    doc, _ = check_text("正文。\n\n2023年2月28日\n", "a.txt", config=cfg, select=["core"])
    assert doc.date == dt.date(2020, 5, 1) and doc.date_info.source == "config"
    doc, _ = check_text("正文。\n", "a.txt", config=cfg, date="2019-01-02", select=["core"])
    assert doc.date == dt.date(2019, 1, 2) and doc.date_info.source == "cli"
    doc, _ = check_text("---\ndate: 2021-03-04\n---\n正文。\n", "a.md", config=cfg, select=["core"])
    assert doc.date == dt.date(2021, 3, 4) and doc.date_info.source == "front-matter"


def test_kind_by_glob(tmp_path):
    from planlint.api import check_text

    cfg = from_mapping({"kind": {"plans/*.md": "方案"}}, None, tmp_path)
    doc, _ = check_text("# 2024年工作计划\n", str(tmp_path / "plans" / "x.md"), config=cfg, select=["core"])
    assert doc.kind == "方案"


def test_explicit_config_flag(tmp_path, sample_env):
    cfg = write(tmp_path / "custom.yaml", "ignore: [sample]\n")
    doc = write(tmp_path / "a.md", BAD)
    r = run_cli("check", str(doc), "--config", str(cfg), "--select", "sample", "--format", "json", env=sample_env)
    assert diags(r) == []
