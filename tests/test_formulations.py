"""Issue 23, part 1: the standard formulations of 2022-2026 and their numbered families.

A formulation written one character off (a homophone, a doubled character) is found with the standard form
as its fix, and the same formulation written right, in a sentence an editor would write, gives nothing.
"""

from __future__ import annotations

import pytest

import zhguard

CASES = [
    # (the standard form, one character off, a sentence holding the form)
    ("进一步全面深化改革", "进一步全面深华改革", "对进一步全面深化改革作出部署。"),
    ("新质生产力", "新质生产立", "因地制宜发展新质生产力。"),
    ("高水平社会主义市场经济体制", "高水平社会主义市场经济体质", "全面建成高水平社会主义市场经济体制。"),
    ("中央八项规定精神", "中央八项规定精精神", "开展深入贯彻中央八项规定精神学习教育。"),
    ("完整准确全面贯彻新发展理念", "完整准确全面贯彻新发展里念", "完整准确全面贯彻新发展理念，推动高质量发展。"),
    ("以严的基调强化正风肃纪", "以严的基调强化正疯肃纪", "坚持以严的基调强化正风肃纪。"),
    ("宜居宜业和美乡村", "宜居宜业和美乡乡村", "推进宜居宜业和美乡村建设。"),
    ("国家治理体系和治理能力现代化", "国家治理体系和治理能力现带化", "推进国家治理体系和治理能力现代化。"),
    ("质的有效提升和量的合理增长", "质的有效提升和量的合里增长", "持续推动经济实现质的有效提升和量的合理增长。"),
    ("统筹高质量发展和高水平安全", "统筹高质量发展和高水平安安全", "统筹高质量发展和高水平安全。"),
    ("投资于物和投资于人紧密结合", "投资于物和投资于仁紧密结合", "坚持惠民生和促消费、投资于物和投资于人紧密结合。"),
]


@pytest.mark.parametrize(("right", "wrong", "sentence"), CASES, ids=[c[0] for c in CASES])
def test_a_formulation_one_character_off_is_found_with_its_standard_form(right, wrong, sentence):
    text = sentence.replace(right, wrong)
    assert wrong in text
    found = [f for f in zhguard.check(text) if f.code.startswith("ZG2")]
    assert found, text
    assert found[0].suggestions[0] == right


@pytest.mark.parametrize(("right", "wrong", "sentence"), CASES, ids=[c[0] for c in CASES])
def test_a_formulation_written_right_gives_nothing(right, wrong, sentence):
    assert not zhguard.check(sentence)


@pytest.mark.parametrize(("text", "fixed"), [
    ("增强政治意识、看齐意识、核心意识、大局意识。", "政治意识、大局意识、核心意识、看齐意识"),
    ("坚定道路自信、制度自信、理论自信、文化自信。", "道路自信、理论自信、制度自信、文化自信"),
    ("不断学史明理、学史崇德、学史增信、学史力行。", "学史明理、学史增信、学史崇德、学史力行"),
])
def test_a_numbered_family_out_of_order_is_put_in_order(text, fixed):
    # A four-item family is checked for order only: detect/lists.py reads a misspelt item where MIN_ITEMS (4)
    # items stand right, which a four-item family with one item off never has.
    found = [f for f in zhguard.check(text) if f.code == "ZG206"]
    assert found and found[0].suggestions[0].endswith(fixed)


def test_a_numbered_family_written_right_gives_nothing():
    assert not zhguard.check("增强政治意识、大局意识、核心意识、看齐意识，坚定道路自信、理论自信、制度自信、文化自信，"
                             "不断学史明理、学史增信、学史崇德、学史力行。")
