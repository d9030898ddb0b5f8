"""Lexicon → CompiledLexicon: one pattern per distinct surface, one STORE_INTS automaton.

Pure and deterministic: the same lexicon always gives the same patterns in the
same order, so the cache key (the lexicon bytes) identifies the result.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import ahocorasick

from zhguard.finding import Kind
from zhguard.lexicon.model import Lexicon

# The evidence a listed wrong form carries on its own: it was seen published,
# and the data tests keep it from being a correct form anywhere else.
KNOWN_WRONG_PRIOR = 0.95


@dataclass(frozen=True, slots=True)
class Target:
    """What a surface is a wrong form of: an entry index and how it differs."""

    entry: int
    kind: Kind
    prior: float


@dataclass(frozen=True, slots=True)
class Pattern:
    """A distinct surface string and everything it means.

    ``correct`` surfaces (canonical forms, allowed phrases) are never reported
    and protect the wrong forms they contain; ``targets`` say what a wrong
    surface should have been.
    """

    surface: str
    correct: bool
    targets: tuple[Target, ...]


@dataclass(frozen=True, slots=True)
class CompiledLexicon:
    """The lexicon plus its pattern table and automaton (values are pattern indexes)."""

    lexicon: Lexicon
    patterns: tuple[Pattern, ...]
    automaton: ahocorasick.Automaton
    longest: int


def compile_lexicon(lexicon: Lexicon) -> CompiledLexicon:
    """Build the pattern table and the automaton; raises nothing on a validated lexicon."""
    correct: set[str] = set()
    targets: dict[str, list[Target]] = defaultdict(list)
    for index, entry in enumerate(lexicon.entries):
        correct.add(entry.canonical)
        for form in entry.known_wrong:
            targets[form].append(Target(index, Kind.KNOWN_WRONG, KNOWN_WRONG_PRIOR))
    correct.update(allow.phrase for allow in lexicon.allows)

    surfaces = sorted(correct | targets.keys())
    patterns = tuple(
        Pattern(s, s in correct, tuple(_dedupe(targets.get(s, ())))) for s in surfaces
    )
    automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
    for index, pattern in enumerate(patterns):
        automaton.add_word(pattern.surface, index)
    if patterns:
        automaton.make_automaton()
    longest = max((len(s) for s in surfaces), default=0)
    return CompiledLexicon(lexicon, patterns, automaton, longest)


def _dedupe(items: list[Target]) -> list[Target]:
    """One target per entry (the same wrong form may be listed in two files)."""
    seen: set[int] = set()
    out = []
    for target in items:
        if target.entry not in seen:
            seen.add(target.entry)
            out.append(target)
    return out
