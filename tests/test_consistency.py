"""ZG917 computes only the slips whose evidence can reach the threshold, and says the same either way."""

from __future__ import annotations

from zhguard import Checker, Config

DROPPED = "发展智能网联汽车。智能网联汽车测试。智能网联汽车示范。推广智能网汽车应用。"
DOUBLED = "推进长三角一体化示范区建设。长三角一体化示范区获批。支持长三角一体化示范区发展。长三角一体体化示范区揭牌。"


def _zg917(text: str, **config) -> list[tuple[str, tuple[str, ...]]]:
    return [(f.found, f.suggestions) for f in Checker(Config(**config)).check(text) if f.code == "ZG917"]


def test_a_dropped_character_is_computed_only_where_the_threshold_lets_it_show():
    assert _zg917(DROPPED) == []
    assert _zg917(DROPPED, min_confidence=0.4) == [("智能网汽车", ("智能网联汽车",))]


def test_doubled_and_swapped_slips_are_the_same_at_every_threshold():
    assert _zg917(DOUBLED) == _zg917(DOUBLED, min_confidence=0.4) == [
        ("长三角一体体化示范区", ("长三角一体化示范区",))]


def test_a_directive_sees_the_findings_below_the_threshold():
    # the ignore silences a below-threshold ZG917 finding: it is used, so no ZG001 reports it unused
    text = DROPPED + "  <!-- zhguard: ignore[ZG917] -->"
    codes = [f.code for f in Checker().check(text)]
    assert "ZG001" not in codes and "ZG917" not in codes
    # and one that silences nothing is reported
    assert "ZG001" in [f.code for f in Checker().check("推广新能源汽车。  <!-- zhguard: ignore[ZG917] -->")]


# The reviewed false alarms of the dropped-character slip (clean-2026, --min-confidence 0.4), in sentences
# of our own: a word across the span's edge, or an abbreviation the document writes elsewhere.
ABBREVIATED = ("推广新能源汽车。新能源汽车下乡。新能源汽车充电。推广新能源车船。",  # 车船 is a word
               "建设创新中心。创新中心揭牌。创新中心运行。科创板上市。科创飞地落地。打造科创中心。",  # 科创
               "发展养老服务。养老服务中心。养老服务补贴。健康养老。发展康养产业、康养服务。")  # 康养


def test_an_abbreviation_or_a_word_across_the_edge_is_no_dropped_character():
    for text in ABBREVIATED:
        assert _zg917(text, min_confidence=0.4) == [], text
