"""Detectors: each turns automaton hits (and the text) into Candidates; none knows rule codes."""

from __future__ import annotations

from typing import NamedTuple

from zhguard.finding import Applicability, Category, Kind


class Candidate(NamedTuple):
    """A possible finding before rules, merging and configuration apply.

    ``suggestions`` are best first; ``origin`` is the lexicon row that
    justifies it; ``reason`` (Chinese) explains a fact-based finding;
    ``applicability`` overrides the rule's default when the detector knows better.
    """

    start: int
    end: int
    category: Category
    kind: Kind
    suggestions: tuple[str, ...]
    confidence: float
    origin: str | None
    reason: str | None = None
    applicability: Applicability | None = None
