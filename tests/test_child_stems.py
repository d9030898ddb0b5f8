"""A city's or a county's stem after its parent's name with one character off (detect/child_stems.py)."""

from __future__ import annotations

import pytest

from conftest import place_findings


@pytest.mark.parametrize(("text", "found", "meant"), [
    ("湖南泪罗龙舟节开幕。", "泪罗", "汨罗"),  # a look-alike (a published case: 湖南泪罗)
    ("浙江议乌小商品市场繁荣。", "议乌", "义乌"),  # a same-sounding character
])
def test_a_stem_one_character_off_after_its_parent_is_found(checker, text, found, meant):
    assert place_findings(checker, text) == [(found, (meant,))]


def test_stems_written_right_and_words_after_a_parent_are_quiet(checker):
    text = "湖南汨罗、湖南长沙、江苏昆山、浙江义乌发展迅速；湖南省委要求湖南各地、湖南农业大学落实。"
    assert place_findings(checker, text) == []


def test_every_countys_stem_with_a_look_alike_after_its_province_is_found_where_one_stem_is_meant(checker):
    """The class, not the case: each county stem of one province with its first character replaced by a
    look-alike, after the province's name, where no other stem and no word reads so."""
    from zhguard.detect.child_stems import _stems_under
    from zhguard.wordmodel import word_count

    compiled = checker.compiled
    table, shapes = compiled.places, compiled.shapes
    codes = [code for code, row in table.rows.items() if row[1] == "湖南省"]
    stems = _stems_under(table, codes)
    pairs = sorted(s for s in stems.every if len(s) == 2)
    cases = []
    for stem in pairs:
        for alike in shapes.get(stem[0], "")[:1]:
            written = alike + stem[1]
            others = [s for s in pairs if s != stem and s[1] == stem[1] and alike in shapes.get(s[0], "")]
            if written not in stems.every and not others and word_count(written) == 0:
                cases.append((written, stem))
    assert len(cases) >= 20
    found = [(w, s) for w, s in cases if place_findings(checker, f"湖南{w}的发展") == [(w, (s,))]]
    assert len(found) >= 0.8 * len(cases), sorted(set(cases) - set(found))
