"""The only module that knows pyahocorasick: all overlapping hits as half-open spans."""

from __future__ import annotations

from typing import NamedTuple

from zhguard.lexicon.compile import CompiledLexicon


class Hit(NamedTuple):
    """``text[start:end]`` equals ``patterns[pattern].surface``."""

    start: int
    end: int
    pattern: int


def find_hits(compiled: CompiledLexicon, text: str) -> list[Hit]:
    """Every occurrence of every pattern, overlaps included, ordered by end then length.

    pyahocorasick reports an *inclusive* end index; this is the one place it
    becomes a half-open span.
    """
    if not compiled.patterns or not text:
        return []
    patterns = compiled.patterns
    hits = []
    for last, index in compiled.automaton.iter(text):
        end = last + 1
        hits.append(Hit(end - len(patterns[index].surface), end, index))
    return hits
