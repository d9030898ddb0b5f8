"""Counties' and three-character cities' names with one slip (ZG502-506, detect/place_slips.py)."""

from __future__ import annotations

import pytest

from conftest import place_findings


def test_a_slip_two_counties_could_be_shows_both_and_applies_neither(checker):
    # 武议县: 武义县 (Zhejiang) and 武邑县 (Hebei) are both one homophone away
    [finding] = [f for f in checker.check("武议县召开会议。") if f.code.startswith("ZG5")]
    assert finding.found == "武议县"
    assert finding.suggestions == ("武义县", "武邑县")
    assert finding.applicability.value == "display_only"


@pytest.mark.parametrize(("text", "meant"), [
    ("浙江省武议县召开会议。", "武义县"),  # the province the document names
    ("金华市、武议县召开会议。", "武义县"),  # a prefecture listed beside it
    ("河北省衡水市武议县召开会议。", "武邑县"),
])
def test_of_the_counties_a_slip_could_be_the_one_under_a_place_the_document_names(checker, text, meant):
    [finding] = [f for f in checker.check(text) if f.code.startswith("ZG5")]
    assert finding.found == "武议县" and finding.suggestions == (meant,)


def test_names_written_right_are_quiet_at_every_level(checker):
    text = "宜昌市夷陵区、武义县、曹妃甸区、化隆县和兴安盟的代表参加会议。"
    assert place_findings(checker, text) == []


def test_the_stem_that_is_a_word_is_prose(checker):
    # 示范区, 开发区, 贫困县: the level character after an ordinary word
    text = "建设国家级示范区和经济开发区，贫困县全部摘帽。"
    assert place_findings(checker, text) == []


@pytest.mark.parametrize(("text", "found", "meant"), [
    ("福成州市入选国家生态文明建设示范区。", "福成州市", "福州市"),  # 州市 is a word (autonomous prefectures
    ("泸区州市获评全国文明城市。", "泸区州市", "泸州市"),  # and cities): still the name's own end here
    ("白设城市入选国家生态文明建设示范区。", "白设城市", "白城市"),
])
def test_a_character_put_inside_a_name_that_ends_in_a_common_word_is_found(checker, text, found, meant):
    assert place_findings(checker, text) == [(found, (meant,))]


def test_a_word_before_a_word_that_ends_in_a_level_character_is_prose(checker):
    # 海绵|城市 is no 海城市 with 绵 put in, nor 宜居|城市 宜城市, 绿色|园区 绿园区, 郁南等|山区 南山区
    text = "海绵城市、宜居城市建设加快，绿色园区2家，郁南等山区开展巡回活动，全省16个州市、各州市同步推进。"
    assert place_findings(checker, text) == []


@pytest.mark.parametrize(("text", "found", "meant"), [
    ("祁连县、玛沁推县入选全国生态文明建设示范区。", "玛沁推县", "玛沁县"),  # a county
    ("壮大辛集提市、渤海新区等区域经济。", "辛集提市", "辛集市"),  # a county-level city
    ("河南产省国民经济和社会发展规划。", "河南产省", "河南省"),  # a pair prose writes too (主产省)
])
def test_a_character_put_before_a_divisions_level_is_found(checker, text, found, meant):
    assert place_findings(checker, text) == [(found, (meant,))]


def test_an_administrative_change_or_a_word_before_the_level_is_prose(checker):
    # 撤县设市, 建区, 建省 are the level as a verb's object; 全区, 大县, 强县 words of their own
    text = ("经国务院批准，米林撤县设市。黄岩路桥建区以来经济快速增长，海南建省办经济特区。"
            "宿豫全区上下齐心，建设农业大县、工业强县。湖州练市镇的工厂，漫步于城中心区。")
    assert place_findings(checker, text) == []


def test_of_readings_of_spans_of_different_lengths_the_longest_is_taken(checker):
    # 金域江区: 金城江区 with a look-alike, where 域江区 alone could be a three-character name's slip too
    assert place_findings(checker, "金域江区入选国家生态文明建设示范区。") == [("金域江区", ("金城江区",))]


def test_a_level_characters_slip_is_read_where_it_begins_no_word_of_the_best_reading(checker):
    # 衢州四|成功: 四成 is a word, but not the one read here; 衢州四成|企业 (forty per cent) is prose
    assert place_findings(checker, "衢州四成功举办全国性会议。") == [("衢州四", ("衢州市",))]
    assert place_findings(checker, "衢州四成企业实现增长。") == []


@pytest.mark.parametrize(("text", "found", "meant"), [
    ("东营市、淄市、潍坊市入选国家生态文明建设示范区。", "淄市", "淄博市"),  # after a list mark
    ("廊市获评全国文明城市。", "廊市", "廊坊市"),  # at the start
])
def test_a_citys_stem_cut_to_one_character_after_a_mark_is_found(checker, text, found, meant):
    assert place_findings(checker, text) == [(found, (meant,))]


@pytest.mark.parametrize(("text", "found", "first", "count"), [
    ("阳市获评全国文明城市。", "阳市", "信阳市", 39),  # 信阳, 安阳, 洛阳 … : prefectures first
    ("增加25天，化市实现空气质量优良。", "化市", "怀化市", 7),
    ("长市成功获得第3届运动会举办权。", "长市", "长春市", 7),  # 长 is a word 40,281 times, but an adjective
])
def test_a_stem_cut_to_one_character_that_many_names_share_is_still_no_name(checker, text, found, first, count):
    [finding] = [f for f in checker.check(text) if f.code.startswith("ZG5")]
    assert finding.found == found and finding.suggestions[0] == first and len(finding.suggestions) == 3
    assert f"等{count}个地名之一" in finding.message and finding.applicability.value == "display_only"


def test_a_stem_cut_short_that_is_also_a_townships_far_away_is_still_read(checker):
    # 庄市 is 庄市街道 of Ningbo's 镇海区, but a page that names no place there means 枣庄市 or 庄河市
    [finding] = [f for f in checker.check("庄市获评全国文明城市。") if f.code.startswith("ZG5")]
    assert finding.found == "庄市" and set(finding.suggestions) == {"枣庄市", "庄河市"}


@pytest.mark.parametrize("text", [
    "镇海区：庄市、骆驼、九龙湖三地联动。",  # the township's district is named: its stem stands alone
    "该县毛集、固县、朱庄等乡镇。",  # townships spoken of nearby
])
def test_a_townships_stem_where_the_page_is_about_its_county_or_townships_is_quiet(checker, text):
    assert place_findings(checker, text) == []


@pytest.mark.parametrize("text", [
    "，原市人大常委会副主任出席。原市委书记到场。",  # 'former' before a title, not 太原市 cut short
    "每市选派两名干部，此县另行安排。",  # determiners: function words, however rare before a level
    "理顺盟市与旗县两级财政事权，实现市市通高铁。",  # a level before a level
    "冲绳县那霸市举行集会，广州从化市发展旅游。",  # the end of a name after a character (那|霸市, 从|化市)
    "该县毛集、固县、朱庄等乡镇。",  # a township written without its suffix
    "有426名县直干部包村。",  # after a digit
    "当市领导前来视察时。",  # a common word by itself
    "“沪市”“深市”行情平稳，本县、该区、全市同步推进。",  # words and determiners
])
def test_one_character_before_a_level_that_is_no_citys_stem_cut_short_is_prose(checker, text):
    assert place_findings(checker, text) == []


@pytest.mark.parametrize(("text", "found", "meant"), [
    ("呼和浩特室矿业权出让实现突破。", "呼和浩特室", "呼和浩特市"),  # a common character (室) after a long stem
    ("大兴安岭地取获评国家生态文明建设示范区。", "大兴安岭地取", "大兴安岭地区"),  # a two-character level's
])
def test_a_long_stems_level_character_mistyped_is_found(checker, text, found, meant):
    assert place_findings(checker, text) == [(found, (meant,))]


def test_a_long_stem_before_a_word_is_prose(checker):
    text = "呼和浩特分行、乌兰察布分公司开业，呼伦贝尔庆祝建市。"
    assert place_findings(checker, text) == []


def test_a_rare_word_the_slip_makes_with_the_level_character_is_no_prose(checker):
    # 西市 (a market) is the homophone's own making in 玉西市; 南|片区 and 梅江|院区 are prose
    assert place_findings(checker, "玉西市矿业权出让实现突破。") == [("玉西市", ("玉溪市",))]
    text = "城南片区改造完成，市口腔医院梅江院区开诊。"
    assert place_findings(checker, text) == []


def test_the_cheap_test_never_drops_a_slip_of_a_name():
    """NameIndex.may_be_near is a necessary condition: every one-slip variant of a name passes it."""
    import random

    from zhguard.detect.slips import NameIndex
    from zhguard.detect.townships import load_townships

    table = load_townships()
    rng = random.Random(7)
    names = [name for name in ("武义县", "宜昌市", "湖北省", "曹妃甸区", "金口街道", "纸坊街道")]
    names += rng.sample(sorted({n for c in ("420115", "330723", "130209") for n in table.names(c)}), 20)
    for name in names:
        index = NameIndex([name])  # the name alone: no other name's characters may let a variant through
        stem, level = (name[:-2], name[-2:]) if name.endswith("街道") else (name[:-1], name[-1])
        variants = set()
        for i in range(len(stem)):
            variants.add(stem[:i] + "某" + stem[i + 1:] + level)  # replaced
            variants.add(stem[:i] + stem[i + 1:] + level)  # dropped
            variants.add(stem[:i] + "某" + stem[i:] + level)  # added
            if i + 1 < len(stem):
                variants.add(stem[:i] + stem[i + 1] + stem[i] + stem[i + 2:] + level)  # swapped
        for variant in variants:
            if len(variant) >= 3:
                assert index.may_be_near(variant), (name, variant)


def test_every_county_written_right_under_its_city_and_province_is_quiet(checker):
    """The class, not a case: each of the 2,843 counties written with its prefecture and province, alone,
    and in a list, raises no place, name, term or body finding.  Before this test: 14 did (马鞍山市 read as
    鞍山市 with a wrong child, 济南市市中区 as a doubled 市, 吕梁市兴县 as 市兴县 for 始兴县)."""
    rows = checker.compiled.places.rows
    texts = []
    for _, name, _, level, parent, _ in rows.values():
        prefecture = rows.get(parent)
        if level != "county" or prefecture is None:
            continue
        province = rows.get(prefecture[4])
        chain = (province[1] if province else "") + prefecture[1] + name
        texts += [chain + "人民政府发布通知。", "走进" + name + "，", prefecture[1] + name + "、" + chain + "。"]
    alarms = [(text, found) for text in texts
              if (found := [f.found for f in checker.check(text) if f.code[:3] in ("ZG1", "ZG2", "ZG4", "ZG5")])]
    assert len(texts) > 8000
    assert not alarms, alarms[:5]


def test_the_character_tests_read_as_the_regular_expressions_they_replace():
    """township_ahead, _han_tail and _item_end are comparisons (no Han class compiled at import): on
    every string of up to five characters of a small alphabet, each answers as its expression did."""
    import itertools
    import re

    from zhguard.detect.place_slips import MAX_ITEM, _han_tail, _item_end, township_ahead

    ahead = re.compile(r"[\u4e00-\u9fff]{0,2}(?:镇|乡|街道)")
    tail = re.compile("[\u4e00-\u9fff]*\\Z")
    item_end = re.compile(r"[、，。；：和及与等]|[^\u4e00-\u9fff]")
    alphabet = "镇乡街道中A、和"
    for size in range(6):
        for chars in itertools.product(alphabet, repeat=size):
            text = "".join(chars)
            for at in range(size + 1):
                assert township_ahead(text, at) == bool(ahead.match(text, at)), (text, at)
                run = tail.search(text, at, size)
                assert _han_tail(text, at, size) == run.end() - run.start(), (text, at)
                match = item_end.search(text, at, at + MAX_ITEM + 1)
                assert _item_end(text, at) == (match.start() if match else min(size, at + MAX_ITEM + 1))
