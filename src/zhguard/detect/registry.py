"""Every detector, in one table: the checker runs them all on one Scan the same way.

``exact`` runs first (the near-miss detector needs its spans in ``Scan.listed``); TERMS are merged
into one finding per span; INDEPENDENT ones (format, privacy) are kept beside them, because a space
inside a document number inside ASCII parentheses is two findings.  ``OPTIONAL`` names the detectors
that cost a scan of their own and run only when one of their rules is selected.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from zhguard.detect import (
    Candidate, Scan, binding, child_stems, committee, congress, consistency, edge_doubled, formatting, holder_slips,
    initials, laws, lists, nearmiss, outdated, place_level, place_slips, places, privacy, quoted, sessions,
    site_place, title_slips, townships, traditional,
)

Detector = Callable[[Scan], Iterable[Candidate]]
# The rules the general-typo scan reports; it is off by default, so its module (and its tables) load only
# where one is selected.
TYPO_CODES = ("ZG915", "ZG916")


def _typos(scan: Scan) -> Iterable[Candidate]:
    """detect/typos.py, imported on the first check that selects it."""
    from zhguard.detect import typos

    return typos.detect(scan)


TERMS: tuple[tuple[str, Detector], ...] = (
    ("nearmiss", nearmiss.detect),
    ("places", places.detect),
    ("townships", townships.detect),
    ("place_level", place_level.detect),
    ("place_slips", place_slips.detect),
    ("child_stems", child_stems.detect),
    ("committee", committee.detect),
    ("congress", congress.detect),
    ("lists", lists.detect),
    ("sessions", sessions.detect),
    ("traditional", traditional.detect),
    ("site_place", site_place.detect),
    ("initials", initials.detect),
    ("outdated", outdated.detect),
    ("binding", binding.detect),
    ("edge_doubled", edge_doubled.detect),
    ("quoted", quoted.detect),
    ("holder_slips", holder_slips.detect),
    ("title_slips", title_slips.detect),
    ("laws", laws.detect),
    ("consistency", consistency.detect),
    ("typos", _typos),
)
INDEPENDENT: tuple[tuple[str, Detector], ...] = (
    ("formatting", formatting.detect),
    ("privacy", privacy.detect),
)
OPTIONAL = frozenset({"consistency", "typos"})
