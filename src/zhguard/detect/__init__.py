"""Detectors: each turns automaton hits (and the text) into Candidates; none knows rule codes."""

from __future__ import annotations

from dataclasses import dataclass

from zhguard.finding import Kind


@dataclass(frozen=True, slots=True)
class Candidate:
    """A possible finding before rules, merging and configuration apply.

    ``entries`` index the lexicon entries whose canonical forms are the
    suggestions, best first; ``origin`` is the lexicon row that justifies it.
    """

    start: int
    end: int
    entries: tuple[int, ...]
    kind: Kind
    confidence: float
    origin: str | None
