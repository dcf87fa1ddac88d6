"""The plugin host: a third-party plugin through an entry point, plugin errors, bad plugins."""

from __future__ import annotations

import json

from conftest import install_entry_point, run_cli

def test_entry_point_plugin_is_listed_and_runs(tmp_path, sample_env):
    r = run_cli("plugins", env=sample_env)
    assert r.returncode == 0
    line = next(l for l in r.stdout.decode().splitlines() if l.startswith("sample"))
    assert "1.2.3" in line and "installed" in line and "3 rules" in line
    doc = tmp_path / "a.md"
    doc.write_text("# 工作计划\n\n这里有禁词。\n", encoding="utf-8")
    r = run_cli("check", str(doc), "--select", "sample", "--format", "json", env=sample_env)
    assert r.returncode == 1
    data = json.loads(r.stdout)
    assert [d["rule"] for d in data["diagnostics"]] == ["sample/banned-word"]
    assert data["diagnostics"][0]["line"] == 3 and data["diagnostics"][0]["column"] == 4


def test_plugin_error_does_not_end_the_run(tmp_path, sample_env):
    bad = tmp_path / "a.md"
    bad.write_text("程序崩溃了。这里有禁词。\n", encoding="utf-8")
    other = tmp_path / "b.md"
    other.write_text("这里也有禁词。\n", encoding="utf-8")
    r = run_cli("check", str(bad), str(other), "--select", "sample/crash,sample/banned-word", env=sample_env)
    out = r.stdout.decode()
    assert r.returncode == 2
    assert "core/plugin-error" in out and "sample/crash" in out and "ZeroDivisionError" in out
    assert out.count("sample/banned-word") == 2  # other rules and files still checked
    assert "Traceback" not in r.stderr.decode()


def test_span_outside_text_is_a_plugin_error(tmp_path, sample_env):
    doc = tmp_path / "a.md"
    doc.write_text("正文。\n", encoding="utf-8")
    r = run_cli("check", str(doc), "--select", "sample/out-of-range", env=sample_env)
    assert r.returncode == 2 and "超出文本范围" in r.stdout.decode()


def test_plugin_that_fails_to_import(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "broken_plugin.py").write_text("raise ImportError('missing dependency foo')\n")
    env = install_entry_point(site, module_src=None, name="broken", module="broken_plugin")
    doc = tmp_path / "a.md"
    doc.write_text("正文。\n", encoding="utf-8")
    r = run_cli("check", str(doc), env=env)
    err = r.stderr.decode()
    assert r.returncode == 2
    assert "broken" in err and "导入失败" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_misspelled_hookimpl_is_an_error(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "typo_plugin.py").write_text(
        "from planlint import hookimpl\n\n@hookimpl\ndef planlint_rulez(config, kinds):\n    return []\n")
    env = install_entry_point(site, module_src=None, name="typo", module="typo_plugin")
    r = run_cli("rules", env=env)
    assert r.returncode == 2 and "planlint_rulez" in r.stderr.decode()


def test_reader_hook_from_plugin(tmp_path, sample_env):
    p = tmp_path / "plan.sample"
    p.write_text("SAMPLE\n第一行禁词\n", encoding="utf-8")
    r = run_cli("check", str(p), "--select", "sample/banned-word", "--format", "json", env=sample_env)
    (d,) = json.loads(r.stdout)["diagnostics"]
    assert (d["line"], d["column"]) == (1, 4)  # the header line was consumed by the plugin's reader


def test_rule_kinds_hook_from_plugin(sample_env):
    import subprocess
    import sys

    code = ("from planlint.plugins import make_plugin_manager; "
            "k = make_plugin_manager().kinds(); print(type(k['shout']).__name__)")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, env={**__import__('os').environ, **sample_env})
    assert r.stdout.decode().strip() == "ShoutKind"
