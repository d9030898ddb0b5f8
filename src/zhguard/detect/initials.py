"""A leader's name typed by its pinyin initials and the wrong word picked: 新加坡总书记 for 习近平总书记.

Input methods complete 简拼 (xjp) to any word with those initials; the word is ordinary Chinese, so no sound
or shape channel sees it.  What gives it away is the office written right after it: a three-character span
whose initials are a leader's, followed by a title of three or more characters that this leader holds or
held (总书记, 委员长, 副总理: the title cues of context/cues.tsv), is reported.  Shorter titles (主席,
总理) are shared by too many people (新加坡总理 is Singapore's prime minister), and a span that is itself
a lexicon term or differs from the name in one character only is left to the other channels.
"""

from __future__ import annotations

from collections.abc import Iterator

from zhguard.context import ContextJudge
from zhguard.detect import Candidate, Scan
from zhguard.finding import Category, Kind
from zhguard.lexicon.compile import ORDINARY_MIN_COUNT, CompiledLexicon
from zhguard.matcher import CorrectSpans
from zhguard.text import is_han
from zhguard.wordmodel import word_count

NAME_LENGTH = 3
CONFIDENCE = 0.75


def detect(scan: Scan) -> Iterator[Candidate]:
    compiled, judge, text, correct = scan.compiled, scan.judge, scan.text, scan.correct
    if compiled.sound is None or not compiled.initials:
        return
    for title in judge.long_titles_after:
        at = text.find(title, NAME_LENGTH)
        while at >= 0:
            candidate = _judge_span(compiled, judge, text, at - NAME_LENGTH, at, title, correct)
            if candidate is not None:
                yield candidate
            at = text.find(title, at + 1)


def _judge_span(compiled: CompiledLexicon, judge: ContextJudge, text: str, start: int, end: int,
                title: str, correct: CorrectSpans) -> Candidate | None:
    written = text[start:end]
    if not all(map(is_han, written)) or correct.covers(start, end):
        return None
    if start > 0 and word_count(text[start - 1:start + 1]) >= ORDINARY_MIN_COUNT:
        return None  # 人权事务助理秘书长: the span starts inside a word (事务), no name starts there
    key = compiled.sound.initials(written)
    for entry in compiled.initials.get(key, ()):
        name = compiled.lexicon.entries[entry].canonical
        if sum(a != b for a, b in zip(written, name)) < 2 or not judge.held(name, title):
            continue
        return Candidate(start, end, Category.LEADER_NAME, Kind.INITIALS, (name,), CONFIDENCE,
                         compiled.lexicon.entries[entry].origin,
                         f"「{written}」与「{name}」拼音首字母相同，后接{name}的职务「{title}」，疑为简拼输入误选")
    return None
