"""Names one slip from a written string, found by lookups: the index of the county and city rule
(detect/place_slips.py) and the township rule (detect/townships.py).

The divisions' index is built with the lexicon and unpickled with it (building it cost ~5 ms of every
process's first check, issue 21); a township's index is built where a document names its county.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from zhguard.lexicon.compile import PlaceTable

# The level characters of divisions' names (湖北省, 荆州市, 白河县 …).
LEVELS = "省市县区旗州盟"
# A prefecture's name of 4+ characters is a lexicon term with near misses of its own (detect/nearmiss.py);
# one of 4 is indexed here too, as a county's is: a character put between its halves (石家高庄市) leaves
# neither three-character end the term's insertion anchors read.
PREFECTURE_MAX = 4
# Counties' names of 3 or 4 characters (2,795 of 2,970 here): the long ones (X族自治县) would triple the
# lengths tried at every level character, and are left to a site's lexicon.
NAME_MAX = 4


class NameIndex:
    """Names by their one-character wildcards (武\0县), and as a set: the names one slip from a written
    string are a few dictionary lookups away, never a comparison with every name.  A look-alike, a
    homophone or a dropped character is a lookup of the written string's wildcards; an added or doubled
    character and a swap, of its deletions and swaps.  ``lengths`` by the names' last character (a level
    or a suffix) are the lengths a slip of them may have."""

    def __init__(self, names: Iterable[str]) -> None:
        self.names = set(names)
        self.wildcards: dict[str, set[str]] = defaultdict(set)
        # by the last character: the names' first characters and the characters right before the last.
        # One slip changes one place or swaps two, so a written string slipped from a name of 3+
        # characters has the name's first character first or second, or its last-but-one last-but-one
        # or one before (a cheap test before near)
        self.firsts: dict[str, set[str]] = defaultdict(set)
        self.penultimates: dict[str, set[str]] = defaultdict(set)
        self.sizes: dict[str, set[int]] = defaultdict(set)  # the names' own lengths, by last character
        self.endings: dict[str, dict[tuple[str, int], list[str]]] = {}
        self.ending_sizes: dict[str, tuple[int, ...]] = {}
        for name in self.names:
            self.sizes[name[-1]].add(len(name))
            self.firsts[name[-1]].add(name[0])
            self.penultimates[name[-1]].add(name[-2])
            for i in range(len(name) - 1):  # the last character (a level, a suffix) is never the slip
                self.wildcards[name[:i] + "\0" + name[i + 1:]].add(name)
        # a written string one slip from a name is a character shorter, as long, or a character longer
        # (longest first)
        self.lengths = {last: tuple(sorted({size + d for size in sizes for d in (-1, 0, 1)}, reverse=True))
                        for last, sizes in self.sizes.items()}

    def index_endings(self) -> NameIndex:
        """Index the names by their last two characters (城市 of 白城市: a name whose end is a common word),
        then by their first character and length, which a character put inside the stem keeps: for the
        divisions' index, built once at compile time (a township's index has no use for it)."""
        endings: dict[str, dict[tuple[str, int], list[str]]] = defaultdict(lambda: defaultdict(list))
        for name in sorted(self.names):
            endings[name[-2:]][name[0], len(name)].append(name)
        self.endings = {ending: dict(by_start) for ending, by_start in endings.items()}
        self.ending_sizes = {ending: tuple(sorted({size for _, size in by_start}))
                             for ending, by_start in self.endings.items()}
        return self

    def may_be_near(self, written: str) -> bool:
        """False where no name of 3+ characters is one slip from ``written`` (see firsts)."""
        firsts, penultimates = self.firsts.get(written[-1], ()), self.penultimates.get(written[-1], ())
        return (written[0] in firsts or written[1] in firsts or written[-2] in penultimates
                or written[-3] in penultimates)

    def near(self, written: str) -> set[str]:
        """The names one slip from ``written`` (a superset: ``slip`` decides).  Only the lookups that a
        name of that length and last character could answer are made (a replaced character or a swap
        keeps the length, a dropped one wants a name a character longer, an added one shorter)."""
        found: set[str] = set()
        get, names, size = self.wildcards.get, self.names, len(written)
        sizes = self.sizes.get(written[-1], ())
        same, longer, shorter = size in sizes, size + 1 in sizes, size - 1 in sizes
        for i in range(size):
            if same:
                found.update(get(written[:i] + "\0" + written[i + 1:], ()))  # replaced
                if i + 1 < size:
                    swapped = written[:i] + written[i + 1] + written[i] + written[i + 2:]
                    if swapped in names:
                        found.add(swapped)
            if longer:
                found.update(get(written[:i] + "\0" + written[i:], ()))  # dropped: the name is longer
            if shorter and written[:i] + written[i + 1:] in names:
                found.add(written[:i] + written[i + 1:])  # added or doubled
        return found


class KnownForms(frozenset):
    """Every division's name, and its short name with its level character as pages write it (化隆县 for
    化隆回族自治县, 延边州 for 延边朝鲜族自治州); ``short`` holds the latter alone (the scan finds the names)."""

    short: frozenset[str]
    provinces: frozenset[str]  # the provinces' names: 34, every one known to a reader

    @classmethod
    def of(cls, table: PlaceTable) -> KnownForms:
        short = {row[2] + row[1][-1] for row in table.rows.values() if row[2] and row[2] != row[1]}
        known = cls({name for name, _, _ in table.names} | short)
        known.short = frozenset(short)
        known.provinces = frozenset(row[1] for row in table.rows.values() if row[3] == "province")
        return known


def place_forms(table: PlaceTable) -> tuple[NameIndex, KnownForms]:
    """The index of the divisions' names a slip is looked for in, and every form a division is written in."""
    return NameIndex(_names(table)).index_endings(), KnownForms.of(table)


def _names(table: PlaceTable) -> set[str]:
    names = set()
    for row in table.rows.values():
        _, name, _, level, _, _ = row
        if name[-1] in LEVELS and 3 <= len(name) <= NAME_MAX and (
                level == "county" or (level in ("prefecture", "province") and len(name) <= PREFECTURE_MAX)):
            names.add(name)
    return names
