"""ZG310's message: an office its holder has left names who holds it now, where the facts know (issue 19)."""

from __future__ import annotations

import datetime as dt


def test_a_past_office_names_its_current_holder(checker):
    # facts/title_binding.tsv: 冯飞 left 海南省省长 by 2023-04-02; 刘小明 holds it since 2023-05-31
    [finding] = checker.check("海南省省长冯飞出席会议。", as_of=dt.date(2026, 3, 1))
    assert finding.code == "ZG310"
    assert "冯飞已于2023-04-02卸任「海南省省长」" in finding.message
    assert finding.message.endswith("现任海南省省长：刘小明")


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
