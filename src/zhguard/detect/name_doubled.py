"""A leader's name written right with its first or last character written twice (ZG105): 王沪宁宁, 刘刘振立.

The near-miss engine generates characters put inside a name (习近近平), not a character doubled at its
edge: 王沪宁 followed by 宁 is the name and the next word as far as the automaton knows.  A person of the
facts (a name with known offices) written right, then its last character again, is a doubled character
unless that character and the next make a word (李希希望, 韩正正在: the name, then 希望, 正在); so is
its first character written just before it, unless the one before that makes a word with it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from zhguard.detect import Candidate, Scan
from zhguard.finding import Category, Kind
from zhguard.lexicon.compile import CompiledLexicon
from zhguard.matcher import Hit, tagged

CONFIDENCE = 0.8
# A two-character word this frequent in jieba's dictionary, made by the doubled character and its
# neighbour, reads as the next word (希望, 正在).
WORD_MIN_COUNT = 3


def detect(scan: Scan) -> Iterator[Candidate]:
    compiled, text, hits = scan.compiled, scan.text, scan.hits
    for hit, pattern in tagged(compiled, hits, "person"):
        name, start, end = pattern.surface, hit.start, hit.end
        if len(name) < 2:
            continue
        if text.startswith(name[-1], end) and not _word(text[end:end + 2]):
            yield _candidate(start, end + 1, name, f"「{name}」的末字「{name[-1]}」重复")
        elif start > 0 and text[start - 1] == name[0] and not _word(text[start - 2:start]):
            yield _candidate(start - 1, end, name, f"「{name}」的首字「{name[0]}」重复")


def _word(pair: str) -> bool:
    from zhguard.wordmodel import word_count

    return len(pair) == 2 and word_count(pair) >= WORD_MIN_COUNT


def _candidate(start: int, end: int, name: str, why: str) -> Candidate:
    return Candidate(start, end, Category.LEADER_NAME, Kind.INSERTION, (name,), CONFIDENCE, "facts/title_binding.tsv",
                     f"领导人姓名疑似叠字：{why}，应为「{name}」")
