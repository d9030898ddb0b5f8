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
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence

import ahocorasick

DEAD_END = -1
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


def scan(built: ahocorasick.Automaton, text: str) -> Iterator[tuple[int, int]]:
    """``built.iter(text)``: (last index, value) of every match.  A dead end can only be reached
    through U+FFFF, so only a text holding one pays for filtering them out."""
    if built.kind != ahocorasick.AHOCORASICK:
        return iter(())
    if _NONCHARACTER not in text:
        return built.iter(text)
    return (hit for hit in built.iter(text) if hit[1] != DEAD_END)


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
