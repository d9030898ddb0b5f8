"""Parse + compile of the bundled lexicons beside loading them from the cache."""

from __future__ import annotations

import pickle

from zhguard.lexicon.compile import compile_lexicon
from zhguard.lexicon.load import bundled_files
from zhguard.lexicon.parse import build_lexicon

FILES = bundled_files()


def test_compile(benchmark, record):
    compiled = benchmark(lambda: compile_lexicon(build_lexicon(FILES)))
    benchmark.extra_info["patterns"] = len(compiled.patterns)
    record("compile")


def test_cache_load(benchmark, record):
    data = pickle.dumps(compile_lexicon(build_lexicon(FILES)), protocol=pickle.HIGHEST_PROTOCOL)
    benchmark.extra_info["bytes"] = len(data)
    benchmark(pickle.loads, data)
    record("cache_load")
