"""Lexicon → CompiledLexicon: pattern tables and STORE_INTS automata.

Pure and deterministic: the same lexicon always gives the same patterns in the
same order, so the cache key (the lexicon bytes) identifies the result.

Three automata: surfaces (canonical forms, allowed phrases, listed wrong
forms and generated variants) over the raw text; syllable keys of every term
over the text encoded by ``SoundTables.encode``; and fuzzy keys of long terms
over the text folded once more.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import NamedTuple

import ahocorasick

from zhguard.finding import Category, Kind
from zhguard.lexicon.model import Lexicon
from zhguard.lexicon.sound import SoundTables, build_sound_tables, term_keys
from zhguard.lexicon.variants import variants

# The evidence a listed wrong form carries on its own: it was seen published,
# and the data tests keep it from being a correct form anywhere else.
KNOWN_WRONG_PRIOR = 0.95
# Fuzzy pinyin multiplied false positives on short terms in the prototype
# (design card): only terms at least this long get fuzzy keys.
FUZZY_MIN_LENGTH = 4


# Target and Pattern are NamedTuples holding plain values (``kind`` is the Kind's
# string value): there are thousands of them, and unpickling tuples is ~10x
# faster than unpickling slotted dataclasses or enum members (warm start).
class Target(NamedTuple):
    """What a surface is a wrong form of: an entry index and how it differs."""

    entry: int
    kind: str
    prior: float


class Pattern(NamedTuple):
    """A distinct surface string and everything it means.

    ``correct`` surfaces (canonical forms, allowed phrases) are never reported
    and protect the wrong forms they contain; ``targets`` say what a wrong
    surface should have been.
    """

    surface: str
    correct: bool
    targets: tuple[Target, ...]


@dataclass(frozen=True, slots=True)
class KeyTable:
    """An automaton over encoded text; its values index ``entries`` (the terms with that key)."""

    entries: tuple[tuple[int, ...], ...]
    lengths: tuple[int, ...]
    automaton: ahocorasick.Automaton


class Division(NamedTuple):
    """A place as plain values (fast to unpickle): see lexicon.model.Place."""

    code: str
    name: str
    short: str
    level: str
    parent: str
    origin: str


@dataclass(frozen=True, slots=True)
class PlaceTable:
    """Divisions by code, and an automaton over full and short names.

    The automaton's value indexes ``names``: (name, is_full_name, division codes).
    """

    divisions: dict[str, Division]
    names: tuple[tuple[str, bool, tuple[str, ...]], ...]
    automaton: ahocorasick.Automaton

    def ancestors(self, code: str) -> list[str]:
        chain = []
        while code:
            chain.append(code)
            code = self.divisions[code].parent
        return chain


@dataclass(frozen=True, slots=True)
class RenameTable:
    """Outdated names: an automaton whose value indexes ``names``; ``renames[name]`` lists the
    (effective, new names, scope, origin) of each rename of that name, oldest first."""

    names: tuple[str, ...]
    renames: dict[str, tuple[tuple[dt.date, tuple[str, ...], str, str], ...]]
    automaton: ahocorasick.Automaton


class Office(NamedTuple):
    """One binding as plain values: see lexicon.model.Binding."""

    title: str
    valid_from: dt.date | None
    valid_to: dt.date | None
    status: str
    origin: str


@dataclass(frozen=True, slots=True)
class OfficeTable:
    """People with known offices: an automaton over their names (value indexes ``people``),
    their offices, and every title anyone holds (to find the title phrase before a name)."""

    people: tuple[str, ...]
    offices: dict[str, tuple[Office, ...]]
    titles: frozenset[str]
    automaton: ahocorasick.Automaton


@dataclass(frozen=True, slots=True)
class CompiledLexicon:
    """The lexicon plus its pattern table and automata."""

    lexicon: Lexicon
    patterns: tuple[Pattern, ...]
    automaton: ahocorasick.Automaton
    longest: int
    sound: SoundTables | None = None
    syllable_keys: KeyTable | None = None
    fuzzy_keys: KeyTable | None = None
    places: PlaceTable | None = None
    renames: RenameTable | None = None
    offices: OfficeTable | None = None


def compile_lexicon(lexicon: Lexicon, *, near_misses: bool = True) -> CompiledLexicon:
    """Build the pattern tables and automata; raises nothing on a validated lexicon."""
    correct: set[str] = {entry.canonical for entry in lexicon.entries}
    correct.update(allow.phrase for allow in lexicon.allows)
    targets: dict[str, dict[int, Target]] = defaultdict(dict)
    for index, entry in enumerate(lexicon.entries):
        for form in entry.known_wrong:
            targets[form][index] = Target(index, Kind.KNOWN_WRONG.value, KNOWN_WRONG_PRIOR)
    if near_misses:
        similar = lexicon.similar_shapes()
        for index, entry in enumerate(lexicon.entries):
            names = entry.category is Category.LEADER_NAME
            for form, kind in variants(entry.canonical, similar, edge_omissions=names):
                if form not in correct and index not in targets[form]:
                    targets[form][index] = Target(index, kind.value, 0.0)

    surfaces = sorted(correct | targets.keys())
    patterns = tuple(
        Pattern(s, s in correct, tuple(targets[s].values()) if s in targets else ()) for s in surfaces
    )
    automaton = _automaton(surfaces)
    longest = max((len(s) for s in surfaces), default=0)
    places = _place_table(lexicon) if lexicon.places else None
    renames = _rename_table(lexicon) if lexicon.renames else None
    offices = _office_table(lexicon) if lexicon.bindings else None
    # The confusion and place rows have done their work; keeping them would slow every warm start.
    lexicon = dataclasses.replace(lexicon, confusions=(), places=())
    if not near_misses or not lexicon.entries:
        return CompiledLexicon(lexicon, patterns, automaton, longest, places=places, renames=renames,
                               offices=offices)

    sound = build_sound_tables()
    syllable_keys: dict[str, set[int]] = defaultdict(set)
    fuzzy_keys: dict[str, set[int]] = defaultdict(set)
    for index, entry in enumerate(lexicon.entries):
        for key in term_keys(entry.canonical, sound):
            syllable_keys[key].add(index)
            if len(entry.canonical) >= FUZZY_MIN_LENGTH:
                fuzzy_keys[sound.fold(key)].add(index)
    return CompiledLexicon(lexicon, patterns, automaton, longest, sound,
                           _key_table(syllable_keys), _key_table(fuzzy_keys), places, renames, offices)


def _office_table(lexicon: Lexicon) -> OfficeTable:
    offices: dict[str, list[Office]] = defaultdict(list)
    for b in lexicon.bindings:
        offices[b.person].append(Office(b.title, b.valid_from, b.valid_to, b.status, b.origin))
    people = tuple(sorted(offices))
    titles = frozenset(b.title for b in lexicon.bindings)
    return OfficeTable(people, {p: tuple(offices[p]) for p in people}, titles, _automaton(list(people)))


def _rename_table(lexicon: Lexicon) -> RenameTable:
    by_old: dict[str, list[tuple[dt.date, tuple[str, ...], str, str]]] = defaultdict(list)
    for rename in lexicon.renames:
        by_old[rename.old].append((rename.effective, rename.new, rename.scope, rename.origin))
    names = tuple(sorted(by_old))
    return RenameTable(names, {name: tuple(sorted(by_old[name])) for name in names}, _automaton(list(names)))


def _place_table(lexicon: Lexicon) -> PlaceTable:
    divisions = {p.code: Division(p.code, p.name, p.short, p.level, p.parent, p.origin)
                 for p in lexicon.places}
    by_name: dict[tuple[str, bool], list[str]] = defaultdict(list)
    for place in lexicon.places:
        by_name[(place.name, True)].append(place.code)
        if place.short != place.name and len(place.short) >= 2:
            by_name[(place.short, False)].append(place.code)
    names = tuple((name, full, tuple(codes)) for (name, full), codes in sorted(by_name.items()))
    automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
    merged: dict[str, list[int]] = defaultdict(list)
    for index, (name, _, _) in enumerate(names):
        merged[name].append(index)
    # A name that is both a full name and another division's short name (吉林) keeps both entries.
    flat = tuple((name, any(names[i][1] for i in idx), tuple(c for i in idx for c in names[i][2]))
                 for name, idx in sorted(merged.items()))
    for index, (name, _, _) in enumerate(flat):
        automaton.add_word(name, index)
    automaton.make_automaton()
    return PlaceTable(divisions, flat, automaton)


def _automaton(words: list[str]) -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
    for index, word in enumerate(words):
        automaton.add_word(word, index)
    if words:
        automaton.make_automaton()
    return automaton


def _key_table(keys: dict[str, set[int]]) -> KeyTable:
    ordered = sorted(keys)
    return KeyTable(tuple(tuple(sorted(keys[k])) for k in ordered), tuple(len(k) for k in ordered),
                    _automaton(ordered))
