"""The pluggy host: builds a plugin manager with built-in and installed plugins, collects rules."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from importlib import metadata
from typing import Any, Mapping

import pluggy

from planlint import hookspecs
from planlint.errors import PlanlintError
from planlint.rule import Rule

ENTRY_POINT_GROUP = "planlint"

# Built-in plugins, registered like any other plugin. Readers first; rule families after.
BUILTIN_PLUGINS = (
    "planlint.readers.text",
    "planlint.readers.docx",
    "planlint.core_rules",
    "planlint.rules.placeholder",
    "planlint.rules.policy",
    "planlint.rules.structure",
    "planlint.rules.figures",
    "planlint.rules.typography",
    "planlint.rules.text",
    "planlint.packs",
)


@dataclass(frozen=True)
class PluginInfo:
    """What ``planlint plugins`` shows for one registered plugin."""

    name: str
    module: str
    version: str
    builtin: bool


class PluginHost:
    """A plugin manager plus what the host knows about each plugin (name, version, origin)."""

    def __init__(self, pm: pluggy.PluginManager, infos: list[PluginInfo]):
        self.pm = pm
        self.infos = infos
        self._kinds: dict | None = None

    @property
    def hook(self):
        return self.pm.hook

    def kinds(self) -> Mapping[str, Any]:
        if self._kinds is None:
            kinds: dict[str, Any] = {}
            for result in self.pm.hook.planlint_rule_kinds():
                kinds.update(result or {})
            self._kinds = kinds
        return self._kinds

    def collect_rules(self, config) -> list[Rule]:
        """Every rule every plugin contributes for ``config``, each tagged with its plugin name."""
        kinds = self.kinds()
        rules: dict[str, Rule] = {}
        for impl in reversed(self.pm.hook.planlint_rules.get_hookimpls()):
            args = {"config": config, "kinds": kinds}
            try:
                produced = impl.function(*[args[a] for a in impl.argnames])
                produced = list(produced or ())
            except PlanlintError:
                raise
            except Exception as e:
                raise PlanlintError(f"插件 {impl.plugin_name} 提供规则时出错：{type(e).__name__}: {e}") from e
            for rule in produced:
                if not isinstance(rule, Rule):
                    raise PlanlintError(f"插件 {impl.plugin_name} 返回的不是 Rule：{rule!r}")
                if rule.id in rules:
                    raise PlanlintError(
                        f"规则 id “{rule.id}” 重复：插件 {rules[rule.id].plugin} 与 {impl.plugin_name} 都提供了它"
                    )
                rules[rule.id] = _with_plugin(rule, impl.plugin_name)
        return sorted(rules.values(), key=lambda r: r.id)


def _with_plugin(rule: Rule, plugin_name: str) -> Rule:
    if rule.plugin:
        return rule
    object.__setattr__(rule, "plugin", plugin_name)
    return rule


def make_plugin_manager(*, entry_points: bool = True, extra: tuple = ()) -> PluginHost:
    """A fresh host with built-ins, installed plugins (entry-point group ``planlint``) and ``extra``."""
    pm = pluggy.PluginManager(hookspecs.PROJECT)
    pm.add_hookspecs(hookspecs)
    from planlint import __version__

    infos: list[PluginInfo] = []
    for modname in BUILTIN_PLUGINS:
        try:
            module = importlib.import_module(modname)
        except ModuleNotFoundError as e:
            if e.name == modname:  # a family not built yet
                continue
            raise
        name = modname.replace("planlint.", "", 1)
        pm.register(module, name=name)
        infos.append(PluginInfo(name, modname, __version__, True))
    if entry_points:
        for ep in metadata.entry_points(group=ENTRY_POINT_GROUP):
            if pm.get_plugin(ep.name) is not None:
                continue
            try:
                plugin = ep.load()
            except Exception as e:
                raise PlanlintError(f"插件 “{ep.name}”（{ep.value}）导入失败：{type(e).__name__}: {e}") from None
            _register(pm, plugin, ep.name)
            dist = getattr(ep, "dist", None)
            version = dist.version if dist is not None else "?"
            infos.append(PluginInfo(ep.name, ep.value, version, False))
    for i, plugin in enumerate(extra):
        name = getattr(plugin, "__name__", f"extra-{i}")
        _register(pm, plugin, name)
        infos.append(PluginInfo(name, name, "?", False))
    try:
        pm.check_pending()
    except pluggy.PluginValidationError as e:
        raise PlanlintError(f"插件实现了不存在的钩子：{e}") from None
    return PluginHost(pm, infos)


def _register(pm: pluggy.PluginManager, plugin, name: str) -> None:
    try:
        pm.register(plugin, name=name)
    except pluggy.PluginValidationError as e:
        raise PlanlintError(f"插件 “{name}” 的钩子不合规：{e}") from None
    except ValueError as e:  # already registered under another name
        raise PlanlintError(f"插件 “{name}” 无法注册：{e}") from None
