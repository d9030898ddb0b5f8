"""Detectors: each turns automaton hits (and the text) into Candidates; none knows rule codes."""

from __future__ import annotations

from dataclasses import dataclass

from zhguard.finding import Category, Kind


@dataclass(frozen=True, slots=True)
class Candidate:
    """A possible finding before rules, merging and configuration apply.

    ``suggestions`` are best first; ``origin`` is the lexicon row that
    justifies it; ``reason`` (Chinese) explains a fact-based finding.
    """

    start: int
    end: int
    category: Category
    kind: Kind
    suggestions: tuple[str, ...]
    confidence: float
    origin: str | None
    reason: str | None = None
