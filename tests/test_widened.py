"""A slip's span takes in the character of the name it lacks where that character stands just beside it:
the fix of the narrower span would leave the character behind (应提|急管理部 → 应提应急管理部)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from zhguard import Checker


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker()


@pytest.mark.parametrize(("text", "found", "fix"), [
    ("得到自然资源部、应提急管理部通报表扬。", "应提急管理部", "应急管理部"),  # a body: one put in
    ("感谢国政家文物局对天津的支持。", "国政家文物局", "国家文物局"),
    ("根本在于习区近平总书记领航掌舵。", "习区近平总书记", "习近平总书记"),  # a leader's name
    ("推进西宁市、深市圳地质灾害避险。", "深市圳", "深圳市"),  # a city: two neighbours swapped
    ("南宁实市获评全国文明城市。", "南宁实市", "南宁市"),  # put in before the level character
    ("2025年，近习平总书记主持召开会议。", "近习平总书记", "习近平总书记"),  # a listed form (习平) beside 近
])
def test_the_span_takes_in_the_character_beside_it(checker, text, found, fix):
    findings = [(f.found, f.suggestion) for f in checker.check(text) if f.suggestion]
    assert findings == [(found, fix)]


def test_a_character_that_makes_a_word_with_its_other_neighbour_is_not_taken_in(checker):
    # 浙江身|省长: 省 begins the title, so the span stays 浙江身 (a fuzzy sound of 浙江省)
    assert all(not f.found.endswith("省") for f in checker.check("浙江身省长在会上讲话。"))


def test_the_findings_do_not_depend_on_the_hash_seed():
    # two names one slip from 大口区 (大丰区, 大渡口区): the kind reported once depended on set order
    script = ("import zhguard; print([(f.code, f.found, f.suggestions) for f in "
              "zhguard.check('今年大口区率先打赢县域经济攻坚战，张家市、海省同步推进。')])")
    outputs = {subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2", "3")}
    assert len(outputs) == 1
