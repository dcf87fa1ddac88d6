"""Reading rule packs: YAML files and folders, ``extends`` with add/remove, words, installed packs."""

from __future__ import annotations

import dataclasses
import functools
import importlib.resources
import os
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any, Iterable, Mapping

import regex
import yaml

from planlint import words as _words
from planlint import yamlsafe
from planlint.config import did_you_mean
from planlint.errors import ConfigError
from planlint.packs.schema import COMMON_KEYS, PATCH_KEYS, Entry, PackInfo
from planlint.plugins import ENTRY_POINT_GROUP
from planlint.rule import Rule

# Top-level keys of a pack file (a folder pack's pack.yaml).
PACK_KEYS = {
    "pack": "命名空间：小写英文字母、数字、连字符，如 acme；规则 id 为 命名空间/规则名",
    "description": "这个规则包是做什么的（一句话）",
    "extends": "继承另一个规则包：文件路径（相对本文件），或已安装规则包的命名空间",
    "remove": "不要继承来的这些规则（规则名列表）",
    "words": "补充给分词器的词语（本单位机构名、专有名词），让按词匹配切分正确",
    "regex-timeout": "每条规则的正则表达式在一篇文档上最多运行几秒（默认 2）",
    "applies-to": "本包规则只检查这些文种的文档，如 [计划]（规则里可另写 applies-to 覆盖）",
    "rules": "规则：{规则名: {kind: …, summary: …, …}}",
}
# Keys of the other YAML files in a folder pack.
PART_KEYS = {"rules": PACK_KEYS["rules"], "words": PACK_KEYS["words"]}
FOLDER_PACK_FILE = "pack.yaml"
# What an installed package ships: a pack file or folder of this name inside the entry point's package.
INSTALLED_PACK_NAMES = ("planlint-pack.yaml", "planlint-pack")
RESERVED_NAMESPACES = frozenset({"core", "placeholder", "policy", "structure", "figures", "typography", "text"})
DEFAULT_REGEX_TIMEOUT = 2.0
_NAMESPACE = regex.compile(r"^[a-z][a-z0-9-]*$")
_RULE_NAME = regex.compile(r"^[a-z0-9][a-z0-9-]*$")
_YAML_SUFFIXES = (".yaml", ".yml")


@dataclass
class Layer:
    """One definition of a rule: its keys and the file they were written in."""

    data: dict
    file: str


@dataclass
class RawRule:
    """A rule as the pack (and the packs it extends) wrote it: a base definition plus patches."""

    name: str
    base: Layer
    patches: list[Layer] = field(default_factory=list)


@dataclass
class RawPack:
    """A pack read from disk with ``extends`` resolved; rules are built once kinds are known."""

    name: str
    path: str
    description: str = ""
    words: list[str] = field(default_factory=list)
    regex_timeout: float = DEFAULT_REGEX_TIMEOUT
    applies_to: Any = None
    rules: dict[str, RawRule] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)  # every file read, the packs it extends included

    @property
    def info(self) -> PackInfo:
        return PackInfo(self.name, self.path, self.regex_timeout, self.description)


# --- YAML ---------------------------------------------------------------------------------------
class _StrictLoader(yamlsafe.UserLoader):
    """Safe loader that refuses a key written twice in one mapping (a silently lost rule otherwise)."""


def _construct_mapping(loader, node, deep=False):
    seen = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"键 “{key}” 写了两次", key_node.start_mark)
        seen.add(key)
    return yaml.constructor.SafeConstructor.construct_mapping(loader, node, deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def read_yaml(source) -> Any:
    try:
        text = yamlsafe.decode_user_file(source.read_bytes())
    except OSError as e:
        raise ConfigError(f"无法读取规则包：{e.strerror}", str(source)) from None
    except UnicodeDecodeError:
        raise ConfigError("规则包既不是 UTF-8 也不是 GBK 编码：请用记事本“另存为”，编码选 UTF-8", str(source)) from None
    try:
        return yaml.load(text, Loader=_StrictLoader)
    except yaml.YAMLError as e:
        if isinstance(e, yaml.constructor.ConstructorError) and "写了两次" in str(getattr(e, "problem", "")):
            mark = e.problem_mark
            raise ConfigError(f"第 {mark.line + 1} 行：{e.problem}", str(source)) from None
        raise ConfigError(yamlsafe.describe_error(e, text), str(source)) from None


# --- finding packs ------------------------------------------------------------------------------
def is_yaml(source) -> bool:
    return source.name.endswith(_YAML_SUFFIXES)


def discover(source) -> list:
    """The packs at ``source``: a pack file, a folder pack (with pack.yaml), or a folder of packs."""
    if source.is_file():
        return [source]
    if not source.is_dir():
        raise ConfigError("规则包不存在（应为 YAML 文件或目录）", str(source))
    if source.joinpath(FOLDER_PACK_FILE).is_file():
        return [source]
    found = []
    for child in sorted(source.iterdir(), key=lambda c: c.name):
        if child.name.startswith((".", "_")):
            continue
        if child.is_dir():
            found.extend(discover(child))
        elif child.is_file() and is_yaml(child):
            found.append(child)
    return found


@functools.lru_cache(maxsize=1)
def installed_sources() -> tuple:
    """Packs shipped by installed packages: ``planlint-pack.yaml`` (or folder) in an entry point's package.

    Looked up once per process (installed packages do not change while planlint runs).
    """
    out = []
    for ep in metadata.entry_points(group=ENTRY_POINT_GROUP):
        package = ep.module
        try:
            root = importlib.resources.files(package)
        except (ModuleNotFoundError, TypeError, ValueError):
            continue
        for name in INSTALLED_PACK_NAMES:
            candidate = root.joinpath(name)
            if candidate.is_file() or candidate.is_dir():
                out.append(candidate)
                break
    return tuple(out)


# --- reading one pack ---------------------------------------------------------------------------
def read_pack(source, *, stack: tuple[str, ...] = (), resolve_name=None) -> RawPack:
    """Read a pack file or folder, following ``extends`` (``resolve_name`` finds a pack by name)."""
    key = _key(source)
    if key in stack:
        chain = " → ".join(list(stack[stack.index(key):]) + [key])
        raise ConfigError(f"extends 形成了循环：{chain}", str(source))
    if source.is_dir():
        head_file = source.joinpath(FOLDER_PACK_FILE)
        head = _mapping(read_yaml(head_file), head_file, PACK_KEYS)
        parts = [(head_file, head)]
        for child in sorted(source.iterdir(), key=lambda c: c.name):
            if child.name == FOLDER_PACK_FILE or not child.is_file() or not is_yaml(child):
                continue
            data = _mapping(read_yaml(child), child, PACK_KEYS)
            for k in data:
                if k not in PART_KEYS:
                    raise ConfigError(f"“{k}” 只能写在 {FOLDER_PACK_FILE} 里；这里只能写 rules 和 words", str(child))
            parts.append((child, data))
    else:
        head_file = source
        head = _mapping(read_yaml(source), source, PACK_KEYS)
        parts = [(source, head)]

    where = str(head_file)
    name = head.get("pack")
    if not isinstance(name, str) or not _NAMESPACE.match(name):
        shown = "缺少 “pack”" if name is None else f"“pack: {name}” 不合规"
        raise ConfigError(f"{shown}：命名空间只能用小写英文字母、数字和连字符，以字母开头，如 pack: acme", where)
    if name in RESERVED_NAMESPACES:
        raise ConfigError(f"命名空间 “{name}” 是 planlint 内置的，请换一个（如本单位简称）", where)

    pack = RawPack(name=name, path=str(source), files=[str(f) for f, _ in parts])
    if "extends" in head:
        base_ref = head["extends"]
        if not isinstance(base_ref, str) or not base_ref.strip():
            raise ConfigError("“extends” 应为一个规则包的路径或命名空间", where)
        base_source = _resolve_extends(base_ref, source, where, resolve_name)
        base = read_pack(base_source, stack=stack + (key,), resolve_name=resolve_name)
        pack.words = list(base.words)
        pack.regex_timeout = base.regex_timeout
        pack.applies_to = base.applies_to
        pack.rules = {n: RawRule(n, r.base, list(r.patches)) for n, r in base.rules.items()}
        pack.description = base.description
        pack.files.extend(base.files)
    removed = head.get("remove", [])
    if isinstance(removed, str):
        removed = [removed]
    if removed and "extends" not in head:
        raise ConfigError("“remove” 只能和 extends 一起用，用来去掉继承来的规则", where)
    if not isinstance(removed, list) or not all(isinstance(r, str) for r in removed):
        raise ConfigError("“remove” 应为规则名列表", where)
    for r in removed:
        if r not in pack.rules:
            raise ConfigError(f"remove 中的 “{r}” 不是继承来的规则{did_you_mean(r, pack.rules)}", where)
        del pack.rules[r]
    if "description" in head:
        if not isinstance(head["description"], str):
            raise ConfigError("“description” 应为文字", where)
        pack.description = head["description"]
    if "regex-timeout" in head:
        t = head["regex-timeout"]
        if isinstance(t, bool) or not isinstance(t, (int, float)) or t <= 0:
            raise ConfigError(f"“regex-timeout” 应为正数（秒），而不是 {t}", where)
        pack.regex_timeout = float(t)
    if "applies-to" in head:
        pack.applies_to = head["applies-to"]

    own: set[str] = set()
    for file, data in parts:
        pack.words.extend(_words_of(data, file))
        rules = data.get("rules") or {}
        if not isinstance(rules, dict):
            raise ConfigError("“rules” 应为 {规则名: {kind: …, …}} 映射", str(file))
        for rname, rdata in rules.items():
            if isinstance(rname, bool):
                raise ConfigError(f"有一条规则名被 YAML 读成了 {str(rname).lower()}（on / off / yes / no 是 YAML 的真假值）：请换个名字，或给名字加引号", str(file))
            rname = str(rname)
            if not _RULE_NAME.match(rname):
                raise ConfigError(f"规则名 “{rname}” 不合规：只能用小写英文字母、数字和连字符，如 banned-phrases", str(file))
            if not isinstance(rdata, dict):
                raise ConfigError(f"规则 “{name}/{rname}” 应为键值映射（kind: …, summary: …）", str(file))
            if rname in own:
                raise ConfigError(f"规则 “{name}/{rname}” 在本规则包里定义了两次", str(file))
            own.add(rname)
            layer = Layer(dict(rdata), str(file))
            if rname in pack.rules and "kind" not in rdata:
                pack.rules[rname].patches.append(layer)
            else:
                pack.rules[rname] = RawRule(rname, layer)
    return pack


def _mapping(data: Any, file, keys: Mapping[str, str]) -> dict:
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError("规则包应为键值映射（pack: …, rules: …）", str(file))
    for k in data:
        if k not in keys:
            raise ConfigError(f"未知的键 “{k}”{did_you_mean(str(k), keys)}；可用：{' / '.join(keys)}", str(file))
    return data


def _words_of(data: dict, file) -> list[str]:
    words = data.get("words") or []
    if isinstance(words, str):
        words = [words]
    if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
        raise ConfigError("“words” 应为词语列表", str(file))
    return [w.strip() for w in words]


def _resolve_extends(ref: str, source, where: str, resolve_name):
    base_dir = source if source.is_dir() else _parent(source)
    looks_like_path = "/" in ref or "\\" in ref or ref.endswith(_YAML_SUFFIXES) or ref.startswith(".")
    if base_dir is not None:
        candidate = base_dir.joinpath(ref)
        if candidate.is_file() or (candidate.is_dir() and candidate.joinpath(FOLDER_PACK_FILE).is_file()):
            return candidate
    if not looks_like_path and resolve_name is not None:
        found = resolve_name(ref)
        if found is not None:
            return found
    raise ConfigError(f"extends 的 “{ref}” 既不是（相对本文件的）规则包文件或目录，也不是已安装的规则包", where)


def _parent(source):
    if isinstance(source, Path):
        return source.parent
    parent = getattr(source, "parent", None)
    return parent


def _key(source) -> str:
    if isinstance(source, Path):
        return str(source.resolve())
    return str(source)


# --- building rules -----------------------------------------------------------------------------
def build_rules(pack: RawPack, kinds: Mapping[str, Any]) -> list[Rule]:
    """Turn each rule entry into a Rule through its kind, validating every key strictly."""
    info = pack.info
    out = []
    for rname, raw in pack.rules.items():
        rule_id = f"{pack.name}/{rname}"
        kind_name = raw.base.data.get("kind")
        if kind_name is None:
            raise ConfigError(f"规则 “{rule_id}” 缺少 “kind”；可用：{' / '.join(sorted(kinds))}", raw.base.file)
        if not isinstance(kind_name, str) or kind_name not in kinds:
            raise ConfigError(
                f"规则 “{rule_id}” 的 kind “{kind_name}” 不存在{did_you_mean(str(kind_name), kinds)}；可用：{' / '.join(sorted(kinds))}",
                raw.base.file,
            )
        kind = kinds[kind_name]
        allowed = dict(COMMON_KEYS)
        allowed.update(kind.keys)
        _check_keys(rule_id, raw.base, allowed, kind_name)
        data = dict(raw.base.data)
        if pack.applies_to is not None and "applies-to" not in data:
            data["applies-to"] = pack.applies_to
        file = raw.base.file
        for patch in raw.patches:
            _check_keys(rule_id, patch, {**allowed, **PATCH_KEYS}, kind_name)
            data = _apply_patch(rule_id, data, patch, getattr(kind, "entries_key", None))
            file = patch.file
        entry = Entry(rule_id, data, file, tuple(getattr(kind, "fields", ()) or ()))
        rule = kind.build(rule_id, entry, info)
        if not isinstance(rule, Rule):
            raise ConfigError(f"kind “{kind_name}” 没有为规则 “{rule_id}” 返回 Rule（返回了 {type(rule).__name__}）", file)
        if rule.id != rule_id:
            raise ConfigError(f"kind “{kind_name}” 返回的规则 id “{rule.id}” 应为 “{rule_id}”", file)
        if not rule.defined_in:
            rule = dataclasses.replace(rule, defined_in=f"规则包 {pack.name}，{file}")
        out.append(rule)
    return out


def _check_keys(rule_id: str, layer: Layer, allowed: Mapping[str, str], kind_name: str) -> None:
    for k in layer.data:
        if k not in allowed:
            hint = did_you_mean(str(k), allowed)
            if k in PATCH_KEYS:
                raise ConfigError(f"规则 “{rule_id}” 的 “{k}” 只能用在继承来的规则上（extends 后同名、不写 kind 的规则）", layer.file)
            raise ConfigError(
                f"规则 “{rule_id}” 的键 “{k}” 不是 {kind_name} 规则可用的键{hint}；可用：{' / '.join(allowed)}", layer.file)


def _same_entry(item: Any, name: Any) -> bool:
    """An entry matches ``name`` when equal to it, or a mapping whose term / id / name / wrong is it."""
    if item == name:
        return True
    return isinstance(item, dict) and name in (item.get("term"), item.get("id"), item.get("name"), item.get("wrong"))


def _apply_patch(rule_id: str, data: dict, patch: Layer, entries_key: str | None) -> dict:
    out = dict(data)
    for k, v in patch.data.items():
        if k not in PATCH_KEYS:
            out[k] = v
    for op in ("add", "remove"):
        if op not in patch.data:
            continue
        if not entries_key:
            raise ConfigError(f"规则 “{rule_id}” 的 kind 不支持 {op}", patch.file)
        current = out.get(entries_key)
        value = patch.data[op]
        if isinstance(current, dict):
            if op == "add":
                if not isinstance(value, dict):
                    raise ConfigError(f"规则 “{rule_id}” 的 “add” 应为映射（与 {entries_key} 相同）", patch.file)
                out[entries_key] = {**current, **value}
            else:
                value = [value] if isinstance(value, str) else value
                if not isinstance(value, list):
                    raise ConfigError(f"规则 “{rule_id}” 的 “remove” 应为要删除的条目列表", patch.file)
                missing = [v for v in value if v not in current]
                if missing:
                    raise ConfigError(f"规则 “{rule_id}” 的 remove 中的 “{missing[0]}” 不在 {entries_key} 里{did_you_mean(str(missing[0]), map(str, current))}", patch.file)
                out[entries_key] = {k: v for k, v in current.items() if k not in value}
        else:
            current = list(current or [])
            value = [value] if isinstance(value, str) else value
            if not isinstance(value, list):
                raise ConfigError(f"规则 “{rule_id}” 的 “{op}” 应为条目列表", patch.file)
            if op == "add":
                out[entries_key] = current + [v for v in value if v not in current]
            else:
                missing = [v for v in value if not any(_same_entry(c, v) for c in current)]
                if missing:
                    shown = [str(c.get("term", c) if isinstance(c, dict) else c) for c in current]
                    raise ConfigError(f"规则 “{rule_id}” 的 remove 中的 “{missing[0]}” 不在 {entries_key} 里{did_you_mean(str(missing[0]), shown)}", patch.file)
                out[entries_key] = [c for c in current if not any(_same_entry(c, v) for v in value)]
    return out


# --- the whole set of packs for a run ------------------------------------------------------------
_raw_cache: dict[tuple, RawPack] = {}
_rules_cache: dict[tuple, list[Rule]] = {}
_words_added: set[str] = set()


def _stamp(source) -> tuple:
    """Cache key: the pack's path and the modification times of its files."""
    if not isinstance(source, Path):
        return (str(source),)
    files = [source] if source.is_file() else sorted(source.rglob("*"))
    stamps = []
    for f in files:
        try:
            stamps.append((str(f), f.stat().st_mtime_ns))
        except OSError:
            pass
    return (str(source.resolve()), tuple(stamps))


def load_raw(sources: Iterable) -> list[RawPack]:
    """Read every pack under ``sources`` (config paths and installed packs), once each."""
    expanded = []
    seen = set()
    for s in sources:
        for src in discover(s):
            k = _key(src)
            if k not in seen:
                seen.add(k)
                expanded.append(src)
    installed: dict[str, Any] | None = None

    def resolve_name(name: str):
        nonlocal installed
        if installed is None:
            installed = {}
            for src in installed_sources():
                installed[_cached_read(src, None).name] = src
        return installed.get(name)

    packs: dict[str, RawPack] = {}
    for src in expanded:
        pack = _cached_read(src, resolve_name)
        if pack.name in packs and packs[pack.name].path != pack.path:
            raise ConfigError(f"命名空间 “{pack.name}” 同时由 {packs[pack.name].path} 和 {pack.path} 定义", pack.path)
        packs[pack.name] = pack
    return list(packs.values())


def _cached_read(src, resolve_name) -> RawPack:
    stamp = _stamp(src)
    pack = _raw_cache.get(stamp)
    if pack is None:
        pack = read_pack(src, resolve_name=resolve_name)
        _raw_cache[stamp] = pack
    return pack


def pack_files(sources: Iterable) -> list[str]:
    """Every file the packs under ``sources`` read, including the packs they extend (for caches)."""
    out: list[str] = []
    for pack in load_raw(sources):
        for f in pack.files:
            f = os.path.normpath(f)
            if f not in out:
                out.append(f)
    return out


def load_rules(sources: Iterable, kinds: Mapping[str, Any]) -> list[Rule]:
    """The rules of every pack under ``sources``, built with ``kinds``; pack words go to jieba."""
    out: list[Rule] = []
    kinds_key = tuple(sorted((n, id(k)) for n, k in kinds.items()))
    for pack in load_raw(sources):
        for w in pack.words:
            if w not in _words_added:
                _words_added.add(w)
                _words.add_word(w)
        key = (id(pack), kinds_key)
        rules = _rules_cache.get(key)
        if rules is None:
            rules = build_rules(pack, kinds)
            _rules_cache[key] = rules
        out.extend(rules)
    return out

