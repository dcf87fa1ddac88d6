"""Apply fixes: pick non-overlapping edits, rewrite the text, write the file atomically."""

from __future__ import annotations

import os
import tempfile

from planlint.diagnostics import Diagnostic, Edit


def applicable(diagnostics: list[Diagnostic], unsafe: bool) -> list[Diagnostic]:
    return [d for d in diagnostics if d.fix and d.fix.edits and (d.fix.safe or unsafe)]


def apply_fixes(text: str, diagnostics: list[Diagnostic], unsafe: bool = False) -> tuple[str, int]:
    """(new text, number of fixes applied). Fixes whose edits overlap an earlier accepted one wait."""
    accepted: list[Edit] = []
    taken: list[tuple[int, int]] = []
    count = 0
    for d in sorted(applicable(diagnostics, unsafe), key=lambda d: (min(e.offset for e in d.fix.edits), d.rule)):
        edits = sorted(d.fix.edits, key=lambda e: e.offset)
        if any(_overlaps(e, s, t) for e in edits for s, t in taken):
            continue
        if any(_overlaps(a, b.offset, b.end_offset) for a, b in zip(edits, edits[1:])):
            continue
        accepted.extend(edits)
        taken.extend((e.offset, e.end_offset) for e in edits)
        count += 1
    if not accepted:
        return text, 0
    parts = []
    pos = 0
    for e in sorted(accepted, key=lambda e: (e.offset, e.end_offset)):
        parts.append(text[pos:e.offset])
        parts.append(e.text)
        pos = e.end_offset
    parts.append(text[pos:])
    return "".join(parts), count


def _overlaps(e: Edit, s: int, t: int) -> bool:
    # Two insertions at the same point also conflict (their order would be arbitrary).
    if e.offset == e.end_offset and s == t:
        return e.offset == s
    return e.offset < t and s < e.end_offset or (e.offset == e.end_offset and s < e.offset < t) or (
        s == t and e.offset < s < e.end_offset
    )


def write_atomic(path: str, data: bytes, *, durable: bool = True) -> None:
    """Write ``data`` to ``path`` via a temp file in the same folder and a rename, keeping its mode.

    ``durable`` flushes the data to disk before the rename (a user's document); caches skip it."""
    directory = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".planlint-", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            if durable:
                f.flush()
                os.fsync(f.fileno())
        try:
            st = os.stat(path)
            os.chmod(tmp, st.st_mode & 0o7777)
        except OSError:
            st = None
        if st is not None and hasattr(os, "chown"):
            try:
                os.chown(tmp, st.st_uid, st.st_gid)  # keep the owner (possible for root or the owner itself)
            except OSError:
                pass
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
