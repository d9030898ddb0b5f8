"""The whole check with the general-typo detector (ZG915/ZG916) on and off, on the clean corpus.

Run: ``python -m pytest benchmarks --benchmark-enable``; the summary prints check_typos_on/check_typos_off.
"""

from __future__ import annotations

import pytest

from zhguard import Checker, Config


@pytest.fixture(scope="module")
def checkers():
    on, off = Checker(Config(select=("ZG",))), Checker(Config(ignore=("ZG9",)))
    return on, off


def test_check_typos_off(benchmark, record, checkers, clean_text):
    _, off = checkers
    off.check(clean_text)  # warm: the word model and tables are loaded once per process
    findings = benchmark(off.check, clean_text)
    benchmark.extra_info["findings"] = len(findings)
    record("check_typos_off")


def test_check_typos_on(benchmark, record, checkers, clean_text):
    on, _ = checkers
    on.check(clean_text)
    findings = benchmark(on.check, clean_text)
    benchmark.extra_info["findings"] = len(findings)
    benchmark.extra_info["typos"] = sum(f.code.startswith("ZG9") for f in findings)
    record("check_typos_on")
