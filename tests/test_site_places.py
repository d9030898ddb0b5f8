"""A site's own place names (a district's roads and bridges) in its lexicon: their near misses are found."""

from __future__ import annotations

import pytest

from conftest import write_lexicon
from zhguard import Checker

SOURCES = "site\t本区地名表\t本区\t本区\t\t2026-11-25\t\n"
# Roads and a bridge of Tianjin named in a 2008 report on misspelt street signs
# (benchmarks/data/real_cases.tsv).
PLACES = ("# zhguard: kind=terms category=place columns=canonical,known_wrong,source,note\n"
          "顺驰桥\t\tsite\t河东区\n溧阳道\t\tsite\t河北区\n桃园村大街\t\tsite\t河西区\n")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return Checker(lexicons=[write_lexicon(tmp_path_factory.mktemp("site"), SOURCES, places=PLACES)])


@pytest.mark.parametrize(("text", "found", "fix", "code"), [
    # as the sign read (驰 and 弛 sound alike too)
    ("河东区顺弛桥通往卫国道方向", "顺弛桥", "顺驰桥", "ZG502"),
    ("河北区栗阳道路牌", "栗阳道", "溧阳道", "ZG502"),
    ("绍兴道与桃源村大街交口", "桃源村大街", "桃园村大街", "ZG502"),
])
def test_a_near_miss_of_a_listed_place_is_found(site, text, found, fix, code):
    assert [(f.code, f.found, f.suggestion) for f in site.check(text)] == [(code, found, fix)]


@pytest.mark.parametrize("text", [
    "河东区顺驰桥通往卫国道方向",
    "过了顺桥再往前走",  # a dropped character of a three-character name is any other name
    "栗阳是一个地名吗",  # no third character, no name
])
def test_ordinary_text_and_the_names_themselves_are_quiet(site, text):
    assert site.check(text) == []
