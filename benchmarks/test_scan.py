"""check() beside a bare exact scan of the same compiled surfaces, on the clean corpus."""

from __future__ import annotations

import ahocorasick
import pytest

from zhguard.checker import Checker


@pytest.fixture(scope="module")
def checker():
    return Checker()


@pytest.fixture(scope="module")
def bare_automaton(checker):
    automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
    for index, pattern in enumerate(checker.compiled.patterns):
        automaton.add_word(pattern.surface, index)
    automaton.make_automaton()
    return automaton


def test_bare_scan(benchmark, record, bare_automaton, clean_text):
    benchmark.extra_info["chars"] = len(clean_text)
    benchmark(lambda: sum(1 for _ in bare_automaton.iter(clean_text)))
    record("bare_scan")


def test_check(benchmark, record, checker, clean_text):
    benchmark.extra_info["chars"] = len(clean_text)
    findings = benchmark(checker.check, clean_text)
    benchmark.extra_info["findings"] = len(findings)
    record("check")
