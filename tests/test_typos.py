"""The general-typo detector (ZG902/ZG903): its filters, its switch, its precision on ECSpell's tests."""

from __future__ import annotations

import json

import pytest

from conftest import shared_path
from zhguard import Checker, Config


def typos(checker, text):
    return [(f.code, f.found, f.suggestion) for f in checker.check(text) if f.code.startswith("ZG9")]


def test_a_typo_is_reported_with_the_word_as_the_suggestion(checker):
    text = "项目预计年底前全面峻工并投入使用。"
    [finding] = [f for f in checker.check(text) if f.code == "ZG902"]
    assert text[finding.start:finding.end] == finding.found == "峻工"
    assert finding.suggestions == ("竣工",)
    assert finding.applicability.value == "unsafe"
    assert finding.severity.label == "warning"


def test_a_form_that_recurs_in_the_document_is_taken_as_a_term(checker):
    # 峻工 once is a slip; the same form twice in one document is more likely a term the dictionary lacks
    assert typos(checker, "项目预计年底前全面峻工。") == [("ZG902", "峻工", "竣工")]
    assert typos(checker, "项目预计年底前全面峻工。二期工程也已峻工。") == []


def test_a_character_that_joins_its_neighbour_is_left_alone(checker):
    assert typos(checker, "形势严峻工作任务艰巨。") == []


def test_a_listed_idiom_misspelling_wins_over_the_generated_finding(checker):
    assert typos(checker, "有关人员迫不急待地发布了消息。") == [("ZG901", "迫不急待", "迫不及待")]


def test_ignoring_zg9_skips_the_detector():
    checker = Checker(Config(ignore=("ZG9",)))
    assert checker._typos is None
    assert typos(checker, "项目预计年底前全面峻工并投入使用。") == []
    assert [f.code for f in checker.check("深入学习习进平总书记重要讲话精神。")] == ["ZG101"]


def test_selecting_another_category_skips_the_detector():
    assert Checker(Config(select=("ZG1",)))._typos is None
    assert Checker(Config(select=("ZG902",)))._typos is not None


@pytest.mark.parametrize("name", ["odw.test.jsonl", "law.test.jsonl"])
def test_precision_on_ecspell_test_sets(checker, name):
    """A guard, not the report (benchmarks/typos_quality.py): precision >= 80%, recall not below 20%."""
    path = shared_path("data", "ecspell", name)
    spans = found = true = false = 0
    for line in path.open(encoding="utf-8"):
        record = json.loads(line)
        findings = [f for f in checker.check(record["text"]) if f.code.startswith("ZG9")]
        errors = record["errors"]
        spans += len(errors)
        found += sum(any(f.start < e["end"] and e["start"] < f.end for f in findings) for e in errors)
        for f in findings:
            if any(f.start < e["end"] and e["start"] < f.end for e in errors):
                true += 1
            else:
                false += 1
    assert true / (true + false) >= 0.8
    assert found / spans >= 0.2
