"""Word boundaries from jieba, loaded only when a rule first asks for words, and silent on stderr."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass

_lock = threading.Lock()
_tokenizer = None
_pending_words: list[tuple[str, int | None, str | None]] = []


@dataclass(frozen=True)
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


def tokenizer():
    """The shared jieba tokenizer, initialised on first use (about a second, once per process)."""
    global _tokenizer
    with _lock:
        if _tokenizer is None:
            import jieba

            jieba.setLogLevel(logging.WARNING)
            logging.getLogger("jieba").setLevel(logging.WARNING)
            tk = jieba.Tokenizer()
            tk.initialize()
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
    return [Token(start + s, start + e, w) for w, s, e in tk.tokenize(piece, HMM=True)]
