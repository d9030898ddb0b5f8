"""ZG917 finds every simple slip of a name the document writes right three times, and computes only the
slips whose evidence can reach the threshold."""

from __future__ import annotations

import pytest

from zhguard import Checker, Config

# Sentences of our own: the name written right three times, once with a slip of each kind.
SLIPPED = {
    "doubled": ("推进长三角一体化示范区建设。长三角一体化示范区获批。支持长三角一体化示范区发展。长三角一体体化示范区揭牌。",
                "长三角一体体化示范区", "长三角一体化示范区"),
    "swapped": ("建设雄安新区中关村科技园。雄安新区中关村科技园开园。雄安新区中关村科技园招商。雄安新区中关村技科园投用。",
                "雄安新区中关村技科园", "雄安新区中关村科技园"),
    "dropped": ("发展智能网联汽车。智能网联汽车测试。智能网联汽车示范。推广智能网汽车应用。", "智能网汽车", "智能网联汽车"),
    "shape": ("建设黄河流域生态保护示范区。黄河流域生态保护示范区获批。支持黄河流域生态保护示范区。黄河流域生杰保护示范区揭牌。",
              "黄河流域生杰保护示范区", "黄河流域生态保护示范区"),
    "sound": ("建设黄河流域生态保护示范区。黄河流域生态保护示范区获批。支持黄河流域生态保护示范区。黄河流域生态保护示泛区揭牌。",
              "黄河流域生态保护示泛区", "黄河流域生态保护示范区"),
    # a grammatical character written inside a name (向 for 项)
    "sound, grammatical": ("开展专项整治行动。专项整治行动成效明显。深化专项整治行动。开展专向整治行动。",
                           "专向整治行动", "专项整治行动"),
}


def _zg917(text: str, **config) -> list[tuple[str, tuple[str, ...]]]:
    return [(f.found, f.suggestions) for f in Checker(Config(**config)).check(text) if f.code == "ZG917"]


@pytest.mark.parametrize("kind", SLIPPED)
def test_every_simple_slip_is_found_at_the_default_threshold(kind):
    text, found, right = SLIPPED[kind]
    assert _zg917(text) == [(found, (right,))]


def test_a_slip_whose_evidence_cannot_reach_the_threshold_is_not_computed():
    text, found, right = SLIPPED["dropped"]
    assert _zg917(text, min_confidence=0.55) == []  # a dropped character's prior is 0.5
    text, found, right = SLIPPED["shape"]
    assert _zg917(text, min_confidence=0.7) == []
    text, found, right = SLIPPED["doubled"]
    assert _zg917(text, min_confidence=0.7) == [(found, (right,))]


def test_a_directive_sees_the_findings_below_the_threshold():
    # the ignore silences a below-threshold ZG917 finding: it is used, so no ZG001 reports it unused
    text = SLIPPED["dropped"][0] + "  <!-- zhguard: ignore[ZG917] -->"
    codes = [f.code for f in Checker(Config(min_confidence=0.55)).check(text)]
    assert "ZG001" not in codes and "ZG917" not in codes
    # and one that silences nothing is reported
    assert "ZG001" in [f.code for f in Checker().check("推广新能源汽车。  <!-- zhguard: ignore[ZG917] -->")]


# The reviewed false alarms, in sentences of our own: a word across the span's edge, an abbreviation the
# document writes elsewhere, a form always inside a longer name, a slip at a form's edge.
QUIET = ("推广新能源汽车。新能源汽车下乡。新能源汽车充电。推广新能源车船。",  # 车船 is a word
         "建设创新中心。创新中心揭牌。创新中心运行。科创板上市。科创飞地落地。打造科创中心。",  # 科创
         "发展养老服务。养老服务中心。养老服务补贴。健康养老。发展康养产业、康养服务。",  # 康养
         # 发展新质 is always 发展新质生产力: 发展|质效 is no slip of it (clean-2026, a tune province)
         "发展新质生产力。培育发展新质生产力。因地制宜发展新质生产力。推动高质量发展质效提升。",
         # a form's last character is the next word's first (公务员申|诉): 公务员中 is no slip of it (a law)
         "公务员申诉制度。公务员申诉处理。受理公务员申诉。公务员中领导成员的产生。",
         # a history marker is no part of a name (found by the fix-safety property test): 时任区 is no slip
         # of 时任某区, and rewriting it would rewrite history
         "时任某区“一带一路”倡议，时任某区“一带一路”倡议，时任某区“一带一路”倡议，时任区“一带一路”倡议。",
         # nor is 原 marking history (found by it again): 原某区 is no slip of 原任某区
         "原任某区“一带一路”倡议，原任某区“一带一路”倡议，原任某区“一带一路”倡议，原某区“一带一路”倡议。")


@pytest.mark.parametrize("text", QUIET)
def test_an_abbreviation_a_longer_name_or_a_word_across_the_edge_is_no_slip(text):
    assert _zg917(text) == []
