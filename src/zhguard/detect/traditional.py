"""A traditional character in simplified text (ZG914): 組织 → 组织.

Pages in simplified Chinese must use 规范汉字; text pasted from a Hong Kong or Taiwan source brings
traditional characters along.  The table (data/typos/traditional.tsv, generated from OpenCC by
tools/gen_traditional.py) holds the characters that simplified text never uses.  A page that is mostly
traditional (a 繁体版, a quotation) is left alone: only where the text's simplified-only characters
outnumber its traditional ones is each traditional character reported.  One regex scan in C finds them.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import NamedTuple

from zhguard.detect import Candidate, Scan
from zhguard.finding import Category, Kind
from zhguard.paths import DATA

CONFIDENCE = 0.9
ORIGIN = "typos/traditional.tsv"
COMPILE_WORTH = 100_000
# Characters this process has checked through the set (see detect); threads racing on it only move the
# moment the class is compiled.
_checked = 0


class Table(NamedTuple):
    simplified: dict[str, str]  # traditional character → its simplified form
    characters: frozenset[str]  # its keys
    drop_traditional: dict[int, None]  # str.translate tables that delete one kind of character:
    drop_simplified: dict[int, None]  # counting by length stays in C, with no regex to compile


@functools.cache
def table() -> Table:
    data = DATA.joinpath("typos", "traditional.tsv").read_text("utf-8")
    fields = "\n".join(line for line in data.splitlines() if not line.startswith("#")).split()
    pairs = dict(zip(fields[0::2], fields[1::2], strict=True))  # one split: a warm start reads this
    return Table(pairs, frozenset(pairs), dict.fromkeys(map(ord, pairs)),
                 dict.fromkeys(map(ord, pairs.values())))


@functools.cache
def _finder(characters: str) -> re.Pattern[str]:
    return re.compile(f"[{characters}]")


def detect(scan: Scan) -> Iterator[Candidate]:
    text = scan.text
    if text.isascii():
        return
    known = table()
    # Most pages hold no traditional character.  A character class answers that 3x faster per
    # character than a set, but compiling its 2,560 characters costs ~3 ms, what the set spends on
    # COMPILE_WORTH characters: a process asks the set until it has checked that much text (a CLI run
    # on one page never compiles the class; a batch does after a few pages).
    global _checked
    if _checked < COMPILE_WORTH:
        _checked += len(text)
        if known.characters.isdisjoint(text):
            return
    finder = _finder("".join(known.simplified))
    if finder.search(text) is None:
        return
    traditional = len(text) - len(text.translate(known.drop_traditional))
    if not traditional or traditional >= len(text) - len(text.translate(known.drop_simplified)):
        return
    for match in finder.finditer(text):
        char = match.group()
        yield Candidate(match.start(), match.end(), Category.GENERAL, Kind.TRADITIONAL,
                        (known.simplified[char],), CONFIDENCE, ORIGIN,
                        f"简体文本中混用了繁体字「{char}」，规范字为「{known.simplified[char]}」")
