"""Properties over arbitrary text: check() never raises, spans are exact, fixes are idempotent.

A fixed example budget keeps CI fast; the strategies mix the lexicon's own
terms and wrong forms into arbitrary Unicode so the detectors are exercised.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zhguard import apply_fixes, check

FRAGMENTS = ["习进平", "习近平", "中国特色社会注意", "社会圭义", "国务园办公厅", "湖南省宜昌市", "区环保局",
             "《中华人民共和国合同法》", "〔2018〕62 号", "[2019]", ",", "。。", "《", "”", "13812345678",
             "11010519491231002X", "丁祥薛同志", "zhguard: ignore", "zhguard: disable[ZG1]", "\r\n", "\r",
             "\x00", "\U00020000", "\u0301", "\udcff", "𠀀𠀁"]
TEXT = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), max_size=30).map("".join)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(TEXT)
def test_findings_are_exact_sorted_and_unique(text):
    findings = check(text)
    for f in findings:
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start:f.end] == f.found
    keys = [f.sort_key for f in findings]
    assert keys == sorted(keys)
    assert len(set(keys)) == len(keys)


@SETTINGS
@given(TEXT)
def test_apply_fixes_is_idempotent_and_touches_only_fixed_spans(text):
    findings = check(text)
    fixed = apply_fixes(text, findings)
    again = apply_fixes(fixed, check(fixed))
    assert apply_fixes(again, check(again)) == again
    applied = [f for f in findings if f.applicability.value == "safe" and f.suggestions]
    if not applied:
        assert fixed == text
    else:
        first, last = min(f.start for f in applied), max(f.end for f in applied)
        tail = len(text) - last
        assert fixed[:first] == text[:first]
        assert fixed[len(fixed) - tail:] == text[last:]


def test_empty_files_and_a_very_long_line(tmp_path, capsys):
    """An empty file is clean; a 2-million-character line is checked with exact positions."""
    from zhguard.cli import main

    (tmp_path / "empty.txt").write_bytes(b"")
    line = "各单位要认真学习贯彻会议精神。" * 140_000 + "深入学习习进平总书记讲话。"
    (tmp_path / "long.txt").write_text(line, encoding="utf-8")
    assert main(["check", str(tmp_path / "empty.txt")]) == 0
    assert main(["check", "--select", "ZG1", str(tmp_path / "long.txt")]) == 1
    out = capsys.readouterr().out
    assert out == (f"{tmp_path / 'long.txt'}:1:{line.index('习进平') + 1}: ZG101 [error] "
                   "领导人姓名错误：「习进平」应为「习近平」（已知错误写法） (置信度 0.95)\n")


def test_a_lone_surrogate_beside_a_place_level_or_township_does_not_raise():
    # found by the property above: the word and township tries encode their keys as UTF-8
    for text in ("一一省\udcff", "宝山区罗\udcff镇", "长江\udcff县"):
        assert apply_fixes(text, check(text)) is not None


def test_wrong_level_forms_are_found_as_their_alternation_finds_them():
    """place_level scans its 72 wrong forms with an automaton (no alternation compiled per process): the
    spans must be the leftmost-longest, non-overlapping ones a longest-first alternation finds, forms
    written side by side, inside each other's reach, and among other characters included."""
    import random
    import re

    from zhguard import Checker
    from zhguard.detect.place_level import _leftmost_longest, wrong_forms

    levels = wrong_forms(Checker().compiled.places)
    forms = sorted(levels.wrong)
    alternation = re.compile("|".join(sorted(map(re.escape, forms), key=len, reverse=True)))
    pieces = [*forms, *{form[:-1] for form in forms}, "自治", "区", "省", "，", "的", "发展"]
    chooser = random.Random(21)
    for _ in range(2000):
        text = "".join(chooser.choice(pieces) for _ in range(chooser.randint(0, 8)))
        expected = [match.span() for match in alternation.finditer(text)]
        assert list(_leftmost_longest(levels.automaton, text)) == expected, text
