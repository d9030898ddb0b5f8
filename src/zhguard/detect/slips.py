"""One slip between a written name and a known one, and the index that finds the candidates.

Shared by the township rule (detect/townships.py) and the county and city rule (detect/place_slips.py):
a slip is a look-alike or same-sounding character, a dropped or added character, or two swapped
neighbours, the last character (the level: 县, 市, 镇, 街道's 道) untouched.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from zhguard.finding import Kind
from zhguard.lexicon.compile import CompiledLexicon


class NameIndex:
    """Names by their one-character wildcards (武\0县), and as a set: the names one slip from a written
    string are a few dictionary lookups away, never a comparison with every name.  A look-alike, a
    homophone or a dropped character is a lookup of the written string's wildcards; an added or doubled
    character and a swap, of its deletions and swaps.  ``lengths`` by the names' last character (a level
    or a suffix) are the lengths a slip of them may have."""

    def __init__(self, names: Iterable[str]) -> None:
        self.names = set(names)
        self.wildcards: dict[str, set[str]] = defaultdict(set)
        self.lengths: dict[str, set[int]] = defaultdict(set)
        # by the last character: the names' first characters and the characters right before the last.
        # One slip changes one place or swaps two, so a written string slipped from a name of 3+
        # characters has the name's first character first or second, or its last-but-one last-but-one
        # or one before (a cheap test before near)
        self.firsts: dict[str, set[str]] = defaultdict(set)
        self.penultimates: dict[str, set[str]] = defaultdict(set)
        for name in self.names:
            self.lengths[name[-1]].update((len(name) - 1, len(name), len(name) + 1))
            self.firsts[name[-1]].add(name[0])
            self.penultimates[name[-1]].add(name[-2])
            for i in range(len(name) - 1):  # the last character (a level, a suffix) is never the slip
                self.wildcards[name[:i] + "\0" + name[i + 1:]].add(name)

    def may_be_near(self, written: str) -> bool:
        """False where no name of 3+ characters is one slip from ``written`` (see firsts)."""
        firsts, penultimates = self.firsts.get(written[-1], ()), self.penultimates.get(written[-1], ())
        return (written[0] in firsts or written[1] in firsts or written[-2] in penultimates
                or written[-3] in penultimates)

    def near(self, written: str) -> set[str]:
        """The names one slip from ``written`` (a superset: ``slip`` decides)."""
        found: set[str] = set()
        get = self.wildcards.get
        for i in range(len(written)):
            found.update(get(written[:i] + "\0" + written[i + 1:], ()))  # replaced
            found.update(get(written[:i] + "\0" + written[i:], ()))  # dropped: the name is longer
            shorter = written[:i] + written[i + 1:]
            if shorter in self.names:
                found.add(shorter)  # added or doubled
            if i + 1 < len(written):
                swapped = written[:i] + written[i + 1] + written[i] + written[i + 2:]
                if swapped in self.names:
                    found.add(swapped)
        return found


def slip(written: str, right: str, compiled: CompiledLexicon, *, suffix: bool = True,
         fuzzy: bool = False) -> Kind | None:
    """How ``written`` is one slip from ``right``, or None.

    With ``suffix`` (a place's name: 县, 市, 镇, 街道's 道) its last character is never the slip, and an
    added character may stand anywhere before it; without (a person's name) any character may be the
    slip, but an added one only inside the name.  ``fuzzy`` takes fuzzy pinyin for the same sound too
    (z/zh, in/ing …), where the context leaves no other reading."""
    if written == right:
        return None
    last = len(right) - 1 if suffix else len(right)  # the characters that may be the slip
    if len(written) == len(right):
        diff = [i for i, (a, b) in enumerate(zip(written, right)) if a != b]
        if len(diff) == 2 and diff[1] == diff[0] + 1 and written[diff[0]] == right[diff[1]] \
                and written[diff[1]] == right[diff[0]]:
            return Kind.TRANSPOSITION
        if len(diff) != 1 or diff[0] >= last:
            return None
        a, b = written[diff[0]], right[diff[0]]
        if b in compiled.shapes.get(a, ""):  # symmetric (Lexicon.similar_shapes)
            return Kind.SHAPE
        sound = compiled.sound
        if sound is None:
            return None
        key = sound.hear if fuzzy else sound.encode
        return Kind.HOMOPHONE if key(a) == key(b) != a else None
    if len(written) == len(right) - 1:
        return Kind.OMISSION if any(right[:i] + right[i + 1:] == written for i in range(last)) else None
    if len(written) == len(right) + 1:
        return Kind.INSERTION if any(written[:i] + written[i + 1:] == right
                                     for i in range(0 if suffix else 1, len(written) - 1)) else None
    return None
