"""The compiled-lexicon cache: reused when valid, rebuilt on any damage, skipped when unwritable."""

from __future__ import annotations

import os
import pickle

import pytest

from zhguard.lexicon import cache
from zhguard.lexicon.compile import compile_lexicon
from zhguard.lexicon.load import bundled_files, load_compiled
from zhguard.lexicon.parse import build_lexicon

FILES = bundled_files()


def _surfaces(compiled):
    return [p.surface for p in compiled.patterns]


@pytest.fixture(autouse=True)
def _without_prebuilt(tmp_path, monkeypatch):
    """These tests are about the cache directory: an installed wheel's prebuilt copies (issue 21,
    tests/test_prebuilt.py) would serve the bundled lexicon without it."""
    monkeypatch.setattr(cache, "PREBUILT_DIR", tmp_path / "no-prebuilt")


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("ZHGUARD_CACHE_DIR", str(tmp_path))
    return tmp_path


def test_second_load_comes_from_the_cache_file(cache_dir):
    first = load_compiled(FILES)
    [path] = cache_dir.glob("lexicon-*.pickle")
    stamp = path.stat().st_mtime_ns
    second = load_compiled(FILES)
    assert path.stat().st_mtime_ns == stamp
    assert _surfaces(second) == _surfaces(first)
    assert list(second.automaton.iter("学习习进平讲话")) == list(first.automaton.iter("学习习进平讲话"))


@pytest.mark.parametrize("damage", [b"", b"not a pickle", pickle.dumps({"wrong": "type"})[:5],
                                    pickle.dumps({"from": "another version"})])
def test_a_damaged_cache_is_rebuilt(cache_dir, damage):
    expected = _surfaces(load_compiled(FILES))
    [path] = cache_dir.glob("lexicon-*.pickle")
    path.write_bytes(damage)
    assert _surfaces(load_compiled(FILES)) == expected
    assert path.stat().st_size > 100


def test_key_changes_with_any_lexicon_byte():
    changed = [(name, data + b"# x\n" if name == "SOURCES.tsv" else data) for name, data in FILES]
    assert cache.cache_key(FILES) != cache.cache_key(changed)
    assert cache.cache_key(FILES) == cache.cache_key(list(FILES))


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write to a read-only directory")
def test_an_unwritable_cache_directory_compiles_in_memory(cache_dir):
    cache_dir.chmod(0o500)
    try:
        assert _surfaces(load_compiled(FILES))
        assert not list(cache_dir.glob("*.pickle"))
    finally:
        cache_dir.chmod(0o700)


def test_a_cache_path_that_is_a_file_compiles_in_memory(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    monkeypatch.setenv("ZHGUARD_CACHE_DIR", str(blocker / "sub"))
    assert _surfaces(load_compiled(FILES)) == _surfaces(compile_lexicon(build_lexicon(FILES)))


def test_a_missing_cache_directory_is_created(tmp_path, monkeypatch):
    missing = tmp_path / "not" / "yet" / "there"
    monkeypatch.setenv("ZHGUARD_CACHE_DIR", str(missing))
    load_compiled(FILES)
    assert len(list(missing.glob("lexicon-*.pickle"))) == 1


def test_no_temporary_files_are_left_behind(cache_dir):
    load_compiled(FILES)
    assert [p.name for p in cache_dir.iterdir() if not p.name.endswith(".pickle")] == []


def test_clear_removes_cached_lexicons(cache_dir):
    load_compiled(FILES)
    assert cache.clear() == 1
    assert list(cache_dir.glob("*.pickle")) == []


def test_old_cache_files_are_pruned_when_a_new_one_is_written(cache_dir):
    for i in range(10):
        stale = cache_dir / f"lexicon-{i:032}.pickle"
        stale.write_bytes(b"old")
        os.utime(stale, ns=(i * 10**9, i * 10**9))
    (cache_dir / "words-keep.pickle").write_bytes(b"other kind")
    load_compiled(FILES)
    kept = sorted(p.name for p in cache_dir.glob("lexicon-*.pickle"))
    assert len(kept) == cache.KEEP_PER_KIND
    assert f"lexicon-{0:032}.pickle" not in kept and f"lexicon-{9:032}.pickle" in kept
    assert (cache_dir / "words-keep.pickle").exists()


def test_a_copy_of_the_package_elsewhere_has_the_same_keys_issue_24(tmp_path):
    """Issue 24: the key held mtimes and paths, so every new venv paid a full rebuild.  A copy of the
    package at another path with fresh mtimes (as a new venv installs it) computes the same keys."""
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    import zhguard

    shutil.copytree(Path(zhguard.__file__).parent, tmp_path / "zhguard", copy_function=shutil.copyfile,
                    ignore=shutil.ignore_patterns("__pycache__"))
    script = ("import zhguard; from zhguard.lexicon import cache; "
              "from zhguard.lexicon.load import bundled_files; print(zhguard.__file__); "
              "print(cache.cache_key(bundled_files())); print(cache.code_digest()); "
              "from zhguard.detect import typos; from zhguard.wordmodel import dictionary_path; "
              "print(typos.typos_key(dictionary_path(), typos._shape_files(), ('扶贫',)))")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": str(tmp_path)}, cwd=tmp_path).stdout.split()
    assert out[0].startswith(str(tmp_path))
    from zhguard.detect import typos
    from zhguard.wordmodel import dictionary_path
    assert out[1:] == [cache.cache_key(FILES), cache.code_digest(),
                       typos.typos_key(dictionary_path(), typos._shape_files(), ("扶贫",))]


def test_the_code_digest_changes_with_the_code(tmp_path, monkeypatch):
    import shutil
    from pathlib import Path

    import zhguard

    copy = tmp_path / "zhguard"
    shutil.copytree(Path(zhguard.__file__).parent / "lexicon", copy / "lexicon")
    monkeypatch.setattr(cache, "__file__", str(copy / "lexicon" / "cache.py"))
    cache.code_digest.cache_clear()
    try:
        before = cache.code_digest()
        (copy / "lexicon" / "parse.py").write_text("# changed\n", encoding="utf-8")
        cache.code_digest.cache_clear()
        assert cache.code_digest() != before
    finally:
        cache.code_digest.cache_clear()


def test_a_files_digest_is_its_contents_remembered_by_size_and_mtime(cache_dir, tmp_path):
    import hashlib

    data = tmp_path / "data" / "dict.txt"
    data.parent.mkdir()
    data.write_bytes(b"one")
    cache.file_digest.cache_clear()
    assert cache.file_digest(data) == hashlib.sha256(b"one").hexdigest()
    [memo] = cache_dir.glob("digest-*.txt")
    # remembered: a later process reads the memo, not the file
    memo.write_text(hashlib.sha256(b"remembered").hexdigest(), "ascii")
    cache.file_digest.cache_clear()
    assert cache.file_digest(data) == hashlib.sha256(b"remembered").hexdigest()
    # a change of size (or mtime) is hashed afresh; a damaged memo is ignored
    data.write_bytes(b"three")
    cache.file_digest.cache_clear()
    assert cache.file_digest(data) == hashlib.sha256(b"three").hexdigest()
    for memo in cache_dir.glob("digest-*.txt"):
        memo.write_text("not a digest", "ascii")
    cache.file_digest.cache_clear()
    assert cache.file_digest(data) == hashlib.sha256(b"three").hexdigest()
    cache.file_digest.cache_clear()


def test_a_warm_start_reads_no_bundled_lexicon_file(cache_dir, monkeypatch):
    """The bundled files' digest is remembered by their sizes and mtimes (issue 21): once the cache
    is warm, loading the bundled lexicon stats them and reads the pickle, and reads no file itself."""
    from zhguard.lexicon import load

    first = load.load_compiled([], bundled=True)

    def unread():
        raise AssertionError("a warm start read the bundled lexicon files")

    monkeypatch.setattr(load, "bundled_files", unread)
    assert _surfaces(load.load_compiled([], bundled=True)) == _surfaces(first)
    # and the key is the contents': the same as the files' own digest, however it was reached
    assert load.bundled_digest() == cache.files_digest(FILES)
