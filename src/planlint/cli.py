"""The command line: ``planlint check``, ``rules``, ``rule``, ``plugins`` (typer)."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import List, Optional

import typer

from planlint import __version__
from planlint.errors import PlanlintError

app = typer.Typer(
    add_completion=False,
    pretty_exceptions_enable=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    help="planlint: lint Chinese plan documents (工作计划、工作总结、实施方案 …).",
)


def _split(values: Optional[List[str]], option: str = "") -> Optional[List[str]]:
    if values is None:
        return None
    out = []
    for v in values:
        out.extend(x.strip() for x in v.split(",") if x.strip())
    if option and not out:
        raise PlanlintError(f"{option} 没有写任何规则：请写规则 id 或命名空间，如 {option} placeholder,policy")
    return out


def _version(value: bool):
    if value:
        typer.echo(f"planlint {__version__}")
        raise typer.Exit()


@app.callback()
def _main(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version.")):
    """planlint: lint Chinese plan documents."""


@app.command()
def check(
    paths: List[str] = typer.Argument(..., help="Files or folders to check; '-' reads standard input."),
    format: str = typer.Option("text", "--format", help="text | full | json | github"),
    fail_on: Optional[str] = typer.Option(None, "--fail-on", help="error | warning | info: the lowest severity that fails the run."),
    date: Optional[str] = typer.Option(None, "--date", help="Judge documents at this date (YYYY-MM-DD)."),
    select: Optional[List[str]] = typer.Option(None, "--select", help="Only these rules or namespaces (comma-separated)."),
    ignore: Optional[List[str]] = typer.Option(None, "--ignore", help="Skip these rules or namespaces (comma-separated)."),
    fix: bool = typer.Option(False, "--fix", help="Apply safe fixes to the files."),
    unsafe_fixes: bool = typer.Option(False, "--unsafe-fixes", help="Also apply unsafe fixes (with --fix or --diff)."),
    diff: bool = typer.Option(False, "--diff", help="Show the fixes as a diff; write nothing."),
    statistics: bool = typer.Option(False, "--statistics", help="Count diagnostics per rule."),
    config: Optional[Path] = typer.Option(None, "--config", help="Use this config file for every file."),
    stdin_filename: Optional[str] = typer.Option(None, "--stdin-filename", help="Name to show for '-'."),
    jobs: int = typer.Option(0, "--jobs", "-j", help="Worker processes (0 = automatic)."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Do not read or write the result cache."),
    rule_timeout: Optional[float] = typer.Option(None, "--rule-timeout", help="Seconds one rule may take on one document before it is stopped (0 = no limit; default 30 + 5 per MB)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print diagnostics only, no summary."),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks for errors."),
):
    """Check documents and report diagnostics."""
    from planlint.run import CheckRequest, run_check

    req = CheckRequest(
        paths=paths, fmt=format, fail_on=fail_on, date=date, select=_split(select, "--select"), ignore=_split(ignore) or [],
        fix=fix, unsafe_fixes=unsafe_fixes, diff=diff, statistics=statistics, config=config,
        stdin_filename=stdin_filename, jobs=jobs, use_cache=not no_cache, quiet=quiet, debug=debug,
        rule_timeout=rule_timeout,
    )
    raise typer.Exit(run_check(req))


@app.command("rules")
def rules_cmd(
    all_rules: bool = typer.Option(True, "--all/--enabled", help="List every rule, or only those enabled by config."),
    config: Optional[Path] = typer.Option(None, "--config", help="Config file to read packs and settings from."),
):
    """List the rules: id, severity, on by default, fixable, summary."""
    from planlint.config import ConfigFinder
    from planlint.plugins import make_plugin_manager

    host = make_plugin_manager()
    cfg = ConfigFinder(config).for_path(".")
    rules = host.collect_rules(cfg)
    width = max((len(r.id) for r in rules), default=10)
    typer.echo(f"{'id':<{width}}  severity  default  fix  summary")
    for r in rules:
        typer.echo(f"{r.id:<{width}}  {str(r.severity):<8}  {'on' if r.enabled else 'off':<7}  {'yes' if r.fixable else '-':<3}  {r.summary}")


@app.command("rule")
def rule_cmd(
    rule_id: str = typer.Argument(..., help="A rule id, e.g. placeholder/unfilled."),
    config: Optional[Path] = typer.Option(None, "--config", help="Config file to read packs from."),
):
    """Show a rule's documentation (Chinese), source and examples."""
    from planlint.config import ConfigFinder, did_you_mean
    from planlint.plugins import make_plugin_manager

    host = make_plugin_manager()
    rules = {r.id: r for r in host.collect_rules(ConfigFinder(config).for_path("."))}
    if rule_id not in rules:
        raise PlanlintError(f"没有规则 “{rule_id}”{did_you_mean(rule_id, rules)}；planlint rules 列出全部规则")
    r = rules[rule_id]
    out = [f"{r.id} — {r.summary}", "",
           f"级别：{r.severity}　默认：{'启用' if r.enabled else '停用'}　可自动修复：{'是' if r.fixable else '否'}　插件：{r.plugin}"]
    if r.defined_in:
        out.append(f"定义于：{r.defined_in}")
    if r.source:
        out.append(f"依据：{r.source}")
    for title in ("说明", "原因", "示例", "建议写法"):
        body = getattr(r.docs, title)
        if body:
            out += ["", f"## {title}", body]
    if r.options:
        out += ["", "## 选项"]
        out += [f"- {k}（默认 {o.default!r}）：{o.description}" for k, o in r.options.items()]
    if r.examples.bad or r.examples.good:
        out += ["", "## 例句"]
        out += [f"- ✗ {b}" for b in r.examples.bad]
        out += [f"- ✓ {g}" for g in r.examples.good]
    typer.echo("\n".join(out))


@app.command("plugins")
def plugins_cmd():
    """List the plugins that are loaded, with versions and rule counts."""
    from planlint.config import Config
    from planlint.plugins import make_plugin_manager

    host = make_plugin_manager()
    rules = host.collect_rules(Config())
    counts: dict[str, int] = {}
    for r in rules:
        counts[r.plugin] = counts.get(r.plugin, 0) + 1
    for info in host.infos:
        origin = "built-in" if info.builtin else "installed"
        typer.echo(f"{info.name:<24} {info.version:<10} {origin:<9} {counts.get(info.name, 0):>3} rules  {info.module}")


@app.command("test-pack")
def test_pack_cmd(
    packs: List[str] = typer.Argument(..., help="Rule pack files or folders (a folder of packs is tested pack by pack)."),
    require_examples: bool = typer.Option(False, "--require-examples",
                                          help="Also fail when a rule has no bad example (for a pack's CI)."),
):
    """Run each pack rule's examples: a bad one must fire, a good one must not (exit 1 otherwise)."""
    from planlint.packs.testing import run_pack_examples

    report = run_pack_examples(packs)
    report.require_examples = require_examples
    typer.echo("\n".join(report.lines()))
    raise typer.Exit(1 if report.failed else 0)


@app.command("knowledge")
def knowledge_cmd(
    date: Optional[str] = typer.Option(None, "--date", help="As of this date (YYYY-MM-DD; default today)."),
):
    """Print what the policy/ rules know as of a date: current congresses, plenums, plans, renamed bodies."""
    import datetime as dt

    from planlint.rules.policy import builtin_knowledge, knowledge_lines

    try:
        when = dt.date.fromisoformat(date) if date else dt.date.today()
    except ValueError:
        raise PlanlintError(f"--date “{date}” 不是 YYYY-MM-DD 格式的日期") from None
    typer.echo("\n".join(knowledge_lines(builtin_knowledge(), when)))


def main() -> None:
    debug = "--debug" in sys.argv or bool(os.environ.get("PLANLINT_DEBUG"))
    try:
        app()
    except PlanlintError as e:
        if debug:
            raise
        typer.echo(f"planlint: 错误: {e}", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as e:  # a bug: one line unless --debug
        if debug:
            raise
        typer.echo(f"planlint: 内部错误: {type(e).__name__}: {e}（设环境变量 PLANLINT_DEBUG=1 再运行可看到详情，请附上它报告问题）", err=True)
        sys.exit(2)
