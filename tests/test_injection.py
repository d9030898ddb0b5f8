"""The injection benchmark (benchmarks/injection.py) makes valid cases: each is its original sentence
with one slip in one known term, never another correct term, and the same cases on every run."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

from conftest import shared_path

sys.path.append(str(Path(__file__).resolve().parent.parent / "benchmarks"))

import injection  # noqa: E402

# Sentences written for this test in the style of a work report (no text of the shared data).
SAMPLE = [
    ("福建省", "我们要深刻领悟“两个确立”的决定性意义，增强“四个意识”、坚定“四个自信”。"),
    ("福建省", "认真贯彻落实党中央、国务院决策部署，推动高质量发展取得新成效。"),
    ("福建省", "深入学习贯彻习近平总书记重要讲话精神，奋力谱写中国式现代化新篇章。"),
    ("福建省", "支持福州市、厦门市、泉州市建设区域中心城市，推动福建省与广东省协同发展。"),
    ("福建省", "配合海关总署、国家统计局做好相关工作，落实《中华人民共和国统计法》。"),
    ("福建省", "推进晋江市、南安市县域经济发展，一鼓作气抓好各项任务。"),
]


@pytest.fixture(scope="module")
def parts(checker):
    compiled = checker.compiled
    terms = injection.lexicon_terms(compiled)
    correct = injection.correct_forms(compiled)
    chars = injection.Chars(injection.char_counts(SAMPLE * 3))
    return terms, correct, chars, injection.place_ancestors(compiled)


def build(parts, sentences=SAMPLE, per_cell=3):
    terms, correct, chars, ancestors = parts
    return injection.build_cases("sample", sentences, terms, correct, chars, per_cell, 7, ancestors)


def test_cases_are_one_slip_of_a_term(parts):
    cases = build(parts)
    _terms, correct, _chars, _ancestors = parts
    assert len(cases) > 50
    for case in cases:
        assert case.original[case.start:case.start + len(case.term)] == case.term
        assert case.text[case.start:case.end] == case.wrong
        assert case.text[:case.start] + case.term + case.text[case.end:] == case.original
        assert case.wrong != case.term and case.text != case.original
        assert case.wrong not in correct
        assert case.kind in injection.KINDS and case.category in injection.CATEGORIES


def test_kinds_do_what_they_say(parts):
    for case in build(parts):
        delta = len(case.wrong) - len(case.term)
        expected = {"dropped": -1, "doubled": 1, "inserted": 1}.get(case.kind, 0)
        assert delta == expected, case
        if case.kind == "swapped":
            assert sorted(case.wrong) == sorted(case.term)
        if case.kind == "doubled":
            assert any(case.wrong[i] == case.wrong[i + 1] for i in range(len(case.wrong) - 1))


def test_real_occurrences_come_first_and_carriers_fill_in(parts):
    cases = build(parts)
    modes = Counter((c.category, c.mode) for c in cases)
    assert modes[("formulation", "real")] > 0
    assert modes[("province", "real")] > 0
    assert modes[("leader_national", "carrier")] > 0  # 习近平总书记 is the leaders' slot
    # a place inside a word is not a place: 应城市 in 适应城市发展
    assert not any(c.term == "应城市" for c in build(parts, [("湖北省", "主动适应城市发展阶段变化，做好工作。")]))


def test_no_numeral_swap_and_no_other_correct_term(parts):
    assert injection.numeral_changed("第二个百年奋斗目标", "第一个百年奋斗目标")
    assert not injection.numeral_changed("两个确立", "两个确力")


def test_the_same_cases_on_every_run(parts):
    assert build(parts) == build(parts)


def test_at_least_a_thousand_cases_per_part(parts):
    shared_path("data", "clean-2026")
    from splits import HELD_OUT, TUNE, clean_2026

    for part in (HELD_OUT, TUNE):
        cases = build(parts, injection.sentences(clean_2026(part)), injection.PER_CELL)
        assert len(cases) >= 1000
