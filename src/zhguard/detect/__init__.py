"""Detectors: each turns one Scan (the text, its automaton hits, the judge …) into Candidates; none knows
rule codes.  ``registry.py`` lists them, so the checker calls them all the same way."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from zhguard.finding import Applicability, Category, Kind

if TYPE_CHECKING:
    from zhguard.context import ContextJudge
    from zhguard.detect.place_level import LevelForms
    from zhguard.detect.typos import Knowledge
    from zhguard.lexicon.compile import CompiledLexicon
    from zhguard.matcher import CorrectSpans, Hit


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


class Scan(NamedTuple):
    """What every detector may look at, for one text: built once per check.

    ``hits`` are the automaton's (quoted wrong forms removed), ``correct`` the spans of correct
    surfaces, ``places`` the hits of divisions' names with each one's place (matcher.place_hits: six
    detectors read them), ``listed`` the spans of listed wrong forms already reported; ``site`` the codes
    of the site's own place, ``levels`` the wrong-level forms of places, ``typos`` the general-typo scan's
    knowledge (None: not selected); ``floor`` the least confidence worth computing.
    """

    text: str
    compiled: CompiledLexicon
    hits: Sequence[Hit]
    correct: CorrectSpans
    judge: ContextJudge
    as_of: dt.date
    places: Sequence[tuple[Hit, int]]
    listed: Sequence[tuple[int, int]] = ()
    site: tuple[str, ...] = ()
    levels: LevelForms | None = None
    typos: Knowledge | None = None
    floor: float = 0.0
