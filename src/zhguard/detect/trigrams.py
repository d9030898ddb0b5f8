"""A document's three-character Han strings, counted: the table the consistency rule (ZG917) reads.

Every string of three unified ideographs counts (the rule keeps the forms without grammar itself; a slip
may put grammar in one: 专向行动).  Two ways, one answer:

- ``StringTrigrams``: a regular expression finds every string (overlapping) and a Counter counts them:
  cheap to start, and a page's few thousand strings cost a few milliseconds;
- ``ArrayTrigrams``: numpy packs each string's three UTF-16 code units into one 64-bit key and counts
  the keys in one sort.  A long document's ~20,000 strings cost a quarter of the Counter's time and no
  string object each; numpy's import (~60 ms) is paid only by a process that checks one.

``trigrams(text)`` picks by length (arrays.ARRAY_MIN_LENGTH).  Both list strings in code-point order, so the rule's findings do
not depend on which counted (tests/test_trigrams.py compares them).
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Collection, Sequence
from itertools import compress, repeat
from operator import add
from typing import TYPE_CHECKING

from zhguard.arrays import long_enough
from zhguard.arrays import numpy_module as _numpy

if TYPE_CHECKING:
    import numpy

HAN_FIRST, HAN_END = 0x4E00, 0xA000  # the unified ideographs, U+4E00..U+9FFF


def trigrams(text: str) -> StringTrigrams | ArrayTrigrams:
    return ArrayTrigrams(text) if long_enough(text) else StringTrigrams(text)


# every such string, overlapping, found in C in one pass (one class: a third of the compile time of one
# without the grammatical characters, which every page's run pays)
_TRIGRAM = re.compile(f"(?=([{chr(HAN_FIRST)}-{chr(HAN_END - 1)}]{{3}}))")


class StringTrigrams:
    """The strings as a Counter (first occurrence first)."""

    __slots__ = ("_counts",)

    def __init__(self, text: str) -> None:
        self._counts = Counter(_TRIGRAM.findall(text))

    def written(self, least: int) -> list[str]:
        """The strings written ``least`` times or more, in code-point order."""
        return sorted(form for form, count in self._counts.items() if count >= least)

    def counts(self, forms: Sequence[str]) -> list[int]:
        """How often each of ``forms`` is written (0 for none)."""
        return list(map(self._counts.get, forms, repeat(0)))

    def once_between(self, pairs: Collection[str]) -> list[str]:
        """The strings written once whose first and last characters are one of ``pairs`` (示泛区 for 示区),
        in code-point order: each string's outer pair made and looked up in C."""
        once = [form for form, count in self._counts.items() if count == 1]
        joined = "".join(once)
        return sorted(compress(once, map(pairs.__contains__, map(add, joined[0::3], joined[2::3]))))


class ArrayTrigrams:
    """The strings as sorted 64-bit keys with their counts: code units c0 << 32 | c1 << 16 | c2, so the
    keys' order is the strings' and a key's big-endian bytes are a zero unit and the string's."""

    __slots__ = ("_keys", "_counts")

    def __init__(self, text: str) -> None:
        np = _numpy()
        han = _han()
        units = np.frombuffer(text.encode("utf-16-le", "surrogatepass"), "<u2")
        wide = units.astype(np.uint64)
        keys = wide[:-2] << np.uint64(32) | wide[1:-1] << np.uint64(16) | wide[2:]
        keys = keys[han[units[:-2]] & han[units[1:-1]] & han[units[2:]]]
        self._keys, self._counts = np.unique(keys, return_counts=True)

    def written(self, least: int) -> list[str]:
        return _decoded(self._keys[self._counts >= least])

    def counts(self, forms: Sequence[str]) -> list[int]:
        """``forms``: three characters each, of the unified ideographs (the rule's variants of its forms)."""
        np = _numpy()
        if not forms or not len(self._keys):
            return [0] * len(forms)
        keys = np.frombuffer(("\0" + "\0".join(forms)).encode("utf-16-be", "surrogatepass"), ">u8")
        at = np.minimum(np.searchsorted(self._keys, keys), len(self._keys) - 1)
        return np.where(self._keys[at] == keys, self._counts[at], 0).tolist()

    def once_between(self, pairs: Collection[str]) -> list[str]:
        np = _numpy()
        if not pairs:
            return []
        once = self._keys[self._counts == 1]
        outer = (once >> np.uint64(32)) << np.uint64(16) | (once & np.uint64(0xFFFF))
        coded = np.frombuffer("".join(pairs).encode("utf-16-be", "surrogatepass"), ">u4")
        wanted = np.sort(coded.astype(np.uint64))
        at = np.minimum(np.searchsorted(wanted, outer), len(wanted) - 1)
        return _decoded(once[wanted[at] == outer])


def _decoded(keys: numpy.ndarray) -> list[str]:
    """The strings of these keys (sorted keys: sorted strings): a zero unit, then each string's three."""
    return keys.astype(">u8").tobytes().decode("utf-16-be", "surrogatepass").split("\0")[1:]


@functools.cache
def _han() -> numpy.ndarray:
    """Per UTF-16 code unit: a unified ideograph."""
    np = _numpy()
    han = np.zeros(0x10000, bool)
    han[HAN_FIRST:HAN_END] = True
    return han


Trigrams = StringTrigrams | ArrayTrigrams
