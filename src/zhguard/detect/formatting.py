"""Format chaos that audits count: document numbers (GB/T 9704-2012) and punctuation in Chinese prose.

All checks are regular expressions run in C over the whole text; Python runs
per match.  Half-width punctuation is reported only between two Han
characters, so numbers, URLs, e-mail addresses, code and English phrases are
never touched.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from zhguard.detect import Candidate, Scan
from zhguard.finding import Applicability, Category, Kind
from zhguard.text import NEWLINE, is_han

# Whether a Han character stands next to a match is tested in Python, per match: a regex class of
# the 27,000 Han characters costs milliseconds to compile at every start, and these marks are rare.
# 机关代字 + year in brackets + serial + 号, e.g. 绵涪府办函〔2018〕62 号, 国办发[2019]5号; the agency
# is a Han character right before the bracket.
_DOC_NUMBER = re.compile(
    r"(?P<open>[\[【(（〈<〔［])(?P<s1>[ \t]*)(?P<year>\d{2,4})(?P<s2>[ \t]*)"
    r"(?P<close>[\]】)）〉>〕］])(?P<s3>[ \t]*)(?P<serial>\d{1,5})(?P<s4>[ \t]*)号")
_HALF = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
_HALFWIDTH = re.compile(r"[,;:?!]")
_PARENS = re.compile(r"\(([^()\n]{1,30})\)")
_DOUBLED = re.compile(r"([，。、；：？！])\1+")
_PAIRS = (("《", "》"), ("“", "”"), ("‘", "’"), ("（", "）"), ("【", "】"))
_OPENING = frozenset(o for o, _ in _PAIRS)
_CLOSING_OF = dict(_PAIRS)
_OPENING_OF = {c: o for o, c in _PAIRS}
_PAIR_MARK = re.compile("[" + "".join(o + c for o, c in _PAIRS) + "]")
CONFIDENCE = 0.95


def detect(scan: Scan) -> Iterator[Candidate]:
    text = scan.text
    yield from _document_numbers(text)
    yield from _halfwidth(text)
    yield from _doubled(text)
    yield from _unbalanced(text)


def _han_at(text: str, index: int) -> bool:
    return 0 <= index < len(text) and is_han(text[index])


def _document_numbers(text: str) -> Iterator[Candidate]:
    for m in _DOC_NUMBER.finditer(text):
        if not _han_at(text, m.start() - 1):
            continue
        year, serial = m.group("year"), m.group("serial")
        if m.group("open") + m.group("close") not in ("〔〕",):
            start, end = m.start("open"), m.end("close")
            fixed = "〔" + m.group("s1") + year + m.group("s2") + "〕"
            yield Candidate(start, end, Category.FORMAT, Kind.YEAR_BRACKETS, (fixed,), CONFIDENCE, None,
                            f"发文字号年份应使用六角括号：「{text[start:end]}」应为「{fixed}」",
                            Applicability.SAFE)
        for group in ("s1", "s2", "s3", "s4"):
            if m.group(group):
                start, end = m.span(group)
                yield Candidate(start, end, Category.FORMAT, Kind.NUMBER_SPACING, ("",), CONFIDENCE, None,
                                "发文字号内不应有空格", Applicability.SAFE)
        if len(year) != 4:
            start, end = m.span("year")
            yield Candidate(start, end, Category.FORMAT, Kind.YEAR_BRACKETS, (), 0.8, None,
                            "发文字号的年份应写全四位", Applicability.DISPLAY_ONLY)
        if len(serial) > 1 and serial.startswith("0"):
            start, end = m.span("serial")
            yield Candidate(start, end, Category.FORMAT, Kind.SERIAL_ZEROS, (serial.lstrip("0") or "0",),
                            0.9, None, "发文字号的序号不编虚位（不加“0”）", Applicability.SAFE)


def _halfwidth(text: str) -> Iterator[Candidate]:
    for m in _HALFWIDTH.finditer(text):
        if not (_han_at(text, m.start() - 1) and _han_at(text, m.end())):
            continue
        full = _HALF[m.group()]
        yield Candidate(m.start(), m.end(), Category.FORMAT, Kind.HALFWIDTH_PUNCTUATION, (full,), CONFIDENCE,
                        None, f"中文之间应使用全角标点「{full}」", Applicability.SAFE)
    for m in _PARENS.finditer(text):
        inner = m.group(1)
        if not (_han_at(text, m.start() - 1) or _han_at(text, m.end())):
            continue
        if not any(map(is_han, inner)):
            continue  # (1), (a), (GB/T 9704): numbering and codes keep ASCII parentheses
        yield Candidate(m.start(), m.end(), Category.FORMAT, Kind.HALFWIDTH_PUNCTUATION, (f"（{inner}）",),
                        CONFIDENCE, None, "中文之间应使用全角括号「（）」", Applicability.SAFE)


def _doubled(text: str) -> Iterator[Candidate]:
    for m in _DOUBLED.finditer(text):
        yield Candidate(m.start(), m.end(), Category.FORMAT, Kind.DOUBLED_PUNCTUATION, (m.group(1),),
                        CONFIDENCE, None, f"标点「{m.group(1)}」重复", Applicability.SAFE)


# A parenthesis may close a few lines on (a law's amendment history runs over several lines).
MAX_PAIR_LINES = 6


def _unbalanced(text: str) -> Iterator[Candidate]:
    """An opening mark without its closing one, or the reverse: paired on the same line first, then
    across up to MAX_PAIR_LINES lines.

    Only the paired marks are visited (one regex pass), never every character.
    """
    line_starts = [0, *(m.end() for m in NEWLINE.finditer(text))]
    open_marks: dict[tuple[int, str], list[int]] = {}
    strays: list[tuple[int, str, int]] = []
    for m in _PAIR_MARK.finditer(text):
        char, position = m.group(), m.start()
        line = bisect_right(line_starts, position)
        if char in _OPENING:
            open_marks.setdefault((line, char), []).append(position)
        else:
            stack = open_marks.get((line, _OPENING_OF[char]))
            if stack:
                stack.pop()
            else:
                strays.append((position, char, line))
    leftovers = strays + [(p, c, line) for (line, c), stack in open_marks.items() for p in stack]
    unmatched: list[tuple[int, str]] = []
    waiting: dict[str, list[tuple[int, int]]] = {}  # opening mark -> (position, line), across lines
    for position, char, line in sorted(leftovers):
        if char in _OPENING:
            waiting.setdefault(char, []).append((position, line))
            continue
        stack = waiting.get(_OPENING_OF[char])
        if stack and line - stack[-1][1] <= MAX_PAIR_LINES:
            stack.pop()
        else:
            unmatched.append((position, char))
    unmatched += [(p, c) for c, stack in waiting.items() for p, _ in stack]
    for position, char in sorted(unmatched):
        pair = char + _CLOSING_OF[char] if char in _OPENING else _OPENING_OF[char] + char
        yield Candidate(position, position + 1, Category.FORMAT, Kind.UNBALANCED_PAIR, (), 0.9, None,
                        f"成对标点「{pair}」在本段不配对", Applicability.DISPLAY_ONLY)
