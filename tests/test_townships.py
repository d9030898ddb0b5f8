"""Townships and sub-districts (detect/townships.py): judged where their parents are written (issue 20).

Names from data/places/townships.tsv (NBS 2023 codes): 江夏区 (武汉) has 金口街道 and 郑店街道, 洪山区
(武汉) has 卓刀泉街道, 宜都市 (宜昌) has none of them; 万柏林区 (太原) has 和平街道, a township named like
an ordinary word.
"""

from __future__ import annotations

import pytest

from zhguard import Checker, Config


def found(checker, text):
    return [(f.code, f.found, f.suggestion) for f in checker.check(text) if f.category.value == "place"]


@pytest.mark.parametrize(("text", "expected"), [
    # a look-alike, a homophone, a swap and a dropped character, right after the county
    ("武汉市江夏区金囗街道召开防汛会议。", [("ZG503", "金囗街道", "金口街道")]),
    ("江夏区郑电街道开展志愿服务。", [("ZG502", "郑电街道", "郑店街道")]),
    ("江夏区店郑街道开展志愿服务。", [("ZG506", "店郑街道", "郑店街道")]),
    ("太原市万柏林区合平街道开展志愿服务。", [("ZG502", "合平街道", "和平街道")]),
    # a neighbouring county's township under this county: the parent is wrong (卓刀泉 is in 洪山区)
    ("武汉市江夏区卓刀泉街道召开防汛会议。", [("ZG510", "江夏区卓刀泉街道", "洪山区卓刀泉街道")]),
    # away from its county, in a document that names the county
    ("江夏区召开防汛会议。会议要求金囗街道加强巡查。", [("ZG503", "金囗街道", "金口街道")]),
])
def test_a_township_near_miss_or_wrong_parent_is_found_beside_its_county(checker, text, expected):
    assert found(checker, text) == expected


@pytest.mark.parametrize("text", [
    "武汉市江夏区金口街道召开防汛会议。",
    "太原市万柏林区和平街道开展志愿服务。",
    # named like an ordinary word, without its parents: quiet
    "合平街道开展志愿服务。",
    "会议要求金囗街道加强巡查。",
    # ordinary prose with the suffixes in it
    "推进乡村全面振兴，统筹新型城镇化和乡村振兴，要求各街道做好防汛。",
    # a name the county does not have and no other county has either: another body, not a slip
    "江夏区经济开发区召开会议。",
    # a township of a county far away is as often merged or renamed since, or a name many share
    "宜都市金口街道召开防汛会议。",
])
def test_a_township_is_evidence_only_with_its_parents(checker, text):
    assert found(checker, text) == []


def test_a_site_place_is_a_parent_for_its_townships():
    site = Checker(Config(place="江夏区"))
    assert found(site, "会议要求金囗街道加强巡查。") == [("ZG503", "金囗街道", "金口街道")]


def test_a_township_at_the_start_of_a_short_text_is_read():
    """A name as the whole text (a column title, a sign): a longer span looked up before it must not
    wrap around the string's end (``text[-2:4]`` is 街道, which the table holds as a name)."""
    assert found(Checker(Config(place="江夏区")), "金囗街道") == [("ZG503", "金囗街道", "金口街道")]


def test_a_township_written_right_under_its_county_is_quiet(checker):
    """The class, not a case: the first township of every county, written after its county (and its city),
    raises no finding but format and typo ones.  Before this test a township beginning with the level
    character (乐陵市|市中街道, 县溪镇) read as a doubled one, and a road, temple or hamlet named after a
    division's stem (兴安路, 东兴寺, 榆树庄) as its level character misspelt."""
    from zhguard.detect.townships import load_townships

    rows, townships = checker.compiled.places.rows, load_townships()
    texts = []
    for code, (_, name, _, level, parent, _) in rows.items():
        names = townships.names(code) if level == "county" else ()
        if names:
            city = rows[parent][1] if parent in rows else ""
            texts += [name + names[0] + "党委书记", city + name + names[0] + "人民政府"]
    alarms = [(text, found) for text in texts
              if (found := [f.found for f in checker.check(text) if not f.code.startswith(("ZG7", "ZG9"))])]
    assert len(texts) > 5000
    assert not alarms, alarms[:5]
