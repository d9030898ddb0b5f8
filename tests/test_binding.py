"""ZG310: an office its holder has left names who holds it now (issue 19); a namesake is no wrong binding."""

from __future__ import annotations

import datetime as dt

import pytest

from zhguard import Checker, Config


def test_a_past_office_names_its_current_holder(checker):
    # facts/title_binding.tsv: 冯飞 left 海南省省长 by 2023-04-02; 刘小明 holds it since 2023-05-31
    [finding] = checker.check("海南省省长冯飞出席会议。", as_of=dt.date(2026, 3, 1))
    assert finding.code == "ZG310"
    assert "冯飞已于2023-04-02卸任「海南省省长」" in finding.message
    assert finding.message.endswith("现任海南省省长：刘小明")


@pytest.mark.parametrize("title", ["香港特别行政区行政长官", "香港特区行政长官", "行政长官"])
def test_a_chief_executive_who_has_left_names_the_one_in_office(checker, title):
    # issue 19: the chief executives of Hong Kong and Macau, current and former (facts/title_binding.tsv)
    [finding] = checker.check(f"{title}林郑月娥出席会议。", as_of=dt.date(2026, 3, 1))
    assert finding.code == "ZG310" and finding.found == title
    assert "林郑月娥已于2022-06-30卸任" in finding.message
    assert finding.message.endswith("现任香港特别行政区行政长官：李家超")
    assert checker.check(f"{title}林郑月娥出席会议。", as_of=dt.date(2020, 3, 1)) == []


def test_an_office_held_on_the_documents_date_is_quiet(checker):
    assert checker.check("海南省省长冯飞出席会议。", as_of=dt.date(2023, 3, 1)) == []


def test_an_office_not_yet_held_says_when_it_starts(checker):
    # facts/title_binding.tsv: 黄强 became 中共吉林省委书记 on 2024-06-28; before, he was 四川省省长
    [finding] = checker.check("吉林省委书记黄强出席会议。", as_of=dt.date(2024, 1, 1))
    assert finding.code == "ZG310"
    assert "于2024-06-28起任「吉林省委书记」，2024-01-01时尚未担任" in finding.message
    assert "卸任" not in finding.message and "不再担任" not in finding.message


def test_a_level_only_title_after_a_function_word_spans_the_title_alone(checker):
    text = "会议由省长冯飞主持。"
    [finding] = checker.check(text, as_of=dt.date(2026, 3, 1))
    assert finding.code == "ZG310"
    assert text[finding.start:finding.end] == "省长"


# A minister's or governor's name is also the name of many local officials (facts/title_binding.tsv:
# 刘伟 is 交通运输部部长, 董军 国防部长, 李强 国务院总理): a local title before it names another person.
@pytest.mark.parametrize("text", ["会上，副市长刘伟介绍了有关情况。", "区委书记王志刚主持会议。", "县长董军讲话。",
                                  "市卫健委主任刘伟介绍情况。", "镇党委书记李强出席。", "副省长刘伟出席。"])
def test_a_local_title_before_a_ministers_name_is_a_namesake(text):
    assert [f.code for f in Checker().check(text, as_of=dt.date(2026, 3, 1))] == []


def test_a_head_word_alone_is_shown_only_below_the_default_threshold():
    checker = Checker(Config(min_confidence=0.3))
    [finding] = checker.check("主任刘伟讲话。", as_of=dt.date(2026, 3, 1))
    assert finding.code == "ZG310" and finding.confidence < 0.5
    assert "同名" in finding.message
    assert Checker().check("主任刘伟讲话。", as_of=dt.date(2026, 3, 1)) == []


@pytest.mark.parametrize(("text", "found"), [("教育部部长刘伟讲话。", "教育部部长"), ("省长刘伟讲话。", "省长"),
                                             ("湖南省省长刘伟讲话。", "湖南省省长")])
def test_a_national_or_provincial_title_before_a_ministers_name_is_still_checked(text, found):
    [finding] = Checker().check(text, as_of=dt.date(2026, 3, 1))
    assert (finding.code, finding.found) == ("ZG310", found)


@pytest.mark.parametrize(("text", "expected"), [("部长刘卫出席会议。", []), ("书记刘卫讲话。", []),
                                                ("交通运输部部长刘卫出席会议。", [("ZG102", "刘卫", ("刘伟",))])])
def test_a_two_character_name_near_a_ministers_needs_more_than_a_head_word(text, expected):
    found = [(f.code, f.found, f.suggestions) for f in Checker().check(text, as_of=dt.date(2026, 3, 1))]
    assert found == expected


def test_every_current_office_in_each_written_form_before_its_holder_is_quiet(checker):
    """The class, not a case: each current office's title as written (中共江苏省委书记, 江苏省委书记, and in
    full: 中国共产党江苏省委员会书记, 安徽省人民政府省长, 江苏省人民代表大会常务委员会主任) before its
    holder's name raises no title finding (the last two were false alarms)."""
    from zhguard.titles import PARTY, full_forms

    offices = checker.compiled.offices.offices
    written = [(form, person) for person, held in offices.items() for office in held
               if office.status == "current" and office.valid_to is None
               for form in {office.title, office.title.removeprefix(PARTY), *full_forms(office.title)}]
    assert len(written) > 300
    alarms = [(form + person, found) for form, person in written
              if (found := [f.found for f in checker.check(form + person + "出席会议。") if f.code.startswith("ZG3")])]
    assert not alarms, alarms[:5]
