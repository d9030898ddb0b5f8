"""A character put inside a body's long name is a slip whatever the character (issue 19); a formulation
has room for a function word or a modifier, not for any other character."""

from __future__ import annotations

import pytest

from zhguard import Checker
from zhguard.finding import Category
from zhguard.lexicon.compile import SUBSTITUTION_MIN_LENGTH

# Common characters, each a word by itself (the old guard took such a one for a phrase).
INSERTED = "动重提"


@pytest.fixture(scope="module")
def checker():
    return Checker()


def test_every_long_body_with_a_common_character_inside_is_found_with_its_name(checker):
    bodies = [e.canonical for e in checker.compiled.lexicon.entries
              if e.category is Category.INSTITUTION and len(e.canonical) >= SUBSTITUTION_MIN_LENGTH]
    assert len(bodies) > 100
    missed = []
    for body in bodies:
        half = len(body) // 2
        for char in INSERTED:
            written = body[:half] + char + body[half:]
            found = [f for f in checker.check(f"全面落实{written}的部署。") if f.found == written]
            if not found or found[0].suggestion != body:
                missed.append(written)
    assert missed == []


@pytest.mark.parametrize(("text", "found", "right"), [
    ("大力弘扬中华优秀重传统文化。", "中华优秀重传统文化", "中华优秀传统文化"),
    ("坚持尊法学法守法成用法。", "尊法学法守法成用法", "尊法学法守法用法"),
    ("反对霸权主义和成强权政治。", "霸权主义和成强权政治", "霸权主义和强权政治"),
])
def test_a_common_character_between_a_formulations_words_is_a_slip(checker, text, found, right):
    assert [(f.found, f.suggestion) for f in checker.check(text)] == [(found, right)]


@pytest.mark.parametrize("text", [
    "促进人与自然更和谐共生。",  # an adverb inside a formulation
    "努力让社会既生机勃勃又井然有序。",  # a conjunction (既 … 又)
    "发展中国特色社会主义新文化。",  # a modifier that makes a word with the next (新文化)
    "住房城乡建设等部门联合印发通知。",  # a function character between a body's words
])
def test_a_modifier_or_a_function_character_inside_is_prose(checker, text):
    assert [f for f in checker.check(text) if f.code[:3] in ("ZG2", "ZG4")] == []
