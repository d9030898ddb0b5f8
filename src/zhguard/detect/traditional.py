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
from importlib import resources
from typing import NamedTuple

from zhguard.detect import Candidate
from zhguard.finding import Category, Kind

CONFIDENCE = 0.9
ORIGIN = "typos/traditional.tsv"


class Table(NamedTuple):
    simplified: dict[str, str]  # traditional character → its simplified form
    traditional_chars: re.Pattern[str]
    simplified_chars: re.Pattern[str]  # the simplified forms: characters a traditional text lacks


@functools.cache
def table() -> Table:
    data = resources.files("zhguard").joinpath("data", "typos", "traditional.tsv").read_text("utf-8")
    pairs = dict(line.split("\t") for line in data.splitlines() if line and not line.startswith("#"))
    return Table(pairs, re.compile(f"[{''.join(pairs)}]"), re.compile(f"[{''.join(set(pairs.values()))}]"))


def detect(text: str) -> Iterator[Candidate]:
    if text.isascii():
        return
    known = table()
    found = list(known.traditional_chars.finditer(text))
    if not found or len(found) >= len(known.simplified_chars.findall(text)):
        return
    for match in found:
        char = match.group()
        yield Candidate(match.start(), match.end(), Category.GENERAL, Kind.TRADITIONAL,
                        (known.simplified[char],), CONFIDENCE, ORIGIN,
                        f"简体文本中混用了繁体字「{char}」，规范字为「{known.simplified[char]}」")
