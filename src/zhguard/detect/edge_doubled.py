"""A term written right with its first or last character written twice (王沪宁宁, 刘刘振立, 国务院院,
党党中央, 白白河县): ZG105, ZG205, ZG405, ZG505.

The near-miss engine generates characters put inside a term (习近近平, 中国特色色社会主义), not a character
doubled at its edge: 国务院 followed by 院 is the term and the next word as far as the automaton knows.
A term written right, then its last character again, is a doubled character unless that character
begins a word with what follows (医保局局长, 工信部部署, 李希希望, 韩正正在); its first character written
just before it is one unless it ends a word with what precedes it (共产党党中央, 宗教教育).  A correct
term or place name that holds the extra character (黑龙江江苏) makes it no slip either, nor does a history
marker's (曾任任振鹤: the checker drops a span that starts inside a marker); in a phrase about the past a
doubled character is shown, never fixed.
"""

from __future__ import annotations

from collections.abc import Iterator

from zhguard.detect import Candidate, Scan
from zhguard.detect.place_slips import township_ahead
from zhguard.finding import CATEGORY_LABEL, Applicability, Category, Kind
from zhguard.history import governed
from zhguard.lexicon.compile import CompiledLexicon
from zhguard.lexicon.held import built_once
from zhguard.text import GRAMMATICAL

CONFIDENCE = 0.8
# A word this frequent in jieba's dictionary, made by the doubled character and its neighbours, reads
# as the next word (希望, 正在, 局长) or the one before (共产党).
WORD_MIN_COUNT = 3
# A person's name (facts) is doubled from two characters up; other terms from three (党中央): a
# two-character body doubled (人大大) is ordinary text too often.
MIN_TERM_LENGTH = 3
# General terms (idioms, a site's slogans) are the typo rules'; laws have their own detector.  A leader's
# name that no office binds (a former leader's, terms/leader_name_former.tsv) is a lexicon term.
CATEGORIES = frozenset({Category.POLITICAL_TERM, Category.INSTITUTION, Category.PLACE, Category.LEADER_NAME})
# Characters that join a term to the word before it (喀什地区和|和田地区, 中国与|与会代表).
CONJUNCTIONS = frozenset("和与及或并而同跟")
# Characters read after the doubled one to tell whether it begins a word.
READING = 5


def detect(scan: Scan) -> Iterator[Candidate]:
    text, hits, correct, compiled = scan.text, scan.hits, scan.correct, scan.compiled
    patterns = compiled.patterns
    size = len(text)
    for hit in hits:
        start, end = hit.start, hit.end
        # a doubled function character is the conjunction or particle beside the term (碳达峰碳中和|和生态,
        # 喀什地区和|和田地区), not a slip; before a term only a conjunction joins it to what precedes (a
        # preposition governs the term: 坚持以|以经济建设为中心 is 以 twice)
        last = end < size and text[end] == text[end - 1] and text[end] not in GRAMMATICAL
        first = start > 0 and text[start - 1] == text[start] and text[start] not in CONJUNCTIONS
        if not (last or first):
            continue  # nearly every hit: one comparison each, before the pattern is looked at
        pattern = patterns[hit.pattern]
        if not (pattern.person or pattern.correct or pattern.place >= 0):
            continue
        term = pattern.surface
        what = _what(compiled, pattern.surface, pattern.place, pattern.person)
        if what is None:
            continue
        category, origin = what
        # a phrase about the past (时任, 原) is shown, never rewritten (history.py)
        shown = Applicability.DISPLAY_ONLY if governed(text, start) else None
        # a place's level character again where a township's name begins (乐陵市|市中街道, 县|县溪镇)
        if last and category is Category.PLACE and township_ahead(text, end + 1):
            last = False
        if last and not _begins_word(text, end) and not correct.covers(end, end + 1):
            yield _candidate(start, end + 1, term, category, origin, f"「{term}」的末字「{term[-1]}」重复", shown)
        elif first and not _ends_word(text, start) and not correct.covers(start - 1, start):
            yield _candidate(start - 1, end, term, category, origin, f"「{term}」的首字「{term[0]}」重复", shown)


def _what(compiled: CompiledLexicon, term: str, place: int, person: bool) -> tuple[Category, str] | None:
    """The category and lexicon row of a correct surface, if it is a term this rule checks."""
    if person:
        return (Category.LEADER_NAME, "facts/title_binding.tsv") if len(term) >= 2 else None
    if len(term) < MIN_TERM_LENGTH:
        return None
    if place >= 0 and compiled.places is not None:
        _, full, codes = compiled.places.names[place]
        return (Category.PLACE, compiled.places.rows[codes[0]][5]) if full else None
    entry = _entries(compiled).get(term)
    return (entry.category, entry.origin) if entry is not None and entry.category in CATEGORIES else None


_ENTRIES: dict[int, tuple[object, dict]] = {}


def _entries(compiled: CompiledLexicon) -> dict:
    """canonical → entry, built once per compiled lexicon (asked only of the rare doubled edge)."""
    return built_once(_ENTRIES, compiled.lexicon.entries, lambda entries: {e.canonical: e for e in entries})


def _begins_word(text: str, at: int) -> bool:
    """The best reading of what follows makes a word of 2+ characters start at ``at`` (局长 after 医保局局),
    not merely a dictionary pair (何卫东|东指引 holds 东指, 王伟中|中指引 holds 中指: 指引 is the word)."""
    from zhguard.wordmodel import load_word_model

    start, end = load_word_model().segment(text[at:at + READING])[0]
    return end - start > 1 and _word(text[at:at + end - start])


def _ends_word(text: str, at: int) -> bool:
    """A word of 2-4 characters ends at ``at`` (共产党 before 党中央, 两国 before 国防部)."""
    return any(_word(text[at - length:at]) for length in (2, 3, 4) if at - length >= 0)


def _word(chars: str) -> bool:
    from zhguard.wordmodel import word_count

    return word_count(chars) >= WORD_MIN_COUNT


def _candidate(start: int, end: int, term: str, category: Category, origin: str, why: str,
               applicability: Applicability | None) -> Candidate:
    return Candidate(start, end, category, Kind.INSERTION, (term,), CONFIDENCE, origin,
                     f"{CATEGORY_LABEL[category]}疑似叠字：{why}，应为「{term}」", applicability)
