"""Benchmarks report ratios measured in one run; absolute times depend on the machine.

Run: ``python -m pytest benchmarks --benchmark-enable``.  Each benchmark records
its mean under a name; the summary prints the ratios named in RATIOS.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CLEAN = ROOT.parent / "shared" / "data" / "clean"
CLEAN_2026 = ROOT.parent / "shared" / "data" / "clean-2026"
# (numerator, denominator, what the ratio means)
RATIOS = [
    ("check", "bare_scan", "check() time / bare pyahocorasick scan of the same surfaces"),
    ("check_terms_only", "bare_scan", "check() without ZG9 / bare pyahocorasick scan of the same surfaces"),
    ("check_terms_only", "bare_scan_lead_first", "check() without ZG9 / bare scan of zhguard's own automaton"),
    ("bare_scan_lead_first", "bare_scan", "scan with common characters first at the root / plain automaton"),
    ("check_2026", "bare_dictionary_2026", "default check() of the 2026 reports / bare scan of jieba's 20,000 "
                                           "most frequent words (issue 21: <= 3.3)"),
    ("check_2026", "bare_scan_2026", "default check() of the 2026 reports / bare scan of the same surfaces"),
    ("check_10mb", "check_1mb", "10 MB / 1 MB of text (10 = linear)"),
    ("check_1mb", "check_10kb", "1 MB / 10 KB of text (100 = linear)"),
    ("check_terms_100k", "check_terms_1k", "100k / 1k synthetic terms (target < 2)"),
    ("check_terms_10k", "check_terms_1k", "10k / 1k synthetic terms"),
    ("cache_load", "compile", "cache load time / parse+compile time"),
    ("check_typos_on", "check_typos_off", "check() with the general-typo detector / with ZG9 ignored"),
]
_means: dict[str, float] = {}


@pytest.fixture(scope="session", autouse=True)
def _isolated_cache(tmp_path_factory):
    os.environ["ZHGUARD_CACHE_DIR"] = str(tmp_path_factory.mktemp("zhguard-cache"))


@pytest.fixture(scope="session")
def clean_text() -> str:
    """The clean official corpus as one text (154k Han characters), or skip where it is absent."""
    if not CLEAN.is_dir():
        pytest.skip("../shared/data/clean is not present (it is only in the developers' workspace)")
    return "\n".join(p.read_text("utf-8") for p in sorted(CLEAN.glob("*.txt")))


@pytest.fixture(scope="session")
def clean_2026_texts() -> list[str]:
    """The 22 reports of clean-2026 (one check each, as pages), or skip where they are absent."""
    if not CLEAN_2026.is_dir():
        pytest.skip("../shared/data/clean-2026 is not present (it is only in the developers' workspace)")
    return [p.read_text("utf-8") for p in sorted(CLEAN_2026.glob("*.txt"))]


@pytest.fixture
def record(benchmark):
    """``record(name)`` after a benchmark run stores its mean for the ratio summary."""
    def _record(name: str) -> None:
        if benchmark.stats is not None:
            _means[name] = benchmark.stats.stats.mean
    return _record


def pytest_terminal_summary(terminalreporter):
    lines = [f"  {a}/{b} = {_means[a] / _means[b]:.3f}   ({why})"
             for a, b, why in RATIOS if a in _means and b in _means]
    if lines:
        terminalreporter.write_sep("-", "zhguard ratios (same run)")
        for line in lines:
            terminalreporter.write_line(line)
