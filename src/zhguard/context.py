"""Context decides, not similarity alone: the confidence of one near-miss hit.

The evidence, in the order the design card measured it:
1. the fix must make the text more probable: a window of about ±3 Han
   characters is scored under a word unigram model (jieba's frequencies, with
   the lexicon's terms added) before and after the suggestion;
2. longer terms carry more evidence than short ones; a two-character form is
   reported only next to a cue (a title, 同志, a speech verb: context/cues.tsv);
3. a near miss of a bare name (no title inside the term) needs a cue: 村民王沪宇
   may be another person; a found form that is itself a frequent word (利息
   for 李希) needs one too.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from zhguard.finding import Category, Kind
from zhguard.lexicon.compile import CompiledLexicon

# Prior evidence of each kind of near miss before context (tuned on the real-case table).
KIND_PRIOR = {
    Kind.HOMOPHONE: 0.75,
    Kind.SHAPE: 0.70,
    Kind.OMISSION: 0.60,
    Kind.INSERTION: 0.70,
    Kind.TRANSPOSITION: 0.75,
}
FUZZY_PRIOR = 0.60
WINDOW = 3
# A term's count in the word model is at least this: names are rare in a general dictionary.
TERM_MIN_COUNT = 100
FREQUENT_WORD = 100
_HAN = re.compile(r"[\u3400-\u9fff\U00020000-\U0003134f]")


@dataclass(frozen=True, slots=True)
class NearHit:
    """A near-miss hit before context: text[start:end] may be a wrong form of ``entry``."""

    start: int
    end: int
    entry: int
    kind: Kind
    fuzzy: bool = False


class ContextJudge:
    """Scores NearHits against their surroundings; built once per Checker, used read-only."""

    __slots__ = ("_compiled", "_before", "_after")

    def __init__(self, compiled: CompiledLexicon) -> None:
        self._compiled = compiled
        before: dict[Category, tuple[str, ...]] = {}
        after: dict[Category, tuple[str, ...]] = {}
        for cue in compiled.lexicon.cues:
            side = before if cue.side == "before" else after
            side[cue.category] = (*side.get(cue.category, ()), cue.cue)
        self._before = before
        self._after = after

    def has_cue(self, text: str, hit: NearHit, category: Category) -> bool:
        start, end = hit.start, hit.end
        return (any(text.startswith(c, end) for c in self._after.get(category, ()))
                or any(text.endswith(c, 0, start) for c in self._before.get(category, ())))

    def confidence(self, text: str, hit: NearHit) -> float:
        """0..1; 0 means "do not report" (a two-character name without a cue)."""
        from zhguard.wordmodel import load_word_model

        entry = self._compiled.lexicon.entries[hit.entry]
        term = entry.canonical
        found = text[hit.start:hit.end]
        if term in found:  # 学习习近平: the extra 习 belongs to the word before
            return 0.0
        cue = self.has_cue(text, hit, entry.category)
        if len(found) <= 2 and not cue:  # 李希 ~ 利息, 赵乐 ~ 赵乐际 cut short: only beside a cue
            return 0.0
        score = FUZZY_PRIOR if hit.fuzzy else KIND_PRIOR[hit.kind]
        score += 0.15 if len(term) >= 6 else 0.1 if len(term) >= 4 else -0.2 if len(term) <= 2 else 0.0
        if hit.kind in (Kind.HOMOPHONE, Kind.SHAPE) and len(found) == len(term):
            changed = sum(a != b for a, b in zip(found, term))
            if len(term) < 6:
                score -= 0.1 * (changed - 1)
        if cue:
            score += 0.15
        elif entry.category is Category.LEADER_NAME and len(term) <= 3:
            # 村民王沪宇 may be another person: a bare name near miss needs a cue to be reported
            score -= 0.3
        model = load_word_model()
        if not cue and len(term) <= 3 and model.count(found) >= FREQUENT_WORD:
            score -= 0.3
        gain = self._gain(text, hit, term, model)
        if gain < 0:
            score -= 0.5
        elif gain < 3:
            score -= 0.25
        elif gain >= 6:
            score += 0.05
        return max(0.0, min(0.99, score))

    def _gain(self, text: str, hit: NearHit, term: str, model) -> float:
        """log P(window with the fix) - log P(window as written), in nats."""
        left = hit.start
        while left > 0 and hit.start - left < WINDOW and _HAN.match(text[left - 1]):
            left -= 1
        right = hit.end
        while right < len(text) and right - hit.end < WINDOW and _HAN.match(text[right]):
            right += 1
        before = text[left:right]
        after = text[left:hit.start] + term + text[hit.end:right]
        extra = {term: math.log(max(model.count(term), TERM_MIN_COUNT)) - model.logp_total}
        return model.score(after, extra) - model.score(before, extra)
