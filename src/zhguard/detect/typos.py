"""General typos in everyday prose (ZG915 homophone, ZG916 look-alike): 峻工 → 竣工, 幅射 → 辐射.

No list of typos and no neural model: the frequent words of jieba's dictionary
(dict.txt, MIT; read as data) are the vocabulary, and a written span is a
candidate only where the text is improbable, i.e. it is *not* a known word but
sounds like one (or differs from one by one look-alike character).

Everything over the whole text runs in C:

- sound: ``str.translate`` turns the text into one code point per syllable,
  fuzzy pinyin folded (offsets stay valid); an automaton of the frequent
  words' sound keys finds every place a frequent word is *heard*, a second
  automaton of the known words of those sounds every place one is *written*,
  and a set difference of the two hit sets leaves the spans that sound like a
  frequent word but are written otherwise;
- shape: an automaton of single look-alike substitutions of the most frequent
  words (variants that are themselves words left out).

Python then looks at each candidate: one character differs (two, for a whole
word an input method picked wrong), the written character does not join its
neighbour outside the span into a word (严峻工作 is not 竣工), the span is not a
correct lexicon surface and does not recur in the text (a repeated form is a
term the dictionary lacks: 衔级), and the fix must make the text clearly more
probable: a window of ±3 characters under the word unigram model
(wordmodel.py), plus two characters either side under the character bigram
model (charmodel.py), which sees what the unigram model cannot (可学 is two
frequent words, but a pair official prose hardly writes). The tables are built
once from dict.txt and the shape tables (~3 s) and kept as a pickle in
zhguard's cache (~12 MB, ~30 ms to load).
"""

from __future__ import annotations

import functools
import math
import os
import re
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from typing import NamedTuple

import ahocorasick

from zhguard.detect import Candidate, Scan, traditional
from zhguard.detect.registry import TYPO_CODES
from zhguard.finding import Category, Kind
from zhguard.lexicon import fanout
from zhguard.lexicon.compile import CompiledLexicon
from zhguard.lexicon.sound import fuzzy as fuzzy_syllable
from zhguard.lexicon.sound import toneless
from zhguard.matcher import CorrectSpans
from zhguard.paths import DATA
from zhguard.text import han_run_after, han_run_before, is_han
from zhguard.wordmodel import cuts_a_word

# The rules this detector feeds (ZG901, listed idiom misspellings, comes from the exact detector).
CODES = TYPO_CODES
# The kind each finding is reported as: a frequent word of the dictionary, not a lexicon term.
REPORTED_KIND = {Kind.HOMOPHONE: Kind.WORD_HOMOPHONE, Kind.SHAPE: Kind.WORD_SHAPE}
# A candidate is reported when its score (nats of likelihood gain, plus the evidence below) reaches this;
# tuned on ECSpell's *.train sets for precision (benchmarks/typos_quality.py reports the test sets).
MIN_SCORE = 11.0
# Score → confidence: MIN_SCORE maps to this (the detector's own default threshold), each nat above adds STEP.
MIN_CONFIDENCE = 0.6
STEP = 0.04
# Evidence beyond the gain: the same toned syllable (an input method's neighbour) is the commonest typo;
# a written character that is itself a frequent one-character word (省, 其) is often meant as written.
SAME_TONE_BONUS = 3.0
SINGLE_WORD_PENALTY = 0.5  # per decade of the written character's own count
SHAPE_BONUS = -2.0
# Weight of the character bigram gain (what the word unigram model misses: 可学 is two frequent words).
CONTEXT_WEIGHT = 0.6
# A span may differ from the word it sounds like in this many characters: a whole word an input method
# picked wrong (淡味 for 单位) is two.  Each character beyond the first costs CHANGED_PENALTY nats, because
# much official jargon (办结, 施策) sounds like some frequent word: 4 is the least that keeps precision
# >= 95% on the train sets (without the character bigram model, two changed characters cost precision at
# any threshold).
MAX_CHANGED = 2
CHANGED_PENALTY = 4.0
# ... and the character pairs must prefer such a whole-word fix by this many nats: on the train sets every
# two-character fix found had 6.4 or more, and on long texts this spares the word model ~98% of them.
WHOLE_WORD_CONTEXT = 4.0
# The sound scan folds fuzzy pinyin (z/zh, n/l, in/ing ...: lexicon/sound.py), as many input methods do; a
# character that sounds alike only so (应/因) costs this: 4 is the least that keeps precision >= 95% on the
# train sets.
FUZZY_PENALTY = 4.0
WINDOW = 3
# The longest name guarded after a title (see detect).
NAME_LENGTH = 3
# A list item of this many Han characters is taken for a person's name (see _listed_name).
NAME_ITEM = 3
# Roles news writes right before a person's name (记者杨国钧, 导演王坪): the name's characters are free.
# Not roles that also modify nouns (村民委员会, 干部人事档案) or follow the name (王志钧教授).
NAME_ROLES = ("记者", "通讯员", "摄影", "导演", "编剧", "演员", "歌手",
              "总裁", "总经理", "董事长", "厂长", "裁判")
# A bracketed byline: at most this many characters, after one of these marks.
BYLINE = 8
SENTENCE_END = frozenset("。！？”』」")
# A quoted string of at most this many Han characters is a name (“豫农优品”, “政会银企”): a brand, a
# slogan, an abbreviation.  On ECSpell train it cost 1 span of 1,000; on clean-2026's tune provinces it
# took 24 of 198 findings.
QUOTED_NAME = 8
# The one-character short names of the provincial divisions (data/typos/province_short.tsv): a span
# holding one is an abbreviation (鄂榆, 湘企, 陕渝).  On ECSpell train it cost 4 spans of 1,000; on
# clean-2026's tune provinces it took 14 of 198 findings.
PROVINCE_SHORT_FILE = ("typos", "province_short.tsv")

# What a finding cites as its origin: the vocabulary it was measured against.
ORIGIN = "jieba dict.txt"
# Vocabulary: words of these lengths seen at least this often in dict.txt are the words a typo may spoil.
MIN_COUNT = {2: 100, 3: 30, 4: 10}
IDIOM_MIN_COUNT = 10  # four-character words tagged "i" (成语)
LEXICON_COUNT = 100  # a lexicon word (see lexicon_words) counts as a word seen this often
# A written span that is a word seen this often is no typo (机智 is a word, whatever 机制 is).
KNOWN_COUNT = 10
# ... nor one seen at least 1/RATIO as often as the word it sounds like.
RATIO = 20
# A written character that joins its outside neighbour into a word seen this often belongs there.
JOIN_COUNT = 100
# Look-alike variants only of words this frequent, with characters among the SHAPE_CHARS most frequent
# (they are enumerated: the table must stay small).
SHAPE_MIN_COUNT = 5000
SHAPE_CHARS = 3000
# The stroke and component table (shape_strokes.tsv), by pair kind: a dropped or added radical (例/列)
# and one stroke more or less (白/自) are the commonest look-alike slips the four-corner table misses on
# the train sets, so their variants are enumerated for less frequent words too; a swapped radical
# (辐/幅) has 2x the pairs.  Counts of 100 found 2 spans in 300 more but doubled the pickle (27 MB).
STROKE_MIN_COUNT = {"stroke": 1000, "part": 1000, "swap": 2000}
# The four-corner table is a lexicon file (the term engine uses it too); the stroke table is the typo
# detector's own (tools/gen_stroke_shapes.py says why).
SHAPE_FILES = (("lexicons", "confusion", "shape.tsv"), ("typos", "shape_strokes.tsv"))
# Characters are ranked by the counts of the words they occur in, words seen this often at least.
RANK_MIN_COUNT = 10
HAN_WORD = re.compile(r"[\u4e00-\u9fff]+")
# Characters considered at all: the most frequent ones by their words' counts.
COMMON_CHARS = 6000


class TypoTables(NamedTuple):
    """Everything the detector needs, built once per dictionary and kept in the cache.

    The vocabulary is packed (one string plus offsets) and each sound key's words are a slice of one
    array, because a warm start unpickles these tables: 36,000 small strings or tuples cost ~10x more
    than a few large objects.  ``heard`` (sound keys) and ``written`` (known words of those sounds)
    share the key ids; ``shapes`` maps a look-alike variant to ``word id << 3 | position``; ``joins``
    is a trie of the frequent two-character words.
    """

    to_syllables: dict[int, str]
    tones: dict[str, str]
    vocabulary: str
    offsets: array
    counts: array
    key_starts: array
    key_words: array
    heard: ahocorasick.Automaton
    written: ahocorasick.Automaton
    shapes: ahocorasick.Automaton
    joins: ahocorasick.Automaton
    singles: dict[str, int]

    def word(self, index: int) -> str:
        return self.vocabulary[self.offsets[index]:self.offsets[index + 1]]

    def heard_as(self, key: int) -> array:
        """The ids of the words whose sound is key ``key``."""
        return self.key_words[self.key_starts[key]:self.key_starts[key + 1]]

    def joined(self, pair: str) -> bool:
        """True if ``pair`` is a frequent two-character word."""
        return self.joins.exists(pair)


class Spot(NamedTuple):
    """A written span that may be ``word(word)`` with the character at ``pos`` (a text offset) fixed."""

    start: int
    end: int
    word: int
    pos: int
    kind: Kind
    changed: int = 1  # characters that differ from the word


class Evidence(NamedTuple):
    """What decides a candidate: ``gain`` in nats, and the rest as seen by ``combine``."""

    gain: float
    same_tone: bool
    single: int
    kind: Kind
    count: int
    context: float  # nats the fix gains under the character bigram model (charmodel.py)
    changed: int = 1
    fuzzy: bool = False  # a changed character sounds alike only by fuzzy pinyin (应/因, 牛/流)


class Knowledge(NamedTuple):
    """What the lexicon tells the detector, gathered once per Checker (see ``knowledge``)."""

    lexicon_words: tuple[str, ...]  # words a typo may spoil though jieba lacks them (lexicon_words())
    titles: tuple[str, ...]  # offices and roles written before a name (村委会主任刘国忠, 记者杨国钧)
    places: frozenset[str]  # names and short names of divisions: words, whatever they sound like


def knowledge(compiled: CompiledLexicon, titles: Sequence[str]) -> Knowledge:
    table = compiled.places
    divisions = map(table.division, table.rows) if table else ()
    places = frozenset(name for d in divisions for name in (d.name, d.short) if len(name) >= 2)
    return Knowledge(lexicon_words(compiled), (*titles, *NAME_ROLES), places)


def detect(scan: Scan) -> Iterator[Candidate]:
    """Scored typo candidates, at most one per written character, none below MIN_SCORE.

    A division's name (濉溪, a county) is no typo, a traditional character (組织) is ZG914's, and a
    character of a name written right after a title (村委会主任刘国忠介绍) is left alone: a name's
    characters are free, and one of them with its neighbour often sounds like a word.

    Whether a character is wrong is decided by the best score of its candidates; which fix to
    suggest, by the largest gain (己经 may be 几经 by sound, but 已经 by shape makes far better text).
    """
    known, text, correct = scan.typos, scan.text, scan.correct
    tables = load_tables(known.lexicon_words)
    by_pos: dict[int, list[tuple[Spot, Evidence]]] = defaultdict(list)
    traditional_forms = traditional.table().simplified
    for spot, evidence in scored(tables, text, correct):
        written = text[spot.start:spot.end]
        # a traditional character (組织) is ZG914's: the fix is its simplified form, not a homophone
        if written not in known.places and not any(char in traditional_forms for char in written):
            by_pos[spot.pos].append((spot, evidence))
    for pos, candidates in by_pos.items():
        score = max(combine(evidence) for _, evidence in candidates)
        if score < MIN_SCORE or _in_name(text, pos, known.titles) or _byline(text, pos):
            continue
        spot, _ = max(candidates, key=lambda c: (c[1].gain, c[1].count))
        if _listed_name(text, spot.start, spot.end):
            continue
        if cuts_a_word(text, spot.start, spot.end, WINDOW, JOIN_COUNT):
            continue  # 在|发展中|固安全: the span is a cut through ordinary words, not a unit
        if _quoted_name(text, spot.start, spot.end):
            continue
        if _abbreviation(text, spot.start, spot.end):
            continue
        confidence = min(0.95, MIN_CONFIDENCE + STEP * (score - MIN_SCORE))
        yield Candidate(spot.start, spot.end, Category.GENERAL, REPORTED_KIND[spot.kind], (tables.word(spot.word),),
                        round(confidence, 3), ORIGIN)




def _quoted_name(text: str, start: int, end: int) -> bool:
    """A short quoted string (“豫农优品”, “政会银企”) is a brand, a slogan or an abbreviation: a name."""
    open_at = text.rfind("“", max(0, start - QUOTED_NAME), start + 1)
    if open_at < 0:
        return False
    close_at = text.find("”", end - 1, open_at + QUOTED_NAME + 2)
    return close_at >= end and all(map(is_han, text[open_at + 1:close_at]))


def _abbreviation(text: str, start: int, end: int) -> bool:
    """包鄂榆, 陕渝, 湘企: a province's one-character short name in the span makes an abbreviation."""
    shorts = province_shorts()
    return any(char in shorts for char in text[start:end])


@functools.cache
def province_shorts() -> frozenset[str]:
    data = DATA.joinpath(*PROVINCE_SHORT_FILE).read_text("utf-8")
    return frozenset(short for line in data.splitlines() if line and not line.startswith("#")
                     for short in line.split("\t")[1].split("|"))


def _listed_name(text: str, start: int, end: int) -> bool:
    """True if text[start:end] is the last two characters of a three-character list item (张礼慧、高蕾;
    邢福义、过梅丽（女）): such an item is a person's name far more often than a word, and a given name's
    characters are free.  A spot holding the item's first character is still judged: in 才政部、叫育部
    the typo is there."""
    first = end - NAME_ITEM
    if start != first + 1 or first < 0 or not all(map(is_han, text[first:end])):
        return False
    before, after = text[first - 1:first], text[end:end + 1]  # "" at either end of the text
    return "、" in (before, after) and not any(is_han(mark) for mark in (before, after) if mark)


def _byline(text: str, pos: int) -> bool:
    """True if ``pos`` is in a bracketed byline after a sentence's end (…不姑息。（高显洲）): the writer's
    name.  A bracket after a word (规划（送审稿）) is part of the sentence and still judged."""
    open_at = text.rfind("（", max(0, pos - BYLINE), pos)
    if open_at < 1 or text[open_at - 1] not in SENTENCE_END:
        return False
    close_at = text.find("）", pos, pos + BYLINE)
    return (close_at > 0 and all(map(is_han, text[open_at + 1:close_at]))
            and text[close_at + 1:close_at + 2] in " \n\r\u3000")


def _in_name(text: str, pos: int, titles: Sequence[str]) -> bool:
    """True if ``pos`` is within NAME_LENGTH characters after a title."""
    return any(text.endswith(title, 0, end) for end in range(max(0, pos - NAME_LENGTH + 1), pos + 1)
               for title in titles)


def scored(tables: TypoTables, text: str, correct: CorrectSpans) -> Iterator[tuple[Spot, Evidence]]:
    """Every candidate the text leaves after the cheap filters, with its evidence."""
    spots = list(_spots(tables, text)) if text else []
    if not spots:
        return
    from zhguard.charmodel import load_char_model
    from zhguard.wordmodel import load_word_model

    model = load_word_model()
    chars = load_char_model()
    # A span's content alone decides whether it is a spot, so counting spots counts its occurrences.
    written = Counter((text[s.start:s.end], s.word) for s in spots)
    for spot in spots:
        if written[text[spot.start:spot.end], spot.word] > 1:
            continue  # a repeated form is a term the dictionary lacks (衔级), not a slip
        evidence = _evidence(tables, model, chars, text, spot, correct)
        if evidence is not None:
            yield spot, evidence


def combine(evidence: Evidence) -> float:
    """One score from the evidence: nats of gain, adjusted by what the train sets showed."""
    score = evidence.gain + CONTEXT_WEIGHT * evidence.context
    score -= SINGLE_WORD_PENALTY * math.log10(evidence.single + 1)
    if evidence.same_tone:
        score += SAME_TONE_BONUS
    if evidence.kind is Kind.SHAPE:
        score += SHAPE_BONUS
    score -= CHANGED_PENALTY * (evidence.changed - 1)
    if evidence.fuzzy:
        score -= FUZZY_PENALTY
    return score


def _spots(tables: TypoTables, text: str) -> Iterator[Spot]:
    """Spans heard as a frequent word but written otherwise, and look-alike variants; C does the scans."""
    coded = text.translate(tables.to_syllables)
    heard_only = set(_iter(tables.heard, coded)) - set(_iter(tables.written, text))
    vocabulary, offsets, starts, ids = tables.vocabulary, tables.offsets, tables.key_starts, tables.key_words
    homophone = Kind.HOMOPHONE
    # scored() drops a form the text writes twice (a term the dictionary lacks, not a slip).  All the
    # words of a sound key have its length, so the written span alone decides that for every word
    # of the key: drop repeated spans here, before each is expanded into its words (on long texts
    # most heard-only spans are repeated syllable sequences across word boundaries).
    spans = [(last, key, text[last + 1 - _key_length(tables, key):last + 1]) for last, key in heard_only]
    repeated = Counter((span, key) for _, key, span in spans)
    for last, key, span in spans:  # one pass per candidate span: the scans above left only these
        if repeated[span, key] > 1:
            continue
        end = last + 1
        for word_id in ids[starts[key]:starts[key + 1]]:
            first = offsets[word_id]
            start = end - (offsets[word_id + 1] - first)
            changed = [i for i in range(start, end) if text[i] != vocabulary[first + i - start]]
            if 0 < len(changed) <= MAX_CHANGED:  # 0: a lexicon word jieba lacks, written right
                yield Spot(start, end, word_id, changed[0], homophone, len(changed))
    for last, value in _iter(tables.shapes, text):
        word_id, offset = value >> 3, value & 7
        end = last + 1
        start = end - (tables.offsets[word_id + 1] - tables.offsets[word_id])
        yield Spot(start, end, word_id, start + offset, Kind.SHAPE)


def _key_length(tables: TypoTables, key: int) -> int:
    word_id = tables.key_words[tables.key_starts[key]]
    return tables.offsets[word_id + 1] - tables.offsets[word_id]


def _iter(automaton: ahocorasick.Automaton, text: str):
    return fanout.scan(automaton, text)


def _evidence(tables: TypoTables, model, chars, text: str, spot: Spot,
              correct: CorrectSpans) -> Evidence | None:
    """The likelihood gain of the fix and what else is known; None where the text is fine."""
    word = tables.word(spot.word)
    written = text[spot.start:spot.end]
    count = tables.counts[spot.word]
    seen = model.count(written)
    if seen >= KNOWN_COUNT or seen * RATIO >= count or _ordinary(tables, written):
        return None
    changed = [i for i in range(spot.start, spot.end) if text[i] != word[i - spot.start]]
    # 严峻工作: a written character joins the character outside the span into a word
    if changed[0] == spot.start and spot.start > 0 and tables.joined(text[spot.start - 1:spot.start + 1]):
        return None
    if changed[-1] == spot.end - 1 and tables.joined(text[spot.end - 1:spot.end + 1]):
        return None
    if any(correct.covers(i, i + 1) for i in changed):
        return None
    context = chars.gain(text, spot.start, spot.end, word)
    if len(changed) > 1 and context < WHOLE_WORD_CONTEXT:
        return None
    left = han_run_before(text, spot.start, WINDOW)
    right = han_run_after(text, spot.end, WINDOW)
    # The written span is scored as no word: dict.txt lists a few typos itself (峻工, 幅射) at low counts.
    extra = {word: math.log(count) - model.logp_total, written: -math.inf}
    gain = model.score(left + word + right, extra) - model.score(left + written + right, extra)
    tones = tables.tones
    same_tone = all(tones.get(text[i]) == tones.get(word[i - spot.start]) for i in changed)
    single = max(tables.singles.get(text[i], 0) for i in changed)
    fuzzy = spot.kind is Kind.HOMOPHONE and any(
        toneless(tones.get(text[i], "")) != toneless(tones.get(word[i - spot.start], "")) for i in changed)
    return Evidence(gain, same_tone, single, spot.kind, count, context, len(changed), fuzzy)


def _ordinary(tables: TypoTables, written: str) -> bool:
    """职业资格 is 职业 + 资格, two frequent words: ordinary text, whatever 执业资格 is."""
    return len(written) == 4 and tables.joined(written[:2]) and tables.joined(written[2:])


def lexicon_words(compiled: CompiledLexicon) -> tuple[str, ...]:
    """Words a typo may spoil even where jieba lacks them or counts them too rarely for its look-alikes
    to be enumerated: the lexicon's general terms (idioms), and its two-character terms other than names
    (a site's 扶贫, 捐款), which get no near misses from the term engine (lexicon/compile.py)."""
    return tuple(sorted(e.canonical for e in compiled.lexicon.entries
                        if e.category is Category.GENERAL
                        or (len(e.canonical) == 2 and e.category is not Category.LEADER_NAME)))


@functools.cache
def load_tables(lexicon_words: Sequence[str] = ()) -> TypoTables:
    """The tables for jieba's dict.txt, the bundled shape tables and ``lexicon_words``, through the cache."""
    from zhguard.lexicon.cache import load_or_build
    from zhguard.wordmodel import dictionary_path

    path = dictionary_path()
    shape = _shape_files()
    # contents, never paths or mtimes: a fresh venv of the same release reuses a warm cache (issue 24)
    key = typos_key(path, shape, lexicon_words)
    return load_or_build(key, lambda: build_tables(path, shape, lexicon_words), prefix="typos")


def typos_key(dictionary: os.PathLike[str] | str, shape: Sequence[bytes], lexicon_words: Sequence[str]) -> str:
    """The cache key of the typo tables: zhguard's code, jieba's dictionary, the shape tables, the words."""
    from zhguard.lexicon.cache import content_key, file_digest
    return content_key("typos", file_digest(dictionary), *shape, "\n".join(lexicon_words))


def _shape_files() -> tuple[bytes, ...]:
    data = DATA
    return tuple(data.joinpath(*parts).read_bytes() for parts in SHAPE_FILES)


def build_tables(dictionary: os.PathLike[str] | str, shape: Sequence[bytes],
                 lexicon_words: Sequence[str] = ()) -> TypoTables:
    """Read dict.txt and the shape tables; uses pypinyin (imported here, at cache-build time only)."""
    from pypinyin.pinyin_dict import pinyin_dict

    from zhguard.wordmodel import read_dictionary

    counts, tags = read_dictionary(dictionary, tags=True)
    by_char: dict[str, int] = defaultdict(int)
    for word, count in counts.items():
        if count >= RANK_MIN_COUNT:  # the rare words (most of the 349,000) do not change the ranking
            for char in word:
                by_char[char] += count
    ranked = [c for c, _ in sorted(by_char.items(), key=lambda kv: (-kv[1], kv[0]))]
    common = set(ranked[:COMMON_CHARS])
    least = min(IDIOM_MIN_COUNT, *MIN_COUNT.values())
    vocabulary = {w: c for w, c in counts.items() if c >= least and _in_vocabulary(w, c, tags.get(w, ""))}
    for term in lexicon_words:
        vocabulary[term] = max(vocabulary.get(term, 0), LEXICON_COUNT)
    chars = common | {c for w in vocabulary for c in w}
    # Every character of the basic CJK block is heard (菓家 is 国家 misspelt); the extension blocks hold
    # rare characters of names and places (𠀀), which must not sound like common words.
    readings = {chr(cp): r.split(",")[0] for cp, r in pinyin_dict.items() if 0x4E00 <= cp <= 0x9FFF}
    syllables = sorted({fuzzy_syllable(toneless(r)) for r in readings.values()})
    code = {s: chr(0xF0000 + i) for i, s in enumerate(syllables)}
    to_syllables = {ord(c): code[fuzzy_syllable(toneless(r))] for c, r in readings.items()}

    words = tuple(sorted(vocabulary, key=lambda w: (-vocabulary[w], w)))
    word_ids = {w: i for i, w in enumerate(words)}
    by_key: dict[str, list[int]] = defaultdict(list)
    for i, word in enumerate(words):
        by_key[word.translate(to_syllables)].append(i)
    keys = sorted(k for k in by_key if all(ord(c) >= 0xF0000 for c in k))
    longest = max(map(len, keys), default=0)
    key_ids = {k: i for i, k in enumerate(keys)}
    # Each scan's root finds the characters (or syllables) text is made of first: fanout.py.
    written_lead = fanout.lead(ranked)
    heard_lead = fanout.translated(written_lead, to_syllables)
    heard = _automaton(((k, key_ids[k]) for k in keys), heard_lead)
    written = _automaton(((w, key_ids[k]) for w, c in counts.items()
                          if (c >= KNOWN_COUNT or w in vocabulary) and 2 <= len(w) <= longest
                          and (k := w.translate(to_syllables)) in key_ids), written_lead)
    similar = _similar(shape, set(ranked[:SHAPE_CHARS]), to_syllables)
    variants = _shape_variants(words, vocabulary, word_ids, counts, similar, frozenset(lexicon_words))
    shapes = _automaton(variants, written_lead)
    joins = ahocorasick.Automaton(ahocorasick.STORE_LENGTH)
    for w, c in counts.items():
        if len(w) == 2 and c >= JOIN_COUNT:
            joins.add_word(w)
    singles = {w: c for w, c in counts.items() if len(w) == 1 and w in chars}
    offsets = array("I", [0])
    for word in words:
        offsets.append(offsets[-1] + len(word))
    key_starts, key_words = array("I", [0]), array("I")
    for k in keys:
        key_words.extend(by_key[k])
        key_starts.append(len(key_words))
    return TypoTables(to_syllables, readings, "".join(words), offsets,
                      array("I", (vocabulary[w] for w in words)), key_starts, key_words,
                      heard, written, shapes, joins, singles)


def _in_vocabulary(word: str, count: int, tag: str) -> bool:
    if count < MIN_COUNT.get(len(word), 1 << 62) and not (len(word) == 4 and tag == "i"
                                                          and count >= IDIOM_MIN_COUNT):
        return False
    return HAN_WORD.fullmatch(word) is not None


def _similar(shape: Sequence[bytes], common: set[str], to_syllables) -> dict[str, dict[str, int]]:
    """char → {look-alike: the least count of a word whose variant with it is enumerated}.

    Only common look-alikes that sound different: a same-sounding one is found by the sound scan.
    """
    similar: dict[str, dict[str, int]] = defaultdict(dict)
    for data in shape:
        for line in data.decode("utf-8").splitlines():
            if not line or line.startswith("#"):
                continue
            char, others, _, note = line.split("\t")
            kinds = note.split("|") if note else ()
            for i, other in enumerate(others.split("|")):
                least = STROKE_MIN_COUNT[kinds[i]] if kinds else SHAPE_MIN_COUNT
                if char.translate(to_syllables) == other.translate(to_syllables):
                    continue
                for a, b in ((char, other), (other, char)):
                    if b in common:
                        similar[a][b] = min(least, similar[a].get(b, least))
    return similar


def _shape_variants(words, vocabulary, word_ids, counts, similar, lexicon_words):
    """(variant, word id << 3 | position) for one look-alike substitution of a frequent word or a
    lexicon word."""
    least = min((n for others in similar.values() for n in others.values()), default=SHAPE_MIN_COUNT)
    best: dict[str, int] = {}
    for word in words:
        count = vocabulary[word]
        if count < least and word not in lexicon_words:
            continue
        for i, char in enumerate(word):
            for other, needed in similar.get(char, {}).items():
                if count < needed and word not in lexicon_words:
                    continue
                variant = word[:i] + other + word[i + 1:]
                if counts.get(variant, 0) >= KNOWN_COUNT or variant in vocabulary or variant in best:
                    continue
                best[variant] = word_ids[word] << 3 | i
    return sorted(best.items())


def _automaton(items, lead: Sequence[str]) -> ahocorasick.Automaton:
    pairs = list(items)
    return fanout.automaton([word for word, _ in pairs], lead, [value for _, value in pairs])
