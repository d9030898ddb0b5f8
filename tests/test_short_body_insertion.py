"""A character put inside a three-character body (国进务院 for 国务院, issue 19): found through the body's
two-character halves, for every such body of the bundled lexicon, and quiet where the character makes a
word with a neighbour or the span cuts one."""

from __future__ import annotations

import pytest

from zhguard import Checker
from zhguard.lexicon.compile import is_short_body


@pytest.fixture(scope="module")
def checker():
    return Checker()


def _fixed(checker, text, written, right):
    return any(f.found == written and f.suggestions[:1] == (right,) for f in checker.check(text))


def test_a_character_put_inside_any_short_body_is_found_with_the_body_as_its_fix(checker):
    bodies = [entry.canonical for entry in checker.compiled.lexicon.entries if is_short_body(entry)]
    assert len(bodies) >= 30
    cases = [(body, written) for body in bodies for written in (body[0] + "进" + body[1:], body[:2] + "进" + body[2])]
    found = sum(_fixed(checker, f"认真落实{written}决策部署。", written, body) for body, written in cases)
    # 54 of 66: the misses make a word of the character with a neighbour (发改|进 → 改进, 民进 a party's
    # name), or stand beside a half that is no anchor, being a common word (教育|进|部, 党|进|中央)
    assert found / len(cases) >= 0.8, f"{found} of {len(cases)}"


@pytest.mark.parametrize("text, written, right", [
    ("贯彻党中央、国进务院决策部署。", "国进务院", "国务院"),
    ("推进教新育部重点项目建设。", "教新育部", "教育部"),
    ("三户企业入选工信成部公布的名录。", "工信成部", "工信部"),
    ("坚定不移落实水利重部决策部署。", "水利重部", "水利部"),
])
def test_must_fire(checker, text, written, right):
    assert _fixed(checker, text, written, right)


@pytest.mark.parametrize("text", [
    "科技型部门加大研发投入。",      # 科技|型|部 cuts 部门
    "推进科技部门与高校协同。",
    "市教育局部署秋季开学工作。",
    "国务院办公厅印发通知。",
    "民进政协委员提交提案。",          # 民进 is a party
    "推动发改委和财政部联合发文。",
])
def test_must_not_fire(checker, text):
    assert not [f for f in checker.check(text) if f.code.startswith(("ZG4", "ZG1"))], text
