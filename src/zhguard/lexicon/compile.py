"""Lexicon → CompiledLexicon: pattern tables and STORE_INTS automata.

Pure and deterministic: the same lexicon always gives the same patterns in the
same order, so the cache key (the lexicon bytes) identifies the result.

Three automata: surfaces (canonical forms, allowed phrases, listed wrong
forms and generated variants) over the raw text; syllable keys of every term
over the text encoded by ``SoundTables.encode``; and fuzzy keys of long terms
over the text folded once more.
"""

from __future__ import annotations

import datetime as dt
import itertools
from array import array
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple

import ahocorasick

from zhguard.finding import Category, Kind
from zhguard.lexicon import fanout
from zhguard.lexicon.model import HISTORICAL, Entry, Lexicon
from zhguard.lexicon.nameindex import LEVELS, NAME_MAX, KnownForms, NameIndex, place_forms
from zhguard.lexicon.sound import SoundTables, build_sound_tables, phrase_reading, term_keys
from zhguard.lexicon.variants import WORD_OMISSION_LENGTH, quoted_variants, variants
from zhguard.text import GRAMMATICAL, NUMBERED
from zhguard.titles import PARTY, full_forms

# The evidence a listed wrong form carries on its own: it was seen published,
# and the data tests keep it from being a correct form anywhere else.
KNOWN_WRONG_PRIOR = 0.95
# A listed non-standard wording is certain as text, but whether it applies is the editor's call.
NONSTANDARD_PRIOR = 0.9
# Generated variants carry no prior of their own: context.py scores them.
_PRIOR_OF_KIND = {Kind.KNOWN_WRONG: KNOWN_WRONG_PRIOR, Kind.NONSTANDARD: NONSTANDARD_PRIOR}
# Fuzzy pinyin multiplied false positives on short terms in the prototype
# (design card): only terms at least this long get fuzzy keys.
FUZZY_MIN_LENGTH = 4
# Terms other than names shorter than this are matched exactly only.
MIN_NEAR_MISS_LENGTH = 4
# Terms this long are also compared with any one inner character replaced (中华人民共和国 → 中国人民共和国):
# an input method's wrong pick is neither a homophone nor a look-alike.
SUBSTITUTION_MIN_LENGTH = 6
# Terms this long also get their first character dropped (国式现代化 for 中国式现代化).
EDGE_OMISSION_LENGTH = 5
# A word seen this often in jieba's dictionary is an ordinary word (context.py).
ORDINARY_MIN_COUNT = 100


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
    surface should have been.  The facts detectors find their names in the
    same scan: ``place`` indexes PlaceTable.names (-1: not a place name),
    ``renamed`` marks an outdated institution name, ``person`` a person with
    known offices.
    """

    surface: str
    correct: bool
    targets: tuple[Target, ...]
    place: int = -1
    renamed: bool = False
    person: bool = False


# A pattern's flag bits (PatternTable.flags).
CORRECT, RENAMED, PERSON = 1, 2, 4
# ... and whether any target is a generated near miss (not a listed wrong form): most hits have none;
# LISTED_FORM, whether any is a listed one.
NEAR, LISTED_FORM = 8, 16
# The kinds of target a lexicon lists (its known wrong forms, nonstandard wordings), not generated.
LISTED = frozenset({Kind.KNOWN_WRONG.value, Kind.NONSTANDARD.value})


class PatternTable(Sequence[Pattern]):
    """Patterns stored in columns of plain values, viewed as Patterns on access (once per pattern hit).

    A warm start unpickles this table; columns (all surfaces as one string with
    their end offsets, one bytes object of flags, an array of places, one int
    per target) load natively with no constructor call and no object per row:
    61,000 separate surface strings alone took ~17 ms to unpickle, the one
    string ~1.5 ms.
    """

    __slots__ = ("lengths", "_joined", "_ends", "_flags", "_places", "_targets", "_views")

    def __init__(self, joined: str, ends: array, flags: bytes, places: array,
                 targets: tuple[int | tuple[int, ...], ...], lengths: array) -> None:
        self._joined = joined
        self._ends = ends
        self.lengths = lengths
        self._flags = flags
        self._places = places
        self._targets = targets
        # Views of the patterns that texts actually hit, built once: detectors each look at every
        # hit, and the same few patterns recur.  Immutable values, so sharing between threads is safe.
        self._views: dict[int, Pattern] = {}

    @classmethod
    def build(cls, rows: list[tuple[str, bool, tuple[Target, ...], int, bool, bool]]) -> PatternTable:
        lengths = array("H", (len(row[0]) for row in rows))
        ends = array("I", itertools.accumulate(lengths))
        flags = bytes(row[1] * CORRECT | row[4] * RENAMED | row[5] * PERSON
                      | any(t.kind not in LISTED for t in row[2]) * NEAR
                      | any(t.kind in LISTED for t in row[2]) * LISTED_FORM for row in rows)
        places = array("i", (row[3] for row in rows))
        targets = tuple(_encode_targets(row[2]) for row in rows)
        return cls("".join(row[0] for row in rows), ends, flags, places, targets, lengths)

    def __len__(self) -> int:
        return len(self.lengths)

    def place_of(self, index: int) -> int:
        """``self[index].place`` without building the view (detectors ask it of every hit)."""
        return self._places[index]

    @property
    def places(self) -> array:
        """Each pattern's place (an index into PlaceTable.names, or -1): ``place_of`` for a whole scan in C."""
        return self._places

    @property
    def flags(self) -> bytes:
        """Each pattern's CORRECT, RENAMED, PERSON, NEAR and LISTED_FORM bits: ``flags[index] & CORRECT`` is
        ``self[index].correct`` with no view built (a scan's every hit is asked; issue 21)."""
        return self._flags

    def surface(self, index: int) -> str:
        end = self._ends[index]
        return self._joined[end - self.lengths[index]:end]

    def __getitem__(self, index):  # type: ignore[override]
        view = self._views.get(index)
        if view is None:
            flags = self._flags[index]
            view = Pattern(self.surface(index), bool(flags & CORRECT), _decode_targets(self._targets[index]),
                           self._places[index], bool(flags & RENAMED), bool(flags & PERSON))
            self._views[index] = view
        return view

    def __reduce__(self):
        return PatternTable, (self._joined, self._ends, self._flags, self._places, self._targets,
                              self.lengths)


# A target packed in one int: entry index, kind and (per kind constant) prior.
_KIND_CODES = tuple(Kind)
_TARGET_KIND_BITS = 5
assert len(_KIND_CODES) <= 1 << _TARGET_KIND_BITS, "more kinds than target bits"


def _encode_targets(targets: tuple[Target, ...]) -> int | tuple[int, ...]:
    codes = tuple(t.entry << _TARGET_KIND_BITS | _KIND_CODES.index(Kind(t.kind)) for t in targets)
    return codes[0] if len(codes) == 1 else codes


def _decode_targets(packed: int | tuple[int, ...]) -> tuple[Target, ...]:
    codes = (packed,) if isinstance(packed, int) else packed
    out = []
    for code in codes:
        kind = _KIND_CODES[code & (1 << _TARGET_KIND_BITS) - 1]
        out.append(Target(code >> _TARGET_KIND_BITS, kind.value, _PRIOR_OF_KIND.get(kind, 0.0)))
    return tuple(out)


class KeyTable(NamedTuple):
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


class PlaceTable(NamedTuple):
    """Divisions by code (plain tuples, see PatternTable); ``names`` are (name, is_full_name,
    division codes), found by the surface automaton (Pattern.place)."""

    rows: dict[str, tuple[str, str, str, str, str, str]]
    names: tuple[tuple[str, bool, tuple[str, ...]], ...]
    # parent code → its children's codes (a prefecture's counties without walking every row)
    children: dict[str, tuple[str, ...]] = {}  # noqa: RUF012 -- shared default, never mutated

    def division(self, code: str) -> Division:
        return Division(*self.rows[code])

    def ancestors(self, code: str) -> list[str]:
        chain = []
        while code:
            chain.append(code)
            code = self.rows[code][4]
        return chain


class RenameTable(NamedTuple):
    """``renames[old]`` lists the (effective, new names, scope, origin) of each rename of an
    outdated name, oldest first; the names are found by the surface automaton (Pattern.renamed)."""

    renames: dict[str, tuple[tuple[dt.date, tuple[str, ...], str, str], ...]]


class Office(NamedTuple):
    """One binding as plain values: see lexicon.model.Binding."""

    title: str
    valid_from: dt.date | None
    valid_to: dt.date | None
    status: str
    origin: str
    org: str = ""  # the body the office is of: 中华人民共和国 for 国家主席 (its formal full title)


class OfficeTable(NamedTuple):
    """People's offices (their names are found by the surface automaton: Pattern.person), and every
    title anyone holds (to find the title phrase written before a name)."""

    offices: dict[str, tuple[Office, ...]]
    titles: frozenset[str]


class LawTable(NamedTuple):
    """Law titles: every known title or short title (in force or not), the titles in force (to find
    the nearest for a mis-cited one), and each repealed title's (repeal date, successor, origin); the
    administrative regulations' titles and short titles → (official title, origin)."""

    known: frozenset[str]
    in_force: tuple[str, ...]
    repealed: dict[str, tuple[dt.date, str, str]]
    origins: dict[str, str]
    regulations: dict[str, tuple[str, str]] = {}  # noqa: RUF012 -- shared default, never mutated


class CompiledLexicon(NamedTuple):
    """The lexicon plus its pattern table and automata."""

    lexicon: Lexicon
    patterns: PatternTable
    automaton: ahocorasick.Automaton
    longest: int
    sound: SoundTables | None = None
    # A term heard: its syllable keys (exact) → entries, and one automaton over their fuzzy-folded forms,
    # scanned over the folded text; a hit is exact where the text's own syllables are an exact key.
    exact_keys: dict[str, tuple[int, ...]] | None = None
    heard_keys: KeyTable | None = None
    places: PlaceTable | None = None
    renames: RenameTable | None = None
    offices: OfficeTable | None = None
    laws: LawTable | None = None
    # Ordinary words that sound like part of a term (社会, 注意 for 社会主义): enough to reject a
    # homophone that reads as ordinary words without loading the whole word model.
    homophone_words: frozenset[str] = frozenset()
    # pattern index → (entry, offset in the term) for the halves of long terms: a term with one inner
    # character replaced keeps one half intact, so the main scan finds where to compare (detect/nearmiss.py).
    anchors: dict[int, tuple[tuple[int, int], ...]] = {}  # noqa: RUF012 -- shared default, never mutated
    # pinyin initials → the three-character leader names (entry indices) with known offices that have them:
    # 新加坡总书记 is 习近平总书记 typed as xjp (detect/initials.py).
    initials: dict[str, tuple[int, ...]] = {}  # noqa: RUF012 -- shared default, never mutated
    # char → its look-alikes (the confusion files, merged): a document's own recurring names get their
    # look-alike slips checked too (detect/consistency.py).
    shapes: dict[str, str] = {}  # noqa: RUF012 -- shared default, never mutated
    # A division's stem (湖北, 荆州; a county's only where it is no ordinary word) → its names, and each
    # character that sounds or looks like a level character → those level characters: 湖北面 is 湖北省
    # misspelt (detect/place_slips.py).  The stems are surfaces of the main automaton.
    level_stems: dict[str, tuple[str, ...]] = {}  # noqa: RUF012 -- shared default, never mutated
    level_slips: dict[str, str] = {}  # noqa: RUF012 -- shared default, never mutated
    # pattern index of an office's title (江苏省省长, 重庆市委书记: surfaces of the main scan) → everyone who
    # held it: the name written after it is one of theirs (detect/holder_slips.py).
    title_holders: dict[int, tuple[str, ...]] = {}  # noqa: RUF012 -- shared default, never mutated
    # Every item of the ordered lists (民主, 法治 …) → the lists that hold it: one scan finds where a list
    # is written (detect/lists.py), instead of a regex per list compiled on every start.
    list_items: KeyTable | None = None
    # The index of the divisions' names (one slip from a written string), and every form a division is
    # written in (detect/place_slips.py): built here, not on every process's first check.
    place_forms: tuple[NameIndex, KnownForms] | None = None
    # pattern index → (entry, offset) for the three-character ends of 4- and 5-character terms (自然资|源部 of
    # 自然资源部): a character put inside such a term keeps one end intact, and only an insertion is read
    # through them (a replaced character is one of the term's generated variants).
    insertion_anchors: dict[int, tuple[tuple[int, int], ...]] = {}  # noqa: RUF012 -- shared default
    # A division's name read as a phrase where that differs from its characters' own readings (长春市 chang
    # chun, 六安市 lu an, 漯河市 luo): 厂春市, 鲁安市 sound like the name as it is said (detect/slips.py).
    place_readings: dict[str, str] = {}  # noqa: RUF012 -- shared default, never mutated
    # What is left of a three-character body that other words leave too (宣部 of 中宣部 and 宣传部, 务院 of
    # 国务院 and 政务院): read only where no other body's name may begin before it (detect/nearmiss.py).
    shared_remnants: frozenset[str] = frozenset()


def _anchored(entry: Entry) -> bool:
    """A term compared through its intact halves (detect/nearmiss.py): any one inner character
    replaced is found there, and a look-alike in any place, so its look-alikes are not generated (the
    inner ones were 66,000 of the automaton's 93,000 surfaces; the first and last, 25,000 of 104,000
    and a third of its nodes, which every warm start unpickles: issue 21)."""
    return (len(entry.canonical) >= SUBSTITUTION_MIN_LENGTH and not _look_alikes_only(entry)
            and entry.category is not Category.LEADER_NAME)


# The ends of a 4- or 5-character term read for a character put inside it: three characters, which
# stand without the term far less often than its two-character words (国家, 人民, 资源).
INSERTION_ANCHOR = 3
INSERTION_ANCHORED = frozenset({Category.INSTITUTION, Category.POLITICAL_TERM, Category.PLACE})


def insertion_anchored(entry: Entry) -> bool:
    """A 4- or 5-character body, formulation or place: too short for halves (_anchored), long enough
    that both its three-character ends are its own."""
    return (INSERTION_ANCHOR < len(entry.canonical) < SUBSTITUTION_MIN_LENGTH
            and entry.category in INSERTION_ANCHORED and not _look_alikes_only(entry))


def compile_lexicon(lexicon: Lexicon, *, near_misses: bool = True) -> CompiledLexicon:
    """Build the pattern tables and automata; raises nothing on a validated lexicon."""
    # The standard wordings added here get no near misses of their own (exact_only).
    lexicon, exact_only = _with_entries(lexicon, _standard_entries(lexicon))
    lexicon, _ = _with_entries(lexicon, _place_entries(lexicon))
    lexicon, _ = _with_entries(lexicon, _people_entries(lexicon))
    correct: set[str] = {entry.canonical for entry in lexicon.entries}
    correct.update(allow.phrase for allow in lexicon.allows)
    targets: dict[str, dict[int, Target]] = defaultdict(dict)
    for index, entry in enumerate(lexicon.entries):
        for form in entry.known_wrong:
            targets[form][index] = Target(index, Kind.KNOWN_WRONG.value, KNOWN_WRONG_PRIOR)
    standard = {e.canonical: i for i, e in enumerate(lexicon.entries)}
    if lexicon.nonstandard:
        from zhguard.wordmodel import load_word_model

        split = load_word_model().segment
    for row in lexicon.nonstandard:
        index = standard[row.right]
        for form in (row.wrong, *quoted_variants(row.wrong, split(row.wrong))):
            if form not in correct:
                targets[form][index] = Target(index, Kind.NONSTANDARD.value, NONSTANDARD_PRIOR)
    # The entries whose near misses are generated, found, and anchored below.
    near = [(index, entry) for index, entry in enumerate(lexicon.entries)
            if entry.canonical not in exact_only and _gets_near_misses(entry)] if near_misses else []
    similar = lexicon.similar_shapes()
    shared: frozenset[str] | None = None
    if near:
        from zhguard.wordmodel import load_word_model

        segment = load_word_model().segment
        leaders = [e.canonical for e in lexicon.entries if e.category is Category.LEADER_NAME]
        for index, entry in near:
            names = entry.category is Category.LEADER_NAME
            # a whole word dropped only where a leader's name stands in the formulation: elsewhere a
            # dropped qualifier makes the broader wording (中国社会主义, 政治协商会议委员会), no slip
            words = (segment(entry.canonical) if len(entry.canonical) >= WORD_OMISSION_LENGTH
                     and any(name in entry.canonical for name in leaders) else ())
            # the first character dropped reads as truncation in a short term (会主义), as a slip in a
            # long one (国式现代化 for 中国式现代化): what is left is distinctive
            generated = variants(entry.canonical, similar, edge_omissions=names,
                                 first_omission=len(entry.canonical) >= EDGE_OMISSION_LENGTH
                                 or NUMBERED.match(entry.canonical) is not None
                                 or _named_with_its_level(entry),
                                 edits=not _look_alikes_only(entry),
                                 swaps=_is_listed_short_place(entry), words=words,
                                 inner_shapes=not _anchored(entry))
            if is_short_body(entry):
                if shared is None:
                    shared = _shared_remnants([e.canonical for _, e in near if is_short_body(e)])
                generated = itertools.chain(generated, _short_body_slips(entry.canonical))
            if _autonomous(entry) or last_word_cut(entry, segment) or last_word_halved(entry, segment):
                generated = itertools.chain(generated, ((entry.canonical[:-1], Kind.OMISSION),))
            for form, kind in generated:
                if form not in correct and index not in targets[form]:
                    targets[form][index] = Target(index, kind.value, 0.0)

    places = _place_table(lexicon) if lexicon.places else None
    renames = _rename_table(lexicon) if lexicon.renames else None
    offices = _office_table(lexicon) if lexicon.bindings else None
    laws = _law_table(lexicon) if lexicon.laws or lexicon.regulations else None
    place_index = {name: i for i, (name, _, _) in enumerate(places.names)} if places else {}
    renamed = renames.renames.keys() if renames else set()
    people = offices.offices.keys() if offices else set()

    anchor_of: dict[str, list[tuple[int, int]]] = defaultdict(list)
    inserted_at: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for index, entry in near:
        if _anchored(entry):
            half = len(entry.canonical) // 2
            anchor_of[entry.canonical[:half]].append((index, 0))
            anchor_of[entry.canonical[half:]].append((index, half))
        elif (entry.category is Category.LEADER_NAME and len(entry.canonical) == 3) or is_short_body(entry):
            # a character put inside a three-character name (李政书磊) or body (国进务院) leaves one of its
            # two-character halves intact: both are anchors (李书 and 书磊), so any character is found, not
            # only its own (a body's is prose where it makes a word: nearmiss._short_body_reads_as_prose)
            halves = [(entry.canonical[:2], 0), (entry.canonical[1:], 1)]
            for anchor, offset in halves if entry.category is Category.LEADER_NAME else _uncommon(halves):
                anchor_of[anchor].append((index, offset))
        elif insertion_anchored(entry):
            ends = ((entry.canonical[:INSERTION_ANCHOR], 0),
                    (entry.canonical[-INSERTION_ANCHOR:], len(entry.canonical) - INSERTION_ANCHOR))
            for anchor, offset in ends:
                inserted_at[anchor].append((index, offset))
        elif entry.category is Category.LEADER_NAME and len(entry.canonical) >= SUBSTITUTION_MIN_LENGTH:
            # a long name (艾尔肯·吐尼亚孜) with any character put inside it: its halves are anchors for
            # insertions only, as its look-alikes and homophones are generated or heard
            half = len(entry.canonical) // 2
            inserted_at[entry.canonical[:half]].append((index, 0))
            inserted_at[entry.canonical[half:]].append((index, half))

    level_stems = _level_stems(lexicon) if near and lexicon.places else {}
    holders_by_title = _holders_by_title(offices) if near and offices else {}
    # One automaton over the raw text for every kind of name: each pass costs as much as the scan.
    surfaces = sorted(correct | targets.keys() | place_index.keys() | renamed | people | anchor_of.keys()
                      | inserted_at.keys()
                      | level_stems.keys() | holders_by_title.keys())
    patterns = PatternTable.build([
        (s, s in correct, tuple(targets[s].values()) if s in targets else (),
         place_index.get(s, -1), s in renamed, s in people)
        for s in surfaces
    ])
    lead = fanout.characters_by_frequency()
    automaton = fanout.automaton(surfaces, lead)
    longest = max((len(s) for s in surfaces), default=0)
    # The confusion and place rows have done their work; keeping them would slow every warm start.
    lexicon = lexicon._replace(confusions=(), places=())
    list_items, forms = _list_items(lexicon), place_forms(places) if places else None
    if not near_misses or not lexicon.entries:
        return CompiledLexicon(lexicon, patterns, automaton, longest, places=places, renames=renames,
                               offices=offices, laws=laws, list_items=list_items, place_forms=forms)
    anchors = {i: tuple(anchor_of[s]) for i, s in enumerate(surfaces) if s in anchor_of}

    sound = build_sound_tables()
    syllable_keys: dict[str, set[int]] = defaultdict(set)
    folded_keys: dict[str, set[int]] = defaultdict(set)
    for index, entry in near:
        for key in term_keys(entry.canonical, sound):
            syllable_keys[key].add(index)
            folded_keys[sound.fold(key)].add(index)  # short terms too: their exact hits come from here
    folded_lead = fanout.translated(lead, sound.to_folded)
    initials: dict[str, list[int]] = defaultdict(list)
    # people with an office the binding rule judges (a retired leader's undated offices are for spelling)
    dated = {person for person, held in offices.offices.items()
             if any(o.status != HISTORICAL for o in held)} if offices else set()
    for index, entry in enumerate(lexicon.entries):
        if entry.category is Category.LEADER_NAME and len(entry.canonical) == 3 and entry.canonical in dated:
            initials[sound.initials(entry.canonical)].append(index)
    return CompiledLexicon(lexicon, patterns, automaton, longest, sound,
                           {key: tuple(sorted(entries)) for key, entries in syllable_keys.items()},
                           _key_table(folded_keys, folded_lead),
                           places, renames, offices, laws, _homophone_words(sound, syllable_keys), anchors,
                           {key: tuple(entries) for key, entries in initials.items()},
                           {char: "".join(sorted(others)) for char, others in similar.items()},
                           level_stems, _level_slips(sound, similar) if level_stems else {},
                           {i: holders_by_title[s] for i, s in enumerate(surfaces) if s in holders_by_title},
                           list_items, forms,
                           {i: tuple(inserted_at[s]) for i, s in enumerate(surfaces) if s in inserted_at},
                           _place_readings(forms[0].names if forms else (), sound), shared or frozenset())


def _place_readings(names: Iterable[str], sound: SoundTables) -> dict[str, str]:
    """Each name whose phrase reading differs from its characters' own (CompiledLexicon.place_readings)."""
    readings = {}
    for name in sorted(names):
        phrase = phrase_reading(name, sound)
        if phrase is not None and phrase != sound.encode(name):
            readings[name] = phrase
    return readings


# A title this short (省长, 部长) names no one office: the name after it may be anyone's.
MIN_HOLDER_TITLE = 4


def _holders_by_title(offices: OfficeTable) -> dict[str, tuple[str, ...]]:
    """Each office's title, with the party's name and without (中共江苏省委书记, 江苏省委书记) → the people
    who held it, current holders first."""
    holders: dict[str, list[str]] = defaultdict(list)
    for person, held in offices.offices.items():
        for office in held:
            for title in {office.title, office.title.removeprefix(PARTY), *full_forms(office.title)}:
                if len(title) >= MIN_HOLDER_TITLE and person not in holders[title]:
                    holders[title].append(person)
    return {title: tuple(people) for title, people in sorted(holders.items())}


def _level_stems(lexicon: Lexicon) -> dict[str, tuple[str, ...]]:
    """Every division's stem of two or more characters → its names (呼和浩特, 大兴安岭地 of 大兴安岭地区);
    a county's stem only where it is no ordinary word other than a place's name (和平, 平安 stand before any
    县 or 区 in prose; 如皋, 陇西 are words of jieba's as places only)."""
    from zhguard.wordmodel import load_word_model, place_words

    model, places = load_word_model(), place_words()
    stems: dict[str, set[str]] = defaultdict(set)
    for place in lexicon.places:
        stem = place.name[:-1]
        if place.name[-1] not in LEVELS or len(stem) < 2:
            continue
        if place.level == "county" and model.count(stem) >= ORDINARY_MIN_COUNT and stem not in places:
            continue
        stems[stem].add(place.name)
    return {stem: tuple(sorted(names)) for stem, names in sorted(stems.items())}


def _level_slips(sound: SoundTables, similar: dict[str, frozenset[str]]) -> dict[str, str]:
    """Each character that sounds (same toneless syllable, or the same fuzzy one: 身 shen for 省 sheng,
    像 xiang for 县 xian) or looks like a level character → those level characters; none that is a
    function word, nor a lower division's level (白河乡 is a township's name).  The common ones (室 for
    市) are read after a long stem only (detect/place_slips.py)."""
    codes = {sound.hear(level): level for level in LEVELS}
    slips: dict[str, set[str]] = defaultdict(set)
    for point, code in enumerate(sound.to_folded):
        if code in codes:
            slips[chr(point)].add(codes[code])
    for level in LEVELS:
        for char in similar.get(level, ()):
            slips[char].add(level)
    return {char: "".join(sorted(levels)) for char, levels in sorted(slips.items())
            if char not in LEVELS and char not in LOWER_LEVELS and char not in GRAMMATICAL}


# Townships' and villages' level characters, and the characters that end names of streets, temples and
# hamlets: after a division's stem they name another place (白河乡, 兴安路, 东兴寺, 榆树庄).
LOWER_LEVELS = frozenset("乡镇村庄屯营堡寨寺庙桥路街道巷门湾沟港站")


def _law_table(lexicon: Lexicon) -> LawTable:
    known = {law.title for law in lexicon.laws} | {law.short for law in lexicon.laws if law.short}
    in_force = tuple(sorted(law.title for law in lexicon.laws if law.status == "in_force"))
    repealed = {name: (law.repealed, law.successor, law.origin)
                for law in lexicon.laws if law.repealed for name in (law.title, law.short) if name}
    origins = {law.title: law.origin for law in lexicon.laws}
    regulations = {name: (regulation.title, regulation.origin)
                   for regulation in lexicon.regulations for name in (regulation.title, regulation.short) if name}
    return LawTable(frozenset(known), in_force, repealed, origins, regulations)


def _homophone_words(sound: SoundTables, term_keys_: dict[str, set[int]]) -> frozenset[str]:
    """Dictionary words (seen ORDINARY_MIN_COUNT times) whose sound is a stretch of some term's sound.

    Any word in the segmentation of a homophone of a term is one of these, so the
    check "does this homophone read as ordinary words" needs no other vocabulary.
    """
    from zhguard.wordmodel import dictionary_path, read_dictionary

    stretches = {key[i:j] for key in term_keys_ for i in range(len(key)) for j in range(i + 2, len(key) + 1)}
    counts, _ = read_dictionary(dictionary_path())
    encode = sound.encode
    return frozenset(word for word, count in counts.items()
                     if count >= ORDINARY_MIN_COUNT and len(word) >= 2 and encode(word) in stretches)


def _people_entries(lexicon: Lexicon) -> Iterator[Entry]:
    """Everyone with a verified office (facts/title_binding.tsv: provincial secretaries and governors,
    state and military leaders) is a leader-name term, so a near miss of the name is found beside an office
    the person holds (湖南省委书记杜家豪 was a published case); cues and titles guard them like the
    national leaders."""
    for binding in lexicon.bindings:
        yield Entry(binding.person, Category.LEADER_NAME, (), binding.sources, "", binding.origin)


def _place_entries(lexicon: Lexicon) -> Iterator[Entry]:
    """Each province's and prefecture's full name of MIN_NEAR_MISS_LENGTH+ characters becomes a place
    term, so its near misses are found (齐齐哈尔市 written 齐齐哈市).  Shorter names (宁波市) stay
    protected surfaces only: one character off a three-character name is another name or ordinary text
    too often.  A county's name does where it is longer than detect/place_slips.py's index holds
    (NAME_MAX: 伊金霍洛旗, 三江侗族自治县; 174 names); the 161 of four characters would add their
    look-alikes to every warm start, and are left to that index."""
    for place in lexicon.places:
        if len(place.name) >= (NAME_MAX + 1 if place.level == "county" else MIN_NEAR_MISS_LENGTH):
            yield Entry(place.name, Category.PLACE, (), place.sources, "", place.origin)


def _standard_entries(lexicon: Lexicon) -> Iterator[Entry]:
    """Each standard wording of a nonstandard row becomes an entry, so findings can name it as the
    suggestion."""
    for row in lexicon.nonstandard:
        yield Entry(row.right, row.category, (), row.sources, row.note, row.origin)


def _with_entries(lexicon: Lexicon, candidates: Iterable[Entry]) -> tuple[Lexicon, frozenset[str]]:
    """The lexicon with each candidate whose term it lacks appended (the first of a term wins), and the
    terms added."""
    known = {e.canonical for e in lexicon.entries}
    extra = []
    for entry in candidates:
        if entry.canonical not in known:
            known.add(entry.canonical)
            extra.append(entry)
    if not extra:
        return lexicon, frozenset()
    return lexicon._replace(entries=(*lexicon.entries, *extra)), frozenset(e.canonical for e in extra)


def _gets_near_misses(entry: Entry) -> bool:
    """Names (which context and cues guard) and terms of 4+ characters; a short body name such as
    人行 or 中办 is an ordinary word's neighbour far too often to guess at.  General terms (idioms, a
    site's slogans) get look-alikes and homophones only, as the typo rules have no dropped, added or
    swapped character; shorter ones are the typo detector's, which scores them as words of everyday
    prose (detect/typos.py)."""
    if entry.category is Category.GENERAL and len(entry.canonical) < MIN_NEAR_MISS_LENGTH:
        return False
    return (entry.category is Category.LEADER_NAME or len(entry.canonical) >= MIN_NEAR_MISS_LENGTH
            or _is_listed_short_place(entry) or is_short_body(entry))


# A formulation or a body this long with its last character dropped, where that cuts its last word
# (新型能源体|系, 主体功能区战|略, 全国政|协), is a slip: what is left ends in half a word.
LAST_CUT_LENGTH = 6
LAST_CUT_BODY_LENGTH = 4
LAST_HALVED_LENGTH = 4


def last_word_cut(entry: Entry, segment) -> bool:
    """A formulation or a body whose last character dropped leaves half a word: what is left ends in a
    character that is a word of its own in its best reading (新型能源体, 全国政, 金融监管总), not in a word
    (关键核心技术攻坚, 国家外汇管理, which go on as 攻坚行动, 管理部门; 人民政 reads 人|民政)."""
    if not (entry.category is Category.POLITICAL_TERM and len(entry.canonical) >= LAST_CUT_LENGTH
            or entry.category is Category.INSTITUTION and len(entry.canonical) >= LAST_CUT_BODY_LENGTH):
        return False
    start, end = segment(entry.canonical[:-1])[-1]
    return end - start == 1


def last_word_halved(entry: Entry, segment) -> bool:
    """A formulation of four or more characters whose last word (of two or more, not the whole term) loses
    its last character (高质量发|展, 人民至|上, 立德树人工|程): what is left may read as prose elsewhere
    (立德树人工 ends in 人工), so it is read only before a mark, where nothing can complete it
    (detect/nearmiss.py: _halved_before_a_mark)."""
    if entry.category is not Category.POLITICAL_TERM or len(entry.canonical) < LAST_HALVED_LENGTH:
        return False
    start, end = segment(entry.canonical)[-1]
    return end - start >= 2 and start > 0


def _autonomous(entry: Entry) -> bool:
    """An autonomous division's name (海北藏族自治州, 大通回族土族自治县): its level character dropped leaves
    a name ending in 自治 that no prose goes on from but with the level (海北藏族自治|获评), where a shorter
    name's would be a word (和田地|委)."""
    return entry.category is Category.PLACE and entry.canonical[-3:-1] == "自治"


def _named_with_its_level(entry: Entry) -> bool:
    """A division's name of four characters with its level (平顶山市, 和田地区): its first character dropped
    leaves a stem and a level that name no place (顶山市, 田地区), where a word's would be a shorter word."""
    return entry.category is Category.PLACE and len(entry.canonical) == 4 and entry.canonical[-1] in LEVELS


def _look_alikes_only(entry: Entry) -> bool:
    """Terms whose near misses are look-alikes and homophones only (see _gets_near_misses)."""
    return entry.category is Category.GENERAL or _is_listed_short_place(entry) or is_short_body(entry)


# A body's half this common a word in jieba's counts (教育 of 教育部, 中央 of 党中央) is no anchor: it
# stands everywhere without the body, and every scan's hit costs each detector that reads the hits.
COMMON_HALF_COUNT = 5000


def _uncommon(halves: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """The halves (anchor, offset) that are no common word; the rarer one where both are."""
    from zhguard.wordmodel import word_count

    uncommon = [half for half in halves if word_count(half[0]) < COMMON_HALF_COUNT]
    return uncommon or [min(halves, key=lambda half: word_count(half[0]))]


def is_short_body(entry: Entry) -> bool:
    """A three-character body (国务院, 教育部, 卫健委): one character that sounds or looks like one of its
    own (国吾院, 效育部) is checked, its middle one doubled, two swapped or one dropped (_short_body_slips);
    any character put inside it through its two-character halves, where it makes no word (国进务院, not
    科技型部门)."""
    return entry.category is Category.INSTITUTION and len(entry.canonical) == 3


# What is left of a three-character body with its first or middle character dropped (宣部, 党央) is checked
# where it is no word this frequent in jieba's counts (中部 of 中宣部 is one, 宣部 none) ...
DROPPED_BODY_WORD_COUNT = 3
# ... and fewer than this many other three-character words of jieba's are one character from it: 科院 is
# left of 中科院, 农科院, 医科院 … and of bodies jieba does not know (石科院), 务院 of 政务院, 商务院.
SHARED_REMNANT_WORDS = 2


def _remnants(term: str) -> tuple[str, str]:
    """A three-character body with its first or its middle character dropped (宣部 and 中部 of 中宣部)."""
    return term[1:], term[0] + term[2]


def _shared_remnants(bodies: list[str]) -> frozenset[str]:
    """The remnants of ``bodies`` that SHARED_REMNANT_WORDS or more other three-character words leave too,
    with one character dropped anywhere (one pass over jieba's words, at compile time)."""
    from zhguard.wordmodel import load_word_model

    remnants = {remnant for body in bodies for remnant in _remnants(body)}
    others: dict[str, set[str]] = defaultdict(set)
    for word in load_word_model().words_of_length(3, DROPPED_BODY_WORD_COUNT):
        for left in {word[1:], word[0] + word[2], word[:2]} & remnants:
            others[left].add(word)
    bodies_set = set(bodies)
    return frozenset(r for r, words in others.items() if len(words - bodies_set) >= SHARED_REMNANT_WORDS)


def _short_body_slips(term: str) -> Iterator[tuple[str, Kind]]:
    """A three-character body's middle character written twice (工信信部, 党中中央: the first and the last are
    detect/edge_doubled.py's), its neighbours swapped (务国院, 卫委健, 宣中部: where a word comes of it, the
    text around says whether it is prose, detect/nearmiss.py), and its first or middle character dropped
    where what is left is no word (宣部, 党央; not 中部).  What other words leave as well (科院 of 中科院 and
    农科院) is read only where no other body's name may begin before it (_shared_remnants, detect/
    nearmiss.py).  Its last one dropped leaves its usual short form as often (国资, 人社)."""
    from zhguard.wordmodel import load_word_model

    count = load_word_model().count
    yield term[:2] + term[1:], Kind.INSERTION
    for swapped in (term[1] + term[0] + term[2], term[0] + term[2] + term[1]):
        if swapped != term:
            yield swapped, Kind.TRANSPOSITION
    for remnant in _remnants(term):
        if count(remnant) < DROPPED_BODY_WORD_COUNT:
            yield remnant, Kind.OMISSION


def _is_listed_short_place(entry: Entry) -> bool:
    """A two- or three-character place a terms file lists (a site's 容桂, 顺驰桥, 园田队): its look-alikes,
    homophones and swapped neighbours (田园队) are checked, but no dropped or added character (顺桥 is any
    bridge); the judge reports a two-character one's look-alike only where it stands alone (context.py).
    Division names of three characters are no terms at all (_place_entries)."""
    return entry.category is Category.PLACE and len(entry.canonical) in (2, 3)


def _office_table(lexicon: Lexicon) -> OfficeTable:
    offices: dict[str, list[Office]] = defaultdict(list)
    for b in lexicon.bindings:
        offices[b.person].append(Office(b.title, b.valid_from, b.valid_to, b.status, b.origin, b.org))
    # a title as documents write it in full (安徽省人民政府省长, 江苏省人民代表大会常务委员会主任) is the office's too
    titles = frozenset(t for b in lexicon.bindings for t in (b.title, *full_forms(b.title)))
    return OfficeTable({p: tuple(offices[p]) for p in sorted(offices)}, titles)


def _rename_table(lexicon: Lexicon) -> RenameTable:
    by_old: dict[str, list[tuple[dt.date, tuple[str, ...], str, str]]] = defaultdict(list)
    for rename in lexicon.renames:
        by_old[rename.old].append((rename.effective, rename.new, rename.scope, rename.origin))
    return RenameTable({name: tuple(sorted(by_old[name])) for name in sorted(by_old)})


def _place_table(lexicon: Lexicon) -> PlaceTable:
    """Full names of every division, and short names of provinces and prefectures only: a county's
    short name (和平, 城关, 共和) is an ordinary word far more often than a place."""
    rows = {p.code: (p.code, p.name, p.short, p.level, p.parent, p.origin) for p in lexicon.places}
    by_name: dict[str, tuple[bool, list[str]]] = {}
    for place in lexicon.places:
        forms = [(place.name, True)]
        if place.level != "county" and place.short != place.name and len(place.short) >= 2:
            forms.append((place.short, False))
        for name, full in forms:
            was_full, codes = by_name.get(name, (False, []))
            by_name[name] = (was_full or full, [*codes, place.code])
    # A name that is a full name of one division and the short name of another (吉林) keeps both.
    names = tuple((name, full, tuple(codes)) for name, (full, codes) in sorted(by_name.items()))
    children: dict[str, list[str]] = defaultdict(list)
    for place in lexicon.places:
        if place.parent:
            children[place.parent].append(place.code)
    return PlaceTable(rows, names, {parent: tuple(codes) for parent, codes in children.items()})


def _list_items(lexicon: Lexicon) -> KeyTable | None:
    """No lead (fanout.py) here: with ~150 items the root's children are few, and dead ends would make
    the scan 7x slower (77 against 11 ms over clean-2026)."""
    holders: dict[str, set[int]] = defaultdict(set)
    for index, ordered in enumerate(lexicon.lists):
        for item in ordered.items:
            holders[item].add(index)
    return _key_table(holders, []) if holders else None


def _key_table(keys: dict[str, set[int]], lead: list[str]) -> KeyTable:
    ordered = sorted(keys)
    return KeyTable(tuple(tuple(sorted(keys[k])) for k in ordered), tuple(len(k) for k in ordered),
                    fanout.automaton(ordered, lead))
