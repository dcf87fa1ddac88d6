"""The lint run: pick the rules a file's config enables, run them, apply suppressions."""

from __future__ import annotations

import os
import signal
import threading
import traceback
from dataclasses import dataclass

from planlint import suppressions
from planlint.config import Config, did_you_mean, selector_matches
from planlint.core_rules import PLUGIN_ERROR, UNUSED_SUPPRESSION
from planlint.diagnostics import Diagnostic, Severity
from planlint.docdate import DocDate
from planlint.dockind import DocKind
from planlint.document import Document
from planlint.errors import ConfigError, InputError, PlanlintError
from planlint.options import RunOptions
from planlint.plugins import PluginHost
from planlint.rule import Rule, RuleContext

# A rule that runs longer than this on one document is stopped and reported as core/plugin-error.
RULE_TIMEOUT = 30.0
RULE_TIMEOUT_PER_MB = 5.0


class RuleTimeout(BaseException):
    """Raised inside a rule that ran out of time (BaseException: a rule's ``except Exception`` keeps out)."""


class _Alarm:
    """SIGALRM for rule time limits: the handler is set once per document, each rule arms and
    disarms the timer (two setitimer calls). Only on POSIX, in the main thread, and when no one
    else's alarm is running; elsewhere rules run without a limit."""

    __slots__ = ("usable", "previous")

    def __enter__(self) -> "_Alarm":
        self.usable = (
            hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
            and signal.getitimer(signal.ITIMER_REAL)[0] == 0
        )
        if self.usable:
            self.previous = signal.signal(signal.SIGALRM, _on_alarm)
        return self

    def __exit__(self, *exc) -> None:
        if self.usable:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self.previous)


def _on_alarm(signum, frame):
    raise RuleTimeout()


@dataclass
class RuleSet:
    """The rules known under one config, and which of them run."""

    all_rules: list[Rule]
    contexts: list[RuleContext]

    @property
    def known_ids(self) -> set[str]:
        return {r.id for r in self.all_rules}


class Linter:
    """Checks documents: one per call, with rules chosen per config file."""

    def __init__(self, host: PluginHost, options: RunOptions | None = None):
        self.host = host
        self.options = options or RunOptions()
        self._rulesets: dict[int, RuleSet] = {}

    # --- rule selection ------------------------------------------------------------------
    def ruleset(self, config: Config) -> RuleSet:
        key = id(config)
        if key not in self._rulesets:
            self._rulesets[key] = self._build_ruleset(config)
        return self._rulesets[key]

    def _build_ruleset(self, config: Config) -> RuleSet:
        rules = self.host.collect_rules(config)
        by_id = {r.id: r for r in rules}
        namespaces = {r.namespace for r in rules}
        choices = sorted(by_id) + sorted(namespaces)
        where = config.label

        def check_selectors(selectors, what):
            for sel in selectors:
                if not any(selector_matches(sel, rid) for rid in by_id):
                    raise ConfigError(f"{what}中的 “{sel}” 不是已知的规则或命名空间{did_you_mean(sel, choices)}", where)

        select = self.options.select if self.options.select is not None else config.select
        check_selectors(config.select or [], "select ")
        check_selectors(config.ignore, "ignore ")
        for sels in config.per_file_ignores.values():
            check_selectors(sels, "per-file-ignores ")
        if self.options.select:
            check_selectors(self.options.select, "--select ")
        check_selectors(self.options.ignore, "--ignore ")
        for rid, opts in config.rules.items():
            if rid not in by_id:
                raise ConfigError(f"rules 中的 “{rid}” 不是已知的规则{did_you_mean(rid, by_id)}", where)
            _validate_options(by_id[rid], opts, where)

        contexts = []
        ignore = list(config.ignore) + list(self.options.ignore)
        for rule in rules:
            opts = config.rules.get(rule.id, {})
            if select is None:
                on = rule.enabled
            else:
                on = any(sel == rule.id for sel in select) or (
                    rule.enabled and any(selector_matches(sel, rule.id) for sel in select)
                )
            if "enabled" in opts:
                on = opts["enabled"]
            if any(selector_matches(sel, rule.id) for sel in ignore):
                on = False
            if rule.id == PLUGIN_ERROR:
                on = True
            if not on:
                continue
            values = {k: o.default for k, o in rule.options.items()}
            values.update({k: v for k, v in opts.items() if k not in ("severity", "enabled")})
            severity = Severity.parse(opts["severity"]) if "severity" in opts else rule.severity
            contexts.append(RuleContext(rule, values, severity, config))
        return RuleSet(rules, contexts)

    # --- documents -----------------------------------------------------------------------
    def load(self, path: str, data: bytes, config: Config) -> Document:
        try:
            doc = self.host.hook.planlint_load_document(path=path, data=data, config=config)
        except PlanlintError:
            raise
        except Exception as e:
            raise InputError(f"读取失败：{type(e).__name__}: {e}") from None
        if doc is None:
            raise InputError("没有能读取此文件的读取器")
        self.configure(doc, config)
        return doc

    def configure(self, doc: Document, config: Config) -> None:
        kind = config.kind_for(doc.path) if doc.path != "-" else None
        date = None
        if self.options.date:
            date = DocDate(self.options.date, "cli", "取自命令行 --date")
        elif config.date and not doc.front_matter.get("date"):
            date = DocDate(config.date, "config", f"取自配置 {os.path.basename(config.label)}")
        doc.configure(kind=DocKind(kind, "配置文件按路径指定") if kind else None, date=date)

    def check(self, doc: Document, config: Config) -> list[Diagnostic]:
        rs = self.ruleset(config)
        file_ignores = config.ignored_for(doc.path) if doc.path != "-" else []
        diagnostics: list[Diagnostic] = []
        active: set[str] = set()
        unused_ctx = None
        plugin_error_ctx = None
        with _Alarm() as alarm:
            for ctx in rs.contexts:
                rid = ctx.rule.id
                if rid == PLUGIN_ERROR:
                    plugin_error_ctx = ctx
                    continue
                if any(selector_matches(sel, rid) for sel in file_ignores):
                    continue
                active.add(rid)
                if rid == UNUSED_SUPPRESSION:
                    unused_ctx = ctx
                    continue
                if plugin_error_ctx is None:  # core/plugin-error deselected: errors are still reported
                    plugin_error_ctx = _fallback_error_ctx(ctx)
                diagnostics.extend(self._run_rule(ctx, doc, plugin_error_ctx, alarm))
        diagnostics = suppressions.apply(doc, diagnostics, active, rs.known_ids, unused_ctx)
        diagnostics.sort(key=lambda d: (d.offset, d.end_offset, d.rule))
        return diagnostics

    def _run_rule(self, ctx: RuleContext, doc: Document, error_ctx: RuleContext,
                  alarm: _Alarm | None = None) -> list[Diagnostic]:
        rule = ctx.rule
        out: list[Diagnostic] = []
        n = len(doc.text)
        limit = self.options.rule_timeout  # the command line first, then config, then the default
        if limit is None:
            limit = getattr(ctx.config, "rule_timeout", None)
        if limit is None:
            limit = RULE_TIMEOUT + RULE_TIMEOUT_PER_MB * n / 1e6
        armed = alarm is not None and alarm.usable and limit > 0
        try:
            try:
                if armed:
                    signal.setitimer(signal.ITIMER_REAL, limit)
                for d in rule.check(doc, ctx) or ():
                    if not isinstance(d, Diagnostic):
                        raise TypeError(f"返回了 {type(d).__name__} 而不是 Diagnostic")
                    if not (0 <= d.offset <= d.end_offset <= n):
                        raise ValueError(f"返回的位置 {d.offset}–{d.end_offset} 超出文本范围 0–{n}")
                    if d.fix and any(not (0 <= e.offset <= e.end_offset <= n) for e in d.fix.edits):
                        raise ValueError("修复的位置超出文本范围")
                    out.append(d)
            finally:
                if armed:  # disarmed inside the outer try: a late alarm is still caught below
                    signal.setitimer(signal.ITIMER_REAL, 0)
        except RuleTimeout:
            msg = f"插件 {_origin(rule)} 的规则 {rule.id} 在本文档上运行超过 {limit:g} 秒，已中止（可用 --rule-timeout 调整）"
            return [error_ctx.report(0, 0, msg)]
        except PlanlintError:
            raise
        except Exception as e:
            if self.options.debug:
                traceback.print_exc()
            msg = f"插件 {_origin(rule)} 的规则 {rule.id} 检查时出错：{type(e).__name__}: {e}"
            return [error_ctx.report(0, 0, msg)]
        return out


def _origin(rule: Rule) -> str:
    """The plugin that contributed a rule, and for a pack rule the pack file, for error messages."""
    plugin = rule.plugin or "?"
    return f"{plugin}（{rule.defined_in}）" if rule.defined_in else plugin


def _fallback_error_ctx(ctx: RuleContext) -> RuleContext:
    from planlint.core_rules import RULES

    rule = next(r for r in RULES if r.id == PLUGIN_ERROR)
    return RuleContext(rule, {}, Severity.ERROR, ctx.config)


def _validate_options(rule: Rule, opts: dict, where: str) -> None:
    for key, value in opts.items():
        if key in ("severity", "enabled"):
            continue
        if key not in rule.options:
            choices = list(rule.options) + ["severity", "enabled"]
            raise ConfigError(f"规则 “{rule.id}” 没有选项 “{key}”{did_you_mean(key, choices)}", where)
        default = rule.options[key].default
        ok = isinstance(value, type(default)) or (isinstance(default, float) and isinstance(value, int))
        if default is not None and not ok:
            raise ConfigError(
                f"规则 “{rule.id}” 的选项 “{key}” 应为 {type(default).__name__}，而不是 {value!r}", where
            )
