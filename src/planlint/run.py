"""One ``planlint check`` run: find files, read, check (cached, in parallel), fix, print, exit code."""

from __future__ import annotations

import difflib
import errno
import os
import stat
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from planlint import formatters
from planlint.config import Config, ConfigFinder
from planlint.diagnostics import Diagnostic, Severity
from planlint.discovery import Target, iter_targets
from planlint.document import Document
from planlint.errors import InputError, PlanlintError
from planlint.options import RunOptions

if TYPE_CHECKING:  # imported where first needed: a run answered from the cache never loads them
    from planlint.engine import Linter

# A fixed document is checked again and fixed again until nothing changes, at most this often.
MAX_FIX_PASSES = 10
# With --jobs 0 (automatic), worker processes are used only for at least this many files to check.
AUTO_JOBS_MIN_FILES = 8
# Files handed to a worker at a time (fewer round trips; small enough to keep both cores busy).
JOBS_CHUNK = 4
# A progress bar is drawn for at least this many files, when standard error is a terminal.
PROGRESS_MIN_FILES = 20
PROGRESS_INTERVAL = 0.1
# Suffixes the built-in text reader handles, so a cache hit can be shown without the plugin host.
TEXT_SUFFIXES = (".md", ".markdown", ".mdown", ".txt", ".text")


@dataclass
class CheckRequest:
    """The ``planlint check`` command line, parsed."""

    paths: list[str]
    fmt: str = "text"
    fail_on: str | None = None
    date: str | None = None
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False
    statistics: bool = False
    config: Path | None = None
    stdin_filename: str | None = None
    jobs: int = 0
    use_cache: bool = True
    quiet: bool = False
    debug: bool = False
    rule_timeout: float | None = None


@dataclass
class Outcome:
    """What checking one file produced (picklable: it comes back from worker processes)."""

    index: int
    shown: str
    explicit: bool
    doc: Document | None = None  # text and format only, for positions; no derived structure
    diags: list[Diagnostic] = field(default_factory=list)
    fixed: int = 0
    diff: str = ""
    stdout: str = ""
    error: str | None = None
    cached: bool = False


def _err(msg: str) -> None:
    print(msg, file=sys.stderr)


def run_check(req: CheckRequest) -> int:
    if req.fmt not in formatters.FORMATS:
        raise PlanlintError(f"未知输出格式 “{req.fmt}”，可选：{' / '.join(formatters.FORMATS)}")
    try:
        fail_on = Severity.parse(req.fail_on) if req.fail_on else None
    except ValueError:
        raise PlanlintError(f"--fail-on 应为 error / warning / info，而不是 “{req.fail_on}”") from None
    date = None
    if req.date:
        from planlint.docdate import bad_date_reason, parse_document_date

        try:
            date = parse_document_date(req.date)
        except ValueError:
            raise PlanlintError(f"--date：{bad_date_reason(req.date)}") from None
    if req.jobs < 0:
        raise PlanlintError(f"--jobs 应为非负整数，而不是 {req.jobs}")
    checker = Checker(req, date, fail_on)
    targets = list(iter_targets(req.paths, checker.finder.for_path))
    progress = Progress(len(targets), enabled=not req.quiet and len(targets) >= PROGRESS_MIN_FILES)
    try:
        outcomes = _check_all(checker, targets, progress)
    finally:
        progress.close()

    items: list[formatters.Located] = []
    files = 0
    input_error = False
    failed = False
    changed_files = 0
    fixed_total = 0
    diffs: list[str] = []
    skipped = 0
    docx_unfixed = 0
    for out in outcomes:
        if out.error is not None:
            if out.explicit:
                _err(f"planlint: 错误: {out.shown}: {out.error}")
                input_error = True
            else:
                _err(f"planlint: 警告: {out.shown}: {out.error}（已跳过）")
                skipped += 1
            continue
        files += 1
        if req.fix and out.doc is not None and not out.doc.fixable:  # a .docx: read, never rewritten
            docx_unfixed += sum(1 for d in out.diags if d.fix and (d.fix.safe or req.unsafe_fixes))
        if out.fixed:
            fixed_total += out.fixed
            changed_files += 1
            if out.diff:
                diffs.append(out.diff)
            if out.stdout:
                sys.stdout.write(out.stdout)
        config = checker.finder.for_path(out.shown)
        effective_fail = fail_on or config.fail_on
        for d in out.diags:
            if d.rule == "core/plugin-error":
                input_error = True
            if d.severity >= effective_fail:
                failed = True
            items.append(formatters.Located(out.shown, out.doc, d))

    if req.diff:
        sys.stdout.write("".join(diffs))
        if not req.quiet:
            _err(f"{fixed_total} 处可自动修复，涉及 {changed_files} 个文件（未写入）")
        return 2 if input_error else (1 if changed_files else 0)
    if not (req.fix and req.paths == ["-"]):
        if req.statistics:
            sys.stdout.write(formatters.format_statistics(items))
        else:
            sys.stdout.write(formatters.render(req.fmt, items, files))
    if skipped and not files:
        # every file found was unreadable: a hook or CI job must not pass on nothing
        _err(f"planlint: 错误: 找到的 {skipped} 个文件都无法读取，没有检查任何文件")
        return 2
    if not req.quiet and req.fmt in ("text", "full") and not req.statistics:
        if req.fix:
            _err(f"已修复 {fixed_total} 处，涉及 {changed_files} 个文件")
            if docx_unfixed:
                _err(f".docx 文件只检查、不改写：其中 {docx_unfixed} 处修复未应用，请在 Word 中修改")
        if items:
            n_fix = sum(1 for it in items if it.diag.fix and (it.diag.fix.safe or req.unsafe_fixes))
            n_unsafe = 0 if req.unsafe_fixes else sum(1 for it in items if it.diag.fix and not it.diag.fix.safe)
            hint = f"，其中 {n_fix} 处可用 --fix 自动修复" if n_fix and not req.fix else ""
            if n_unsafe:
                hint += f"{'，另有' if hint else '，其中'} {n_unsafe} 处可加 --unsafe-fixes 修复（改动较大，请核对）"
            _err(f"共 {len(items)} 条诊断，检查了 {files} 个文件{hint}")
        elif files:
            _err(f"未发现问题，检查了 {files} 个文件")
        elif not targets:
            _err("planlint: 警告: 没有找到要检查的文件（.md / .txt / .docx）")
    if input_error:
        return 2
    return 1 if failed else 0


# --- checking files ------------------------------------------------------------------------------
class Checker:
    """What one process needs to check files: configs, the plugin host and linter (built on first
    need, so that a run answered from the cache never imports the rule families), and caches."""

    def __init__(self, req: CheckRequest, date, fail_on):
        self.req = req
        self.options = RunOptions(select=req.select, ignore=req.ignore, date=date, fail_on=fail_on,
                                  debug=req.debug, rule_timeout=req.rule_timeout)
        self.finder = ConfigFinder(req.config)
        self._linter: Linter | None = None
        self._caches: dict[int, object] = {}

    @property
    def linter(self) -> Linter:
        if self._linter is None:
            from planlint.engine import Linter
            from planlint.plugins import make_plugin_manager

            self._linter = Linter(make_plugin_manager(), self.options)
        return self._linter

    def cache_for(self, config: Config):
        """The ResultCache for files under ``config``, or None when caching is off."""
        if not (self.req.use_cache and config.cache):
            return None
        key = id(config)
        if key not in self._caches:
            from planlint.cache import ResultCache

            opts = (self.options.select, self.options.ignore, self.options.date)
            self._caches[key] = ResultCache.for_config(config, opts)
        return self._caches[key]

    def cached(self, index: int, target: Target) -> Outcome | None:
        """The outcome for ``target`` straight from the cache, or None (miss, fix run, stdin …)."""
        if target.path == "-" or self.req.fix or self.req.diff:
            return None
        config = self.finder.for_path(target.path)
        cache = self.cache_for(config)
        if cache is None:
            return None
        try:
            data, _ = _read(target.path)
        except InputError:
            return None
        diags = cache.get(cache.key(target.path, data))
        if diags is None:
            return None
        try:
            doc = self._load_for_display(target.path, data, config)
        except InputError:
            return None
        n = len(doc.text)
        if any(not (0 <= d.offset <= d.end_offset <= n) for d in diags):
            return None
        return Outcome(index, target.path, target.explicit, doc, diags, cached=True)

    def _load_for_display(self, path: str, data: bytes, config: Config) -> Document:
        if self._linter is None and path.lower().endswith(TEXT_SUFFIXES):
            from planlint.cache import has_installed_plugins

            if not has_installed_plugins():
                from planlint.readers.text import read_text_document

                try:
                    return read_text_document(path, data)
                except PlanlintError:
                    raise
                except Exception as e:
                    raise InputError(f"读取失败：{type(e).__name__}: {e}") from None
        return self.linter.load(path, data, config)

    def check(self, index: int, target: Target) -> Outcome:
        """Read, check and (with --fix) fix one file; errors become the outcome's ``error``."""
        req = self.req
        path = target.path
        shown = (req.stdin_filename or "-") if path == "-" else path
        out = Outcome(index, shown, target.explicit)
        config = self.finder.for_path(shown if path == "-" else path)
        linter = self.linter
        try:
            data, before = _read(path)
            doc = linter.load(shown, data, config)
            diags = linter.check(doc, config)
        except InputError as e:
            out.error = e.message
            return out
        cache = self.cache_for(config) if path != "-" else None
        store_key = cache.key(path, data) if cache is not None else None
        if (req.fix or req.diff) and doc.fixable:
            fixed_doc, diags, n = _fix(linter, doc, diags, config, req.unsafe_fixes)
            if n:
                out.fixed = n
                if req.diff:
                    out.diff = _unified(shown, doc.text, fixed_doc.text)
                    store_key = None
                elif path == "-":
                    out.stdout = fixed_doc.text
                else:
                    from planlint.fixes import write_atomic
                    from planlint.readers.text import encode

                    new_data = encode(fixed_doc.text, doc.encoding, doc.bom)
                    refusal = _unsafe_to_rewrite(path, before)
                    if refusal is None:
                        try:
                            write_atomic(os.path.realpath(path), new_data)  # a symlink keeps pointing at it
                        except OSError as e:
                            refusal = f"无法写入修复结果：{_os_reason(e)}（原文件未改动）"
                    if refusal is not None:
                        out.error = refusal
                        out.explicit = True  # an error even for a file found in a folder
                        return out
                    if cache is not None:
                        store_key = cache.key(path, new_data)
                doc = fixed_doc
        if cache is not None and store_key is not None:
            cache.put(store_key, diags)
        out.doc = _light(doc)
        out.diags = diags
        return out


def _light(doc: Document) -> Document:
    """The document without its derived structure: all that formatting needs, cheap to pickle."""
    return Document(doc.text, doc.path, markdown=doc.markdown, encoding=doc.encoding, bom=doc.bom,
                    line_hints=doc.line_hints, front_matter=doc.front_matter, line_label=doc.line_label,
                    fixable=doc.fixable)


def _check_all(checker: Checker, targets: list[Target], progress: "Progress") -> list[Outcome]:
    outcomes: list[Outcome | None] = [None] * len(targets)
    todo: list[int] = []
    for i, t in enumerate(targets):
        hit = checker.cached(i, t)
        if hit is not None:
            outcomes[i] = hit
            progress.advance(t.path)
        else:
            todo.append(i)
    jobs = _jobs(checker, targets, len(todo))
    if jobs <= 1:
        for i in todo:
            outcomes[i] = checker.check(i, targets[i])
            progress.advance(targets[i].path)
    else:
        # Stdin, and the first file: checked here, so that the rules' lazily loaded data (YAML,
        # compiled patterns, jieba's dictionary) is loaded once and inherited by forked workers.
        serial = [i for i in todo if targets[i].path == "-"] or todo[:1]
        parallel = [(i, targets[i]) for i in todo if i not in serial]
        for i in serial:
            outcomes[i] = checker.check(i, targets[i])
            progress.advance(targets[i].path)
        for out in _parallel(checker, parallel, jobs):
            outcomes[out.index] = out
            progress.advance(out.shown)
    return [o for o in outcomes if o is not None]


def _jobs(checker: Checker, targets: list[Target], n: int) -> int:
    jobs = checker.req.jobs
    if jobs == 0 and targets:
        first = targets[0].path
        jobs = checker.finder.for_path(first if first != "-" else ".").jobs
    if jobs == 0:
        if n < AUTO_JOBS_MIN_FILES:
            return 1
        jobs = _cpu_count()
    return max(1, min(jobs, n))


def _cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


# --- worker processes ----------------------------------------------------------------------------
_WORKER: Checker | None = None
_STOP = None  # a multiprocessing Event the parent sets on Ctrl-C (inherited by forked workers)


def _init_worker(req: CheckRequest, date, fail_on) -> None:
    global _WORKER
    import signal

    # Ctrl-C reaches the whole process group: the parent alone handles it, and a worker finishes the
    # file it is writing (a fix is never cut off half-way).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if _WORKER is None:  # spawned (not forked): build our own
        _WORKER = Checker(req, date, fail_on)


def _work(chunk: list[tuple[int, Target]]) -> list[Outcome]:
    assert _WORKER is not None
    out = []
    for i, t in chunk:
        if _STOP is not None and _STOP.is_set():
            break  # Ctrl-C in the parent: stop between files, never inside a write
        out.append(_WORKER.check(i, t))
    return out


def _parallel(checker: Checker, items: list[tuple[int, Target]], jobs: int):
    """Outcomes of ``items`` checked in ``jobs`` processes, yielded as chunks finish, in order."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    global _WORKER, _STOP
    if sys.platform.startswith("linux"):
        # fork: workers start with the plugins already imported and the configs already read.
        ctx = multiprocessing.get_context("fork")
        checker.linter  # noqa: B018 - build the host once, in the parent
        _WORKER = checker
    else:  # pragma: no cover - spawn elsewhere
        ctx = multiprocessing.get_context()
    chunks = [items[k:k + JOBS_CHUNK] for k in range(0, len(items), JOBS_CHUNK)]
    _STOP = ctx.Event() if sys.platform.startswith("linux") else None
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_init_worker,
                               initargs=(checker.req, checker.options.date, checker.options.fail_on))
    try:
        for outs in pool.map(_work, chunks):
            yield from outs
    except BaseException:
        # Ctrl-C or an error: drop the chunks not started; running ones stop after their current file
        if _STOP is not None:
            _STOP.set()
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    else:
        pool.shutdown(wait=True)
    finally:
        _WORKER = None
        _STOP = None


# --- progress ------------------------------------------------------------------------------------
class Progress:
    """A one-line progress bar on standard error, drawn only for many files on a terminal."""

    def __init__(self, total: int, *, enabled: bool = True, stream=None):
        self.stream = stream or sys.stderr
        self.total = total
        self.done = 0
        self._last = 0.0
        try:
            tty = self.stream.isatty()
        except (AttributeError, ValueError):
            tty = False
        self.enabled = enabled and tty and total > 0
        self._drawn = False

    def advance(self, label: str = "") -> None:
        self.done += 1
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._last < PROGRESS_INTERVAL and self.done < self.total:
            return
        self._last = now
        width = 24
        filled = width * self.done // self.total
        bar = "█" * filled + "░" * (width - filled)
        name = label if len(label) <= 40 else "…" + label[-39:]
        self.stream.write(f"\r\x1b[K检查 {bar} {self.done}/{self.total} {name}")
        self.stream.flush()
        self._drawn = True

    def close(self) -> None:
        if self._drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._drawn = False


# --- helpers -------------------------------------------------------------------------------------
def _unsafe_to_rewrite(path: str, before) -> str | None:
    """Why a fix must not be written to ``path`` (its content would be lost or its links broken), or None."""
    try:
        now = os.stat(path)
    except OSError as e:
        return f"无法写入修复结果：{_os_reason(e)}（原文件未改动）"
    if before is not None and (now.st_mtime_ns, now.st_size) != (before.st_mtime_ns, before.st_size):
        return "文件在检查期间被修改过：为免覆盖新内容，修复未写入；请重新运行"
    if not os.access(path, os.W_OK) or not now.st_mode & 0o222:  # root may write anything: honour the mode
        return "文件是只读的：修复未写入（如确需修改，请先取消只读）"
    if now.st_nlink > 1:
        return f"文件有 {now.st_nlink} 个硬链接：改写会拆开链接，修复未写入；可用 --diff 查看修改后手工改"
    return None


# Larger inputs are refused: no plan is this big, and a device or a runaway pipe must not eat memory.
MAX_INPUT_BYTES = 256 * 1024 * 1024


def _read(path: str) -> tuple[bytes, "os.stat_result | None"]:
    """The bytes of ``path`` (``-``: standard input) and the file's stat as it was read."""
    if path == "-":
        data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
        if len(data) > MAX_INPUT_BYTES:
            raise InputError(f"标准输入超过 {MAX_INPUT_BYTES // 2**20} MB，不像是一份文稿")
        return data, None
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise InputError("是失效的符号链接（指向的文件不存在）" if os.path.islink(path) else "文件不存在") from None
    except OSError as e:
        raise InputError(f"无法读取：{_os_reason(e)}") from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError("是目录")
    if not stat.S_ISREG(st.st_mode):
        raise InputError("不是普通文件（设备、管道或套接字），不能检查")
    if st.st_size > MAX_INPUT_BYTES:
        raise InputError(f"超过 {MAX_INPUT_BYTES // 2**20} MB，不像是一份文稿")
    try:
        with open(path, "rb") as f:
            return f.read(), st
    except OSError as e:
        raise InputError(f"无法读取：{_os_reason(e)}") from None


def _os_reason(e: OSError) -> str:
    """An operating-system error in Chinese where it is a common one."""
    return {errno.EACCES: "没有读取权限", errno.EPERM: "没有权限", errno.ENOENT: "文件不存在",
            errno.EISDIR: "是目录", errno.ELOOP: "符号链接成环", errno.ENOSPC: "磁盘空间不足",
            errno.EROFS: "文件系统只读"}.get(e.errno, e.strerror or str(e))


def _fix(linter: Linter, doc, diags, config, unsafe: bool):
    from planlint.fixes import apply_fixes

    total = 0
    for _ in range(MAX_FIX_PASSES):
        new_text, n = apply_fixes(doc.text, diags, unsafe)
        if n == 0 or new_text == doc.text:
            break
        total += n
        doc = doc.with_text(new_text)
        diags = linter.check(doc, config)
    return doc, diags, total


def _unified(path: str, before: str, after: str) -> str:
    a = before.splitlines(keepends=True)
    b = after.splitlines(keepends=True)
    return "".join(difflib.unified_diff(a, b, fromfile=f"a/{path}", tofile=f"b/{path}"))
