"""Checker: text → candidates from the detectors → one finding per span → selection."""

from __future__ import annotations

import datetime as dt
import os
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from zhguard import suppress
from zhguard.config import Config
from zhguard.context import ContextJudge
from zhguard.detect import Candidate, Scan, consistency, exact, place_level, site_place
from zhguard.detect.registry import INDEPENDENT, OPTIONAL, TERMS, TYPO_CODES, Detector
from zhguard.finding import CATEGORY_LABEL, Applicability, Category, Finding, Kind
from zhguard.history import holds_a_marker, inside_a_marker
from zhguard.lexicon.compile import CompiledLexicon
from zhguard.lexicon.load import load_compiled, user_files
from zhguard.matcher import CorrectSpans, find_hits, place_hits
from zhguard.rules import RULES, Rule, code_matches, rule_for, selected
from zhguard.text import QUOTING_AN_ERROR, QUOTING_CUES

if TYPE_CHECKING:
    from zhguard.detect.typos import Knowledge

KIND_LABEL = {
    Kind.HOMOPHONE: "疑似同音错字",
    Kind.SHAPE: "疑似形近错字",
    Kind.OMISSION: "疑似漏字",
    Kind.INSERTION: "疑似多字",
    Kind.TRANSPOSITION: "疑似字序颠倒",
    Kind.WORD_HOMOPHONE: "疑似同音错字",
    Kind.WORD_SHAPE: "疑似形近错字",
}


class Checker:
    """Checks text against the bundled lexicons plus the user's own.

    Immutable after construction, so one Checker may be shared by threads and
    pickled to worker processes.  Raises ``LexiconError`` for a bad lexicon.

    >>> Checker().check("深入学习习进平总书记重要讲话")[0].suggestion
    '习近平'
    """

    __slots__ = ("_compiled", "_config", "_detectors", "_judge", "_levels", "_site", "_typos")

    def __init__(self, config: Config | None = None,
                 lexicons: Sequence[str | os.PathLike[str]] = (), *, use_cache: bool = True) -> None:
        config = config or Config()
        files = user_files([*config.lexicons, *lexicons])
        self._config = config
        self._compiled: CompiledLexicon = load_compiled(files, bundled=config.bundled, use_cache=use_cache)
        self._judge = ContextJudge(self._compiled)
        # The general-typo scan (ZG915/ZG916) costs a scan of its own: skipped (None) when no rule of it
        # is selected; otherwise what the lexicon tells it (its words, titles before names, place names).
        self._typos = (_typo_knowledge(self._compiled, [cue.cue for cue in self._judge.title_cues])
                       if any(map(self._selects, TYPO_CODES)) else None)
        # the detectors that cost a scan of their own run only when a rule of theirs is selected
        wanted = {"typos": self._typos is not None, "consistency": self._selects(consistency.CODE)}
        self._detectors: tuple[Detector, ...] = tuple(
            detect for name, detect in TERMS if name not in OPTIONAL or wanted[name])
        self._site = site_place.site_codes(self._compiled, config.place)
        self._levels = place_level.wrong_forms(self._compiled.places)

    @property
    def config(self) -> Config:
        return self._config

    @property
    def compiled(self) -> CompiledLexicon:
        return self._compiled

    def check(self, text: str, *, as_of: dt.date | None = None) -> list[Finding]:
        """Findings in ``text``, sorted by position; pure (no I/O, no state).

        ``as_of`` is the document's date for facts that change over time
        (defaults to the config's ``as_of``, else today).
        """
        if not isinstance(text, str):
            raise TypeError(f"check() needs str, not {type(text).__name__}")
        compiled = self._compiled
        as_of = as_of or self._config.as_of or dt.date.today()
        hits = find_hits(compiled, text)
        correct = CorrectSpans(compiled, hits)
        if any(cue in text for cue in QUOTING_CUES):  # most texts quote no error: no regex per hit
            hits = [h for h in hits if not _quoted_as_wrong(text, h.start)]
        scan = Scan(text, compiled, hits, correct, self._judge, as_of, place_hits(compiled, hits),
                    site=self._site, levels=self._levels, typos=self._typos, floor=self._floor(text))
        listed = list(exact.detect(scan))
        scan = scan._replace(listed=[(c.start, c.end) for c in listed])
        # a span that starts inside a history marker, or holds one, takes the marker's characters for a
        # name's (曾任|任振鹤, 曾任|区城乡规划局 read as 任城区; 时任区 read as a slip of 时任某区): no
        # detector's reading of it stands.  A law's title is read between its book marks, whatever it
        # holds (《金融机构撤销条例》).
        found = (*listed, *(c for detector in self._detectors for c in detector(scan)))
        candidates = merge([c for c in found if c.category is Category.LAW_NAME
                            or not (inside_a_marker(text, c.start) or holds_a_marker(text, c.start, c.end))])
        # Format and privacy checks are independent of the terms and of each other: a space inside a
        # document number inside ASCII parentheses is two findings.  apply_fixes skips overlaps.
        candidates += [c for _, detector in INDEPENDENT for c in detector(scan)]
        findings = [f for f in (self._finding(text, c) for c in candidates) if f is not None]
        # Inline directives see every finding (so an ignore is "used" even below the threshold the
        # caller set), then selection applies to what remains, ZG001 included.
        findings = suppress.apply(text, sorted(findings, key=lambda f: f.sort_key))
        return [f for f in findings if self._keeps(f)]

    def _floor(self, text: str) -> float:
        """The least confidence worth computing: the threshold, unless an inline directive may need to
        see the findings below it (an ignore that silences one is used, not ZG001)."""
        return 0.0 if suppress.MARK in text else self._config.min_confidence

    def _keeps(self, finding: Finding) -> bool:
        return finding.confidence >= self._config.min_confidence and self._selects(finding.code)

    def _selects(self, code: str) -> bool:
        config = self._config
        return selected(RULES[code], config.select) and not code_matches(code, config.ignore)

    def _finding(self, text: str, candidate: Candidate) -> Finding | None:
        rule = rule_for(candidate.category, candidate.kind)
        if rule is None:
            return None
        found = text[candidate.start:candidate.end]
        suggestions = candidate.suggestions
        message = candidate.reason or _message(candidate.category, candidate.kind, found, suggestions)
        return Finding(
            start=candidate.start, end=candidate.end, code=rule.code, found=found,
            suggestions=suggestions, category=candidate.category, kind=candidate.kind,
            severity=rule.severity, confidence=candidate.confidence,
            applicability=candidate.applicability or _applicability(rule, suggestions),
            message=message, origin=candidate.origin,
        )


def _typo_knowledge(compiled: CompiledLexicon, title_cues: list[str]) -> Knowledge:
    """The general-typo scan's tables (detect/typos.py is imported only where one of its rules is selected)."""
    from zhguard.detect import typos

    return typos.knowledge(compiled, title_cues)


def _quoted_as_wrong(text: str, start: int) -> bool:
    return QUOTING_AN_ERROR.search(text, max(0, start - 6), start) is not None


def merge(candidates: Iterable[Candidate]) -> list[Candidate]:
    """One candidate per span: listed wrong forms first, then longer, then a sensitive term before a
    general typo (社会圭义 is a misspelt political formulation first), then more confident.

    A candidate overlapping one already kept is dropped, so kept spans never
    overlap and their fixes can all be applied.
    """
    ranked = sorted(candidates, key=lambda c: (c.kind not in (Kind.KNOWN_WRONG, Kind.NONSTANDARD),
                                               -(c.end - c.start), c.category is Category.GENERAL,
                                               -c.confidence, c.start))
    kept: list[Candidate] = []  # disjoint and sorted by start
    starts: list[int] = []
    for candidate in ranked:
        i = bisect_left(starts, candidate.start)
        if i > 0 and kept[i - 1].end > candidate.start:
            continue
        if i < len(kept) and kept[i].start < candidate.end:
            continue
        kept.insert(i, candidate)
        starts.insert(i, candidate.start)
    return kept


def _applicability(rule: Rule, suggestions: tuple[str, ...]) -> Applicability:
    """Only a listed wrong form with exactly one correction is safe to apply unseen; a wrong fact
    (binding) is shown, never applied: the editor must decide what the text meant."""
    if len(suggestions) != 1 or rule.kind is Kind.WRONG_BINDING:
        return Applicability.DISPLAY_ONLY
    return Applicability.SAFE if rule.kind is Kind.KNOWN_WRONG else Applicability.UNSAFE



def _message(category: Category, kind: Kind, found: str, suggestions: tuple[str, ...]) -> str:
    label = CATEGORY_LABEL.get(category, "用字")
    if not suggestions:
        return f"{label}疑有错误：「{found}」"
    expected = "」或「".join(suggestions)
    if kind is Kind.KNOWN_WRONG:
        return f"{label}错误：「{found}」应为「{expected}」（已知错误写法）"
    if kind is Kind.NONSTANDARD:
        return f"{label}不规范：「{found}」应表述为「{expected}」"
    return f"{label}{KIND_LABEL.get(kind, '疑有错误')}：「{found}」应为「{expected}」"
