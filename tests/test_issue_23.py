"""Issue 23, parts 2 and 4: the bodies of 2018-2023 with their renames, and Xinhua's banned wordings.

Each test checks what a row does on a sentence an editor would write: a slip in a new body is found with
the right name, an old name is reported only in a document dated after the change, a banned wording is
reported and its standard form is not, and a local body is never "corrected" to a central one.
"""

from __future__ import annotations

import datetime as dt

import pytest

import zhguard


def _findings(text: str, as_of: str = "2026-11-01"):
    return zhguard.check(text, as_of=dt.date.fromisoformat(as_of))


@pytest.mark.parametrize(("text", "code", "fixed"), [
    ("国家疾病预防控治局发布通知。", "ZG402", "国家疾病预防控制局"),
    ("国家移民管里局发布公告。", "ZG402", "国家移民管理局"),
    ("国家粮食和物资储被局召开会议。", "ZG402", "国家粮食和物资储备局"),
    ("全国人大财政经济委会审查预算。", "ZG404", "全国人大财政经济委员会"),
])
def test_a_slip_in_a_new_body_is_found_with_its_name(text, code, fixed):
    found = [f for f in _findings(text) if f.code == code]
    assert found and found[0].suggestions[0] == fixed


@pytest.mark.parametrize(("text", "before", "after", "current"), [
    ("国家粮食局召开会议。", "2017-06-01", "2024-01-01", "国家粮食和物资储备局"),
    ("全国人大法律委员会审议草案。", "2017-06-01", "2020-01-01", "全国人大宪法和法律委员会"),
    ("全国人大内务司法委员会召开会议。", "2017-06-01", "2020-01-01", "全国人大监察和司法委员会"),
])
def test_an_old_name_is_outdated_only_after_the_change(text, before, after, current):
    assert not [f for f in _findings(text, before) if f.code == "ZG411"]
    found = [f for f in _findings(text, after) if f.code == "ZG411"]
    assert found and found[0].suggestions == (current,)
    assert found[0].applicability.value == "safe"


def test_the_local_tax_bureau_short_form_is_outdated_after_the_merger():
    assert not [f for f in _findings("市地税局召开会议。", "2017-06-01") if f.code == "ZG411"]
    found = [f for f in _findings("市地税局召开会议。", "2020-01-01") if f.code == "ZG411"]
    assert found and found[0].suggestions == ("税务局",) and found[0].applicability.value != "safe"
    # 国税局 is left out: 美国国税局 is how Chinese names the IRS
    assert not [f for f in _findings("美国国税局发布通知。", "2020-01-01") if f.code == "ZG411"]


@pytest.mark.parametrize("text", [
    "国家发展和改革委员会、国家卫生健康委员会、国家疾病预防控制局联合印发通知。",
    "中央金融委员会、中央金融工作委员会、中央科技委员会、中央社会工作部有关负责同志出席。",
    "全国人大宪法和法律委员会、全国人大监察和司法委员会、全国人大社会建设委员会召开会议。",
    "国家粮食和物资储备局、国家能源局、国家数据局由国家发展和改革委员会管理。",
])
def test_current_central_bodies_are_clean(text):
    assert not [f for f in _findings(text) if f.code.startswith("ZG4")]


@pytest.mark.parametrize("text", [
    "江苏省发展和改革委员会印发通知。",
    "省发展改革委召开会议。",
    "市卫生健康委员会召开会议。",
    "省林业和草原局召开会议。",
    "山东省粮食和储备局召开会议。",
    "省疾病预防控制局召开会议。",
    "县发展和改革局召开会议。",
    "三江源国家公园管理局召开会议。",
    "国家外汇管理局江苏省分局召开会议。",
    "国家矿山安全监察局山西局召开会议。",
    "镇市场监督管理所开展检查。",  # 局 and 所 look alike: a 局-ending local name would call the 所 a slip
    "北京市生态环境局召开会议。",
    "省自然资源和规划厅召开会议。",
])
def test_a_local_body_is_not_corrected_to_a_central_one(text):
    assert not [f for f in _findings(text) if f.code.startswith("ZG4")]


@pytest.mark.parametrize(("wrong", "right"), [
    ("穆斯林国家代表出席会议。", "伊斯兰国家代表出席会议。"),
    ("当地摩梭族群众欢度节日。", "当地摩梭人群众欢度节日。"),
    ("蒙族同胞欢度那达慕。", "蒙古族同胞欢度那达慕。"),
    ("警方抓获一名黑人歹徒。", "警方抓获一名歹徒。"),
    ("世界贸易组织成员国部长出席会议。", "世界贸易组织成员部长出席会议。"),
    ("台湾金门县举行活动。", "金门举行活动。"),
    ("中华民国副总统出席活动。", "台湾地区副领导人出席活动。"),
])
def test_a_banned_wording_is_reported_and_its_standard_form_is_not(wrong, right):
    found = [f for f in _findings(wrong) if f.code == "ZG212"]
    assert found
    assert not [f for f in _findings(right) if f.code == "ZG212"]


@pytest.mark.parametrize(("text", "fixed"), [
    ("省生态环境厉召开会议。", "生态环境厅"),
    ("省农业农材厅召开会议。", "农业农村厅"),
    ("县卫生建康委员会召开会议。", "卫生健康委员会"),
])
def test_a_slip_in_a_local_standard_name_is_found_without_naming_a_level(text, fixed):
    found = [f for f in _findings(text) if f.code.startswith("ZG4")]
    assert found and found[0].suggestions[0] == fixed


def test_ordinary_text_holding_a_left_out_form_is_quiet():
    # 维族 (Xinhua's list: say 维吾尔族) is left out: 纤维族群 holds the two characters
    assert not [f for f in _findings("纤维族群的研究取得进展。") if f.code == "ZG212"]


# Part 3, office-holders (facts/title_binding.tsv): a head of a State Council department named with the
# title of their own department is quiet, in its full and its short form; with another department's title,
# or a title they have left, the binding is reported.

@pytest.mark.parametrize("text", [
    "教育部部长怀进鹏在会上作了发言。",
    "科学技术部部长阴和俊、工信部部长李乐成接受了采访。",
    "国防部长董军会见了来访的客人。",
    "国家卫生健康委员会主任雷海潮介绍了有关情况。",
    "国家卫健委主任雷海潮介绍了有关情况。",
    "商务部部长王文涛出席签约仪式。",
])
def test_a_minister_with_the_title_of_their_own_department_is_quiet(text):
    assert not [f for f in _findings(text, "2026-03-20") if f.code == "ZG310"]


@pytest.mark.parametrize(("text", "held"), [
    ("财政部部长怀进鹏出席了会议。", "教育部部长"),
    ("交通运输部部长王文涛出席签约仪式。", "商务部部长"),
    ("水利部部长关志鸥到现场检查。", "自然资源部部长"),
])
def test_a_minister_with_another_departments_title_is_reported(text, held):
    found = [f for f in _findings(text, "2026-03-20") if f.code == "ZG310"]
    assert found and held in found[0].message


def test_a_minister_who_has_left_is_reported_after_the_change_only():
    text = "自然资源部部长王广华出席会议。"
    assert not [f for f in _findings(text, "2024-06-01") if f.code == "ZG310"]
    found = [f for f in _findings(text, "2025-03-01") if f.code == "ZG310"]
    assert found and "关志鸥" in found[0].message


@pytest.mark.parametrize("text", [
    "上海市人大常委会主任黄莉新出席会议。",
    "省人大常委会主任赵一德主持会议。",
    "广东省人大常委会主任黄楚平参加审议。",
])
def test_a_provincial_congress_chair_with_their_own_title_is_quiet(text):
    assert not [f for f in _findings(text, "2026-03-20") if f.code == "ZG310"]


def test_a_provincial_congress_chair_with_another_provinces_title_is_reported():
    found = [f for f in _findings("北京市人大常委会主任黄莉新出席会议。", "2026-03-20") if f.code == "ZG310"]
    assert found and "上海市人大常委会主任" in found[0].message


@pytest.mark.parametrize("text", [
    "江苏省政协主席张义珍出席会议。",
    "政协江苏省委员会主席张义珍出席会议。",
    "会议由省政协主席张义珍主持。",
    "全国政协副主席、自治区政协主席帕巴拉·格列朗杰出席会议。",
])
def test_a_provincial_cppcc_chair_with_their_own_title_is_quiet(text):
    assert not [f for f in _findings(text, "2026-03-20") if f.code == "ZG310"]


def test_a_provincial_cppcc_chair_named_as_the_congress_chair_is_reported():
    found = [f for f in _findings("江苏省人大常委会主任张义珍出席会议。", "2026-03-20") if f.code == "ZG310"]
    assert found and "江苏省政协主席" in found[0].message


def test_a_minister_named_by_their_ministrys_party_title_is_quiet():
    for text in ("水利部党组书记李国英主持会议。", "工业和信息化部党组书记李乐成出席会议。", "工信部党组书记李乐成出席会议。"):
        assert not [f for f in _findings(text, "2026-03-20") if f.code == "ZG310"], text


# Part 1, formulations: rows read in the 20th Party Congress report (Xinhua's text of 16 October 2022) and in
# the Party Constitution (2017 text). A slip in a new row is found with the row's wording as the fix.

@pytest.mark.parametrize(("text", "fixed"), [
    ("我们要坚定不移走中国人权发屐道路。", "中国人权发展道路"),
    ("加快建设世界重要人才中心和创新高第。", "世界重要人才中心和创新高地"),
    ("坚持和完善中国共产党领导的多党合作和政治协商制渡。", "中国共产党领导的多党合作和政治协商制度"),
    ("坚持绿水清山就是金山银山的理念。", "绿水青山就是金山银山"),
    ("推进协商民主广泛多层制度化发展，完善大统战工作各局。", "大统战工作格局"),
    ("坚持不敢腐、不能腐、不想腐一体推近。", "不敢腐、不能腐、不想腐一体推进"),
])
def test_a_slip_in_a_new_formulation_is_found_with_its_wording(text, fixed):
    found = [f for f in _findings(text) if f.code.startswith("ZG2")]
    assert found and found[0].suggestions[0] == fixed


@pytest.mark.parametrize("text", [
    "统筹推进经济建设、政治建设、文化建设、社会建设、生态文明建设。",
    "坚持创新、协调、绿色、开放、共享的发展理念。",
    "全面推进科学立法、严格执法、公正司法、全民守法。",
    "在幼有所育、学有所教、劳有所得、病有所医、老有所养、住有所居、弱有所扶上持续用力。",
    # the 2017 Constitution's four (科技兴军, no 人才强军) are not read as a slip of the 20th report's five
    "坚持政治建军、改革强军、科技兴军、依法治军。",
])
def test_a_numbered_family_written_right_is_quiet(text):
    assert not [f for f in _findings(text) if f.code.startswith("ZG2")]


@pytest.mark.parametrize(("text", "code", "fixed"), [
    ("统筹推进经济建设、政治建设、文化建设、社会建没、生态文明建设。", "ZG207", "社会建设"),
    ("统筹推进经济建设、文化建设、政治建设、社会建设、生态文明建设。", "ZG206",
     "经济建设、政治建设、文化建设、社会建设、生态文明建设"),
    ("全面推进科学立法、公正司法、严格执法、全民守法。", "ZG206", "科学立法、严格执法、公正司法、全民守法"),
    ("坚持创新、绿色、协调、开放、共享的发展理念。", "ZG206", "创新、协调、绿色、开放"),
])
def test_a_numbered_family_with_an_item_misspelt_or_out_of_order_is_reported(text, code, fixed):
    found = [f for f in _findings(text) if f.code == code]
    assert found and found[0].suggestions[0] == fixed
