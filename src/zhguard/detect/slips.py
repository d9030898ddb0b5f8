"""One slip between a written name and a known one (the index that finds the candidates: lexicon/nameindex.py).

Shared by the township rule (detect/townships.py) and the county and city rule (detect/place_slips.py):
a slip is a look-alike or same-sounding character, a dropped or added character, or two swapped
neighbours, the last character (the level: 县, 市, 镇, 街道's 道) untouched.
"""

from __future__ import annotations

from collections.abc import Container

from zhguard.finding import Kind
from zhguard.lexicon.compile import CompiledLexicon
from zhguard.lexicon.nameindex import NameIndex
from zhguard.wordmodel import word_count

__all__ = ["NameIndex", "crosses_a_name", "slip", "widened"]


def crosses_a_name(ends: Container[int], start: int, end: int) -> bool:
    """A name written right ends strictly inside ``[start, end)`` (吕梁市|兴县 holds 市兴县): the span is no
    one name's slip.  ``ends`` are where the names the scan found end."""
    return any(at in ends for at in range(start + 1, end))


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
        if key(a) == key(b) != a:
            return Kind.HOMOPHONE
        # the name as it is said (长春 chang, 六安 lu): 厂春市, 鲁安市 sound like it
        said = compiled.place_readings.get(right) if suffix else None
        if said is not None:
            heard = said[diff[0]]
            return Kind.HOMOPHONE if (sound.fold(heard) if fuzzy else heard) == key(a) != a else None
        return None
    if len(written) == len(right) - 1:
        return Kind.OMISSION if any(right[:i] + right[i + 1:] == written for i in range(last)) else None
    if len(written) == len(right) + 1:
        return Kind.INSERTION if _put_inside(written, right, 0 if suffix else 1) else None
    return None


def _put_inside(written: str, right: str, first: int) -> bool:
    """``written`` (one character longer) is ``right`` with a character added at ``first`` or after it,
    before its last."""
    return any(written[:i] + written[i + 1:] == right for i in range(first, len(written) - 1))


# How far a slip's span may grow on either side to take in a character of the name it lacks, and how
# frequent a word of jieba's dictionary the character taken in may not make with its other neighbour.
WIDEN = 2
EDGE_WORD_MIN_COUNT = 100


def widened(text: str, start: int, end: int, right: str) -> tuple[int, int, Kind] | None:
    """The span that takes in a character of ``right`` standing just beside ``text[start:end]``, if it is
    ``right`` with a character put between two of its own or two neighbours swapped (应提|急管理部 for
    应急管理部, 深市|圳 for 深圳市, 南宁实|市 for 南宁市): a fix of the narrower span would leave that
    character behind (应提应急管理部, 深圳市圳, 南宁市市).  Not where the character taken in begins or ends a
    word with its other neighbour (浙江身|省长: 省 is the title's)."""
    beside = text[max(0, start - WIDEN):start] + text[end:end + WIDEN]
    if not any(char in right for char in beside):
        return None  # nearly every span: none of the name's characters beside it
    for a, b in ((start - 1, end), (start, end + 1), (start - WIDEN, end), (start, end + WIDEN)):
        edge = (text[a - 1:a + 1] if a > 0 else "") if a < start else text[b - 1:b + 1]
        if a < 0 or b > len(text) or word_count(edge) >= EDGE_WORD_MIN_COUNT:
            continue
        written = text[a:b]
        if len(written) == len(right) + 1 and _put_inside(written, right, 1):
            return a, b, Kind.INSERTION
        if len(written) == len(right) and any(written[:i] + written[i + 1] + written[i] + written[i + 2:] == right
                                              for i in range(len(written) - 1)):
            return a, b, Kind.TRANSPOSITION
    return None
