"""A provincial division given the wrong level (ZG512): 宁夏省 → 宁夏回族自治区, 重庆省 → 重庆市.

Every province-level division's short name with a level word that is not its own (省, 市, 自治区) is
generated from places/divisions.tsv, so the class covers all 34, not the few a list would hold.  A form
that is another division's name (吉林市 is a prefecture) is right, and so is a level word that joins the
next character into a word (四川|市场, 广西|省级: the level word belongs to the next word).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

import ahocorasick

from zhguard.detect import Candidate, Scan
from zhguard.finding import Category, Kind
from zhguard.lexicon.compile import ORDINARY_MIN_COUNT, Division, PlaceTable

LEVEL_WORDS = ("自治区", "省", "市")
CONFIDENCE = 0.9


class LevelForms(NamedTuple):
    """wrong form → (full name, origin), and an automaton finding them (None: no places): built in
    0.1 ms, where the alternation of the 72 forms took 0.8 ms to compile in every process."""

    wrong: dict[str, tuple[str, str]]
    automaton: ahocorasick.Automaton | None


def detect(scan: Scan) -> Iterator[Candidate]:
    if scan.levels is None:
        return
    wrong, automaton = scan.levels
    text = scan.text
    if automaton is None or not text:
        return
    for start, end in _leftmost_longest(automaton, text):
        form = text[start:end]
        right, origin = wrong[form]
        level = next(word for word in LEVEL_WORDS if form.endswith(word))
        if _joins_next(text, end, level):
            continue
        reason = f"行政区划级别错误：「{form}」应为「{right}」"
        yield Candidate(start, end, Category.PLACE, Kind.NONSTANDARD, (right,), CONFIDENCE, origin, reason)


def _leftmost_longest(automaton: ahocorasick.Automaton, text: str) -> Iterator[tuple[int, int]]:
    """The forms' spans, leftmost first, the longest where several start together, none overlapping
    the one before: what an alternation of them, longest first, finds."""
    found = sorted((end + 1 - length, -length) for end, length in automaton.iter(text))
    last = 0
    for start, minus_length in found:
        if start >= last:
            last = start - minus_length
            yield start, last


def _joins_next(text: str, end: int, level: str) -> bool:
    """The level word's last character and the next one make a word (市|场, 省|级, 区|域)."""
    from zhguard.wordmodel import word_count

    pair = text[end - 1:end + 1]
    return len(pair) == 2 and word_count(pair) >= ORDINARY_MIN_COUNT


def wrong_forms(table: PlaceTable | None) -> LevelForms:
    """Built once per Checker; the forms that name a division of any level are left out."""
    if table is None:
        return LevelForms({}, None)
    names = {name for name, _, _ in table.names}
    wrong: dict[str, tuple[str, str]] = {}
    for row in table.rows.values():
        if row[3] != "province":  # Division.level: the 34 of 3,210 rows, without building the others
            continue
        division = Division(*row)
        if division.short == division.name:
            continue
        for level in LEVEL_WORDS:
            form = division.short + level
            if form != division.name and form not in names and not division.name.endswith(level + "特别行政区"):
                wrong[form] = (division.name, division.origin)
    if not wrong:
        return LevelForms(wrong, None)
    automaton = ahocorasick.Automaton(ahocorasick.STORE_LENGTH)
    for form in wrong:
        automaton.add_word(form)
    automaton.make_automaton()
    return LevelForms(wrong, automaton)
