"""Ordered lists written with an item misspelt or out of order: 社会主义核心价值观's 法治 as 法制.

The twelve values of 社会主义核心价值观 stand on banners and pages in a fixed order, with any separators
(、，spaces, a group a line).  Two published errors (benchmarks/data/real_cases.tsv) are an item written
as another word (法制 for 法治) and items out of order (和谐 followed by 平等).  A list of the lexicon
(kind=lists) is checked wherever a run of words separated by punctuation or spaces holds MIN_ITEMS of its
items (one fewer than a short list holds): a word one character off the item its place in the run expects
is that item misspelt, and items out of the list's order are reported with the run put in order.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from zhguard.detect import Candidate, Scan
from zhguard.finding import Kind
from zhguard.lexicon.fanout import scan as scan_automaton
from zhguard.lexicon.model import OrderedList

# Words (runs of Han characters) separated by list punctuation or spaces, a group a line included.
# Compiled where a list's items cluster (re.compile keeps them), not at import: a Han class costs ~1 ms
# to compile in every process, and most pages write no list out (issue 21).
RUN = r"[\u4e00-\u9fff]+(?:[、，,；;·•/|\s\u3000]+[\u4e00-\u9fff]+)+"
WORD = r"[\u4e00-\u9fff]+"
# A run is a writing of the list when it holds this many of its items: fewer is prose (民主、法治).
MIN_ITEMS = 4
# Item occurrences further apart than this are not one list (a separator, 倡导, a line break between them).
GAP = 16
CONFIDENCE = 0.9


class Slot(NamedTuple):
    """An item's place in the text: ``text[start:end]`` is item ``index`` of the list, or (``written``
    differing) that item misspelt."""

    start: int
    end: int
    index: int
    written: str


def detect(scan: Scan) -> Iterator[Candidate]:
    """Only where MIN_ITEMS of a list's items stand close together does a run get looked at: one scan
    of every list's items (an automaton, in C) finds them (民主, 和谐 are common words; a writing of the
    list is rare)."""
    compiled, text = scan.compiled, scan.text
    table = compiled.list_items
    if table is None:
        return
    starts: dict[int, list[int]] = defaultdict(list)  # list → where its items start in the text
    for last, item in scan_automaton(table.automaton, text):
        start = last - table.lengths[item] + 1
        for index in table.entries[item]:
            starts[index].append(start)
    lists = compiled.lexicon.lists
    for index in sorted(starts):
        items = lists[index].items
        for start, end in _clusters(sorted(starts[index]), len(text), _needed(items), _gap(items)):
            for run in re.compile(RUN).finditer(text, start, end):
                words = [(m.start(), m.end()) for m in re.compile(WORD).finditer(text, run.start(), run.end())]
                yield from _check(lists[index], text, words)


def _needed(items: Sequence[str]) -> int:
    """How many of a list's items, written right, make a run a writing of it: MIN_ITEMS, but one fewer
    than a short list holds, or its one misspelt item (核心意思 among 四个意识's) would never be looked
    for; never fewer than two."""
    return max(2, min(MIN_ITEMS, len(items) - 1))


def _gap(items: Sequence[str]) -> int:
    """How far apart two items' starts may stand: GAP, or room for a long misspelt item between two
    (坚持和加强党的全面领导, eleven characters, among the five 重大原则)."""
    return max(GAP, 2 * max(map(len, items)) + 2)


def _clusters(starts: Sequence[int], length: int, needed: int = MIN_ITEMS,
              gap: int = GAP) -> Iterator[tuple[int, int]]:
    """Spans around ``needed`` or more item occurrences (``starts``, in order) each within ``gap``
    characters of the next, widened by ``gap`` either side (a misspelt item at a run's edge is no
    occurrence)."""
    first = 0
    for i in range(1, len(starts) + 1):
        if i == len(starts) or starts[i] - starts[i - 1] > gap:
            if i - first >= needed:
                yield max(0, starts[first] - gap), min(length, starts[i - 1] + gap)
            first = i


def _check(ordered: OrderedList, text: str, words: Sequence[tuple[int, int]]) -> Iterator[Candidate]:
    items = ordered.items
    found: list[Slot | None] = [_item(items, text, start, end) for start, end in words]
    if len({slot.index for slot in found if slot}) < _needed(items):
        return
    for k, slot in enumerate(found):  # a word between two items that is one character off the expected one
        if slot is None:
            found[k] = _misspelt(items, text, words[k], found[k - 1] if k else None,
                                 found[k + 1] if k + 1 < len(found) else None)
    slots = [slot for slot in found if slot]
    for slot in slots:
        if slot.written != items[slot.index]:
            yield Candidate(slot.start, slot.end, ordered.category, Kind.SUBSTITUTION, (items[slot.index],),
                            CONFIDENCE, ordered.origin,
                            f"{ordered.name}中「{slot.written}」应为「{items[slot.index]}」")
    indices = [slot.index for slot in slots]
    if all(b > a for a, b in zip(indices, indices[1:], strict=False)):
        return
    start, end = slots[0].start, slots[-1].end
    suggestions: tuple[str, ...] = ()
    if sorted(indices) == list(range(min(indices), max(indices) + 1)):
        pieces, last = [], start
        for slot, index in zip(slots, sorted(indices), strict=True):
            pieces += [text[last:slot.start], items[index]]
            last = slot.end
        suggestions = ("".join(pieces),)
    order = "、".join(items[min(indices):max(indices) + 1])
    yield Candidate(start, end, ordered.category, Kind.TRANSPOSITION, suggestions, CONFIDENCE, ordered.origin,
                    f"{ordered.name}的顺序应为：{order}")


def _item(items: Sequence[str], text: str, start: int, end: int) -> Slot | None:
    """The item a word is, or ends with (倡导富强: the list's words are often introduced so)."""
    word = text[start:end]
    for index, item in enumerate(items):
        if word.endswith(item):
            return Slot(end - len(item), end, index, item)
    return None


def _misspelt(items: Sequence[str], text: str, word: tuple[int, int], before: Slot | None,
              after: Slot | None) -> Slot | None:
    """The item expected between ``before`` and ``after`` if the word's end differs from it in one
    character (法制 for 法治), else None."""
    expected = {before.index + 1 if before else None, after.index - 1 if after else None} - {None}
    if len(expected) != 1:  # no neighbour, or two that disagree
        return None
    index = expected.pop()
    if not 0 <= index < len(items):
        return None
    item = items[index]
    start, end = word
    if end - start < len(item):
        return None
    written = text[end - len(item):end]
    if sum(a != b for a, b in zip(written, item, strict=True)) != 1:
        return None
    return Slot(end - len(item), end, index, written)
