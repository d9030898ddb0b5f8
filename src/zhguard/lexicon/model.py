"""The parsed lexicon: frozen rows, each remembering where it came from (``origin``).

Rows are NamedTuples rather than dataclasses: every warm start imports this
module to unpickle the compiled lexicon, and a frozen dataclass costs ~1.5 ms
to create against ~0.3 ms for a NamedTuple (11 classes: ~14 ms of start-up).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import NamedTuple

from zhguard.finding import Category


class Source(NamedTuple):
    """Where facts come from; every row of every lexicon cites one or more by id."""

    id: str
    title: str
    publisher: str
    url_or_document: str
    published: str
    retrieved: str
    note: str
    origin: str


class Entry(NamedTuple):
    """A correct term and the wrong forms of it that have been seen in published text."""

    canonical: str
    category: Category
    known_wrong: tuple[str, ...]
    sources: tuple[str, ...]
    note: str
    origin: str


class Allow(NamedTuple):
    """An ordinary phrase that must never be reported, e.g. 学习平台 which contains 习平."""

    phrase: str
    protects: tuple[str, ...]
    sources: tuple[str, ...]
    note: str
    origin: str


class Confusion(NamedTuple):
    """Characters that look like ``char`` (形近字); used to generate shape variants of terms."""

    char: str
    similar: tuple[str, ...]
    sources: tuple[str, ...]
    origin: str


class Cue(NamedTuple):
    """A word that, next to a near miss of a ``category`` term, shows the term was meant."""

    cue: str
    side: str  # "before" or "after" the term
    # "title" (names an office), "word" (同志, speech verbs) or "list" (、 and 等: they show an enumeration
    # of names, and count only where the name beside the near miss is a leader's)
    role: str
    category: Category
    sources: tuple[str, ...]
    origin: str


# A retired leader's office with no dates: read for spelling only (detect/title_slips.py), never judged as
# current or past (detect/binding.py) nor an initials rule's person (lexicon/compile.py).
HISTORICAL = "historical"


class Binding(NamedTuple):
    """A person held ``title`` from ``valid_from`` to ``valid_to`` (None: open or unknown)."""

    person: str
    title: str
    org: str
    valid_from: dt.date | None
    valid_to: dt.date | None
    status: str  # current, former, historical, removed, under_investigation, unverified
    sources: tuple[str, ...]
    note: str
    origin: str


class Place(NamedTuple):
    """An administrative division; ``parent`` is the code of the division above (\"\" for a province)."""

    code: str
    name: str
    short: str
    level: str  # province, prefecture, county
    parent: str
    sources: tuple[str, ...]
    origin: str


class Rename(NamedTuple):
    """``old`` stopped being a body's name on ``effective``; ``new`` names its successor(s)."""

    old: str
    new: tuple[str, ...]
    effective: dt.date
    scope: str  # central or local (a local naming pattern, e.g. 环保局 → 生态环境局)
    sources: tuple[str, ...]
    note: str
    origin: str


class Law(NamedTuple):
    """A law by its official title (and common short title); a repealed one names its successor."""

    title: str
    short: str
    status: str  # in_force or repealed
    repealed: dt.date | None
    successor: str
    sources: tuple[str, ...]
    origin: str


class Regulation(NamedTuple):
    """An administrative regulation (条例) in force, by its official title (and the title without
    中华人民共和国): a title that names no law."""

    title: str
    short: str
    sources: tuple[str, ...]
    origin: str


class NonStandard(NamedTuple):
    """A wording that official usage rules out (新华社禁用词 and the like), with the standard one."""

    wrong: str
    right: str
    category: Category
    sources: tuple[str, ...]
    note: str
    origin: str


class OrderedList(NamedTuple):
    """A formulation that is a list of items in a fixed order (社会主义核心价值观: 富强, 民主, ...).

    Pages write its items with any separators, a group a line; lexicon/parse.py keeps them apart from
    the terms so that no separator is a near miss, and detect/lists.py checks the order and each item.
    """

    name: str
    items: tuple[str, ...]
    category: Category
    sources: tuple[str, ...]
    note: str
    origin: str


class Lexicon(NamedTuple):
    """Everything the detectors know, in a deterministic order.

    ``sources`` is a plain dict (picklable for the cache); treat it as read-only.
    """

    sources: Mapping[str, Source] = {}  # noqa: RUF012 -- shared by Lexicons built without sources; never mutated
    entries: tuple[Entry, ...] = ()
    allows: tuple[Allow, ...] = ()
    confusions: tuple[Confusion, ...] = ()
    cues: tuple[Cue, ...] = ()
    bindings: tuple[Binding, ...] = ()
    places: tuple[Place, ...] = ()
    renames: tuple[Rename, ...] = ()
    laws: tuple[Law, ...] = ()
    regulations: tuple[Regulation, ...] = ()
    nonstandard: tuple[NonStandard, ...] = ()
    lists: tuple[OrderedList, ...] = ()

    def similar_shapes(self) -> dict[str, frozenset[str]]:
        """char → look-alike characters, merged over every confusion file (symmetric)."""
        table: dict[str, set[str]] = {}
        for row in self.confusions:
            for other in row.similar:
                table.setdefault(row.char, set()).add(other)
                table.setdefault(other, set()).add(row.char)
        return {char: frozenset(chars) for char, chars in table.items()}
