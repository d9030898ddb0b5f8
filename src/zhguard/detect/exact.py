"""Wrong forms listed in the lexicon (codes ZGx01; non-standard wordings ZGx12), unless a correct
form contains them.

学习平台 contains 习平 and 学习近乎 contains 习近乎: a wrong form that lies
strictly inside a correct surface (a canonical term or an allowed phrase) is
ordinary text, not an error.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from zhguard.detect import Candidate, Scan
from zhguard.finding import Kind
from zhguard.lexicon.compile import LISTED, CompiledLexicon
from zhguard.matcher import CorrectSpans, Hit

__all__ = ["LISTED", "detect"]  # LISTED: forms written in the lexicon as wrong (seen published, or ruled out)


def detect(scan: Scan) -> Iterator[Candidate]:
    """One candidate per hit of a listed wrong form that no correct surface covers."""
    compiled, hits, correct = scan.compiled, scan.hits, scan.correct
    patterns = compiled.patterns
    for hit in hits:
        targets = [t for t in patterns[hit.pattern].targets if t.kind in LISTED]
        if not targets or correct.covers(hit.start, hit.end):
            continue
        entries = [compiled.lexicon.entries[t.entry] for t in targets]
        suggestions = tuple(dict.fromkeys(entry.canonical for entry in entries))
        yield Candidate(hit.start, hit.end, entries[0].category, Kind(targets[0].kind), suggestions,
                        max(t.prior for t in targets), entries[0].origin)
