"""The only module that scans for the lexicon's surfaces: all overlapping hits as half-open spans."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Mapping, Sequence
from itertools import compress
from operator import itemgetter
from typing import NamedTuple, TypeVar

from zhguard.lexicon.compile import CORRECT, PERSON, RENAMED, CompiledLexicon, Pattern
from zhguard.lexicon.fanout import scan


class Hit(NamedTuple):
    """``text[start:end]`` equals ``patterns[pattern].surface``."""

    start: int
    end: int
    pattern: int


def find_hits(compiled: CompiledLexicon, text: str) -> list[Hit]:
    """Every occurrence of every pattern, overlaps included, ordered by end then length.

    The scanners report an *inclusive* end index; this is the one place it
    becomes a half-open span.
    """
    if not compiled.patterns or not text:
        return []
    lengths, new = compiled.patterns.lengths, tuple.__new__
    # tuple.__new__ skips the NamedTuple's Python-level __new__: a fifth of this loop's time
    return [new(Hit, (last + 1 - lengths[index], last + 1, index))
            for last, index in scan(compiled.automaton, text)]


def place_hits(compiled: CompiledLexicon, hits: Sequence[Hit]) -> list[tuple[Hit, int]]:
    """The hits of divisions' names, with each one's place (an index into PlaceTable.names), in the
    hits' order: picked in C, as a page's hits are mostly no place."""
    places = list(map(compiled.patterns.places.__getitem__, map(_PATTERN, hits)))
    return list(compress(zip(hits, places), map(_NO_PLACE.__lt__, places)))


T = TypeVar("T")
_PATTERN = itemgetter(2)  # Hit.pattern
_SPAN = itemgetter(0, 1)  # Hit.start, Hit.end
_NO_PLACE = -1


def tagged(compiled: CompiledLexicon, hits: Sequence[Hit], flag: str) -> Iterator[tuple[Hit, Pattern]]:
    """The hits whose pattern carries ``flag`` (``person``, ``renamed``), with their patterns."""
    patterns = compiled.patterns
    for hit in flagged(compiled, hits, _BITS[flag]):
        yield hit, patterns[hit.pattern]


def flagged(compiled: CompiledLexicon, hits: Sequence[Hit], bit: int) -> list[Hit]:
    """The hits whose pattern's flags (PatternTable.flags) have ``bit``, picked in C: a page has ~800
    hits, and most detectors want a few of them."""
    flags = compiled.patterns.flags
    return list(compress(hits, map(bit.__and__, map(flags.__getitem__, map(_PATTERN, hits)))))


def keyed(hits: Sequence[Hit], table: Mapping[int, T]) -> list[tuple[Hit, T]]:
    """The hits whose pattern is a key of ``table`` (a pattern index → what it means to a detector:
    the terms it anchors, the holders of a title), each with its value, picked in C (a value that is
    empty counts as none)."""
    values = list(map(table.get, map(_PATTERN, hits)))
    return list(compress(zip(hits, values), values))


_BITS = {"correct": CORRECT, "renamed": RENAMED, "person": PERSON}


class CorrectSpans:
    """Spans of correct surfaces (canonical terms, allowed phrases) found in a text.

    A wrong form lying strictly inside one of them is ordinary text: 学习近乎
    contains 习近乎, 学习平台 contains 习平.
    """

    __slots__ = ("_spans", "_starts", "_longest")

    def __init__(self, compiled: CompiledLexicon, hits: Sequence[Hit]) -> None:
        self._spans = sorted(map(_SPAN, flagged(compiled, hits, CORRECT)))
        self._starts = [start for start, _ in self._spans]
        self._longest = compiled.longest

    def holds(self, start: int, end: int) -> bool:
        """True if [start, end) itself is a correct surface (“中编办” quoted)."""
        at = bisect_left(self._spans, (start, end))
        return at < len(self._spans) and self._spans[at] == (start, end)

    def covers(self, start: int, end: int) -> bool:
        """True if a correct span other than [start, end) contains [start, end)."""
        low = bisect_left(self._starts, start - self._longest)
        high = bisect_right(self._starts, start)
        return any(e >= end and (s, e) != (start, end) for s, e in self._spans[low:high])
