"""The generic names of organs at every level (terms/institution_generic.tsv): a slip inside one is found
after any place, and the names written right, with what pages write around them, are quiet."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "found", "meant"), [
    ("泰州市人民检查院依法提起公诉。", "人民检查院", "人民检察院"),  # a homophone
    ("县纪律检察委员会通报了三起案件。", "纪律检察委员会", "纪律检查委员会"),
    ("区监察委会对其立案调查。", "监察委会", "监察委员会"),  # a character dropped
    ("人民代表大会是国家权利机关。", "国家权利机关", "国家权力机关"),
    ("清明节前往董存瑞烈土陵园祭扫。", "烈土陵园", "烈士陵园"),  # a look-alike
    ("镇人民正府召开专题会议。", "人民正府", "人民政府"),
    ("由村民委会主任主持。", "村民委会", "村民委员会"),
    ("创建全国文明城区领导小姐办公室。", "领导小姐", "领导小组"),  # the listed error: two words otherwise
])
def test_a_slip_in_an_organs_generic_name_is_found_after_any_place(checker, text, found, meant):
    assert [(f.found, f.suggestion) for f in checker.check(text) if f.code.startswith("ZG4")] == [(found, meant)]


@pytest.mark.parametrize("text", [
    "泰州市人民检察院检察委员会委员、审判委员会委员出席。",  # the courts' and procuratorates' own bodies
    "县人民代表大会常务委员会、县人民政府、县监察委员会、县人民法院负责同志参加。",
    "村民委员会和居民委员会是基层群众性自治组织。",
    "最高国家权力机关的常设机关。",
    "检查院内的消防设施，政府工作报告。",  # ordinary words beside the names' pieces
])
def test_the_generic_names_written_right_are_quiet(checker, text):
    assert [f for f in checker.check(text) if f.code.startswith("ZG4")] == []
