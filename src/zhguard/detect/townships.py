"""Townships and sub-districts (乡、镇、街道): a near miss of one (ZG502–506), or one under the wrong county
(ZG510), judged where its parents are written.

41,352 names (data/places/townships.tsv, tools/gen_townships.py) repeat across the country (many 城关镇,
新华街道) and many read as ordinary words, so a township is evidence only with its parents:

- right after a county's full name (江夏区金口街道): the name must be one of that county's townships;
  a name of another county's township is a wrong parent (宜都市金口街道), a name one slip away from one of
  the county's own (江夏区金囗街道) a near miss;
- anywhere in a document that names the county or its city, or on a site whose configured place is one of
  them: a name ending in 镇, 乡 or 街道 that no county has, one slip away from a township of those counties.

A slip is a look-alike or same-sounding character, a dropped or added character, or two swapped
neighbours.  The table is read on the first text that needs it (~40 ms) and kept for the process.
"""

from __future__ import annotations

import array
import functools
import re
from collections.abc import Iterator, Sequence

import marisa_trie

from zhguard.detect import Candidate, Scan
from zhguard.detect.slips import NameIndex, crosses_a_name, slip
from zhguard.finding import Category, Kind
from zhguard.lexicon.compile import ORDINARY_MIN_COUNT, CompiledLexicon, PlaceTable
from zhguard.matcher import Hit
from zhguard.paths import DATA
from zhguard.wordmodel import cuts_a_word, load_word_model

SUFFIX = re.compile("街道|镇|乡")
LONGEST = 9  # the longest township name looked up, suffix included
ADJACENT_CONFIDENCE = 0.85
PARENT_CONFIDENCE = 0.9
DOCUMENT_CONFIDENCE = 0.6
ORIGIN = "places/townships.tsv"
# Away from its parents, a township's dropped or added character counts only in a stem this long.
EDIT_STEM = 3
WINDOW = 3


class TownshipTable:
    """Township names (a marisa trie: name → id) with the county codes that have one of that name, and
    each county's names: flat arrays, so the cache unpickles in ~1 ms (dicts of the 41,352 rows took 17)."""

    __slots__ = ("_ids", "_codes", "_county_of", "_county_starts", "_names_of", "_name_starts", "_county_index")

    def __init__(self, rows: Sequence[tuple[str, str]]) -> None:
        self._ids = marisa_trie.Trie(name for name, _ in rows)
        codes = sorted({county for _, county in rows})
        self._codes = tuple(codes)
        self._county_index = {code: i for i, code in enumerate(codes)}
        counties: list[list[int]] = [[] for _ in range(len(self._ids))]
        names: list[list[int]] = [[] for _ in codes]
        for name, county in rows:
            counties[self._ids[name]].append(self._county_index[county])
            names[self._county_index[county]].append(self._ids[name])
        self._county_of, self._county_starts = _flat(counties)
        self._names_of, self._name_starts = _flat(names)

    def counties(self, name: str) -> tuple[str, ...]:
        """The codes of the counties that have a township ``name`` (none: not a township's name)."""
        try:
            index = self._ids.get(name)
        except UnicodeEncodeError:  # a lone surrogate (a file read with surrogateescape) is in no name
            return ()
        if index is None:
            return ()
        starts = self._county_starts
        return tuple(self._codes[i] for i in self._county_of[starts[index]:starts[index + 1]])

    def names(self, county: str) -> tuple[str, ...]:
        """The township names of the county ``county`` (a code)."""
        index = self._county_index.get(county)
        if index is None:
            return ()
        starts = self._name_starts
        return tuple(self._ids.restore_key(i) for i in self._names_of[starts[index]:starts[index + 1]])

    def __getstate__(self):
        return tuple(getattr(self, slot) for slot in self.__slots__)

    def __setstate__(self, state) -> None:
        for slot, value in zip(self.__slots__, state, strict=True):
            setattr(self, slot, value)


def _flat(lists: Sequence[Sequence[int]]) -> tuple[array.array, array.array]:
    """Lists of ints as one array and the start of each (the last start is the end)."""
    values, starts = array.array("I"), array.array("I", [0])
    for items in lists:
        values.extend(items)
        starts.append(len(values))
    return values, starts


@functools.cache
def load_townships() -> TownshipTable:
    """The table, through the cache (parsing the 41,352 rows costs ~100 ms)."""
    from zhguard.lexicon.cache import content_key, file_digest, load_or_build

    path = DATA.joinpath("places", "townships.tsv")
    # keyed by the file's digest, remembered by its size and mtime: a warm start neither reads nor
    # hashes its 1.7 MB (~3 ms)
    return load_or_build(content_key("townships:3", file_digest(path)),
                         lambda: _parse(path.read_text("utf-8")), prefix="townships", expected=TownshipTable)


def _parse(data: str) -> TownshipTable:
    rows = []
    for line in data.splitlines():
        if not line or line.startswith("#"):
            continue
        _, name, county, _ = line.split("\t")
        rows.append((name, county))
    return TownshipTable(rows)


def detect(scan: Scan) -> Iterator[Candidate]:
    compiled, text, site = scan.compiled, scan.text, scan.site
    places = compiled.places
    if places is None or not SUFFIX.search(text):
        return
    mentions = _place_mentions(compiled, scan.places)
    if not mentions and not site:
        return
    townships = load_townships()
    reported: set[int] = set()
    for start, end, codes in mentions:
        counties = _counties(places, codes)
        candidate = _after_parent(compiled, townships, text, start, end, counties)
        if candidate is not None:
            reported.add(candidate.start)
            yield candidate
    local = {c for _, _, codes in mentions for c in _counties(places, codes)} | set(_counties(places, site))
    ends = {end for _, end, _ in mentions}
    if local:
        for candidate in _in_document(compiled, townships, text, local):
            # not across a name written right (磐石|市磐石经济开发区特殊街道: the county's 市)
            if candidate.start not in reported and not crosses_a_name(ends, candidate.start, candidate.end):
                yield candidate


def _place_mentions(compiled: CompiledLexicon, placed: Sequence[tuple[Hit, int]]
                    ) -> list[tuple[int, int, tuple[str, ...]]]:
    """Full names of prefectures and counties written in the text, with their codes."""
    table = compiled.places
    spans = [(hit.start, hit.end, place) for hit, place in placed]
    first_start: dict[int, int] = {}  # end → the earliest start of a name ending there
    for start, end, _ in spans:
        first_start[end] = min(start, first_start.get(end, start))
    out = []
    for start, end, place in spans:
        if first_start[end] < start:
            continue  # 义县 inside 武义县: the longer name is the one written
        name, full, codes = table.names[place]
        codes = tuple(c for c in codes if table.division(c).name == name and table.division(c).level != "province")
        if full and codes:
            out.append((start, end, codes))
    return out


def _counties(places: PlaceTable, codes: Sequence[str]) -> tuple[str, ...]:
    """The county codes at or below these divisions (a prefecture's counties)."""
    out = []
    for code in codes:
        if code not in places.rows:
            continue
        if places.division(code).level == "county":
            out.append(code)
        else:
            out.extend(places.children.get(code, ()))
    return tuple(out)


def _after_parent(compiled: CompiledLexicon, townships: TownshipTable, text: str, start: int, end: int,
                  counties: tuple[str, ...]) -> Candidate | None:
    """The township name written right after a county's or a city's full name."""
    places = compiled.places
    for match in SUFFIX.finditer(text, end + 2, end + LONGEST + 1):
        written = text[end:match.end()]
        if not all("\u4e00" <= char <= "\u9fff" for char in written):
            return None
        own = [name for county in counties for name in townships.names(county)]
        if written in own:
            return None
        elsewhere = townships.counties(written)
        if elsewhere:
            known = [c for c in elsewhere if c in places.rows]
            if len(known) != len(elsewhere) or not known:
                return None  # a development zone's township: statistical codes the division list lacks
            # Only a neighbour's township is a wrong parent: one of a county far away is as often a
            # township merged or renamed since (张北县大河乡, 1998) or a name many counties share.
            prefectures = {places.division(c).parent for c in counties}
            if not all(places.division(c).parent in prefectures for c in known):
                return None
            where = "、".join(dict.fromkeys(places.division(c).name for c in known))
            suggestions = tuple(dict.fromkeys(places.division(c).name + written for c in known))[:3]
            reason = (f"地名归属错误：「{written}」不属于「{text[start:end]}」，而属于{where}")
            return Candidate(start, match.end(), Category.PLACE, Kind.WRONG_BINDING, suggestions,
                             PARENT_CONFIDENCE, ORIGIN, reason)
        slipped = [(name, kind) for name in own if (kind := slip(written, name, compiled)) is not None
                   and (kind not in (Kind.OMISSION, Kind.INSERTION) or _inner_edit(written, name))]
        if len(slipped) == 1:
            name, kind = slipped[0]
            return Candidate(end, match.end(), Category.PLACE, kind, (name,), ADJACENT_CONFIDENCE, ORIGIN)
        return None
    return None


def _in_document(compiled: CompiledLexicon, townships: TownshipTable, text: str,
                 local: set[str]) -> Iterator[Candidate]:
    """Names ending in a township suffix that no county has, one slip from a township of the counties the
    document (or the site) names."""
    names = {name for county in local for name in townships.names(county)}
    index = NameIndex(names)
    for match in SUFFIX.finditer(text):
        end, suffix = match.end(), match.group()
        lengths = index.lengths.get(suffix[-1])
        if not lengths:
            continue
        if any(townships.counties(text[end - length:end])
               for length in range(len(suffix) + 1, min(end, LONGEST) + 1)):
            continue  # a township written right (here or in another county): not this rule's
        found = []
        for length in lengths:
            begin = end - length
            if begin < 0 or length <= len(suffix) + 1:
                continue
            written = text[begin:end]
            if not index.may_be_near(written):
                continue
            for name in sorted(index.near(written)):
                if not name.endswith(suffix):
                    continue
                kind = slip(written, name, compiled)
                if kind is None or not all("\u4e00" <= char <= "\u9fff" for char in written):
                    continue
                # a two-character stem with a character more or less is any other phrase (新型城镇, 骨干及城乡)
                if kind in (Kind.OMISSION, Kind.INSERTION) and len(name) - len(suffix) < EDIT_STEM:
                    continue
                if is_ordinary(written, ORDINARY_MIN_COUNT) or cuts_a_word(text, begin, end, WINDOW,
                                                                           ORDINARY_MIN_COUNT):
                    continue  # 我|国城乡 is no 金城乡
                found.append((begin, name, kind))
        if len({name for _, name, _ in found}) == 1:
            begin, name, kind = max(found, key=lambda f: end - f[0])
            yield Candidate(begin, end, Category.PLACE, kind, (name,), DOCUMENT_CONFIDENCE, ORIGIN)


def is_ordinary(written: str, min_count: int) -> bool:
    return load_word_model().is_ordinary(written, min_count)


def _inner_edit(written: str, right: str) -> bool:
    """A character dropped from or put inside the stem, not at its first or last place: 下三交镇 and
    沙窝集镇 are other names (a prefix, a market town), not 三交镇 and 沙窝镇 misspelt."""
    longer, shorter = (written, right) if len(written) > len(right) else (right, written)
    return any(longer[:i] + longer[i + 1:] == shorter for i in range(1, len(longer) - 3))
