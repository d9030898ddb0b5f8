"""A fixed term in quotation marks with a character put in, dropped, or two swapped (“两个增确立”, “专精体特新”,
“四个意”): ZG2xx and ZG4xx.

The marks say where the writer's term begins and ends, so one character more, one less or two swapped
against a formulation or a body is its slip, where the same span in running prose may be a phrase (a
character put between the halves of a four-character term leaves neither end for the near-miss engine's
anchors).  Look-alikes and homophones are the engine's; any other character replaced is not read here:
“三位一体”, “扶贫攻坚战” and “科技强文” are other phrases.  Over the tune reports, the news and the laws
(6,561 quoted spans of three or more Han characters) no quoted span is such an edit of a term.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from zhguard.detect import Candidate, Scan
from zhguard.finding import CATEGORY_LABEL, Category, Kind
from zhguard.lexicon.compile import CompiledLexicon
from zhguard.lexicon.held import built_once
from zhguard.lexicon.model import Entry

QUOTED = re.compile("[“「‘]([\u4e00-\u9fff]{3,16})[”」’]")
CATEGORIES = frozenset({Category.POLITICAL_TERM, Category.INSTITUTION})
# A term this long at least: a quoted two-character remnant (“教育” of 教育部) is a word of its own.
MIN_TERM = 4
CONFIDENCE = 0.8

Tables = tuple[dict[str, Entry], dict[str, tuple[str, ...]], frozenset[str], frozenset[str]]
_TABLES: dict[int, tuple[object, Tables]] = {}


def detect(scan: Scan) -> Iterator[Candidate]:
    text = scan.text
    if "“" not in text and "「" not in text and "‘" not in text:
        return  # most texts: one scan for each mark
    terms, dropped, heads, tails = _tables(scan.compiled)
    for match in QUOTED.finditer(text):
        written = match.group(1)
        # one edit leaves a term's first two or last two characters in place (most quotes: two lookups)
        if written[:2] not in heads and written[-2:] not in tails or written in terms:
            continue
        start, end = match.span(1)
        if scan.correct.covers(start, end) or scan.correct.holds(start, end):
            continue  # the latter: a quoted term of its own (“中编办”), shorter than MIN_TERM
        found = _edits(written, terms, dropped)
        if len(found) == 1:
            (right, kind), = found.items()
            entry = terms[right]
            label = CATEGORY_LABEL[entry.category]
            yield Candidate(start, end, entry.category, kind, (right,), CONFIDENCE, entry.origin,
                            f"{label}疑有错误：引号中的「{written}」应为「{right}」")


def _edits(written: str, terms: dict[str, Entry], dropped: dict[str, tuple[str, ...]]) -> dict[str, Kind]:
    """The terms ``written`` is one character more than, one less than, or two neighbours swapped."""
    found: dict[str, Kind] = {}
    for i in range(len(written)):
        shorter = written[:i] + written[i + 1:]
        if len(shorter) >= MIN_TERM and shorter in terms:
            found[shorter] = Kind.INSERTION
    for right in dropped.get(written, ()):
        found[right] = Kind.OMISSION
    for i in range(len(written) - 1):
        swapped = written[:i] + written[i + 1] + written[i] + written[i + 2:]
        if swapped in terms:
            found[swapped] = Kind.TRANSPOSITION
    return found


def _tables(compiled: CompiledLexicon) -> Tables:
    """The formulations and bodies by name, each one's forms with a character dropped, and their first
    and last two characters: built once per compiled lexicon, on the first text with a quotation mark."""
    def build(entries) -> Tables:
        terms = {e.canonical: e for e in entries if e.category in CATEGORIES and len(e.canonical) >= MIN_TERM}
        dropped: dict[str, list[str]] = {}
        for term in terms:
            for i in range(len(term)):
                dropped.setdefault(term[:i] + term[i + 1:], []).append(term)
        heads, tails = frozenset(term[:2] for term in terms), frozenset(term[-2:] for term in terms)
        return terms, {form: tuple(rights) for form, rights in dropped.items()}, heads, tails

    return built_once(_TABLES, compiled.lexicon.entries, build)
