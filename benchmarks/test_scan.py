"""check() beside a bare exact scan of the same compiled surfaces, on the clean corpus."""

from __future__ import annotations

import ahocorasick
import pytest

from zhguard.checker import Checker
from zhguard.config import Config


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


def test_bare_scan_lead_first(benchmark, record, checker, clean_text):
    """The same scan on zhguard's own automaton (common characters first at the root)."""
    automaton = checker.compiled.automaton
    benchmark(lambda: sum(1 for _ in automaton.iter(clean_text)))
    record("bare_scan_lead_first")


def test_check_terms_only(benchmark, record, clean_text):
    """check() without the general-typo detector: the sensitive-term engine."""
    checker = Checker(Config(ignore=("ZG9",)))
    findings = benchmark(checker.check, clean_text)
    benchmark.extra_info["findings"] = len(findings)
    record("check_terms_only")


def test_check(benchmark, record, checker, clean_text):
    benchmark.extra_info["chars"] = len(clean_text)
    findings = benchmark(checker.check, clean_text)
    benchmark.extra_info["findings"] = len(findings)
    record("check")


# The 2026 reports, one check() each as pages (issue 21: >= 1 Mchar/s, >= 0.3x the dictionary scan's speed;
# benchmarks/throughput.py prints the same with each rule family's share).

def test_bare_scan_2026(benchmark, record, bare_automaton, clean_2026_texts):
    benchmark(lambda: sum(1 for text in clean_2026_texts for _ in bare_automaton.iter(text)))
    record("bare_scan_2026")


def test_bare_dictionary_2026(benchmark, record, clean_2026_texts):
    from zhguard.wordmodel import dictionary_path, read_dictionary

    counts, _ = read_dictionary(dictionary_path())
    automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
    for index, word in enumerate(sorted(counts, key=counts.__getitem__, reverse=True)[:20_000]):
        automaton.add_word(word, index)
    automaton.make_automaton()
    benchmark(lambda: sum(1 for text in clean_2026_texts for _ in automaton.iter(text)))
    record("bare_dictionary_2026")


def test_check_2026(benchmark, record, checker, clean_2026_texts):
    benchmark.extra_info["chars"] = sum(map(len, clean_2026_texts))
    benchmark(lambda: [checker.check(text) for text in clean_2026_texts])
    record("check_2026")
