"""A city's or a county's stem written right after its parent's name with one character off (ZG502, ZG503):
湖南泪罗 for 湖南汨罗, 浙江议乌 for 浙江义乌.

Pages write a place as its parent's name and its own stem, without a level character (湖南汨罗, 江苏昆山); the
level rules (place_slips.py) never see such a stem.  The parent says which stems may follow it: one of the
same length with a look-alike or same-sounding character, the only one, is the stem meant.  Not where the
written string is a dictionary word, holds grammar, is itself a stem under the parent, or cuts a word.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import NamedTuple

from zhguard.detect import Candidate, Scan
from zhguard.detect.slips import slip
from zhguard.finding import Category, Kind
from zhguard.lexicon.compile import ORDINARY_MIN_COUNT, PlaceTable
from zhguard.lexicon.held import built_once
from zhguard.lexicon.nameindex import LEVELS
from zhguard.text import GRAMMATICAL
from zhguard.wordmodel import cuts_a_word, load_word_model

CONFIDENCE = 0.6
# The lengths of the stems read after a parent's name (汨罗, 呼和浩特, 大兴安岭).
STEM_SIZES = (2, 3, 4)
# A written string this frequent in jieba's dictionary is a word, not a misspelt stem (湖南|农业).
WORD_MIN_COUNT = 3
WINDOW = 3
ORIGIN = "places/divisions.tsv"


class Stems(NamedTuple):
    """The stems under a parent: every one, their lengths, and the stems by their one-character wildcards
    (汨\0 and \0罗 of 汨罗), so a written string's candidates are a few lookups away."""

    every: frozenset[str]
    sizes: tuple[int, ...]
    wildcards: dict[str, tuple[str, ...]]
    # one character replaced keeps a stem's first or its second: a cheap test before the lookups
    firsts: frozenset[str]
    seconds: frozenset[str]


def detect(scan: Scan) -> Iterator[Candidate]:
    compiled, text = scan.compiled, scan.text
    table = compiled.places
    if table is None:
        return
    model = None
    for hit, place in scan.places:
        at = hit.end
        if at >= len(text) or not "\u4e00" <= text[at] <= "\u9fff" or text[at] in LEVELS:
            continue  # not a Han character after the name, or its level (湖南|省): the full name's
        stems = _stems_under(table, table.names[place][2])
        if not stems.every or text[at] not in stems.firsts and text[at + 1:at + 2] not in stems.seconds:
            continue  # a county's name (no division under it), or no stem's character where one would be
        for size in stems.sizes:
            written = text[at:at + size]
            if len(written) < size or written in stems.every:
                continue
            near = {stem for i in range(size)
                    for stem in stems.wildcards.get(written[:i] + "\0" + written[i + 1:], ())}
            if not near or not GRAMMATICAL.isdisjoint(written) \
                    or not all("\u4e00" <= c <= "\u9fff" for c in written):
                continue
            meant = [(stem, kind) for stem in sorted(near)
                     if (kind := slip(written, stem, compiled, suffix=False)) in (Kind.SHAPE, Kind.HOMOPHONE)]
            if len(meant) != 1:
                continue
            model = model or load_word_model()
            if model.count(written) >= WORD_MIN_COUNT \
                    or cuts_a_word(text, at, at + size, WINDOW, ORDINARY_MIN_COUNT):
                continue
            (stem, kind), parent = meant[0], text[hit.start:at]
            yield Candidate(at, at + size, Category.PLACE, kind, (stem,), CONFIDENCE, ORIGIN,
                            f"地名疑有错误：「{written}」应为「{stem}」（{parent}所辖）")
            break


def _stems_under(table: PlaceTable, codes: Sequence[str]) -> Stems:
    """The stems of the divisions under these (a province's cities and counties, a city's counties); none
    under a county.  Walked once per parent and process."""
    by_codes = built_once(_WALKED, table, lambda _: {})
    key = tuple(codes)
    stems = by_codes.get(key)
    if stems is None:
        found: set[str] = set()
        todo = [child for code in codes for child in table.children.get(code, ())]
        while todo:
            code = todo.pop()
            if code in table.rows:
                found.add(table.rows[code][2])
                todo.extend(table.children.get(code, ()))
        found.discard("")
        wildcards: dict[str, list[str]] = {}
        for stem in sorted(found):
            for i in range(len(stem)):
                wildcards.setdefault(stem[:i] + "\0" + stem[i + 1:], []).append(stem)
        stems = by_codes[key] = Stems(
            frozenset(found), tuple(size for size in STEM_SIZES if any(len(s) == size for s in found)),
            {wildcard: tuple(under) for wildcard, under in wildcards.items()},
            frozenset(s[0] for s in found), frozenset(s[1] for s in found if len(s) > 1))
    return stems


_WALKED: dict[int, tuple[PlaceTable, dict[tuple[str, ...], Stems]]] = {}
