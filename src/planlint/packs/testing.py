"""``planlint test-pack``: run every pack rule's own examples; a bad one must fire, a good one must not."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from planlint.config import Config
from planlint.docdate import parse_iso
from planlint.engine import Linter, RunOptions
from planlint.packs.loader import discover, load_raw
from planlint.plugins import PluginHost, make_plugin_manager


@dataclass
class RuleResult:
    """How one rule did on its examples."""

    rule_id: str
    bad: int = 0
    good: int = 0
    failures: list[str] = field(default_factory=list)


@dataclass
class PackReport:
    """Results for every rule of the packs tested, in order."""

    packs: list[str] = field(default_factory=list)
    results: list[RuleResult] = field(default_factory=list)
    require_examples: bool = False  # a rule without a bad example fails (test-pack --require-examples)

    def _fails(self, r: RuleResult) -> bool:
        return bool(r.failures) or (self.require_examples and not r.bad)

    @property
    def failed(self) -> bool:
        return any(self._fails(r) for r in self.results)

    def lines(self) -> list[str]:
        out = []
        for r in self.results:
            if r.failures:
                out.append(f"✗ {r.rule_id}")
                out.extend(f"    {f}" for f in r.failures)
            elif self.require_examples and not r.bad:
                out.append(f"✗ {r.rule_id}")
                out.append("    没有应报例句（--require-examples）：请在 examples 的 bad 里写至少一句应报的话")
            elif r.bad or r.good:
                out.append(f"✓ {r.rule_id}（{r.bad} 个应报例句，{r.good} 个不应报例句）")
            else:
                out.append(f"- {r.rule_id}（没有例句，未测试；请在 examples 里写 bad / good）")
        failed = sum(1 for r in self.results if self._fails(r))
        examples = sum(r.bad + r.good for r in self.results)
        verdict = f"{failed} 条规则未通过" if failed else ("全部通过" if examples else "没有例句，什么也没有测试")
        out.append(f"{len(self.packs)} 个规则包，{len(self.results)} 条规则，{examples} 个例句：{verdict}")
        return out


def run_pack_examples(paths: list[str], host: PluginHost | None = None) -> PackReport:
    """Load the packs under ``paths`` (strictly: errors raise ConfigError) and run their examples."""
    host = host or make_plugin_manager()
    sources = [Path(p) for p in paths]
    report = PackReport()
    cwd = Path.cwd()
    for source in sources:
        for pack_source in discover(source):
            config = Config(root=cwd, packs=[pack_source])
            raw = load_raw([pack_source])
            ids = {f"{p.name}/{n}" for p in raw for n in p.rules}
            report.packs.extend(p.path for p in raw if p.path not in report.packs)
            rules = [r for r in host.collect_rules(config) if r.id in ids]
            for rule in rules:
                report.results.append(_run_examples(host, config, rule))
    return report


def _run_examples(host: PluginHost, config: Config, rule) -> RuleResult:
    ex = rule.examples
    result = RuleResult(rule.id, len(ex.bad), len(ex.good))
    linter = Linter(host, RunOptions(select=[rule.id], date=parse_iso(ex.date) if ex.date else None))
    path = "example.md" if ex.markdown else "example.txt"
    for want, texts in ((True, ex.bad), (False, ex.good)):
        for text in texts:
            doc = linter.load(path, text.encode("utf-8"), config)
            diags = linter.check(doc, config)
            errors = [d for d in diags if d.rule == "core/plugin-error"]
            mine = [d for d in diags if d.rule == rule.id]
            shown = _shorten(text)
            if errors:
                result.failures.append(f"出错：{errors[0].message}（例句：{shown}）")
            elif want and not mine:
                result.failures.append(f"应报而未报：{shown}")
            elif not want and mine:
                result.failures.append(f"不应报却报了“{mine[0].message}”：{shown}")
    return result


def _shorten(text: str, limit: int = 60) -> str:
    one = " ⏎ ".join(line for line in text.splitlines() if line.strip())
    return one if len(one) <= limit else one[:limit] + "…"
