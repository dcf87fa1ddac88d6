"""Part-of-speech tags of jieba dictionary words, looked up lazily in jieba's own dictionary file."""

from __future__ import annotations

import functools

from planlint import words as _words


@functools.lru_cache(maxsize=1)
def _dictionary() -> bytes:
    """jieba's dictionary (``word freq tag`` per line), read once, on the first lookup."""
    with _words.tokenizer().get_dict_file() as f:
        return b"\n" + f.read()


@functools.lru_cache(maxsize=4096)
def tag(word: str) -> str:
    """The tag jieba's dictionary gives ``word`` (v, n, ul …), or "" when it has none.

    Only for the rare candidates a rule has already found: each lookup is one scan of the file.
    """
    tk = _words.tokenizer()
    user = getattr(tk, "user_word_tag_tab", None) or {}
    if user.get(word):
        return user[word]
    buf = _dictionary()
    i = buf.find(b"\n" + word.encode("utf-8") + b" ")
    if i < 0:
        return ""
    j = buf.find(b"\n", i + 1)
    fields = buf[i + 1:j if j >= 0 else len(buf)].split()
    return fields[2].decode("utf-8", "replace") if len(fields) >= 3 else ""


def is_verb(word: str) -> bool:
    """True when jieba's dictionary tags ``word`` as a verb (v, vn, vd …)."""
    return tag(word).startswith("v")
