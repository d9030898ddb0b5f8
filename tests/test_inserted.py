"""A character put inside a body's long name is a slip whatever the character (issue 19); a formulation
has room for a modifier."""

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


@pytest.mark.parametrize("text", [
    "促进人与自然更和谐共生。",  # a modifier inside a formulation
    "住房城乡建设等部门联合印发通知。",  # a function character between a body's words
])
def test_a_modifier_or_a_function_character_inside_is_prose(checker, text):
    assert [f for f in checker.check(text) if f.code[:3] in ("ZG2", "ZG4")] == []
