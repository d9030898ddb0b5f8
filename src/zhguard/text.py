"""Offsets ↔ line:column, computed only by reporters (findings carry offsets alone)."""

from __future__ import annotations

import re
from bisect import bisect_right

# Characters of grammar (function words): a name holding one is a phrase of the prose (要加强, 的发展), and
# one standing where a name's character should is prose too (北京是, 财政都).
GRAMMATICAL = frozenset("的了着过是在和与及或等对把被为以之其也都而并从向于将要就还又这那个们不我你他她它有")
# A numbered formulation begins with a numeral and its measure word (两个确立, 四个意识, 五个必由之路).
NUMERAL_CHARS = "一二三四五六七八九十两"
NUMBERED = re.compile(f"[{NUMERAL_CHARS}]个")
# Before a measure word, these count or point (这个, 每个, 一个): the numeral is theirs, not dropped.
COUNTING = frozenset(NUMERAL_CHARS + "几这那每各某哪整半多")
# The mark between the items of a list (城北区、兴海县, 党中央、国务院).
LIST_MARK = "、"

NEWLINE = re.compile(r"\r\n|\r|\n")
# 将“习近平”错写成“习进平”: a report about an error quotes the wrong form on purpose (the end of the text
# right before the form).
QUOTING_AN_ERROR = re.compile(r"(?:错写成|错写为|误写成|误写为|错印成|写成了?|错成|误作|误为)[“\"「『‘']?$")
# Every phrase QUOTING_AN_ERROR matches holds one of these: a text with none quotes no error.
QUOTING_CUES = ("写成", "写为", "印成", "错成", "误作", "误为")


def is_han(char: str) -> bool:
    """CJK unified ideographs, Extension A and the supplementary planes' extensions.  Two comparisons,
    not a regex: a class with astral ranges costs ~4 ms to compile in every new process."""
    return "\u3400" <= char <= "\u9fff" or "\U00020000" <= char <= "\U0003134f"


class LineIndex:
    """1-based line and code-point column for an offset; CRLF, CR and LF all end a line."""

    __slots__ = ("_starts",)

    def __init__(self, text: str) -> None:
        self._starts = [0, *(m.end() for m in NEWLINE.finditer(text))]

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1


def han_run_before(text: str, end: int, limit: int) -> str:
    """The Han characters just before ``end``, at most ``limit`` of them (e.g. a title before a name)."""
    start = end
    while start > 0 and end - start < limit and is_han(text[start - 1]):
        start -= 1
    return text[start:end]


def han_run_after(text: str, start: int, limit: int) -> str:
    """The Han characters from ``start`` on, at most ``limit`` of them."""
    end = start
    while end < len(text) and end - start < limit and is_han(text[end]):
        end += 1
    return text[start:end]
