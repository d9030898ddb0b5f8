"""A fixed term in quotation marks with a character put in, dropped or two swapped (detect/quoted.py)."""

from __future__ import annotations

import pytest


def found(checker, text):
    return [(f.code, f.found, f.suggestion) for f in checker.check(text) if f.code.startswith(("ZG2", "ZG4"))]


@pytest.mark.parametrize(("text", "expected"), [
    # a character between the halves of a four-character formulation: no anchor of the engine is left
    ("深刻领悟“两个增确立”的决定性意义。", [("ZG205", "两个增确立", "两个确立")]),
    ("发挥“专精体特新”专板集聚功能。", [("ZG205", "专精体特新", "专精特新")]),
    # a character dropped, and two swapped, between the marks
    ("增强“四个意”、坚定“四个自信”。", [("ZG204", "四个意", "四个意识")]),
    ("做到「两个护维」，自觉在思想上政治上行动上同党中央保持高度一致。", [("ZG206", "两个护维", "两个维护")]),
])
def test_a_quoted_term_one_edit_away_is_found(checker, text, expected):
    assert found(checker, text) == expected


@pytest.mark.parametrize("text", [
    # the terms themselves, a quoted word that a term's remnant happens to be, and phrases one character
    # replaced away from a term (三位一体 of 五位一体, 扶贫攻坚战 of 脱贫攻坚战), which this rule never reads
    "深刻领悟“两个确立”的决定性意义，增强“四个意识”。",
    "“教育”是根本，“三位一体”协同推进，打好“扶贫攻坚战”。",
])
def test_quoted_phrases_that_are_no_slip_are_quiet(checker, text):
    assert found(checker, text) == []
