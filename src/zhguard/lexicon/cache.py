"""A content-addressed pickle cache of compiled lexicons.

The key hashes everything that could change the compiled result: the cache
format, zhguard's version, the interpreter, the bytes of zhguard's code, of the
installed pyahocorasick and of jieba's dictionary, and the bytes of every
lexicon file in order.  Contents only, never mtimes or install paths: a fresh
venv (or pre-commit environment) of the same version reuses a cache another
one warmed (issue 24).  Writes are atomic (temporary file
+ ``os.replace``); *any* failure to load means "rebuild", and a directory that
cannot be written means "compile in memory".  Nothing here is ever committed.

A wheel also ships the default caches, built by the wheel's build hook (``hatch_build.py``) in
``zhguard/_prebuilt/``: a file of the same name there is read (never written) before anything is
built, so the first check after ``pip install .`` is already warm (issue 21).
"""

from __future__ import annotations

import functools
import gc
import os
import pickle
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

import ahocorasick

from zhguard import __version__

try:  # the C module hashlib wraps: importing hashlib loads OpenSSL, ~2.4 ms of every start (issue 21)
    from _sha2 import sha256  # Python 3.12+
except ImportError:
    try:
        from _sha256 import sha256  # Python 3.11
    except ImportError:  # a build without the builtin hashes
        from hashlib import sha256

FORMAT_VERSION = 1
T = TypeVar("T")
# Read-only; absent in a source checkout or an editable install, which build into cache_dir() as before.
PREBUILT_DIR = Path(__file__).resolve().parent.parent / "_prebuilt"


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
    """sha256 over the format, versions, code and every (name, bytes) pair in the given order.

    Bundled lexicons are named by their path inside the package, so the key does not depend on
    where the package is installed.
    """
    from zhguard.wordmodel import dictionary_path

    digest = sha256()
    for part in (str(FORMAT_VERSION), __version__, sys.version, code_digest(),
                 file_digest(ahocorasick.__file__), file_digest(dictionary_path()), extra):
        digest.update(part.encode("utf-8") + b"\0")
    _update(digest, files)
    return digest.hexdigest()


def files_digest(files: Sequence[tuple[str, bytes]]) -> str:
    """sha256 over every (name, bytes) pair in the given order (see remembered_digest)."""
    digest = sha256()
    _update(digest, files)
    return digest.hexdigest()


def _update(digest, files: Sequence[tuple[str, bytes]]) -> None:
    for name, data in files:
        digest.update(name.encode("utf-8") + b"\0")
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)


def content_key(kind: str, *parts: str | bytes) -> str:
    """A cache key for ``kind`` (words, chars, typos …): zhguard's version and code, the interpreter,
    and ``parts`` (give file contents through ``file_digest``, never a path or an mtime)."""
    digest = sha256()
    for part in (kind, str(FORMAT_VERSION), __version__, sys.version, code_digest(), *parts):
        data = part if isinstance(part, bytes) else part.encode("utf-8")
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.hexdigest()


@functools.cache
def code_digest() -> str:
    """sha256 over the bytes of every ``.py`` file of the installed zhguard package, named by its
    path inside the package: the same release installed anywhere gives the same digest, and an
    edited module (in a development checkout) a new one.  Remembered by the files' sizes and mtimes
    (see remembered_digest), so a warm run stats them instead of reading them."""
    root = Path(__file__).resolve().parent.parent
    paths = sorted(root.rglob("*.py"))

    def compute() -> str:
        digest = sha256()
        for path in paths:
            name = path.relative_to(root).as_posix().encode("utf-8")
            data = path.read_bytes()
            digest.update(name + b"\0" + len(data).to_bytes(8, "little"))
            digest.update(data)
        return digest.hexdigest()

    return remembered_digest(paths, compute)


@functools.cache
def file_digest(path: str | os.PathLike[str]) -> str:
    """sha256 of a file's bytes (a dictionary, a compiled extension), once per process, and
    remembered across runs by the file's size and mtime."""
    def compute() -> str:
        digest = sha256()
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
        return digest.hexdigest()

    return remembered_digest([Path(path)], compute)


def remembered_digest(paths: Sequence[Path], compute: Callable[[], str]) -> str:
    """``compute()`` (a digest of these files' contents), remembered in the cache directory under a
    fingerprint of their paths, sizes and mtimes, as git's index remembers what it hashed: the
    digest (the key) stays a function of contents alone, and a warm run skips hashing 5 MB of
    jieba's dictionary and the package's code (~8 ms of a 140 ms run, issue 21).  Any change to a
    file's size or mtime computes it afresh."""
    fingerprint = sha256()
    try:
        for path in paths:
            stat = path.stat()
            fingerprint.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\0{stat.st_ino}\n".encode())
    except OSError:
        return compute()
    memo = cache_dir() / f"digest-{fingerprint.hexdigest()[:32]}.txt"
    try:
        known = memo.read_text("ascii")
        if len(known) == 64 and all(c in "0123456789abcdef" for c in known):
            return known
    except (OSError, UnicodeDecodeError):
        pass
    value = compute()
    _store_bytes(memo, value.encode("ascii"), suffix=".txt", keep=KEEP_DIGESTS)
    return value


def load_or_build(key: str, build: Callable[[], T], *, use_cache: bool = True,
                  directory: Path | None = None, prefix: str = "lexicon", expected: type | None = None) -> T:
    """The cached object for ``key`` (from the cache directory, else the wheel's prebuilt copy), or
    ``build()`` stored for next time.  A cached object that is not an ``expected`` (a file another
    version left under the same name) is rebuilt."""
    if not use_cache:
        return build()
    path = (directory or cache_dir()) / f"{prefix}-{key[:32]}.pickle"
    for source in (path, PREBUILT_DIR / path.name):  # the wheel's copy: same key, same name
        try:
            with open(source, "rb") as handle:
                value = _load_without_gc(handle)
            if expected is None or isinstance(value, expected):
                return value
            _debug("ignoring cache %s: holds a %s", source, type(value).__name__)
        except FileNotFoundError:
            pass
        except Exception as exc:  # a corrupt, truncated or foreign cache: rebuild it
            _debug("ignoring unreadable cache %s: %s", source, exc)
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
    _store_bytes(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))


def _store_bytes(path: Path, data: bytes, suffix: str = ".pickle", keep: int | None = None) -> None:
    import tempfile  # only needed on a cache miss

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
        _prune(path, suffix, keep or KEEP_PER_KIND)
    except OSError as exc:
        _debug("cache not written to %s: %s", path, exc)


# Cached files of one kind kept side by side: several projects (each with its own lexicons) share a
# cache, but every upgrade or lexicon edit writes a new key, and old ones would pile up for ever.
KEEP_PER_KIND = 6
# Remembered digests are 64 bytes each, and every installation (a venv, pre-commit's) has its own.
KEEP_DIGESTS = 64


def _prune(written: Path, suffix: str = ".pickle", keep: int = 0) -> None:
    """Remove the oldest files of ``written``'s kind beyond ``keep`` (on a cache miss only)."""
    keep = keep or KEEP_PER_KIND
    kind = written.name.split("-", 1)[0]
    try:
        files = sorted(written.parent.glob(f"{kind}-*{suffix}"), key=lambda p: p.stat().st_mtime_ns)
    except OSError:
        return
    for old in files[:-keep]:
        if old != written:
            try:
                old.unlink()
            except OSError:
                pass


def clear(directory: Path | None = None) -> int:
    """Remove every cached file (lexicons, word model); returns how many were removed."""
    removed = 0
    directory = directory or cache_dir()
    for path in [*directory.glob("*.pickle"), *directory.glob("digest-*.txt")]:
        try:
            path.unlink()
            removed += 1
        except OSError as exc:
            _debug("cannot remove %s: %s", path, exc)
    return removed
