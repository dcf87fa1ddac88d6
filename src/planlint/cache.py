"""Result cache: the diagnostics of a file, keyed by its bytes, path, config, rule code and version.

Entries live under ``.planlint_cache/`` in the config root (one small JSON file each, written
atomically). Anything that goes wrong with the cache — unreadable, corrupt, read-only folder — is
a miss or a skipped write, never an error. Results with ``core/plugin-error`` are never stored.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from dataclasses import fields
from pathlib import Path
from typing import Any, Iterable

from planlint.diagnostics import Diagnostic, Edit, Fix, Severity

CACHE_DIR = ".planlint_cache"
# Bump when the entry layout or what goes into the key changes.
FORMAT = 1
_PLUGIN_ERROR = "core/plugin-error"


def _stat_line(path: Path) -> str:
    try:
        st = path.stat()
    except OSError:
        return f"{path}:missing"
    return f"{path}:{st.st_size}:{st.st_mtime_ns}"


def _tree_stats(root: Path, suffixes: tuple[str, ...]) -> list[str]:
    out = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__" and not d.startswith("."))
        for name in sorted(filenames):
            if name.endswith(suffixes):
                out.append(_stat_line(Path(dirpath) / name))
    return out


_code_fp: str | None = None


def code_fingerprint() -> str:
    """Version, the built-in code and data (size + mtime of each file), and installed plugins."""
    global _code_fp
    if _code_fp is None:
        from importlib import metadata

        from planlint import __version__

        parts = [f"planlint {__version__}", f"format {FORMAT}"]
        parts += _tree_stats(Path(__file__).resolve().parent, (".py", ".yaml", ".yml", ".txt", ".json"))
        try:
            for ep in sorted(metadata.entry_points(group="planlint"), key=lambda e: e.name):
                dist = getattr(ep, "dist", None)
                parts.append(f"plugin {ep.name}={ep.value} {dist.version if dist is not None else '?'}")
        except Exception:  # a broken installed distribution must not break the cache
            parts.append("plugins ?")
        _code_fp = hashlib.sha256("\n".join(parts).encode("utf-8", "surrogatepass")).hexdigest()
    return _code_fp


def has_installed_plugins() -> bool:
    """True when a third-party plugin is installed (it may read files itself)."""
    from importlib import metadata

    try:
        return any(True for _ in metadata.entry_points(group="planlint"))
    except Exception:
        return True


def config_fingerprint(config) -> str:
    """Every setting of a Config that can change diagnostics, plus the packs' files as they are now."""
    parts = []
    for f in fields(config):
        if f.name in ("cache", "jobs", "fail_on"):
            continue
        parts.append(f"{f.name}={getattr(config, f.name)!r}")
    if config.path is not None:
        parts.append(_stat_line(Path(config.path)))
    for pack in config.packs:
        p = Path(pack)
        parts += _tree_stats(p, (".yaml", ".yml")) if p.is_dir() else [_stat_line(p)]
    if config.packs:  # packs they extend may live elsewhere (extends: ../shared/base.yaml)
        try:
            from planlint.packs.loader import pack_files

            parts += [_stat_line(Path(f)) for f in pack_files(config.packs)]
        except Exception:  # a broken pack is reported by the run itself
            pass
    return "\n".join(parts)


class ResultCache:
    """Diagnostics by key, stored under ``root/.planlint_cache``."""

    def __init__(self, root: Path, salt: str):
        self.dir = Path(root) / CACHE_DIR / f"v{FORMAT}"
        self.salt = salt
        self._ready = False

    @classmethod
    def for_config(cls, config, options: Iterable[Any] = ()) -> "ResultCache":
        salt = "\n".join([code_fingerprint(), config_fingerprint(config), *map(repr, options),
                          # documents without a date are judged at today's date
                          f"today={dt.date.today().isoformat()}"])
        return cls(config.root, salt)

    def key(self, path: str, data: bytes) -> str:
        h = hashlib.sha256(self.salt.encode("utf-8", "surrogatepass"))
        h.update(b"\0" + os.path.abspath(path).encode("utf-8", "surrogatepass") + b"\0")
        h.update(data)
        return h.hexdigest()

    def _entry(self, key: str) -> Path:
        return self.dir / key[:2] / f"{key}.json"

    def get(self, key: str) -> list[Diagnostic] | None:
        try:
            with open(self._entry(key), "rb") as f:
                raw = json.loads(f.read().decode("utf-8"))
            if raw.get("key") != key:
                return None
            return [_decode(d) for d in raw["diagnostics"]]
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None

    def put(self, key: str, diagnostics: list[Diagnostic]) -> bool:
        """Store ``diagnostics``; False (and nothing written) when they cannot or should not be."""
        if any(d.rule == _PLUGIN_ERROR for d in diagnostics):
            return False
        try:
            payload = json.dumps({"key": key, "diagnostics": [_encode(d) for d in diagnostics]},
                                 ensure_ascii=False).encode("utf-8", "surrogatepass")
        except (TypeError, ValueError):
            return False
        try:
            self._prepare()
            replace_file(self._entry(key), payload)
        except Exception:
            return False
        return True

    def _prepare(self) -> None:
        if self._ready:
            return
        top = self.dir.parent
        if not top.is_dir():
            top.mkdir(parents=True, exist_ok=True)
            (top / ".gitignore").write_text("# Created by planlint.\n*\n", encoding="utf-8")
            (top / "CACHEDIR.TAG").write_text(
                "Signature: 8a477f597d28d172789f06886806bc55\n# planlint result cache\n", encoding="utf-8")
        self._ready = True


def replace_file(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` through a temp file and a rename (no fsync: caches only)."""
    from planlint.fixes import write_atomic

    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(str(target), data, durable=False)


def _encode(d: Diagnostic) -> dict:
    fix = None
    if d.fix is not None:
        fix = {"title": d.fix.title, "safe": d.fix.safe,
               "edits": [[e.offset, e.end_offset, e.text] for e in d.fix.edits]}
    out = {"rule": d.rule, "message": d.message, "offset": d.offset, "end_offset": d.end_offset,
           "severity": int(d.severity), "fix": fix}
    if d.extra:
        json.dumps(d.extra)  # raises TypeError for values a JSON entry cannot hold: not cached
        out["extra"] = d.extra
    return out


def _decode(raw: dict) -> Diagnostic:
    fix = raw.get("fix")
    if fix is not None:
        fix = Fix(str(fix["title"]), tuple(Edit(int(o), int(e), str(t)) for o, e, t in fix["edits"]), bool(fix["safe"]))
    return Diagnostic(str(raw["rule"]), str(raw["message"]), int(raw["offset"]), int(raw["end_offset"]),
                      Severity(int(raw["severity"])), fix, dict(raw.get("extra") or {}))
