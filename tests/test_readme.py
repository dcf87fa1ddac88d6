"""The README's two commands: CI runs the second one verbatim, and the first one's example exists."""

from __future__ import annotations

import re

from conftest import REPO, run_cli


def readme_commands() -> list[str]:
    text = (REPO / "README.md").read_text("utf-8")
    section = text.split("## Try it", 1)[1].split("\n## ", 1)[0]
    return [block.strip() for block in re.findall(r"```sh\n(.*?)```", section, re.S)]


def test_two_commands_and_ci_runs_the_test_command():
    install_and_lint, install_and_test = readme_commands()
    ci = (REPO / ".ci" / "run").read_text("utf-8")
    assert install_and_test in ci.splitlines()
    assert "pytest" in install_and_test and "planlint check" in install_and_lint


def test_bundled_example_shows_real_findings():
    install_and_lint = readme_commands()[0]
    target = install_and_lint.rsplit("planlint check ", 1)[1].split()[0]
    assert (REPO / target).exists()
    r = run_cli("check", str(REPO / target), "--format", "json")
    assert r.returncode == 1, r.stderr.decode()


def test_readme_pack_example_passes_its_own_examples(tmp_path):
    text = (REPO / "README.md").read_text("utf-8")
    (block,) = re.findall(r"```yaml\n(pack: acme.*?)```", text, re.S)
    pack = tmp_path / "acme.yaml"
    pack.write_text(block, encoding="utf-8")
    r = run_cli("test-pack", str(pack))
    assert r.returncode == 0, r.stdout.decode() + r.stderr.decode()
