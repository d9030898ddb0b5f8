"""Automata whose root finds common characters first.

pyahocorasick finds a node's child by a linear search in the order children
were added.  The root of the bundled surface automaton has about 2,000
children (every first character of a term), so each character of text that
starts no term costs ~2,000 comparisons: about 1 µs, which made the exact scan
run at 1 MB/s.  Adding first a dead-end child for each character in order of
its frequency in Chinese (its words' counts in jieba's dictionary) puts the characters
text is made of at the front of every root lookup: the same scan runs 5-25x
faster (benchmarks/test_scan.py), and finds exactly the same matches, because a
dead end continues only with U+FFFF (a noncharacter) and reports DEAD_END,
which the scanners skip.

Every scan goes through ``scan``, which moves to a faster scanner once a process has scanned
FAST_AFTER characters: ahocorasick_rs scans the bundled surfaces ~4x faster and reports the same matches
in the same order, but cannot be pickled and takes ~130 ms to build.  A one-page run (a pre-commit hook,
the CLI) keeps the pyahocorasick automaton it unpickled in milliseconds; a batch, a server or an archive
builds the twin of each automaton once, paid back within the next megabyte.
"""

from __future__ import annotations

import functools
import threading
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence

import ahocorasick

from zhguard.lexicon.held import built_once

DEAD_END = -1
# Characters a process scans (over all its automata: a check scans its text two or three times) before
# each automaton gets its faster twin: the main automaton's build time over the time it saves per character.
FAST_AFTER = 3_000_000
_NONCHARACTER = "\uffff"
# Characters of every document, before any Han: punctuation, digits, Latin letters, whitespace.
# Beyond this rank characters are rare (well under 1% of text): a longer lead would only lengthen
# the search for the characters that are in no lead at all.
LEAD_SIZE = 5000
WORD_MIN_COUNT = 20
_COMMON_NON_HAN = "，。、；：？！“”‘’《》（）·—…【】\n\r \t\u3000" + "".join(chr(i) for i in range(33, 127))


def automaton(words: Sequence[str], lead: Iterable[str] = (),
              values: Iterable[int] | None = None) -> ahocorasick.Automaton:
    """An automaton of ``words`` (value = index, or ``values``), with the root's children for
    ``lead`` first.  Scan it with ``scan``."""
    built = ahocorasick.Automaton(ahocorasick.STORE_INTS)
    if words:
        for char in lead:
            built.add_word(char + _NONCHARACTER, DEAD_END)
    for word, value in zip(words, range(len(words)) if values is None else values):
        built.add_word(word, value)
    if words:
        built.make_automaton()
    return built


def scan(built: ahocorasick.Automaton, text: str) -> Iterable[tuple[int, int]]:
    """``built.iter(text)``: (last index, value) of every match, ordered by end, longest first.  A dead
    end can only be reached through U+FFFF, so only a text holding one pays for filtering them out."""
    if built.kind != ahocorasick.AHOCORASICK:
        return iter(())
    twin = _TWINS.twin(built, len(text))
    if twin is not None:
        fast, values = twin
        try:
            matches = fast.find_matches_as_indexes(text, overlapping=True)
        except UnicodeEncodeError:
            pass  # a lone surrogate (read with surrogateescape) has no UTF-8 form: pyahocorasick scans it
        else:
            return [(end - 1, values[found]) for found, _, end in matches]
    if _NONCHARACTER not in text:
        return built.iter(text)
    return (hit for hit in built.iter(text) if hit[1] != DEAD_END)


def fast_table(table: str) -> str | list[str]:
    """``table`` (a ``str.translate`` table indexed by code point), or, once this process has scanned
    FAST_AFTER characters, the same table as a list of its characters: translate then hands out the
    list's own strings instead of making one per character of text (a third of the time of translating
    a report into sound keys); the list takes ~3 ms and 4 MB to build, more than a one-page run saves."""
    return table if _TWINS.scanned < FAST_AFTER else _TWINS.table(table)


class _Twins:
    """The characters this process has scanned, and each automaton's ahocorasick_rs twin once they pass
    FAST_AFTER (held with its automaton, so an id is never reused while it is cached); translate tables'
    list twins likewise."""

    def __init__(self) -> None:
        self.scanned = 0
        self._built: dict[int, tuple[ahocorasick.Automaton, tuple[object, list[int]]]] = {}
        self._tables: dict[int, tuple[str, list[str]]] = {}
        self._lock = threading.Lock()

    def table(self, table: str) -> list[str]:
        return built_once(self._tables, table, list, self._lock)

    def twin(self, built: ahocorasick.Automaton, size: int) -> tuple[object, list[int]] | None:
        self.scanned += size
        if self.scanned < FAST_AFTER:
            return None
        return built_once(self._built, built, _rs_twin, self._lock)


def _rs_twin(built: ahocorasick.Automaton) -> tuple[object, list[int]]:
    """An ahocorasick_rs automaton of ``built``'s words (the dead ends left out) and each one's value."""
    import ahocorasick_rs

    words, values = [], []
    for word, value in built.items():
        if value != DEAD_END:
            words.append(word)
            values.append(value)
    return ahocorasick_rs.AhoCorasick(words, store_patterns=False), values


_TWINS = _Twins()


def lead(characters: Iterable[str]) -> list[str]:
    """Common punctuation and ASCII, then ``characters`` (most frequent first), LEAD_SIZE in all."""
    ordered = dict.fromkeys(_COMMON_NON_HAN)
    ordered.update(dict.fromkeys(characters))
    return list(ordered)[:LEAD_SIZE]


def translated(lead_: Iterable[str], table: str | dict[int, str]) -> list[str]:
    """A lead for an automaton over ``text.translate(table)`` (syllable codes), in the same order."""
    return list(dict.fromkeys(char.translate(table) for char in lead_))


@functools.cache
def characters_by_frequency() -> list[str]:
    """Characters most frequent first: common punctuation and ASCII, then the characters of jieba's
    dictionary by their frequency in its words (each word's count added to each of its characters; words
    seen under WORD_MIN_COUNT times add nothing that changes the order).  Read at compile time.

    Counting one-character words instead put 展, 设 and 推 (of 发展, 建设, 推进) far down the lead,
    where every occurrence in official prose searched past hundreds of root children: the bundled
    automaton's scan of clean-2026 took 70 ms against 50 ms in this order (issue 21)."""
    from zhguard.wordmodel import dictionary_path

    counts: dict[str, int] = defaultdict(int)
    with open(dictionary_path(), encoding="utf-8") as handle:
        for line in handle:
            word, count, _ = line.split(" ", 2)
            count = int(count)
            if count >= WORD_MIN_COUNT:
                for char in word:
                    counts[char] += count
    return lead(sorted(counts, key=counts.__getitem__, reverse=True))
