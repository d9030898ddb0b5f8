"""Must-fire / must-not-fire cases for the facts rows of issue 24 and issue 19 (offices, renames, laws).

Each case names the document date, because every fact here holds from a date on.
"""

from __future__ import annotations

import datetime as dt

import pytest

import zhguard


def _codes(text: str, as_of: str) -> list[str]:
    return [f.code for f in zhguard.check(text, as_of=dt.date.fromisoformat(as_of))]


def _find(text: str, as_of: str, code: str):
    return [f for f in zhguard.check(text, as_of=dt.date.fromisoformat(as_of)) if f.code == code]


# Correct office-holders: no ZG310 on the day given.
@pytest.mark.parametrize(("text", "as_of"), [
    ("财政部部长蓝佛安出席会议", "2026-11-01"),
    ("农业农村部部长韩俊出席会议", "2025-06-01"),
    ("国家发展改革委主任郑栅洁出席会议", "2026-11-01"),
    ("西藏自治区人大常委会主任严金海出席会议", "2026-11-01"),
    ("江苏省委书记、省人大常委会主任信长星出席会议", "2026-11-01"),
    ("四川省人大常委会主任王晓晖讲话", "2026-11-01"),
    ("湖北省委书记、省人大常委会主任王忠林出席", "2026-11-01"),
    ("贵州省委书记、省人大常委会主任徐麟作了讲话", "2026-11-01"),
    ("全国人大社会建设委员会副主任委员孙绍骋出席会议", "2025-12-01"),
    ("山西省省长金湘军出席会议", "2025-04-10"),
])
def test_current_office_is_not_flagged(text, as_of):
    assert "ZG310" not in _codes(text, as_of)


# An investigation counts from the day it was announced, and not before.
@pytest.mark.parametrize(("text", "as_of"), [
    ("全国人大社会建设委员会副主任委员孙绍骋出席会议", "2026-02-01"),
    ("山西省省长金湘军出席会议", "2025-04-15"),
    ("广西壮族自治区人民政府主席蓝天立出席会议", "2025-05-20"),
    ("内蒙古自治区人民政府主席王莉霞出席会议", "2025-08-25"),
])
def test_office_after_an_announced_investigation_is_flagged(text, as_of):
    assert "ZG310" in _codes(text, as_of)


def test_sun_shaocheng_left_inner_mongolia_by_age_not_by_investigation():
    # a text of 2025-11 may call him former secretary, but must not report an investigation announced in 2026-01
    findings = _find("内蒙古自治区党委书记孙绍骋出席会议", "2025-11-01", "ZG310")
    assert findings and all("立案审查" not in f.message for f in findings)


@pytest.mark.parametrize(("text", "before", "after"), [
    ("国务院法制办公室发布通知", "2017-01-01", "2019-01-01"),
    ("国务院金融稳定发展委员会召开会议", "2022-01-01", "2024-01-01"),
    ("市地方税务局召开会议", "2017-01-01", "2019-06-01"),
    ("省国家税务局召开会议", "2017-01-01", "2019-06-01"),
    ("区扶贫办召开会议", "2020-01-01", "2022-01-01"),
    ("县扶贫开发办公室召开会议", "2020-01-01", "2022-01-01"),
    ("市规划局批复了方案", "2018-01-01", "2020-01-01"),
    ("县城乡规划局批复了方案", "2018-01-01", "2020-01-01"),
    ("区金融办召开会议", "2023-01-01", "2025-06-01"),
    ("省金融工作局召开会议", "2023-01-01", "2025-06-01"),
])
def test_renamed_body_is_flagged_only_after_the_change(text, before, after):
    assert "ZG411" not in _codes(text, before)
    assert "ZG411" in _codes(text, after)


@pytest.mark.parametrize("text", ["市地方税务局召开会议", "区扶贫办召开会议"])
def test_local_renames_are_shown_not_fixed_safely(text):
    findings = _find(text, "2024-01-01", "ZG411")
    assert findings and all(f.applicability.value != "safe" for f in findings)


@pytest.mark.parametrize("text", ["市规划局批复了方案", "区金融办召开会议"])
def test_a_local_rename_with_several_current_names_is_shown_for_review(text):
    findings = _find(text, "2026-01-01", "ZG411")
    assert findings and findings[0].applicability.value == "display_only"
    assert len(findings[0].suggestions) == 2


@pytest.mark.parametrize("text", ["市自然资源和规划局批复了方案", "自然资源部国土空间规划局负责",
                                  "市地方金融管理局召开会议", "原市规划局局长出席"])
def test_current_names_holding_an_old_one_are_not_outdated(text):
    assert "ZG411" not in _codes(text, "2026-01-01")


def test_an_old_name_inside_another_old_name_is_reported_once():
    findings = _find("银保监会发布通知", "2024-01-01", "ZG411")
    assert [f.found for f in findings] == ["银保监会"]


@pytest.mark.parametrize("as_of", ["2024-01-01", "2019-01-01", "2016-01-01"])
def test_a_plate_that_moved_is_never_an_old_name(as_of):
    # 国家外国专家局: a bureau, a plate of 科学技术部 from 2018, of 人力资源和社会保障部 from 2023
    assert "ZG411" not in _codes("国家外国专家局发布通知", as_of)


@pytest.mark.parametrize(("text", "found"), [("国家监察部发布通知", "国家监察部"), ("地方金融办召开会议", "地方金融办"),
                                           ("县环境保护局召开会议", "环境保护局"), ("市环保局召开会议", "环保局")])
def test_only_a_successors_own_words_before_an_old_name_quiet_it(text, found):
    # 生态环境保护局 writes 生态环境局's words; 国家 before 监察部 or 地方 before 金融办 is no such word: it
    # begins the successor's name, so the span takes it and the fix does not write it twice
    findings = _find(text, "2026-01-01", "ZG411")
    assert [f.found for f in findings] == [found]
    fixed = zhguard.apply_fixes(text, findings)
    assert "国家国家" not in fixed and "地方地方" not in fixed


def test_state_taxation_administration_is_not_an_old_name():
    assert "ZG411" not in _codes("国家税务总局召开会议", "2024-01-01")


@pytest.mark.parametrize("law", ["中华人民共和国环境保护法", "中华人民共和国海洋环境保护法",
                                 "中华人民共和国噪声污染防治法", "中华人民共和国大气污染防治法"])
def test_laws_replaced_by_the_ecological_code(law):
    text = f"依照《{law}》有关规定"
    assert not {"ZG611", "ZG612"} & set(_codes(text, "2026-05-01"))
    findings = _find(text, "2026-09-01", "ZG611")
    assert findings and findings[0].suggestions[0] == "中华人民共和国生态环境法典"


def test_the_ecological_code_itself_is_cited_correctly():
    assert not {"ZG611", "ZG612"} & set(_codes("依照《中华人民共和国生态环境法典》有关规定", "2026-09-01"))


@pytest.mark.parametrize("text", ["国家旅游局局长出席会议", "国务院法制办主任出席会议", "市法制办主任出席会议",
                                  "银监会主席出席会议"])
def test_a_rename_that_changes_the_heads_title_is_not_applied_to_the_office(text):
    # 国家旅游局局长 is no 文化和旅游部局长: the body's successor has another kind of head
    findings = _find(text, "2026-06-01", "ZG411")
    assert findings and all(f.applicability.value == "display_only" for f in findings)


@pytest.mark.parametrize(("text", "fixed"), [("国家工商总局局长出席会议", "国家市场监管总局局长出席会议"),
                                             ("市环保局局长出席会议", "市生态环境局局长出席会议")])
def test_a_rename_that_keeps_the_heads_title_still_fixes_the_office(text, fixed):
    from zhguard.fix import apply_fixes
    findings = _find(text, "2026-06-01", "ZG411")
    assert apply_fixes(text, findings, unsafe=True) == fixed
