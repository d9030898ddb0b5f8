"""Issue 21: the wheel ships the default caches (hatch_build.py), read before anything is built and never
written; a miss builds into the cache directory as before."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

import zhguard
from zhguard.lexicon import cache

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def dirs(tmp_path, monkeypatch):
    """An empty cache directory and a prebuilt directory holding ``words-<key>.pickle``."""
    cached, prebuilt = tmp_path / "cache", tmp_path / "prebuilt"
    cached.mkdir()
    prebuilt.mkdir()
    monkeypatch.setenv("ZHGUARD_CACHE_DIR", str(cached))
    monkeypatch.setattr(cache, "PREBUILT_DIR", prebuilt)
    (prebuilt / f"words-{'a' * 32}.pickle").write_bytes(pickle.dumps({"from": "the wheel"}))
    return cached, prebuilt


def _snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.iterdir()}


def _never(*_args):
    raise AssertionError("built although the prebuilt file has the key")


def test_an_empty_cache_directory_reads_the_prebuilt_file_and_writes_nowhere(dirs):
    cached, prebuilt = dirs
    before = _snapshot(prebuilt)
    assert cache.load_or_build("a" * 64, _never, prefix="words") == {"from": "the wheel"}
    assert _snapshot(prebuilt) == before
    assert list(cached.iterdir()) == []


def test_the_cache_directory_comes_first(dirs):
    cached, _ = dirs
    (cached / f"words-{'a' * 32}.pickle").write_bytes(pickle.dumps("cached"))
    assert cache.load_or_build("a" * 64, _never, prefix="words") == "cached"


@pytest.mark.parametrize("damage", [None, b"not a pickle", pickle.dumps(["a list"])])
def test_another_key_or_a_damaged_prebuilt_file_builds_into_the_cache_directory(dirs, damage):
    cached, prebuilt = dirs
    [shipped] = prebuilt.iterdir()
    key = "a" * 64
    if damage is None:
        key = "b" * 64
    else:
        shipped.write_bytes(damage)
    before = _snapshot(prebuilt)
    assert cache.load_or_build(key, lambda: {"built": True}, prefix="words", expected=dict) == {"built": True}
    assert _snapshot(prebuilt) == before
    assert [p.name for p in cached.glob("*.pickle")] == [f"words-{key[:32]}.pickle"]


def test_no_cache_builds_even_with_a_prebuilt_file(dirs):
    assert cache.load_or_build("a" * 64, lambda: "built", prefix="words", use_cache=False) == "built"


def test_the_code_digest_hashes_only_python_files(tmp_path, monkeypatch):
    """The wheel's prebuilt files live inside the package; they must not change the key they are under."""
    package = tmp_path / "zhguard"
    (package / "lexicon").mkdir(parents=True)
    (package / "__init__.py").write_text("", encoding="utf-8")
    monkeypatch.setattr(cache, "__file__", str(package / "lexicon" / "cache.py"))
    cache.code_digest.cache_clear()
    try:
        before = cache.code_digest()
        (package / "_prebuilt").mkdir()
        (package / "_prebuilt" / f"words-{'a' * 32}.pickle").write_bytes(b"data")
        cache.code_digest.cache_clear()
        assert cache.code_digest() == before
    finally:
        cache.code_digest.cache_clear()


def test_an_installed_wheel_starts_warm_from_its_prebuilt_caches(tmp_path):
    """The installed package (CI's `pip install .`) carries the caches of a default check, under the keys
    this interpreter and these dependencies compute: a check with an empty cache directory builds
    nothing.  A wheel built by another interpreter or with other dependency releases would miss."""
    package = Path(zhguard.__file__).resolve().parent
    if (ROOT / "src") in package.parents:
        pytest.skip("zhguard is imported from the source tree (an editable install): no wheel, so no "
                    "prebuilt caches; `pip install .` to test them")
    kinds = {p.name.split("-")[0] for p in (package / "_prebuilt").glob("*.pickle")}
    assert kinds >= {"chars", "lexicon", "townships", "words"}
    script = ("from zhguard.charmodel import load_char_model; from zhguard.checker import Checker; "
              "from zhguard.detect.townships import load_townships; "
              "from zhguard.wordmodel import load_word_model; "
              "print([f.code for f in Checker().check('湖北省武汉市洪山区卓刀泉街道，深入学习习进平总书记讲话')]); "
              "load_word_model(); load_char_model(); load_townships()")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path,
                          env={**os.environ, "ZHGUARD_CACHE_DIR": str(tmp_path)}, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert "ZG101" in done.stdout
    assert sorted(p.name for p in tmp_path.glob("*.pickle")) == [], "a prebuilt cache missed its key"
