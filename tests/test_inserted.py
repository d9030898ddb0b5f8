"""A character put inside a body's long name is a slip whatever the character (issue 19); a formulation
has room for a function word or a modifier, not for any other character."""

from __future__ import annotations

import pytest

from zhguard import Checker
from zhguard.finding import Category
from zhguard.lexicon.compile import SUBSTITUTION_MIN_LENGTH, insertion_anchored

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


def test_a_character_put_inside_a_four_or_five_character_term_away_from_its_middle_is_found(checker):
    """Through the term's three-character ends (compile.INSERTION_ANCHOR): every body, formulation and
    place of four or five characters, a common character put after its first or before its last one
    (a four-character term's middle has no intact end: left to the generated variants)."""
    terms = [e for e in checker.compiled.lexicon.entries if insertion_anchored(e)]
    assert len(terms) > 100
    found = missed = 0
    for entry in terms:
        term = entry.canonical
        for at in (1, len(term) - 1):
            written = term[:at] + "动" + term[at:]
            hits = [f for f in checker.check(f"全面落实{written}的部署。") if f.found == written]
            if hits and hits[0].suggestion == term:
                found += 1
            else:
                missed += 1
    # a few read as prose (the word model finds the put-in character a word with its neighbour)
    assert found >= 0.9 * (found + missed), (found, missed)


@pytest.mark.parametrize(("text", "found", "right"), [
    ("避险案例得到自然高资源部通报表扬。", "自然高资源部", "自然资源部"),
    ("坚决做到人家民至上。", "人家民至上", "人民至上"),
    ("用力破解群众急加难愁盼问题。", "急加难愁盼", "急难愁盼"),
    ("和田地实区矿业权出让实现突破。", "和田地实区", "和田地区"),
])
def test_examples_of_a_character_put_inside_a_short_term(checker, text, found, right):
    assert [(f.found, f.suggestion) for f in checker.check(text) if f.found == found] == [(found, right)]


@pytest.mark.parametrize("text", [
    "唐山、张家口等市的专家服务组，钦州、防城港等市纷纷开展。",  # a list before the level: 等
    "推进呼和浩特都市圈建设。",  # 都市: a word with the level character
    "加强应急管理干部队伍建设。",  # 干部: a word with the body's last character
])
def test_a_character_before_a_names_last_that_makes_prose_is_quiet(checker, text):
    assert [f for f in checker.check(text) if f.code.startswith(("ZG4", "ZG5"))] == []
