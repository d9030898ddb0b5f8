"""Generated near-miss forms of a term, made at compile time (design card: "Near misses").

Each generator yields ``(variant, kind)``.  Single edits only: one look-alike
character, one character dropped, two neighbours swapped, or one character of
the term repeated inside it.  Sound (homophones) is not generated here: the
syllable automaton finds any number of homophone substitutions at scan time.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

from zhguard.finding import Kind

# Terms shorter than this get no omission/transposition/insertion variants:
# dropping or swapping a character of a two-character word is ordinary text.
MIN_EDIT_LENGTH = 3
# A formulation this long gets a whole inner word dropped too (issue 19: a word dropped from a fixed
# formulation went unflagged).
WORD_OMISSION_LENGTH = 8


def shape_variants(term: str, similar: Mapping[str, frozenset[str]]) -> Iterator[tuple[str, Kind]]:
    """A look-alike in each place."""
    for i, char in enumerate(term):
        for other in sorted(similar.get(char, ())):
            yield term[:i] + other + term[i + 1:], Kind.SHAPE


def omission_variants(term: str, *, edges: bool, first: bool = False) -> Iterator[tuple[str, Kind]]:
    """One character dropped; a dropped first or last character looks like ordinary truncation
    (会主义 in 杜会主义), so edges only where asked (names, which then need a cue: 赵乐同志), and the
    first alone where ``first`` (a long term: 国式现代化; its last character dropped names the field,
    not the body: 退役军人事务, 文化和旅游)."""
    if len(term) < MIN_EDIT_LENGTH:
        return
    for i in range(0 if edges or first else 1, len(term) if edges else len(term) - 1):
        yield term[:i] + term[i + 1:], Kind.OMISSION


def transposition_variants(term: str) -> Iterator[tuple[str, Kind]]:
    if len(term) < MIN_EDIT_LENGTH:
        return
    for i in range(len(term) - 1):
        if term[i] != term[i + 1]:
            yield term[:i] + term[i + 1] + term[i] + term[i + 2:], Kind.TRANSPOSITION


def insertion_variants(term: str) -> Iterator[tuple[str, Kind]]:
    """A character of the term repeated at an inner gap: 中国特色色社会主义, 习近平近新时代…."""
    if len(term) < MIN_EDIT_LENGTH:
        return
    chars = sorted(set(term))
    for gap in range(1, len(term)):
        for char in chars:
            yield term[:gap] + char + term[gap:], Kind.INSERTION


def word_omission_variants(term: str, words: Sequence[tuple[int, int]]) -> Iterator[tuple[str, Kind]]:
    """A two-character inner word of a long formulation dropped (以习近平为核心的党中央: 同志 left out);
    ``words`` is the term's segmentation.  A dropped first or last word looks like truncation."""
    if len(term) < WORD_OMISSION_LENGTH:
        return
    for start, end in words[1:-1]:
        if end - start == 2:
            yield term[:start] + term[end:], Kind.OMISSION


QUOTES = (("“", "”"), ("\"", "\""), ("「", "」"), ("‘", "’"))


def quoted_variants(wrong: str, words: Sequence[tuple[int, int]]) -> Iterator[str]:
    """A nonstandard wording with one of its words, or all of it, in quotation marks (台湾“总统”选举):
    quoting the wrong word does not make it right (Xinhua: not even in quotation marks)."""
    spans = [(a, b) for a, b in words if b - a >= 2 and not any(q in wrong[a:b] for pair in QUOTES for q in pair)]
    if len(spans) > 1:
        spans.append((0, len(wrong)))
    for a, b in spans:
        for left, right in QUOTES:
            yield wrong[:a] + left + wrong[a:b] + right + wrong[b:]


def variants(term: str, similar: Mapping[str, frozenset[str]], *, edge_omissions: bool = False,
             edits: bool = True, swaps: bool = False, words: Sequence[tuple[int, int]] = (),
             inner_shapes: bool = True, first_omission: bool = False) -> Iterator[tuple[str, Kind]]:
    """Every generated form of ``term`` except the term itself (duplicates possible); look-alikes
    only when ``edits`` is false, and swapped neighbours too when ``swaps`` is true; a dropped inner
    word of a long term where its segmentation ``words`` is given.  Unless ``inner_shapes`` (a long
    term found from its intact halves: detect/nearmiss.py), its look-alikes and its own characters
    put inside it are left to that search."""
    generators = [shape_variants(term, similar) if inner_shapes else iter(())]
    if edits:
        generators += [omission_variants(term, edges=edge_omissions, first=first_omission),
                       transposition_variants(term),
                       insertion_variants(term) if inner_shapes else iter(()),
                       word_omission_variants(term, words)]
    elif swaps:
        generators.append(transposition_variants(term))
    for generator in generators:
        for variant, kind in generator:
            if variant != term:
                yield variant, kind
