"""Word boundaries from jieba, loaded only when a rule first asks for words, and silent on stderr.

jieba's own start-up costs about a second: importing it pulls in pkg_resources, and its prefix
dictionary (≈500,000 entries) is unmarshalled whole. Here jieba is imported without
pkg_resources, and the dictionary is kept in a per-user cache file split by first character:
only the slices for characters that occur in segmented text (or in looked-up words) are ever
unmarshalled. Segmentation results are the same as with the full dictionary. bench/jieba_load.py
measures what this and the alternatives buy. ``PLANLINT_JIEBA_SHARDS=0`` turns it off.
"""

from __future__ import annotations

import hashlib
import logging
import marshal
import os
import struct
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

_lock = threading.Lock()
_tokenizer = None
_pending_words: list[tuple[str, int | None, str | None]] = []

_MAGIC = b"PLANLINT-JIEBA-SHARDS 1\n"


@dataclass(frozen=True, slots=True)
class Token:
    """A word and its span in the document (code-point offsets)."""

    start: int
    end: int
    text: str


def add_word(word: str, freq: int | None = None, tag: str | None = None) -> None:
    """Teach the segmenter a word (from a rule pack); applied now or when jieba loads."""
    with _lock:
        if _tokenizer is None:
            _pending_words.append((word, freq, tag))
            return
    _tokenizer.add_word(word, freq, tag)


def _import_jieba():
    """``import jieba`` without letting it import pkg_resources (≈0.1 s; it falls back to open())."""
    if "jieba" in sys.modules or "pkg_resources" in sys.modules:
        import jieba

        return jieba
    sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # makes its import fail fast
    try:
        import jieba
    finally:
        if sys.modules.get("pkg_resources", 0) is None:
            del sys.modules["pkg_resources"]
    return jieba


def tokenizer():
    """The shared jieba tokenizer, initialised on first use (once per process)."""
    global _tokenizer
    with _lock:
        if _tokenizer is None:
            jieba = _import_jieba()
            # jieba logs a traceback when it cannot write its own cache: planlint prints nothing of it
            jieba.setLogLevel(logging.CRITICAL)
            logging.getLogger("jieba").setLevel(logging.CRITICAL)
            tk = jieba.Tokenizer()
            loaded = _sharded_dictionary(jieba) if os.environ.get("PLANLINT_JIEBA_SHARDS", "1") != "0" else None
            if loaded is None:
                _private_jieba_cache(tk)
                tk.initialize()
            else:
                tk.FREQ, tk.total = loaded
                tk.initialized = True
            for word, freq, tag in _pending_words:
                tk.add_word(word, freq, tag)
            _pending_words.clear()
            _tokenizer = tk
    return _tokenizer


def is_loaded() -> bool:
    return _tokenizer is not None


def segment(text: str, start: int, end: int) -> list[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text``."""
    tk = tokenizer()
    piece = text[start:end]
    freq = tk.FREQ
    if isinstance(freq, ShardedFreq):
        freq.preload(piece)
    return [Token(start + s, start + e, w) for w, s, e in tk.tokenize(piece, HMM=True)]


# --- the sharded prefix dictionary ---------------------------------------------------------------
class ShardedFreq(dict):
    """jieba's prefix dictionary (word → frequency, prefixes → 0), filled one first character at a
    time from a cache file as lookups need it. Lookups (``in``, ``[]``, ``get``) and writes behave
    like the full dict; iteration and ``len`` see only what has been loaded so far."""

    __slots__ = ("_buf", "_index", "_loaded")

    def __init__(self, buf: bytes, index: dict[str, tuple[int, int]]):
        super().__init__()
        self._buf = memoryview(buf)
        self._index = index
        self._loaded: set[str] = set()

    def _load(self, ch: str) -> None:
        self._loaded.add(ch)
        span = self._index.get(ch)
        if span is not None:
            off, n = span
            # Writes load the shard first (__setitem__), so nothing loaded here is overwritten.
            dict.update(self, marshal.loads(self._buf[off:off + n]))

    def preload(self, text: str) -> None:
        """Load the shards for every character of ``text`` (segmenting it looks only at these)."""
        missing = set(text) - self._loaded
        for ch in missing:
            self._load(ch)

    def __contains__(self, key) -> bool:  # noqa: D105
        ch = key[:1] if isinstance(key, str) else None
        if ch is not None and ch not in self._loaded:
            self._load(ch)
        return dict.__contains__(self, key)

    def __getitem__(self, key):
        ch = key[:1] if isinstance(key, str) else None
        if ch is not None and ch not in self._loaded:
            self._load(ch)
        return dict.__getitem__(self, key)

    def get(self, key, default=None):
        ch = key[:1] if isinstance(key, str) else None
        if ch is not None and ch not in self._loaded:
            self._load(ch)
        return dict.get(self, key, default)

    def __setitem__(self, key, value) -> None:
        ch = key[:1] if isinstance(key, str) else None
        if ch is not None and ch not in self._loaded:
            self._load(ch)
        dict.__setitem__(self, key, value)

    def load_all(self) -> None:
        for ch in list(self._index):
            if ch not in self._loaded:
                self._load(ch)

    def __reduce__(self):  # pickling/copying: the whole dictionary as a plain dict
        self.load_all()
        return (dict, (dict(self),))


def cache_dir() -> Path:
    """Where planlint keeps per-user caches: $PLANLINT_CACHE_DIR, $XDG_CACHE_HOME/planlint, ~/.cache/planlint."""
    env = os.environ.get("PLANLINT_CACHE_DIR")
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg else Path.home() / ".cache"
    return base / "planlint"


def _dict_file(jieba) -> Path:
    return Path(jieba.__file__).resolve().parent / jieba.DEFAULT_DICT_NAME


def _shard_file(jieba) -> Path:
    src = _dict_file(jieba)
    st = src.stat()
    tag = f"{jieba.__version__}|{src}|{st.st_size}|{st.st_mtime_ns}|{sys.version_info[:2]}"
    return cache_dir() / f"jieba-{hashlib.sha1(tag.encode()).hexdigest()[:16]}.shards"


def build_shards(freq: dict, total: int) -> bytes:
    """The cache file's bytes: magic, header length, (total, {first char: (offset, size)}), shards."""
    groups: dict[str, dict] = {}
    for word, f in freq.items():
        if word:
            groups.setdefault(word[0], {})[word] = f
    blobs = []
    index: dict[str, tuple[int, int]] = {}
    pos = 0
    for ch in sorted(groups):
        blob = marshal.dumps(groups[ch])
        index[ch] = (pos, len(blob))
        blobs.append(blob)
        pos += len(blob)
    header = marshal.dumps((total, index))
    return _MAGIC + struct.pack("<I", len(header)) + header + b"".join(blobs)


def parse_shards(data: bytes) -> tuple[ShardedFreq, int]:
    if not data.startswith(_MAGIC):
        raise ValueError("not a planlint jieba shard file")
    p = len(_MAGIC)
    (hlen,) = struct.unpack_from("<I", data, p)
    total, index = marshal.loads(data[p + 4:p + 4 + hlen])
    body = data[p + 4 + hlen:]
    return ShardedFreq(body, index), total


def _sharded_dictionary(jieba):
    """(ShardedFreq, total) from the cache file, building it on first use; None when impossible."""
    try:
        path = _shard_file(jieba)
    except OSError:
        return None
    try:
        with open(path, "rb") as f:
            return parse_shards(f.read())
    except (OSError, ValueError, EOFError, TypeError, struct.error):
        pass
    full = jieba.Tokenizer()
    _private_jieba_cache(full)
    full.initialize()  # jieba's own way (its marshal cache, or parsing dict.txt)
    data = build_shards(full.FREQ, full.total)
    try:
        from planlint.cache import replace_file

        replace_file(path, data)
    except OSError:
        return full.FREQ, full.total  # cannot cache: use the full dictionary this time
    _prune_shards(path)
    return parse_shards(data)


# Shard files kept besides the one in use (one per jieba install and Python version; a test suite that
# builds virtualenvs would otherwise leave one of 9 MB per environment).
KEEP_SHARD_FILES = 3


def _prune_shards(current: Path) -> None:
    try:
        others = sorted((p for p in current.parent.glob("jieba-*.shards") if p != current),
                        key=lambda p: p.stat().st_mtime, reverse=True)
        for old in others[KEEP_SHARD_FILES:]:
            old.unlink()
    except OSError:
        pass  # another process pruned it first, or the folder is read-only


def _private_jieba_cache(tk) -> None:
    """jieba's own marshal cache, one per user: a shared /tmp/jieba.cache owned by someone else fails."""
    tk.tmp_dir = tempfile.gettempdir()
    tk.cache_file = f"jieba.planlint-{os.getuid() if hasattr(os, 'getuid') else 'u'}.cache"
