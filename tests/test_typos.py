"""The general-typo detector (ZG915/ZG916): its filters, its switch, its precision on ECSpell's tests."""

from __future__ import annotations

import json

import pytest

from conftest import shared_path, write_lexicon
from zhguard import Checker, Config


@pytest.fixture(scope="module")
def checker():
    """The dictionary scan is preview (issue 18): these tests select it, as a user opting in would."""
    return Checker(Config(select=("ZG",)))


def typos(checker, text):
    return [(f.code, f.found, f.suggestion) for f in checker.check(text) if f.code.startswith("ZG9")]


def test_a_typo_is_reported_with_the_word_as_the_suggestion(checker):
    text = "项目预计年底前全面峻工并投入使用。"
    [finding] = [f for f in checker.check(text) if f.code == "ZG915"]
    assert text[finding.start:finding.end] == finding.found == "峻工"
    assert finding.suggestions == ("竣工",)
    assert finding.applicability.value == "unsafe"
    assert finding.severity.label == "warning"


def test_a_form_that_recurs_in_the_document_is_taken_as_a_term(checker):
    # 峻工 once is a slip; the same form twice in one document is more likely a term the dictionary lacks
    assert typos(checker, "项目预计年底前全面峻工。") == [("ZG915", "峻工", "竣工")]
    assert typos(checker, "项目预计年底前全面峻工。二期工程也已峻工。") == []


def test_a_character_that_joins_its_neighbour_is_left_alone(checker):
    assert typos(checker, "形势严峻工作任务艰巨。") == []


# The word unigram model reads 店型, 基处, 发站 as two frequent one-character words and barely prefers
# the fix; the character bigram model (charmodel.py) knows those pairs are rare in official prose.
@pytest.mark.parametrize(("text", "found", "fix"), [
    ("选树一批先进店型。", "店型", "典型"),
    ("夯实基处工作。", "基处", "基础"),
    ("加快经济发站。", "发站", "发展"),
    ("持续推井改革。", "推井", "推进"),
])
def test_a_typo_of_two_frequent_single_words_is_found_by_the_character_pairs(checker, text, found, fix):
    assert typos(checker, text) == [("ZG915", found, fix)]


# What a pinyin input method lets through: a whole word of the same sound picked wrong (both characters
# differ: 淡味, 墙画), and fuzzy pinyin: in/ing (今/经, 林/领), f/h (胡/服), c/ch + en/eng (层/城).
@pytest.mark.parametrize(("text", "found", "fix"), [
    ("请各淡味于本周五前报送材料。", "淡味", "单位"),
    ("要进一步墙画监督管理。", "墙画", "强化"),
    ("推动今济社会高质量发展。", "今济社会", "经济社会"),
    ("在市委的坚强林导下。", "林导", "领导"),
    ("为群众提供优质胡务。", "胡务", "服务"),
    ("加快推进新型层镇化建设。", "层镇", "城镇"),
])
def test_an_input_methods_sound_alike_is_found(checker, text, found, fix):
    assert typos(checker, text) == [("ZG915", found, fix)]


def test_a_rare_character_of_the_extension_blocks_sounds_like_nothing(checker):
    # 𠀀𠀁 (CJK Extension B, as in names) would read as 何其; a rare basic-block character is heard (菓家)
    assert typos(checker, "𠀀𠀁学习讲话精神。") == []
    assert typos(checker, "由菓家统一规划。") == [("ZG915", "菓家", "国家")]


def test_a_traditional_character_is_reported_as_such_not_as_a_homophone(checker):
    assert [(f.code, f.found, f.suggestion) for f in checker.check("加强基层組织建设。")] == [
        ("ZG914", "組", "组")]


def test_a_division_name_is_a_word_whatever_it_sounds_like(checker):
    # 濉溪 (a county of 安徽) sounds like 水系; the divisions table knows it as a place
    assert typos(checker, "记者进入濉溪二村巷内采访。") == []


def test_a_name_after_a_title_is_left_alone_but_the_same_slip_elsewhere_is_not(checker):
    # 刘国忠介绍: 忠介 sounds like 中介, but it is the end of a name after 主任
    assert typos(checker, "村委会主任刘国忠介绍情况。") == []
    assert typos(checker, "要规范房地产忠介机构的经营行为。") == [("ZG915", "忠介", "中介")]


def test_a_listed_idiom_misspelling_wins_over_the_generated_finding(checker):
    assert typos(checker, "有关人员迫不急待地发布了消息。") == [("ZG901", "迫不急待", "迫不及待")]


# Look-alike pairs the four-corner table misses, from the stroke and component table
# (data/typos/shape_strokes.tsv): a dropped radical (法/去), a swapped one (院/浣, 保/呆), one stroke (体/休).
@pytest.mark.parametrize(("text", "found", "fix"), [
    ("当事人可以依法向人民去院提起诉讼。", "去院", "法院"),
    ("市卫生健康委组织专家到县医浣开展义诊。", "医浣", "医院"),
    ("要切实呆障困难群众基本生活。", "呆障", "保障"),
    ("要从整休上推进改革发展各项工作。", "整休", "整体"),
])
def test_a_stroke_or_component_look_alike_is_reported(checker, text, found, fix):
    assert typos(checker, text) == [("ZG916", found, fix)]


@pytest.mark.parametrize("text", [
    "当事人可以依法向人民法院提起诉讼，也可以去仲裁机构申请仲裁。",
    "市卫生健康委组织专家到县医院开展义诊，看望住院病人。",
    "要切实保障困难群众基本生活，丙类传染病按规定管理。",
    "要从整体上推进改革发展各项工作，职工按规定休假。",
])
def test_the_written_look_alike_in_its_own_word_is_left_alone(checker, text):
    assert typos(checker, text) == []


def test_ignoring_zg9_skips_the_detector():
    checker = Checker(Config(ignore=("ZG9",)))
    assert checker._typos is None
    assert typos(checker, "项目预计年底前全面峻工并投入使用。") == []
    assert [f.code for f in checker.check("深入学习习进平总书记重要讲话精神。")] == ["ZG101"]


def test_selecting_another_category_skips_the_detector():
    assert Checker(Config(select=("ZG1",)))._typos is None
    assert Checker(Config(select=("ZG915",)))._typos is not None


def test_the_dictionary_scan_is_off_by_default():
    # issue 18: ~60 findings per 100,000 characters of unseen 2026 prose; opt in with --select ZG9
    assert Checker()._typos is None
    assert [f.code for f in Checker().check("项目预计年底前全面峻工并投入使用。")] == []


@pytest.mark.parametrize("name", ["odw.test.jsonl", "law.test.jsonl"])
def test_precision_on_ecspell_test_sets(checker, name):
    """A guard, not the report (benchmarks/typos_quality.py): precision >= 80%, recall not below 20%."""
    path = shared_path("data", "ecspell", name)
    spans = found = true = false = 0
    for line in path.open(encoding="utf-8"):
        record = json.loads(line)
        findings = [f for f in checker.check(record["text"]) if f.code.startswith("ZG9")]
        errors = record["errors"]
        spans += len(errors)
        found += sum(any(f.start < e["end"] and e["start"] < f.end for f in findings) for e in errors)
        for f in findings:
            if any(f.start < e["end"] and e["start"] < f.end for e in errors):
                true += 1
            else:
                false += 1
    assert true / (true + false) >= 0.8
    assert found / spans >= 0.2


def test_a_site_idiom_missing_from_jiebas_dictionary_written_right_is_quiet(tmp_path):
    # 笃行不怠 (a phrase of the 20th Party Congress report) is not in jieba's dict.txt: the sound scan
    # hears it and no known word is written there, so the span differs from the word in no character.
    write_lexicon(tmp_path, "site\t本站词表\t本站\t本站\t\t2026-11-25\t\n",
                  idioms="# zhguard: kind=terms category=general columns=canonical,known_wrong,source,note\n"
                         "笃行不怠\t笃行不殆\tsite\t\n")
    checker = Checker(lexicons=[tmp_path])
    assert checker.check("我们要踔厉奋发、笃行不怠。") == []
    assert [(f.code, f.suggestion) for f in checker.check("我们要笃行不殆。")] == [("ZG901", "笃行不怠")]


def test_a_site_two_character_term_gets_its_look_alikes_found(tmp_path, checker):
    # 捐款 is too rare in jieba's dictionary for its look-alikes to be enumerated; listed by a site, it is
    # a word a typo may spoil (the term engine gives two-character terms no near misses).  损款 for 捐款
    # is a published case (benchmarks/data/real_cases.tsv).
    header = "# zhguard: kind=terms category=political_term columns=canonical,known_wrong,source,note\n"
    write_lexicon(tmp_path, "site\t本站词表\t本站\t本站\t\t2026-11-26\t\n", terms=header + "捐款\t\tsite\t\n")
    text = "社会各界踊跃损款，支援灾区。"
    assert typos(checker, text) == []
    assert typos(Checker(Config(select=("ZG",)), lexicons=[tmp_path]), text) == [("ZG916", "损款", "捐款")]
