"""Sound keys for the homophone channel, built at compile time (imports pypinyin lazily).

Each toneless syllable gets one private-use code point, so ``text.translate``
turns a text into a syllable string *of the same length*: offsets stay valid
and the scan stays in C.  Text is encoded with each character's standard
(first-listed) reading; a lexicon term is encoded with its reading as a
phrase (pypinyin's phrase dictionary knows 重庆 = chong qing) and with its
characters' standard readings, not with every reading of every character.
"""

from __future__ import annotations

import unicodedata
from typing import NamedTuple

from zhguard.arrays import long_enough, translated
from zhguard.lexicon.fanout import fast_table

# Supplementary private-use plane A: never assigned to a character, rare in real text.
SYLLABLE_BASE = 0xF0000
FUZZY_BASE = 0xF1000

# Fuzzy pinyin: initials and finals often confused in speech or input methods.
_FUZZY_INITIALS = (("zh", "z"), ("ch", "c"), ("sh", "s"), ("l", "n"), ("h", "f"))
_FUZZY_FINALS = (("iang", "ian"), ("uang", "uan"), ("ang", "an"), ("eng", "en"), ("ing", "in"))


# The Han characters that get a reading: every one of the Basic Multilingual Plane (ext. A, the unified
# ideographs, the compatibility ones).  The 15,000 of extensions B-G are in no lexicon term and typed by
# no input method's first page; leaving them out lets a translate table be one string indexed by code
# point, which unpickles in a tenth of a dict's time (~3 ms of every start, issue 21).
TABLE_END = 0xFB00


class SoundTables(NamedTuple):
    """``to_syllables`` maps ``ord(han)`` to a syllable code; ``to_fuzzy`` folds codes further.  The two
    character tables are strings indexed by code point (identity where a character has no reading):
    ``str.translate`` takes any mapping, and leaves a character beyond the table unchanged."""

    syllables: tuple[str, ...]
    codes: dict[str, str]
    to_syllables: str
    to_fuzzy: dict[int, str]
    to_folded: str  # to_syllables then to_fuzzy, in one table: a text folded in one pass

    def encode(self, text: str) -> str:
        return text.translate(self.to_syllables)

    def hear(self, text: str) -> str:
        """``fold(encode(text))`` in one translate (a page's, for the heard keys' scan, or a few characters'):
        a long document's as one array lookup."""
        if long_enough(text):
            return translated(text, self.to_folded)
        return text.translate(fast_table(self.to_folded))

    def fold(self, coded: str) -> str:
        return coded.translate(self.to_fuzzy)

    def initials(self, text: str) -> str:
        """Each character's syllable's first letter (zh, ch, sh give z, c, s, as 简拼 types them); a
        character without a reading stays itself.  For a few characters at a time."""
        syllables = self.syllables
        return "".join(syllables[ord(code) - SYLLABLE_BASE][0] if ord(code) >= SYLLABLE_BASE else code
                       for code in self.encode(text))


def toneless(reading: str) -> str:
    """``zhǔ`` → ``zhu``; ``lǜ`` → ``lv`` (pypinyin's NORMAL style)."""
    plain = unicodedata.normalize("NFD", reading)
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return plain.replace("u\u0308", "v").replace("ü", "v")


def fuzzy(syllable: str) -> str:
    """Fold a syllable to its fuzzy class: z/zh, c/ch, s/sh, n/l, f/h, an/ang, en/eng, in/ing."""
    for long, short in _FUZZY_INITIALS:
        if syllable.startswith(long):
            syllable = short + syllable[len(long):]
            break
    for long, short in _FUZZY_FINALS:
        if syllable.endswith(long):
            syllable = syllable[: -len(long)] + short
            break
    return syllable


def build_sound_tables() -> SoundTables:
    """The translate tables for the Han characters pypinyin knows in the BMP (about 27,000)."""
    from pypinyin.pinyin_dict import pinyin_dict

    standard = {cp: toneless(readings.split(",")[0]) for cp, readings in pinyin_dict.items()}
    syllables = tuple(sorted(set(standard.values())))
    code = {s: chr(SYLLABLE_BASE + i) for i, s in enumerate(syllables)}
    classes = sorted({fuzzy(s) for s in syllables})
    fuzzy_code = {c: chr(FUZZY_BASE + i) for i, c in enumerate(classes)}
    return SoundTables(
        syllables=syllables,
        codes=code,
        to_syllables=_table({cp: code[s] for cp, s in standard.items()}),
        to_fuzzy={ord(code[s]): fuzzy_code[fuzzy(s)] for s in syllables},
        to_folded=_table({cp: fuzzy_code[fuzzy(s)] for cp, s in standard.items()}),
    )


def _table(mapping: dict[int, str]) -> str:
    return "".join(mapping.get(point, chr(point)) for point in range(TABLE_END))


def term_keys(term: str, tables: SoundTables) -> set[str]:
    """The syllable strings a term is written as: its phrase reading and its standard reading."""
    keys = {tables.encode(term)}
    phrase = phrase_reading(term, tables)
    if phrase is not None:
        keys.add(phrase)
    return keys


def phrase_reading(term: str, tables: SoundTables) -> str | None:
    """``term``'s syllable string as pypinyin reads it as a phrase (长春 = chang chun, 六安 = lu an, where
    长 and 六 read zhang and liu alone), or None where pypinyin reads it otherwise than one per character."""
    from pypinyin import Style, pinyin

    phrase = pinyin(term, style=Style.NORMAL, errors=lambda chars: [[c] for c in chars])
    if len(phrase) != len(term):
        return None
    return "".join(tables.codes.get(item[0], ch) for item, ch in zip(phrase, term))
