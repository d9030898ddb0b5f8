"""Known wrong forms listed in the lexicon (codes ZGx01), unless a correct form contains them.

学习平台 contains 习平 and 学习进平台 would contain 习进平: a wrong form that lies
strictly inside a correct surface (a canonical term or an allowed phrase) is
ordinary text, not an error.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence

from zhguard.detect import Candidate
from zhguard.finding import Kind
from zhguard.lexicon.compile import CompiledLexicon
from zhguard.matcher import Hit


def detect(compiled: CompiledLexicon, hits: Sequence[Hit]) -> Iterator[Candidate]:
    """One candidate per hit of a listed wrong form that no correct surface covers."""
    patterns = compiled.patterns
    correct = sorted((h.start, h.end) for h in hits if patterns[h.pattern].correct)
    starts = [start for start, _ in correct]
    for hit in hits:
        targets = [t for t in patterns[hit.pattern].targets if t.kind is Kind.KNOWN_WRONG]
        if not targets or _covered(hit, correct, starts, compiled.longest):
            continue
        entries = tuple(t.entry for t in targets)
        yield Candidate(hit.start, hit.end, entries, Kind.KNOWN_WRONG,
                        max(t.prior for t in targets),
                        compiled.lexicon.entries[entries[0]].origin)


def _covered(hit: Hit, correct: list[tuple[int, int]], starts: list[int], longest: int) -> bool:
    """True if a longer correct span contains the hit (only spans starting near it can)."""
    low = bisect_left(starts, hit.start - longest)
    high = bisect_right(starts, hit.start)
    return any(end >= hit.end and (start, end) != (hit.start, hit.end)
               for start, end in correct[low:high])
