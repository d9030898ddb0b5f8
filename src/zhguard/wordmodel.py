"""A word unigram model for deciding near misses: does the fix make the text more probable?

The frequencies are jieba's dictionary (dict.txt, MIT), read as data: jieba
itself is never imported.  It is loaded only when a near-miss candidate needs
it (clean text rarely has one), and kept as a pickle in zhguard's cache.
"""

from __future__ import annotations

import array
import functools
import importlib.util
import math
import os
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

import marisa_trie

from zhguard.text import han_run_after, han_run_before

# Longest word looked up while segmenting a window.
MAX_WORD = 8


class WordModel:
    """log P(word) from counts; a window's score is its most probable segmentation.

    The words live in a marisa trie (word → id) and their counts in an array by id: both are flat
    buffers, so the cache unpickles in ~2 ms (a pyahocorasick trie of the same words took 32 ms, a
    dict ~6x that), and lookups stay in C.
    """

    __slots__ = ("_ids", "_counts", "_log_total", "_unknown")

    def __init__(self, ids: marisa_trie.Trie, counts: array.array, total: int) -> None:
        self._ids = ids
        self._counts = counts
        self._log_total = math.log(total)
        self._unknown = -self._log_total  # a character never seen: count 1

    @property
    def logp_total(self) -> float:
        """log of the total count: ``log(count) - logp_total`` is a word's log probability."""
        return self._log_total

    def count(self, word: str) -> int:
        try:
            index = self._ids.get(word)
        except UnicodeEncodeError:  # a lone surrogate (a file read with surrogateescape) is no word
            return 0
        return 0 if index is None else self._counts[index]

    def words_of_length(self, length: int, min_count: int = 1) -> Iterator[str]:
        """Every word this long seen at least ``min_count`` times (one pass over the trie: ~0.1 s, for
        tables built once and cached)."""
        counts = self._counts
        return (word for word, index in self._ids.items()
                if len(word) == length and counts[index] >= min_count)

    def logp(self, word: str) -> float:
        count = self.count(word)
        return math.log(count) - self._log_total if count else self._unknown

    def score(self, text: str, extra: Mapping[str, float] | None = None) -> float:
        """Best log probability of ``text`` split into known words (``extra`` adds words)."""
        return self._best(text, extra or {})[0][-1]

    def word_at(self, text: str, index: int) -> tuple[int, int]:
        """The span of the word of ``text``'s most probable split that holds the character at ``index``:
        whether a slip at ``index`` falls inside a word of a term (传|行|统, 均|发展) or between two."""
        return next(span for span in self.segment(text) if span[0] <= index < span[1])

    def segment(self, text: str) -> list[tuple[int, int]]:
        """The most probable split of ``text`` into known words, as (start, end) spans."""
        back = self._best(text, {})[1]
        spans, end = [], len(text)
        while end > 0:
            spans.append((back[end], end))
            end = back[end]
        return spans[::-1]

    def _best(self, text: str, extra: Mapping[str, float]) -> tuple[list[float], list[int]]:
        """The best log probability of each prefix of ``text``, and where its last word starts.

        The words that start at each place are asked of the trie in one call (its prefixes of the next
        MAX_WORD characters), not one lookup per span; ``extra`` words (a term, a few at most) are looked
        for at each place and take precedence over the trie's counts.  Each start's words relax the
        prefixes they end, in the order ``_best_span_by_span`` (the reference: a test compares them) tries
        them, so the split and its scores are the same."""
        prefixes, counts, log_total, unknown = self._ids.iter_prefixes_with_ids, self._counts, \
            self._log_total, self._unknown
        added = [(word, p) for word, p in extra.items() if 0 < len(word) <= MAX_WORD]
        size = len(text)
        best = [0.0] + [-math.inf] * size
        back = [0] * (size + 1)
        for start in range(size):
            base = best[start]
            try:
                found = list(prefixes(text[start:start + MAX_WORD]))
            except UnicodeEncodeError:  # a lone surrogate (surrogateescape): as the reference treats it
                return self._best_span_by_span(text, extra)
            ends: dict[int, float] = {}
            for word, index in found:
                count = counts[index]
                if count:
                    ends[start + len(word)] = math.log(count) - log_total
            for word, p in added:
                if text.startswith(word, start):
                    ends[start + len(word)] = p
            if start + 1 not in ends:
                ends[start + 1] = unknown  # a character no word holds
            for end, p in ends.items():
                if base + p > best[end]:
                    best[end], back[end] = base + p, start
        return best, back

    def _best_span_by_span(self, text: str, extra: Mapping[str, float]) -> tuple[list[float], list[int]]:
        """``_best`` as first written: every span of up to MAX_WORD characters looked up on its own."""
        ids, counts = self._ids, self._counts
        best = [0.0] + [-math.inf] * len(text)
        back = [0] * (len(text) + 1)
        for end in range(1, len(text) + 1):
            for start in range(max(0, end - MAX_WORD), end):
                word = text[start:end]
                index = ids.get(word)
                count = 0 if index is None else counts[index]
                if word in extra:
                    p = extra[word]
                elif count:
                    p = math.log(count) - self._log_total
                elif end - start == 1:
                    p = self._unknown
                else:
                    continue
                if best[start] + p > best[end]:
                    best[end], back[end] = best[start] + p, start
        return best, back

    def is_ordinary(self, text: str, min_count: int) -> bool:
        return is_ordinary(text, lambda word: self.count(word) >= min_count)


def is_ordinary(text: str, known: Callable[[str], bool]) -> bool:
    """True if ``text`` splits into ``known`` words of 2+ characters.

    社会注意 (社会|注意) is ordinary text; 习进平 and 社会圭义 are not.
    """
    end = len(text)
    reachable = [True] + [False] * end
    for stop in range(1, end + 1):
        for start in range(max(0, stop - MAX_WORD), stop - 1):
            if reachable[start] and known(text[start:stop]):
                reachable[stop] = True
                break
    return reachable[end]


def cuts_a_word(text: str, start: int, end: int, window: int, min_count: int, *, start_edge: bool = True,
                own: str = "") -> bool:
    """True if ``text[start:end]`` with ``window`` Han characters either side reads best with a word seen
    ``min_count`` times across one of the span's edges: 生态环境|不断|改善 for 生态环境部 (不断 crosses
    the end), 以|法治|政府 for 依法执政, 在|发展中|固 for 中国.  Such a span is a cut through ordinary
    words, not a unit of the text, whatever term it resembles; 社会|注意|思想 is cut at word edges.  Without
    ``start_edge`` only the end is read (a span that begins with a name: 落实|习…).  A word across the end
    that holds the last two characters or more of ``own`` (the term) is the term's word going on, no cut
    (全国国人大|代表 holds 人大代表)."""
    left = han_run_before(text, start, window)
    right = han_run_after(text, end, window)
    written = left + text[start:end] + right
    edges = (len(left), len(written) - len(right)) if start_edge else (len(written) - len(right),)
    model = load_word_model()
    stop = len(written) - len(right)
    return any(a < edge < b and model.count(written[a:b]) >= min_count
               and not (own and edge == stop and edge - a >= 2 and own.endswith(written[a:edge]))
               for a, b in model.segment(written) if b - a >= 2 for edge in edges)


def dictionary_path() -> Path:
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("jieba is not installed; zhguard needs its dictionary file")
    return Path(next(iter(spec.submodule_search_locations))) / "dict.txt"


@functools.cache
def load_word_model() -> WordModel:
    """The model from jieba's dict.txt, through a pickle in the cache directory."""
    from zhguard.lexicon.cache import content_key, file_digest, load_or_build

    path = dictionary_path()
    key = content_key("words:4", file_digest(path))  # contents, not paths: a fresh venv reuses it
    ids, counts, total = load_or_build(key, lambda: _read_counts(path), prefix="words")
    return WordModel(ids, counts, total)


# jieba's tags of words that only join others: conjunctions, adverbs, prepositions, particles, pronouns
# (not zg: jieba tags any rare character so).
FUNCTION_TAGS = frozenset({"c", "d", "p", "r", "u", "uj", "ul", "uz", "ug", "uv", "ud"})


@functools.cache
def character_tags() -> dict[str, str]:
    """Each one-character word's tag in jieba's dictionary (既 c, 更 d, 建 v …): read from its lines on first
    use (a rare question: a character put inside a formulation, a province's stem cut short)."""
    tags = {}
    with open(dictionary_path(), encoding="utf-8") as handle:
        for line in handle:
            if line[1:2] == " ":
                fields = line.split()
                if len(fields) == 3:
                    tags[fields[0]] = fields[2]
    return tags


@functools.cache
def place_words() -> frozenset[str]:
    """The words jieba's dictionary tags as place names (ns: 如皋, 陇西): read on a cold compile only."""
    with open(dictionary_path(), encoding="utf-8") as handle:
        return frozenset(line.split(" ", 1)[0] for line in handle if line.rstrip().endswith(" ns"))


@functools.cache
def function_characters() -> frozenset[str]:
    """The one-character words jieba's dictionary tags as function words (既, 更, 已, 均 …)."""
    return frozenset(char for char, tag in character_tags().items() if tag in FUNCTION_TAGS)


def word_count(word: str) -> int:
    """``word``'s count in jieba's dictionary (0 if absent); loads the model on first use."""
    return load_word_model().count(word)


def _read_counts(path: Path) -> tuple[marisa_trie.Trie, array.array, int]:
    """The words' trie, their counts by trie id, and the total count."""
    counts, _ = read_dictionary(path)
    ids = marisa_trie.Trie(counts)
    by_id = array.array("I", bytes(4 * len(ids)))
    for word, count in counts.items():
        by_id[ids[word]] = count
    return ids, by_id, sum(counts.values())


def read_dictionary(path: os.PathLike[str] | str, *,
                    tags: bool = False) -> tuple[dict[str, int], dict[str, str]]:
    """word → count, and word → tag if ``tags`` (else {}), from dict.txt (``word count tag`` a line).

    One split of the whole file instead of 349,000 line splits (a cold start
    builds three tables from it: the lexicon's homophone words, this model and
    the typo tables; only the last needs the tags, a 0.2 s dict).  Not kept:
    the dicts hold ~50 MB.
    """
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    fields = text.split()
    lines = text.count("\n") + (not text.endswith("\n"))
    if len(fields) == 3 * lines and all(map(str.isdigit, fields[1::3])):
        words = fields[0::3]
        counts = dict(zip(words, map(int, fields[1::3]), strict=True))
        return counts, dict(zip(words, fields[2::3], strict=True)) if tags else {}
    counts, tagged = {}, {}
    for line in text.splitlines():  # a dictionary with a missing tag somewhere (user builds of jieba)
        parts = line.split()
        if len(parts) >= 2 and parts[1].isdigit():
            counts[parts[0]] = int(parts[1])
            tagged[parts[0]] = parts[2] if len(parts) >= 3 else ""
    return counts, tagged if tags else {}


