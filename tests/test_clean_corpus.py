"""Clean official text (15 national laws in ../shared/data/clean) raises no ERROR finding.

The figures per rule (findings per 100,000 Han characters) are measured by
benchmarks/quality.py; this test only guards the promise editors rely on.
"""

from __future__ import annotations

import pytest

from conftest import shared_path
from zhguard.finding import Severity


@pytest.fixture(scope="module")
def laws():
    folder = shared_path("data", "clean")
    return {path.name: path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.txt"))}


def test_no_error_finding_on_clean_laws(checker, laws):
    errors = [(name, f.code, f.found, f.suggestion)
              for name, text in laws.items() for f in checker.check(text) if f.severity >= Severity.ERROR]
    assert errors == []


def test_a_law_stating_a_repeal_is_not_reported(checker, laws):
    text = laws["supervision_law_2024.txt"]
    assert "《中华人民共和国行政监察法》同时废止" in text
    assert [f.code for f in checker.check(text) if f.code == "ZG611"] == []
