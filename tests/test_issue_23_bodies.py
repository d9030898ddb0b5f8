"""Issue 23, part 2: the CPPCC's special committees, State Council bodies and local departments' standard names.

Each test is a sentence an editor would write: a slip in one of these names is found with the right name, the
12th CPPCC's committee names are outdated only after 2018-03-16, and the local names that were left out on
purpose (局 looks like 所, 服, 网 and 向) stay quiet around ordinary text.
"""

from __future__ import annotations

import datetime as dt

import pytest

import zhguard


def _bodies(text: str, as_of: str = "2026-11-01"):
    return [f for f in zhguard.check(text, as_of=dt.date.fromisoformat(as_of)) if f.code.startswith("ZG4")]


@pytest.mark.parametrize(("text", "fixed"), [
    ("全国政协港澳台桥委员会开展调研。", "全国政协港澳台侨委员会"),
    ("全国政协人口资源环竟委员会开展调研。", "全国政协人口资源环境委员会"),
    ("全国政协社会和法治委员会开展调研。", "全国政协社会和法制委员会"),
    ("中华全国供消合作总社召开会议。", "中华全国供销合作总社"),
    ("省人力资源和社会保樟厅印发通知。", "人力资源和社会保障厅"),
    ("市人力资源和社会保彰局发布公告。", "人力资源和社会保障局"),
    ("市发展和改草委员会召开会议。", "发展和改革委员会"),
    ("省退役军人事物厅召开会议。", "退役军人事务厅"),
    ("市国有资产监督管里委员会召开会议。", "国有资产监督管理委员会"),
])
def test_a_slip_in_a_body_is_found_with_its_name(text, fixed):
    found = _bodies(text)
    assert found and found[0].suggestions[0] == fixed


@pytest.mark.parametrize("text", [
    "全国政协提案委员会、经济委员会、农业和农村委员会有关负责同志出席。",
    "全国政协文化文史和学习委员会、教科卫体委员会开展联合调研。",
    "全国政协委员、外事委员会副主任出席。",
    "省发展和改革委员会、省科学技术厅、省人力资源和社会保障厅联合印发通知。",
    "省民族宗教事务委员会、省文化和旅游厅、省退役军人事务厅召开会议。",
    "市国有资产监督管理委员会、市人力资源和社会保障局召开会议。",
    "中国地震局、中国民航局、中国海事局、国家标准委有关负责同志出席。",
])
def test_current_bodies_are_clean(text):
    assert not _bodies(text)


@pytest.mark.parametrize(("text", "current"), [
    ("全国政协教科文卫体委员会召开会议。", "全国政协教科卫体委员会"),
    ("全国政协文史和学习委员会召开会议。", "全国政协文化文史和学习委员会"),
    ("国务院南水北调工程建设委员会办公室召开会议。", "水利部"),
    ("国务院金融稳定发展委员会办公室召开会议。", "中央金融委员会办公室"),
])
def test_an_old_name_is_outdated_only_after_the_change(text, current):
    assert not [f for f in _bodies(text, "2017-06-01") if f.code == "ZG411"]
    found = [f for f in _bodies(text, "2024-01-01") if f.code == "ZG411"]
    assert found and found[0].suggestions == (current,)


@pytest.mark.parametrize("text", [
    "省政协教科文卫体委员会召开会议。",  # a local CPPCC's committee: only the 全国政协 name was renamed
    "镇市场监督管理所开展检查。",
    "镇自然资源和规划所开展巡查。",
    "县林业和草原服务中心开展工作。",
    "区域生态环境向好。",
    "完善广播电视网。",
    "降低交通运输用能强度。",
    "省人力资源社会保障厅印发通知。",
])
def test_ordinary_text_beside_a_left_out_local_name_is_quiet(text):
    assert not _bodies(text)
