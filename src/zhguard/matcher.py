"""The only module that scans for the lexicon's surfaces: all overlapping hits as half-open spans."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from itertools import compress
from operator import itemgetter
from typing import NamedTuple

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


_PATTERN = itemgetter(2)  # Hit.pattern
_NO_PLACE = -1


def tagged(compiled: CompiledLexicon, hits: Sequence[Hit], flag: str) -> Iterator[tuple[Hit, Pattern]]:
    """The hits whose pattern carries ``flag`` (``person``, ``renamed``), with their patterns."""
    patterns = compiled.patterns
    bit, flags = _BITS[flag], patterns.flags
    for hit in hits:
        if flags[hit.pattern] & bit:
            yield hit, patterns[hit.pattern]


_BITS = {"correct": CORRECT, "renamed": RENAMED, "person": PERSON}


class CorrectSpans:
    """Spans of correct surfaces (canonical terms, allowed phrases) found in a text.

    A wrong form lying strictly inside one of them is ordinary text: 学习近乎
    contains 习近乎, 学习平台 contains 习平.
    """

    __slots__ = ("_spans", "_starts", "_longest")

    def __init__(self, compiled: CompiledLexicon, hits: Sequence[Hit]) -> None:
        flags = compiled.patterns.flags
        self._spans = sorted((h.start, h.end) for h in hits if flags[h.pattern] & CORRECT)
        self._starts = [start for start, _ in self._spans]
        self._longest = compiled.longest

    def covers(self, start: int, end: int) -> bool:
        """True if a correct span other than [start, end) contains [start, end)."""
        low = bisect_left(self._starts, start - self._longest)
        high = bisect_right(self._starts, start)
        return any(e >= end and (s, e) != (start, end) for s, e in self._spans[low:high])
