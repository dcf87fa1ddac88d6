"""Configuration: ``[tool.planlint]`` in pyproject.toml or ``.planlint.yaml``, found upward, strict."""

from __future__ import annotations

import datetime as dt
import difflib
import fnmatch
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import yaml

from planlint import yamlsafe
from planlint.diagnostics import Severity
from planlint.errors import ConfigError

try:  # Python 3.11+
    import tomllib
except ModuleNotFoundError:  # pragma: no cover - Python 3.10
    import tomli as tomllib

CONFIG_FILES = (".planlint.yaml", ".planlint.yml", "pyproject.toml")

# Every top-level key, with what it holds (shown by "did you mean" errors and the docs).
KEYS = {
    "select": "只启用这些规则或命名空间（列表）",
    "ignore": "不启用这些规则或命名空间（列表）",
    "fail-on": "达到此级别的诊断使退出码为 1：error / warning / info",
    "date": "文档日期（YYYY-MM-DD），用于判断提法是否过时",
    "kind": "按文件 glob 指定文种，如 {\"plans/*.md\": 计划}",
    "packs": "规则包（YAML 文件或目录）路径列表",
    "exclude": "不检查的文件 glob 列表",
    "include": "目录中要检查的文件 glob 列表（默认 *.md *.txt *.docx）",
    "per-file-ignores": "按文件 glob 忽略规则，如 {\"archive/*\": [policy]}",
    "rules": "每条规则的级别与选项，如 {\"text/duplicate-sentence\": {severity: error}}",
    "cache": "是否缓存未改动文件的结果（true/false）",
    "jobs": "并行进程数（0 = 自动）",
    "rule-timeout": "一条规则在一篇文档上最多运行几秒，超时停止并报告 core/plugin-error（0 = 不限；默认 30 + 每 MB 5 秒）",
}
RULE_KEYS = {"severity", "enabled"}
DEFAULT_INCLUDE = ("*.md", "*.txt", "*.docx")


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"（您是不是要写 “{close[0]}”？）" if close else ""


@dataclass
class Config:
    """Settings for checking files under one config file (or the defaults)."""

    path: Path | None = None
    root: Path = field(default_factory=Path.cwd)
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    fail_on: Severity = Severity.WARNING
    date: dt.date | None = None
    kinds: dict[str, str] = field(default_factory=dict)
    packs: list[Path] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    include: list[str] = field(default_factory=lambda: list(DEFAULT_INCLUDE))
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)
    cache: bool = True
    jobs: int = 0
    rule_timeout: float | None = None  # None: the engine's default (RULE_TIMEOUT + RULE_TIMEOUT_PER_MB)

    @property
    def label(self) -> str:
        return str(self.path) if self.path else "默认配置"

    def relpath(self, path: str) -> str:
        try:
            return Path(os.path.abspath(path)).relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return Path(path).as_posix()

    def matches(self, path: str, patterns: Iterable[str]) -> bool:
        """Gitignore-like: a pattern without "/" matches any path component; one with "/" matches
        the path relative to the config's folder, or any folder above the file."""
        rel = self.relpath(path)
        return any(glob_match(rel, pat) for pat in patterns)

    def is_excluded(self, path: str) -> bool:
        return bool(self.exclude) and self.matches(path, self.exclude)

    def kind_for(self, path: str) -> str | None:
        for pat, kind in self.kinds.items():
            if self.matches(path, [pat]):
                return kind
        return None

    def ignored_for(self, path: str) -> list[str]:
        out: list[str] = []
        for pat, selectors in self.per_file_ignores.items():
            if self.matches(path, [pat]):
                out.extend(selectors)
        return out


def glob_match(rel: str, pattern: str) -> bool:
    pat = pattern.strip().rstrip("/").lstrip("/")
    if not pat:
        return False
    parts = rel.split("/")
    if "/" not in pat:
        return any(fnmatch.fnmatch(part, pat) for part in parts)
    return any(fnmatch.fnmatch("/".join(parts[:i]), pat) for i in range(1, len(parts) + 1))


def selector_matches(selector: str, rule_id: str) -> bool:
    """``placeholder`` / ``placeholder/`` select a namespace; a full id selects one rule."""
    sel = selector.strip()
    return sel == rule_id or sel.rstrip("/") == rule_id.split("/", 1)[0] or sel.lower() == "all"


def _as_list(value: Any, key: str, where: str) -> list[str]:
    if isinstance(value, str):
        return [v.strip() for v in value.split(",") if v.strip()]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    raise ConfigError(f"“{key}” 应为字符串列表", where)


def from_mapping(data: Any, path: Path | None, root: Path) -> Config:
    """Build a Config from a parsed mapping, rejecting unknown keys and wrong types."""
    where = str(path) if path else "配置"
    cfg = Config(path=path, root=root)
    if data is None:
        return cfg
    if not isinstance(data, dict):
        raise ConfigError("配置应为键值映射", where)
    for key, value in data.items():
        norm = str(key)
        if norm not in KEYS:
            raise ConfigError(f"未知配置项 “{key}”{did_you_mean(norm, KEYS)}", where)
        if norm == "select":
            cfg.select = _as_list(value, key, where)
        elif norm == "ignore":
            cfg.ignore = _as_list(value, key, where)
        elif norm == "fail-on":
            try:
                cfg.fail_on = Severity.parse(value)
            except ValueError:
                raise ConfigError(f"“fail-on” 应为 error / warning / info，而不是 “{value}”", where) from None
        elif norm == "date":
            try:
                from planlint.docdate import parse_document_date

                cfg.date = parse_document_date(value)
            except (ValueError, TypeError):
                from planlint.docdate import bad_date_reason

                raise ConfigError(f"“date”：{bad_date_reason(value)}", where) from None
        elif norm == "kind":
            if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
                raise ConfigError("“kind” 应为 {文件 glob: 文种} 映射", where)
            cfg.kinds = {str(k): v for k, v in value.items()}
        elif norm == "packs":
            cfg.packs = [(root / p) for p in _as_list(value, key, where)]
        elif norm in ("exclude", "include"):
            setattr(cfg, norm, _as_list(value, key, where))
        elif norm == "per-file-ignores":
            if not isinstance(value, dict):
                raise ConfigError("“per-file-ignores” 应为 {文件 glob: [规则…]} 映射", where)
            cfg.per_file_ignores = {str(k): _as_list(v, f"per-file-ignores.{k}", where) for k, v in value.items()}
        elif norm == "rules":
            if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
                raise ConfigError("“rules” 应为 {规则 id: {severity: …, 选项: 值}} 映射", where)
            for rid, opts in value.items():
                if "severity" in opts:
                    try:
                        Severity.parse(opts["severity"])
                    except ValueError:
                        raise ConfigError(f"规则 “{rid}” 的 severity 应为 error / warning / info", where) from None
                if "enabled" in opts and not isinstance(opts["enabled"], bool):
                    raise ConfigError(f"规则 “{rid}” 的 enabled 应为 true 或 false", where)
            cfg.rules = {str(k): dict(v) for k, v in value.items()}
        elif norm == "cache":
            if not isinstance(value, bool):
                raise ConfigError("“cache” 应为 true 或 false", where)
            cfg.cache = value
        elif norm == "jobs":
            if not isinstance(value, int) or value < 0:
                raise ConfigError("“jobs” 应为非负整数", where)
            cfg.jobs = value
        elif norm == "rule-timeout":
            if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
                raise ConfigError("“rule-timeout” 应为非负的秒数（0 = 不限）", where)
            cfg.rule_timeout = float(value)
    return cfg


def load_file(path: Path) -> Config | None:
    """The Config in ``path``; None for a pyproject.toml without ``[tool.planlint]``."""
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise ConfigError(f"无法读取配置文件：{e.strerror}", str(path)) from None
    if path.name == "pyproject.toml" or path.suffix == ".toml":
        try:
            data = tomllib.loads(raw.decode("utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
            raise ConfigError(f"TOML 格式错误：{e}", str(path)) from None
        section = data.get("tool", {}).get("planlint")
        if section is None:
            if path.name == "pyproject.toml":
                return None
            section = data
        return from_mapping(section, path, path.parent)
    try:
        text = yamlsafe.decode_user_file(raw)
    except UnicodeDecodeError:
        raise ConfigError("配置文件既不是 UTF-8 也不是 GBK 编码：请另存为 UTF-8", str(path)) from None
    try:
        data = yamlsafe.user_load(text)
    except yaml.YAMLError as e:
        raise ConfigError(yamlsafe.describe_error(e, text), str(path)) from None
    return from_mapping(data, path, path.parent)


class ConfigFinder:
    """Finds the config for each file by walking up from its folder; caches per folder."""

    def __init__(self, explicit: Path | None = None, cwd: Path | None = None):
        self.cwd = cwd or Path.cwd()
        self._explicit = load_file(explicit) if explicit else None
        if explicit and self._explicit is None:
            raise ConfigError("文件中没有 [tool.planlint] 配置", str(explicit))
        self._by_dir: dict[Path, Config] = {}
        self._default: Config | None = None

    def for_path(self, path: str) -> Config:
        if self._explicit:
            return self._explicit
        start = Path(os.path.abspath(path if path != "-" else "."))
        directory = start if start.is_dir() else start.parent
        chain = []
        d = directory
        while True:
            if d in self._by_dir:
                cfg = self._by_dir[d]
                break
            found = None
            for name in CONFIG_FILES:
                candidate = d / name
                if candidate.is_file():
                    found = load_file(candidate)
                    if found is not None:
                        break
            chain.append(d)
            if found is not None:
                cfg = found
                break
            if d.parent == d:
                cfg = self.default()
                break
            d = d.parent
        for c in chain:
            self._by_dir[c] = cfg
        return cfg

    def default(self) -> Config:
        if self._default is None:
            self._default = Config(root=self.cwd)
        return self._default
