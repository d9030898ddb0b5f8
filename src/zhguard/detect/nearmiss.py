"""Near misses of lexicon terms: homophones, look-alikes, omissions, insertions, transpositions.

Generated variants (shape, omission, transposition, insertion) are surfaces in
the main automaton; homophones come from scanning the syllable-encoded text
(any number of substituted characters) and, for long terms, the fuzzy-folded
text; any one character replaced by a look-alike, or any inner one replaced or added, in a 6+
character term is found from the hits of the term's halves.  Everything here runs per hit; the
scans themselves are in C.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping, Sequence

from zhguard.charmodel import reads_far_better_fixed
from zhguard.context import NearHit
from zhguard.detect import Candidate, Scan
from zhguard.detect.exact import LISTED
from zhguard.detect.slips import widened
from zhguard.finding import Category, Kind
from zhguard.lexicon.canonical import canonical_names
from zhguard.lexicon.compile import (
    FUZZY_MIN_LENGTH,
    LAST_CUT_BODY_LENGTH,
    NEAR,
    CompiledLexicon,
    KeyTable,
    is_short_body,
    last_word_cut,
    last_word_halved,
)
from zhguard.lexicon.fanout import scan
from zhguard.lexicon.model import Entry
from zhguard.matcher import CorrectSpans, Hit, flagged, keyed
from zhguard.text import GRAMMATICAL, LIST_MARK, NUMERAL_CHARS, is_han
from zhguard.wordmodel import character_tags, cuts_a_word, function_characters, load_word_model, word_count

# A character seen this often as a word by itself (jieba's counts: 等 195,934, 的 318,825; 托 3,283) is
# grammar when it turns up inside a long name.
GRAMMATICAL_COUNT = 10_000
# A run of up to this many characters put inside a long term is still a slip in it.
MAX_INSERTED = 3
# ... when the term is at least this many times as long as the run.
INSERTED_SHARE = 5
# Characters that name a body's or a place's level: one swapped for another names another body.
LEVELS = frozenset("总分正副省市县区镇乡村州盟旗")
# A long term's last two characters written as a word this frequent (当局 2,194, 进行 54,355 in jieba's
# counts) name another thing: the replaced character is no slip.
LAST_WORD_COUNT = 1000
# Particles: one put where a term's character was makes a phrase of the term's words (中国的现代化).
PARTICLES = frozenset("的之地得了着过")
NOT_SLIPS = LEVELS | PARTICLES
# A formulation this long is its own reading: what is left of it with its last character dropped is no
# prose that goes on with another word.
DISTINCTIVE_LENGTH = 8
# Terms whose last character dropped may leave half a word that the next character completes otherwise
# (compile.py: last_word_cut); an autonomous division's 自治 is read for its level alone (自治|国民经济).
CUT_SHORT = frozenset({Category.POLITICAL_TERM, Category.INSTITUTION})
# A body named as the nation's: no lower level's body bears the name.
NATIONAL = ("国家", "中华人民共和国", "中国", "全国", "中央")
# A character put between a formulation's words that makes a word this frequent with the next one or two
# (新|文化, 新|制造) modifies them.
MODIFIER_COUNT = 50
# Terms that are names (a body, a place): no character but a function one is put inside them in prose.
NAMED = frozenset({Category.INSTITUTION, Category.PLACE})
# A three-character body (compile.py: is_short_body) gets look-alikes and homophones only, and is prose
# where its changed character makes a word this frequent with a neighbour.
SHORT_BODY_WORD_COUNT = 3
SHORT_BODY_WINDOW = 3
# A word goes on across a bracketed alternative of this many characters at most (校（院）务委员会).
ALTERNATIVE = 2
# A formulation that begins with a numeral and one of these (四项基本原则, 两个维护) counts its items: the
# measure word replaced by another (四大, 两项) counts another thing.
NUMERALS = frozenset(NUMERAL_CHARS)
MEASURE_WORDS = frozenset("个项大条点种类件")
# jieba's tags of a character that begins no body's name: a verb, a preposition, an adverb, a conjunction.
NOT_NAME_STARTS = frozenset("vpdc")
# 中国人民政治协商会议第九届全国委员会: a session's ordinal put inside a body's name names that
# session's body.
SESSION_ORDINAL = re.compile(r"第[一二三四五六七八九十百零〇\d]+届")


def near_hits(compiled: CompiledLexicon, text: str, hits: Sequence[Hit],
              correct: CorrectSpans) -> Iterator[NearHit]:
    """Every near-miss hit not covered by a correct surface, one per (span, entry)."""
    seen: set[tuple[int, int, int]] = set()
    patterns = compiled.patterns
    # most hits are a correct surface, an anchor, a place or a listed wrong form: picked out in C
    for hit in flagged(compiled, hits, NEAR):
        pattern = patterns[hit.pattern]
        generated = [t for t in pattern.targets if t.kind not in LISTED]
        if not generated or pattern.correct or correct.covers(hit.start, hit.end):
            continue
        listed = {t.entry for t in pattern.targets if t.kind in LISTED}
        for target in generated:
            key = (hit.start, hit.end, target.entry)
            if target.entry not in listed and key not in seen:
                seen.add(key)
                yield NearHit(hit.start, hit.end, target.entry, Kind(target.kind))
    # a long term's look-alike, found from its intact half (compile.py generates no such variants)
    broken = _broken_anchors(compiled, text, hits)
    yield from _substitutions(compiled, text, broken, correct, seen, look_alikes=True)
    if compiled.sound is None:
        return
    entries, exact_keys, encode = compiled.lexicon.entries, compiled.exact_keys, compiled.sound.encode
    for start, end, entry in _key_hits(compiled.heard_keys, compiled.sound.hear(text)):
        surface = text[start:end]
        canonical = entries[entry].canonical
        if surface == canonical or (start, end, entry) in seen:
            continue
        # the same syllables, or only the same fuzzy ones (zh/z, in/ing …), which long terms alone get
        fuzzy = entry not in exact_keys.get(encode(surface), ())
        if fuzzy and len(canonical) < FUZZY_MIN_LENGTH \
                and entries[entry].category is not Category.LEADER_NAME \
                and not (is_short_body(entries[entry]) and word_count(surface) < SHORT_BODY_WORD_COUNT):
            # a leader's name, short as it is, gets fuzzy ones too: the judge wants a title beside it; a
            # three-character body where the written form is no word (国滞委, not 最高奖 for 最高检)
            continue
        if correct.covers(start, end) or _is_listed(compiled, surface, entry):
            continue
        seen.add((start, end, entry))
        yield NearHit(start, end, entry, Kind.HOMOPHONE, fuzzy)
    yield from _substitutions(compiled, text, broken, correct, seen)
    inserted = _broken_anchors(compiled, text, hits, compiled.insertion_anchors)
    yield from _substitutions(compiled, text, inserted, correct, seen, insertions_only=True)


def _broken_anchors(compiled: CompiledLexicon, text: str, hits: Sequence[Hit],
                    anchors: Mapping[int, tuple[tuple[int, int], ...]] | None = None
                    ) -> list[tuple[int, int, str, int]]:
    """(entry, offset, term, where the term would start) for each anchor hit whose term is not written
    right around it: most anchor hits are the term itself (社会主义 in 中国特色社会主义), ruled out once
    here for both searches below."""
    anchors = compiled.anchors if anchors is None else anchors
    if not anchors:
        return []
    entries = compiled.lexicon.entries
    broken = []
    for hit, owners in keyed(hits, anchors):
        for entry, offset in owners:
            term = entries[entry].canonical
            origin = hit.start - offset  # where the term would start
            if not text.startswith(term, origin):
                broken.append((entry, offset, term, origin))
    return broken


def _substitutions(compiled: CompiledLexicon, text: str, broken: list[tuple[int, int, str, int]],
                   correct: CorrectSpans, seen: set[tuple[int, int, int]], *, look_alikes: bool = False,
                   insertions_only: bool = False) -> Iterator[NearHit]:
    """A long term with one inner character replaced by any other (中国人民共和国), or any character put
    inside it (北京仲裁委托员会): one of its halves (an anchor surface) is in the text intact, so only the
    anchors' hits are compared, never the whole text.  With ``look_alikes``, only a replacement by a
    look-alike, reported as one (it is no variant in the automaton); without, the rest: homophones
    and repeated characters were found before, with their more telling kinds."""
    entries, shapes = compiled.lexicon.entries, compiled.shapes
    for entry, offset, term, origin in broken:
        # The anchor is the term's left half (offset 0) or its right half: an inserted character
        # lies in the other half, which decides where the written span ends or starts.
        # The other end of the term must be where an edit could put it (中华人民共 is the left half
        # of 25 ministries' full names: one look at the last character rules out 24 of them).
        if look_alikes:
            # a look-alike may stand in the other end's place too (史国特色社会主义, 中国特色社会主叉): no insertion here
            other = text[origin:origin + 1] if offset else text[origin + len(term) - 1:origin + len(term)]
            edge = term[0] if offset else term[-1]
            if not other or (other != edge and other not in shapes.get(edge, "")):
                continue
        elif offset:
            if term[0] not in text[max(0, origin - MAX_INSERTED):origin + 1]:
                continue
        elif term[-1] not in text[origin + len(term) - 1:origin + len(term) + MAX_INSERTED]:
            continue
        spans = [(Kind.SUBSTITUTION, origin, origin + len(term))]
        for extra in range(1, MAX_INSERTED + 1):
            spans.append((Kind.INSERTION, origin - extra, origin + len(term)) if offset else
                         (Kind.INSERTION, origin, origin + len(term) + extra))
        if look_alikes:
            spans = spans[:1]
        elif insertions_only:
            spans = spans[1:]
        for kind, start, end in spans:
            if start < 0 or end > len(text) or (start, end, entry) in seen:
                continue
            written = text[start:end]
            if not look_alikes and (written[0] != term[0] or written[-1] != term[-1]):
                continue
            if look_alikes:
                if not _look_alike(written, term, shapes):
                    continue
                kind = Kind.SHAPE
            elif not (_name_insertion(written, term) if entries[entry].category is Category.LEADER_NAME
                      else _one_inner_edit(written, term, entries[entry].category in NAMED)):
                continue
            if correct.covers(start, end) or _is_listed(compiled, written, entry):
                continue
            seen.add((start, end, entry))
            yield NearHit(start, end, entry, kind)


def _name_insertion(written: str, term: str) -> bool:
    """``written`` is a leader's name with one Han character put inside it (李政书磊): whatever the
    character, a name has no room for it (the judge wants a title beside a bare name)."""
    return len(written) == len(term) + 1 and any(
        written[:i] + written[i + 1:] == term and is_han(written[i]) for i in range(1, len(term)))


def _look_alike(written: str, term: str, shapes: dict[str, str]) -> bool:
    """``written`` is ``term`` (same length) with one character replaced by one of its look-alikes."""
    diff = [i for i, (a, b) in enumerate(zip(written, term)) if a != b]
    return len(diff) == 1 and written[diff[0]] in shapes.get(term[diff[0]], "")


def _one_inner_edit(written: str, term: str, named: bool = False) -> bool:
    """``written`` is ``term`` with one inner Han character replaced (same length), or with a run of up to
    MAX_INSERTED Han characters put inside it (习近平总书记新时代…); an added character that is a common
    word by itself (等, 的, 和) makes a phrase, not a slip: 住房城乡建设等部门, 人民政府的工作报告; so does a
    particle in a character's place (中国的现代化), and a session's ordinal put in names that session's
    body (中国人民政治协商会议第九届全国委员会).  One character between two of the term's words: in a
    ``named`` term (a body, a place) only a function or level character makes a phrase; in a formulation a
    function word or a modifier does too (既, 新|文化)."""
    first = next((i for i, (a, b) in enumerate(zip(written, term)) if a != b), len(term))  # a dozen chars
    if first == len(term) or not is_han(written[first]):
        return False  # the term itself (most anchor hits), or a digit or mark where the character was
    if len(written) == len(term):
        # 市场监管分局 is a body of another level, not a slip for 市场监管总局; 四大基本原则 (of contract law)
        # counts another thing than 四项基本原则: a numeral's measure word replaced by another
        if written[first + 1:] != term[first + 1:] or written[first] in NOT_SLIPS \
                or first == 1 and term[0] in NUMERALS and written[first] in MEASURE_WORDS:
            return False
        # 金融监管当局 (any country's regulators), 中国人民进行: the term's last word made another word
        return first != len(term) - 2 or word_count(written[-2:]) < LAST_WORD_COUNT
    added = len(written) - len(term)
    if added > 1 and len(term) < INSERTED_SHARE * added:
        return False  # 全面推进依法治国: two words put in a six-character formulation make another wording
    inserted = written[first:first + added]
    if written[first + added:] != term[first:] or not all(map(is_han, inserted)):
        return False
    if added == 1 and inserted in term:
        return True  # one of the term's own characters again (中国特色色社会主义): a slip, whatever its count
    if SESSION_ORDINAL.fullmatch(inserted):
        return False
    if added == 1 and named and first == len(term) - 1 and (
            inserted in function_characters() or word_count(inserted + term[first]) >= MODIFIER_COUNT):
        return False  # before a name's level or kind of body: a list (张家口等市), a word (呼和浩特|都市圈)
    if added == 1 and load_word_model().word_at(term, first)[0] < first:
        return True  # 中华优秀传|行|统文化: inside a word of the term no character makes a phrase
    if added == 1:
        # between two of the term's words a function character or a level makes a phrase (建设等部门,
        # 总局 → 分局); a body's or a place's name has room for nothing else (中央台湾|动|工作办公室), a
        # formulation for a function word (社会|既|生机勃勃又井然有序: one as common as grammar; 务, 略 are
        # adverbs to jieba, rare by themselves) or a modifier that makes a word with what follows
        # (中国特色社会主义|新|文化); any other character is a slip (中华优秀|重|传统文化)
        phrase = inserted in GRAMMATICAL or inserted in NOT_SLIPS
        if not named:
            phrase = phrase \
                or inserted in function_characters() and word_count(inserted) >= GRAMMATICAL_COUNT \
                or word_count(inserted + term[first:first + 2]) >= MODIFIER_COUNT \
                or word_count(inserted + term[first]) >= MODIFIER_COUNT
        return not phrase
    return word_count(inserted) < GRAMMATICAL_COUNT


def _last_word_cut_short(text: str, hit: NearHit, term: str) -> bool:
    """A formulation's or a body's last character dropped (compile.py: last_word_cut)."""
    return (hit.kind is Kind.OMISSION and len(term) >= LAST_CUT_BODY_LENGTH
            and text[hit.start:hit.end] == term[:-1])


def _another_division(compiled: CompiledLexicon, text: str, hit: NearHit, entry: Entry) -> bool:
    """A place term's near miss that is another division's name written right (鄂托克旗 beside 鄂托克前旗)."""
    forms = compiled.place_forms
    return entry.category is Category.PLACE and forms is not None and text[hit.start:hit.end] in forms[1]


def _adverb_before_a_mark(text: str, at: int, end: int) -> bool:
    """An adverb as the span's last character before a mark (我代表市商务都，): an adverb goes before a
    verb, never before a mark, so it is no prose there."""
    return at == end - 1 and text[end:end + 1] in CLOSING_MARKS and character_tags().get(text[at]) == "d"


def _given_name_as_addressed(text: str, hit: NearHit, entry: Entry) -> bool:
    """A leader called by the given name with 同志 (小平同志, 恩来同志, 耀邦同志), as custom has it: no
    surname dropped."""
    name = entry.canonical
    return (entry.category is Category.LEADER_NAME and hit.kind is Kind.OMISSION and len(name) == 3
            and text[hit.start:hit.end] == name[1:] and text.startswith("同志", hit.end))


@functools.lru_cache(maxsize=256)
def _only_halved(entry: Entry) -> bool:
    """The term's last-character cut is a variant for its last word's sake alone (compile.py:
    last_word_halved), not for a one-character word left at its end (last_word_cut)."""
    segment = load_word_model().segment
    return last_word_halved(entry, segment) and not last_word_cut(entry, segment)


# Marks after which nothing completes a word cut short.
CLOSING_MARKS = frozenset("。，、；：！？”’）》")


def _halved_before_a_mark(text: str, end: int) -> bool:
    """A formulation with its last word halved stands before a mark (高质量发。, 凝心铸，): nothing completes
    it; not where the character left is an adjective, a predicate of its own (农业强、农村美、农民富)."""
    return (end == len(text) or text[end] in CLOSING_MARKS) \
        and not character_tags().get(text[end - 1], "").startswith("a")


def _completed_otherwise(text: str, end: int, distinctive: bool = False) -> bool:
    """The half word left ends another word with the next character: a level one names the province's or
    the city's counterpart of a national formulation (现代化强|省, 教育强|市), any other a word of jieba's.
    What is left of a ``distinctive`` formulation is read as its slip whatever word its last character
    makes (以习近平同志为核心的党中|坚强领导)."""
    after = text[end:end + 1]
    if after in LEVELS:
        return True
    if distinctive:
        return False
    if word_count(text[end - 1:end + 1]) >= SHORT_BODY_WORD_COUNT:
        return True
    first = load_word_model().segment(text[end - 1:end + SHORT_BODY_WINDOW])[0]
    return first[1] - first[0] > 1  # a longer word: 全国政|通人和


def _level_dropped(written: str, term: str) -> bool:
    """市场监管局 is how a city or county names its bureau, not 市场监管总局 misspelt: a body's level
    character dropped (总, 分, 省 …) right before its last one names a body of another level.  Not a
    national body's (国家金融监督管理局: no city's bureau is 国家's), nor a level character inside the name
    (住房城乡建设部's 乡)."""
    if len(written) != len(term) - 1 or term.startswith(NATIONAL):
        return False
    first = next((i for i, (a, b) in enumerate(zip(written, term)) if a != b), len(written))
    return first == len(term) - 2 and term[first] in LEVELS and written[first:] == term[first + 1:]


def _listed_with_a_body(compiled: CompiledLexicon, text: str, hits: Sequence[Hit], start: int,
                        end: int) -> bool:
    """The span is an item of a list of bodies: right beside it, across a 、, a body's name written right
    (党中央、民正部): the list says a body is meant, where the span alone reads as prose as often."""
    before, after = text[start - 1:start] == LIST_MARK, text[end:end + 1] == LIST_MARK
    if not (before or after):
        return False
    bodies, surface = canonical_names(compiled, Category.INSTITUTION), compiled.patterns.surface
    return any((before and hit.end == start - 1 or after and hit.start == end + 1)
               and surface(hit.pattern) in bodies for hit in hits)


def _goes_on_across_a_bracket(text: str, start: int) -> bool:
    """A bracketed alternative stands right before ``start`` inside a word (校（院）务委员会: 校务委员会 or
    院务委员会), so what follows it is the word's end, no remnant; not a list's number (（一）因地宜…)."""
    if start < 1 or text[start - 1] not in "）)":
        return False
    reach = max(0, start - ALTERNATIVE - 2)
    opening = max(text.rfind("（", reach, start), text.rfind("(", reach, start))
    inside = text[opening + 1:start - 1]
    return opening > 0 and is_han(text[opening - 1]) and inside != "" and all(map(is_han, inside)) \
        and not any(char in NUMERALS for char in inside)


def _may_name_another_body(text: str, start: int) -> bool:
    """The character before a remnant others leave too (科院 of 中科院, 农科院) may begin another body's name:
    a content character that ends no word with the one before it (石|科院), not a mark, grammar, a verb,
    a preposition or an adverb (获宣部, 在务院), nor a word's end (贯彻|务院)."""
    before = text[start - 1:start]
    if not is_han(before) or before in GRAMMATICAL \
            or character_tags().get(before, "")[:1] in NOT_NAME_STARTS:
        return False
    return start < 2 or word_count(text[start - 2:start]) < SHORT_BODY_WORD_COUNT


def _short_body_reads_as_prose(text: str, start: int, end: int, term: str) -> bool:
    """A three-character body with one character changed (国吾院 for 国务院) or put inside it (国进务院) is
    prose where that character is grammar (财政都), makes a word with a neighbour, inside the span or across
    its edge (中|宣布 for 中宣部, 教育|补短板 for 教育部, 最高|监察 for 最高检, 发改|进|委), or the span cuts
    a word (科技型|部门).  A changed character is grammar where it is as common as a function word; one put
    inside only where it is one (进, 新 are words by themselves as often)."""
    written = text[start:end]
    if len(written) == len(term) - 1:
        # what is left (育部, 党央) or a character of it makes a word with a neighbour (推进|育部 does not;
        # 体育部, 国家体改委 do), or the span cuts one
        spans = ((start - 1, start + 1), (end - 1, end + 1), (start - 1, end), (start, end + 1))
        return any(word_count(text[a:b]) >= SHORT_BODY_WORD_COUNT for a, b in spans if a >= 0) \
            or cuts_a_word(text, start, end, SHORT_BODY_WINDOW, SHORT_BODY_WORD_COUNT)
    changed = [i for i, (a, b) in enumerate(zip(written, term)) if a != b]
    if len(written) == len(term) + 1:
        at = start + (changed[0] if changed else len(term))
        grammar = text[at] in PARTICLES or text[at] in GRAMMATICAL
    elif len(changed) == 1 and len(written) == len(term):
        at = start + changed[0]
        grammar = (text[at] in PARTICLES or word_count(text[at]) >= GRAMMATICAL_COUNT) \
            and not _adverb_before_a_mark(text, at, end)
    else:
        # two swapped, or the middle one doubled (务国院, 工信信部): the body's own characters, prose only
        # where a word they make goes on across the span's edge (外部交|流, 中部宣|传, 华新社|区)
        return any(word_count(text[a:b]) >= SHORT_BODY_WORD_COUNT
                   for a, b in ((start - 1, start + 1), (end - 1, end + 1)) if a >= 0)
    if grammar or any(word_count(text[a:a + 2]) >= SHORT_BODY_WORD_COUNT for a in (at - 1, at) if a >= 0):
        return True
    return cuts_a_word(text, start, end, SHORT_BODY_WINDOW, SHORT_BODY_WORD_COUNT)


# Near misses that may lack a character of the term standing beside them (slips.widened): a character
# dropped, or replaced by a neighbour's.
WIDENED = frozenset({Kind.OMISSION, Kind.HOMOPHONE, Kind.SHAPE, Kind.SUBSTITUTION})


def _widened(text: str, hit: NearHit, term: str) -> NearHit:
    """The hit over the span that takes in the term's character beside it (应提|急管理部), if any."""
    wider = widened(text, hit.start, hit.end, term) if hit.kind in WIDENED else None
    return hit if wider is None else NearHit(*wider[:2], hit.entry, wider[2], hit.fuzzy)


def _key_hits(table: KeyTable | None, scanned: str) -> Iterator[tuple[int, int, int]]:
    if table is None or not table.entries:
        return
    for last, index in scan(table.automaton, scanned):
        end = last + 1
        start = end - table.lengths[index]
        for entry in table.entries[index]:
            yield start, end, entry


def _is_listed(compiled: CompiledLexicon, surface: str, entry: int) -> bool:
    """A correct surface, or a listed wrong form of this entry (the exact detector reports it)."""
    index = compiled.automaton.get(surface, None)
    if index is None:
        return False
    pattern = compiled.patterns[index]
    return pattern.correct or any(t.entry == entry and t.kind in LISTED for t in pattern.targets)


def detect(scan: Scan) -> Iterator[Candidate]:
    """Scored candidates; a hit that context rejects outright (confidence 0) is dropped, and a hit
    overlapping a listed wrong form is not scored at all (the listed form wins the span anyway)."""
    compiled, judge, text, hits, correct, listed = (scan.compiled, scan.judge, scan.text, scan.hits, scan.correct,
                                                      scan.listed)
    for hit in near_hits(compiled, text, hits, correct):
        entry = compiled.lexicon.entries[hit.entry]
        hit = _widened(text, hit, entry.canonical)
        if any(start < hit.end and hit.start < end for start, end in listed):
            continue
        if entry.category is Category.INSTITUTION and _level_dropped(text[hit.start:hit.end], entry.canonical):
            continue
        if _given_name_as_addressed(text, hit, entry) or _another_division(compiled, text, hit, entry):
            continue
        if entry.category in CUT_SHORT and _last_word_cut_short(text, hit, entry.canonical) \
                and (not _halved_before_a_mark(text, hit.end) if _only_halved(entry)
                     else _completed_otherwise(text, hit.end, len(entry.canonical) >= DISTINCTIVE_LENGTH)):
            continue  # 社会主义现代化强|省: what follows completes another word
        if hit.kind is Kind.OMISSION and (text[hit.start:hit.end] in compiled.shared_remnants
                                          and _may_name_another_body(text, hit.start)
                                          or _goes_on_across_a_bracket(text, hit.start)):
            continue  # 石|科院 (石油化工科学研究院), not 获|宣部 nor 、务院; 校（院）|务委员会 goes on across
            # the bracket
        # a list of bodies says a body is meant, but not one a word of it is left of (国家体改委、…)
        if is_short_body(entry) and _short_body_reads_as_prose(text, hit.start, hit.end, entry.canonical) \
                and (hit.kind is Kind.OMISSION
                     or not _listed_with_a_body(compiled, text, hits, hit.start, hit.end)) \
                and not reads_far_better_fixed(text, hit.start, hit.end, entry.canonical):
            continue
        confidence = judge.confidence(text, hit)
        if confidence > 0:
            yield Candidate(hit.start, hit.end, entry.category, hit.kind, (entry.canonical,),
                            confidence, entry.origin)
