"""A content-addressed pickle cache of compiled lexicons.

The key hashes everything that could change the compiled result: the cache
format, zhguard's version, the interpreter, the installed pyahocorasick, and
the bytes of every lexicon file in order.  Writes are atomic (temporary file
+ ``os.replace``); *any* failure to load means "rebuild", and a directory that
cannot be written means "compile in memory".  Nothing here is ever committed.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

import ahocorasick

from zhguard import __version__

FORMAT_VERSION = 1
T = TypeVar("T")


def _debug(message: str, *args: object) -> None:
    """Cache trouble is never an error, only worth a debug line (logging is imported only then)."""
    import logging

    logging.getLogger(__name__).debug(message, *args)


def cache_dir() -> Path:
    """``$ZHGUARD_CACHE_DIR``, else ``$XDG_CACHE_HOME/zhguard``, else the platform's cache dir."""
    explicit = os.environ.get("ZHGUARD_CACHE_DIR")
    if explicit:
        return Path(explicit)
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "zhguard" / "cache"
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg else Path.home() / ".cache"
    return base / "zhguard"


def cache_key(files: Sequence[tuple[str, bytes]], extra: str = "") -> str:
    """sha256 over the format, versions and every (name, bytes) pair in the given order."""
    digest = hashlib.sha256()
    for part in (str(FORMAT_VERSION), __version__, sys.version, *_code_stamps(), extra):
        digest.update(part.encode("utf-8") + b"\0")
    for name, data in files:
        digest.update(name.encode("utf-8") + b"\0")
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.hexdigest()


def _code_stamps() -> list[str]:
    """Size and mtime of what decides the compiled form: pyahocorasick, jieba's dictionary (the
    homophone vocabulary), finding.py (kinds are packed by their order) and the compiler's modules.

    Stat instead of hashing or importlib.metadata: a few microseconds each on a warm start.
    """
    from zhguard.wordmodel import dictionary_path

    here = Path(__file__).parent
    paths = [ahocorasick.__file__, dictionary_path(), here.parent / "finding.py",
             *(here / name for name in _COMPILER_MODULES)]
    stamps = []
    for path in paths:
        stat = os.stat(path)
        stamps.append(f"{stat.st_size}:{stat.st_mtime_ns}")
    return stamps


_COMPILER_MODULES = ("compile.py", "parse.py", "model.py", "sound.py", "variants.py", "fanout.py")


def load_or_build(key: str, build: Callable[[], T], *, use_cache: bool = True,
                  directory: Path | None = None, prefix: str = "lexicon", expected: type | None = None) -> T:
    """The cached object for ``key``, or ``build()`` stored for next time.  A cached object that is
    not an ``expected`` (a file another version left under the same name) is rebuilt."""
    if not use_cache:
        return build()
    path = (directory or cache_dir()) / f"{prefix}-{key[:32]}.pickle"
    try:
        with open(path, "rb") as handle:
            value = _load_without_gc(handle)
        if expected is None or isinstance(value, expected):
            return value
        _debug("ignoring cache %s: holds a %s", path, type(value).__name__)
    except FileNotFoundError:
        pass
    except Exception as exc:  # a corrupt, truncated or foreign cache: rebuild it
        _debug("ignoring unreadable cache %s: %s", path, exc)
    value = build()
    _store(path, value)
    return value


def _load_without_gc(handle) -> object:
    """Unpickle with the cyclic GC paused: tens of thousands of fresh tuples otherwise trigger
    collections that cost more than the load itself (225 -> 82 ms for the bundled lexicons)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return pickle.load(handle)  # noqa: S301 - our own file, keyed by content
    finally:
        if enabled:
            gc.enable()


def _store(path: Path, value: object) -> None:
    """Write atomically; a cache that cannot be written is skipped, never an error."""
    import tempfile  # only needed on a cache miss

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
        _prune(path)
    except OSError as exc:
        _debug("cache not written to %s: %s", path, exc)


# Cached files of one kind kept side by side: several projects (each with its own lexicons) share a
# cache, but every upgrade or lexicon edit writes a new key, and old ones would pile up for ever.
KEEP_PER_KIND = 6


def _prune(written: Path) -> None:
    """Remove the oldest files of ``written``'s kind beyond KEEP_PER_KIND (on a cache miss only)."""
    kind = written.name.split("-", 1)[0]
    try:
        files = sorted(written.parent.glob(f"{kind}-*.pickle"), key=lambda p: p.stat().st_mtime_ns)
    except OSError:
        return
    for old in files[:-KEEP_PER_KIND]:
        if old != written:
            try:
                old.unlink()
            except OSError:
                pass


def clear(directory: Path | None = None) -> int:
    """Remove every cached file (lexicons, word model); returns how many were removed."""
    removed = 0
    for path in (directory or cache_dir()).glob("*.pickle"):
        try:
            path.unlink()
            removed += 1
        except OSError as exc:
            _debug("cannot remove %s: %s", path, exc)
    return removed
