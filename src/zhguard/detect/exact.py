"""Wrong forms listed in the lexicon (codes ZGx01; non-standard wordings ZGx12), unless a correct
form contains them.

学习平台 contains 习平 and 学习近乎 contains 习近乎: a wrong form that lies
strictly inside a correct surface (a canonical term or an allowed phrase) is
ordinary text, not an error.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from zhguard.detect import Candidate, Scan
from zhguard.detect.slips import widened
from zhguard.finding import Kind
from zhguard.lexicon.compile import LISTED, LISTED_FORM, CompiledLexicon
from zhguard.matcher import CorrectSpans, Hit, flagged

__all__ = ["LISTED", "detect"]  # LISTED: forms written in the lexicon as wrong (seen published, or ruled out)


def detect(scan: Scan) -> Iterator[Candidate]:
    """One candidate per hit of a listed wrong form that no correct surface covers."""
    compiled, hits, correct = scan.compiled, scan.hits, scan.correct
    patterns = compiled.patterns
    for hit in flagged(compiled, hits, LISTED_FORM):
        targets = [t for t in patterns[hit.pattern].targets if t.kind in LISTED]
        if not targets or correct.covers(hit.start, hit.end):
            continue
        entries = [compiled.lexicon.entries[t.entry] for t in targets]
        suggestions = tuple(dict.fromkeys(entry.canonical for entry in entries))
        start, end, kind = hit.start, hit.end, Kind(targets[0].kind)
        # a listed form one character short of its term, that character just beside it (近|习平总书记)
        wider = widened(scan.text, start, end, suggestions[0]) \
            if len(suggestions) == 1 and end - start == len(suggestions[0]) - 1 else None
        if wider is not None:
            start, end, kind = wider
        yield Candidate(start, end, entries[0].category, kind, suggestions, max(t.prior for t in targets),
                        entries[0].origin)
