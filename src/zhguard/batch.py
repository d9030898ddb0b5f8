"""Checking files: discovery, one file's check (and fix), many files in parallel in a stable order.

Nothing here prints: each file gives an ``Outcome`` (its result, a diff, notes for the user), and
the CLI prints them in the order the files were named, whatever order workers finish in.
Worker processes are forked after the Checker is built, so they share its compiled lexicons
instead of loading them again, and they exit when the parent dies, whatever killed it.
"""

from __future__ import annotations

import fnmatch
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

from zhguard.checker import Checker
from zhguard.errors import InputError
from zhguard.report import FileResult
from zhguard.rules import code_matches

DEFAULT_EXTENSIONS = (".txt", ".md", ".markdown", ".html", ".htm", ".docx")
STDIN = "-"
# Below this many files a worker pool costs more than it saves.
MIN_FILES_PER_POOL = 8
# Each worker ends up with its own copy of much of the lexicons' memory (reference counts touch the
# forked pages): a big machine's CPU count must not decide the memory a check takes.
MAX_DEFAULT_JOBS = 8


def default_jobs() -> int:
    """The CPUs this process may run on (its affinity, not the machine's count), at most 8."""
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        usable = os.cpu_count() or 1
    return max(1, min(usable, MAX_DEFAULT_JOBS))


class Options(NamedTuple):
    """What the CLI asked for, beside the Checker's own config."""

    fix: bool = False
    diff: bool = False
    unsafe_fixes: bool = False


class Outcome(NamedTuple):
    """``diff`` is bytes in the file's own encoding: a GB18030 file's hunk must apply to its bytes."""

    result: FileResult
    diff: bytes = b""
    notes: tuple[str, ...] = ()


class Target(NamedTuple):
    """A file to check: its display name and where to read it (None for stdin or an error)."""

    name: str
    path: Path | None
    error: str | None = None


def targets(paths: Sequence[str], exclude: Sequence[str] = ()) -> Iterator[Target]:
    """Every file named, or found under a directory named, in a stable order."""
    for given in paths:
        if given == STDIN:
            yield Target("<stdin>", None)
            continue
        path = Path(given)
        if not path.exists():
            yield Target(given, None, "no such file or directory")
            continue
        for file in _discover(path):
            if file != path and any(matches(str(file), pattern) for pattern in exclude):
                continue
            yield Target(str(file), file)


def _discover(path: Path) -> Iterator[Path]:
    """A file as given (any extension: pre-commit passes exact names); a directory recursively."""
    if not path.is_dir():
        yield path
        return
    for child in sorted(path.rglob("*")):
        parts = child.relative_to(path).parts
        if any(part.startswith(".") for part in parts):
            continue
        if child.is_file() and child.suffix.lower() in DEFAULT_EXTENSIONS:
            yield child


def matches(path: str, pattern: str) -> bool:
    """A glob against the path as given and against its path relative to the cwd."""
    candidates = {Path(path).as_posix()}
    try:
        candidates.add(Path(os.path.relpath(path)).as_posix())
    except ValueError:  # another drive on Windows
        pass
    return any(fnmatch.fnmatch(c, pattern) for c in candidates)


def check_all(checker: Checker, items: Sequence[Target], options: Options, jobs: int = 1,
              progress: Callable[[int, int], None] | None = None) -> Iterator[Outcome]:
    """Outcomes in the order of ``items``; with ``jobs`` > 1 the files are checked by forked workers."""
    global _WORKER
    from zhguard.warc import is_warc

    if any(is_warc(item.path) for item in items):  # an archive is many documents: one by one here
        for done, item in enumerate(items, 1):
            yield from _outcomes(checker, item, options)
            if progress:
                progress(done, len(items))
        return
    parallel = (jobs > 1 and len(items) >= MIN_FILES_PER_POOL and _can_fork()
                and all(item.path is not None or item.error is not None for item in items))  # stdin stays here
    if not parallel:
        for done, item in enumerate(items, 1):
            yield check_target(checker, item, options)
            if progress:
                progress(done, len(items))
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    _WORKER = (checker, options)
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork"),
                                 initializer=_die_with_parent, initargs=(os.getpid(),)) as pool:
            chunk = max(1, min(16, len(items) // (jobs * 4)))
            for done, outcome in enumerate(pool.map(_check_in_worker, items, chunksize=chunk), 1):
                yield outcome
                if progress:
                    progress(done, len(items))
    finally:
        _WORKER = None


_WORKER: tuple[Checker, Options] | None = None
# How often a worker without PR_SET_PDEATHSIG looks whether its parent is still there.
PARENT_POLL_SECONDS = 0.5


def _die_with_parent(parent: int) -> None:
    """A worker ends when the parent does: a parent killed by SIGKILL or SIGTERM runs no cleanup,
    and its workers would otherwise sleep for ever under PID 1 (issue 24).

    Linux delivers a signal on the parent's death (prctl PR_SET_PDEATHSIG); elsewhere, and as a
    fallback, a daemon thread polls ``os.getppid()``.  A parent that died before the prctl is
    caught by the first look.
    """
    import signal
    import threading

    if sys.platform.startswith("linux"):
        try:
            import ctypes

            pr_set_pdeathsig = 1
            ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, int(signal.SIGKILL), 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent,), name="zhguard-parent-watch", daemon=True).start()


def _watch_parent(parent: int) -> None:
    import time

    while os.getppid() == parent:
        time.sleep(PARENT_POLL_SECONDS)
    os._exit(1)


def _check_in_worker(item: Target) -> Outcome:
    checker, options = _WORKER
    return check_target(checker, item, options)


def _can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def _outcomes(checker: Checker, item: Target, options: Options) -> Iterator[Outcome]:
    """A file's outcome, or a web archive's: one per HTML page, then the archive's with its summary."""
    from zhguard.warc import check_archive, is_warc

    if item.error is None and is_warc(item.path):
        for result, notes in check_archive(checker, str(item.path)):
            yield Outcome(result, notes=notes)
    else:
        yield check_target(checker, item, options)


def check_target(checker: Checker, item: Target, options: Options) -> Outcome:
    """One file's outcome; an unreadable or undecodable file is an error result, never a raise."""
    from zhguard.document import Document, decode_document, is_segmented, read_document

    if item.error is not None:
        return Outcome(FileResult(item.name, error=item.error))
    encoding = checker.config.encoding
    try:
        if item.path is None:
            data = sys.stdin.buffer.read()
            document = Document(*decode_document(item.name, data, encoding), data)
        elif is_segmented(item.path):
            return _check_segments(checker, item, options)
        else:
            document = read_document(item.path, encoding=encoding)
    except InputError as exc:
        return Outcome(FileResult(item.name, error=exc.reason))
    return _check_document(checker, item, document, options)


def _check_document(checker: Checker, item: Target, document, options: Options) -> Outcome:
    from zhguard.document import EXTRACTED

    findings_in = _finder(checker, item.name)
    text = document.text
    findings = findings_in(text)
    if not (options.fix or options.diff) or item.path is None or not findings:
        return Outcome(FileResult(item.name, text, findings))
    if document.encoding == EXTRACTED:
        return Outcome(FileResult(item.name, text, findings),
                       notes=(f"{item.name}: note: --fix and --diff do not rewrite {item.path.suffix} files; "
                              "correct them in their editor",))
    try:
        text, findings, diff = _fix(item.path, document, findings, findings_in, options)
    except InputError as exc:
        return Outcome(FileResult(item.name, error=exc.reason))
    return Outcome(FileResult(item.name, text, findings), diff)


def _finder(checker: Checker, name: str) -> Callable[[str], tuple]:
    """The findings in one file's text, less its per-file ignores."""
    from zhguard import formats

    ignored = tuple(code for pattern, codes in checker.config.per_file_ignores if matches(name, pattern)
                    for code in codes)

    def findings_in(text: str) -> tuple:
        found = formats.check(checker, name, text)
        return tuple(f for f in found if not code_matches(f.code, ignored)) if ignored else tuple(found)

    return findings_in


def _check_segments(checker: Checker, item: Target, options: Options) -> Outcome:
    """A large plain-text file, one segment in memory at a time; findings carry their line:col."""
    from zhguard.document import read_segments
    from zhguard.text import LineIndex

    findings_in = _finder(checker, item.name)
    findings, positions = [], {}
    try:
        for segment in read_segments(item.path, checker.config.encoding):
            index = LineIndex(segment.text)
            for finding in findings_in(segment.text):
                for offset in (finding.start, finding.end):
                    line, column = index.position(offset)
                    positions[segment.start + offset] = (segment.lines_before + line,
                                                         column + (segment.column_before if line == 1 else 0))
                findings.append(finding._replace(start=segment.start + finding.start,
                                                    end=segment.start + finding.end))
    except InputError as exc:
        return Outcome(FileResult(item.name, error=exc.reason))
    notes = (f"{item.name}: note: checked in segments; too large for --fix or --diff",) \
        if (options.fix or options.diff) and findings else ()
    return Outcome(FileResult(item.name, "", tuple(findings), positions=positions), notes=notes)


def _fix(path: Path, document, findings: tuple, findings_in, options: Options) -> tuple[str, tuple, bytes]:
    """Apply fixes (or make them a diff): the text and findings that remain, and the diff."""
    from zhguard.fix import apply_fixes, write_fixed

    text = document.text
    fixed = text
    for _ in range(3):  # a fix may uncover another (a space inside ASCII parentheses)
        step = apply_fixes(fixed, findings_in(fixed) if fixed != text else findings,
                           unsafe=options.unsafe_fixes, recheck=findings_in)
        if step == fixed:
            break
        fixed = step
    if fixed == text:
        return text, findings, b""
    if options.diff:
        return text, findings, _diff(path, text, fixed, document.encoding)
    # the bytes the findings came from: a file edited since it was read is not overwritten
    write_fixed(path, document.data, fixed, document.encoding)
    return fixed, findings_in(fixed), b""


def _diff(path: Path, text: str, fixed: str, encoding: str) -> bytes:
    """A unified diff in the file's own bytes (``git apply`` compares bytes): the BOM that decoding
    dropped is put back on line 1."""
    import difflib

    if encoding == "utf-8-sig":
        text, fixed, encoding = "\ufeff" + text, "\ufeff" + fixed, "utf-8"
    lines = difflib.unified_diff(_git_lines(text), _git_lines(fixed), f"a/{path.as_posix()}",
                                 f"b/{path.as_posix()}")
    # a last line without a line end is marked as git does, or the next line of the diff joins it
    diff = "".join(line if line.endswith("\n") else f"{line}\n\\ No newline at end of file\n"
                   for line in lines)
    return diff.encode(encoding)


def _git_lines(text: str) -> list[str]:
    """Lines as git sees them: cut after each LF only (str.splitlines also cuts at U+2028, \\x1c …)."""
    lines = [line + "\n" for line in text.split("\n")]
    lines[-1] = lines[-1][:-1]
    return lines if lines[-1] else lines[:-1]
