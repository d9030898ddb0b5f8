"""A county's or a three-character city's or province's name with one slip (ZG502–506): 武义县 → 武议县,
宜昌市 → 宜常市, 湖北省 → 湖背省, 福建省省 → 福建省.

No lexicon term covers them: the near-miss engine takes provinces and prefectures of 4+ characters, and a
county's name or a short city's is as often an ordinary word or another place.  The level character is
the evidence: a string that ends in the same 省, 市, 县, 区, 旗, 州 or 盟 as a division's name and is one slip
from it (a look-alike or same-sounding character, one dropped, added, doubled, or two neighbours swapped;
the level character untouched) is reported when

- it is no division's name itself, and names only one division that way;
- its stem (the name without the level character) is no ordinary word (示范区, 开发区, 贫困县 are not
  slips of some 示X区), and the span cuts no ordinary word (城市|场);
- the level character makes a word neither with the next character (宜常市|场) nor with the one before
  (的城市 is prose, whatever 邹城市 it resembles).

The names are compared through an index of their one-character wildcards (武\\0县): a look-alike, a
homophone and a dropped character are lookups of the written string's wildcards, an added or doubled
character and a swap are lookups of its deletions and swaps.  Built with the lexicon (lexicon/nameindex.py).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence

from zhguard.charmodel import reads_far_better_fixed
from zhguard.detect import Candidate, Scan
from zhguard.detect.slips import NameIndex, slip, widened
from zhguard.detect.townships import load_townships
from zhguard.finding import Category, Kind
from zhguard.lexicon.compile import ORDINARY_MIN_COUNT, CompiledLexicon
from zhguard.lexicon.nameindex import LEVELS, NAME_MAX, KnownForms
from zhguard.text import GRAMMATICAL, LIST_MARK
from zhguard.wordmodel import character_tags, cuts_a_word, load_word_model

NUMERALS = frozenset("〇零一二两三四五六七八九十百千万几各全本该")
_LEVEL = re.compile(f"[{LEVELS}]")  # a look-behind for the two Han characters before would try every position
CONFIDENCE = {Kind.HOMOPHONE: 0.7, Kind.SHAPE: 0.7, Kind.TRANSPOSITION: 0.7, Kind.INSERTION: 0.6,
              Kind.OMISSION: 0.6}
WINDOW = 3
MAX_NAMES = 3
# A two-character word this frequent in jieba's dictionary, made by the level character and a neighbour
# (城市, 片区, 市场), makes the span prose.
LEVEL_WORD_MIN_COUNT = 3
AMBIGUOUS_PENALTY = 0.1
# A name's level character swapped into its stem (浙省江) is prose where it makes a word this frequent
# with a neighbour (上市|海, 全省|建设); rarer pairs (浙省 3, 市口 21, 市南 35, 大市 53) are abbreviations or
# rare words that the name's third character, right after, does not continue (周市口, 渭市南).
LEVEL_INSIDE_WORD_MIN_COUNT = 100
# A character seen this often as a word by itself (当 in jieba's counts; 淄 60, 廊 2,745) begins prose
# before a level character as often as a city's name cut short.
STANDALONE_COUNT = 10_000
# A lone stem character before a level character after a mark (、阳市 for 信阳市) that is a noun or an
# adjective by jieba's tag is read up to this count (长 40,281, 石 11,067); a function word only below
# STANDALONE_COUNT (当市领导, 每市, 此县), and never 'former' or 'current' before a title (原市委书记).
REMNANT_STANDALONE_COUNT = 50_000
CONTENT_TAGS = ("n", "a")
TITLE_PREFIXES = frozenset("原现")
# The remnant's readings, the larger division first.
LEVEL_RANK = {"province": 0, "prefecture": 1, "county": 2}
# A character this frequent as a word by itself (去 123,402, 使 64,655 in jieba's counts) after a place's
# stem of fewer than LONG_STEM characters is grammar, whatever level character it sounds like; after a
# longer one (呼和浩特室, 大兴安岭地取) the stem says a name is meant.
LEVEL_SLIP_MAX_COUNT = 40_000
# A word this rare in jieba's counts (浙省 3, 闽省 3) is no reason to doubt a province's first character and
# its level are a slip; 贵省 (8) is one, the honorific 'your province' (贵省地理位置优越, in the news).
RARE_WORD_COUNT = 5
LONG_STEM = 4
# A township's name ends in one of these (练市镇): a name written without it is the township's too.
TOWNSHIP_SUFFIXES = ("镇", "乡", "街道")
# A township's suffix within this many characters says a township's stem may stand alone (固县、朱庄等乡镇).
TOWNSHIP_CONTEXT = 20
# Verbs whose object is a division's level (撤县设市, 撤地设市, 县改区, 建区以来, 海南建省): before the level
# character they are an administrative change, not a character put inside a name.
ADMINISTRATIVE_CHANGES = frozenset("撤设建改并升划置")
# A level character's fuzzy sound (身 shen for 省 sheng) is a likelier other word than its own sound.
FUZZY_PENALTY = 0.1
# A name's character replaced, by sound or by shape: the slips whose fix the character model may judge.
REPLACED = frozenset({Kind.HOMOPHONE, Kind.SHAPE})


def detect(scan: Scan) -> Iterator[Candidate]:
    compiled, text = scan.compiled, scan.text
    table = compiled.places
    if table is None:
        return
    yield from _level_misspelt(scan)
    if not any(level in text for level in LEVELS):
        return
    if LIST_MARK in text:
        yield from _listed_beside_places(scan)
    index, known = compiled.place_forms
    short = known.short
    local: frozenset[str] | None = None  # the divisions the document names, and theirs: built when needed
    # where a division's name, written right, ends (the scan found them): 宜昌市; 牡丹江市 holds 丹江市
    named: dict[int, int] = {}  # end → start of the longest name written right that ends there
    begins: set[int] = set()  # where a name written right begins (市中区 after 济南市)
    parents = _parents_by_end(scan)  # end → the divisions a name written right there names (盘锦)
    slips: dict[str, tuple[tuple[str, Kind | None], ...]] = {}  # a span's names one slip away, and how:
    # a page writes the same few spans before its level words again and again (大城市, 新城市)
    for hit, _ in scan.places:
        if hit.end - hit.start >= 2:
            begins.add(hit.start)
            if hit.end - hit.start >= 3:
                named[hit.end] = min(hit.start, named.get(hit.end, hit.start))
    for match in _LEVEL.finditer(text):
        end = match.end()
        # not where the level character ends a name written right (肥西县|丰乐镇 holds 西县丰)
        inside = _level_inside(index, text, end) if 2 <= end < len(text) and end not in named else None
        if inside is not None:
            yield inside
            continue
        # a Han character before a level character (one alone: 《陕省, 、淄市, a stem with a character
        # dropped: _stem_char_dropped)
        if end < 2 or not "\u4e00" <= text[end - 2] <= "\u9fff":
            continue
        if end in named:
            # no doubled level character where a division's (市中区) or a township's (县溪镇) name begins
            doubled = _level_doubled(text, end, named[end]) if end not in begins \
                and not township_ahead(text, end + 1) else None
            if doubled is not None:
                yield doubled
            continue
        if text[end - 3:end] in short or text[end - 4:end] in short or text[end - 5:end] in short:
            continue  # a short form with its level character (化隆县, 延边州): 3 to 5 characters
        if local is None:
            local = _local(scan)
        candidate = _at(compiled, index, known, text, end, local, parents.get(end - 2, ()), slips,
                        parents.get(end - 3, ()))
        # not across a name written right (吕梁市|兴县 holds 市兴县, 信阳市|新县 holds 阳市新县)
        if candidate is not None and not _crosses_another_name(named, text, candidate):
            yield candidate


def _crosses_another_name(named: dict[int, int], text: str, candidate: Candidate) -> bool:
    """A name written right ends inside the candidate (吕梁市|兴县 holds 市兴县, 乐陵市|市中街道), other than
    the suggested name's own stem (黑龙江|行省: 黑龙江 is the province's, a character put after it)."""
    start, end = candidate.start, candidate.end
    return any(at in named and not (named[at] == start and text[at - 1] not in LEVELS
                                    and any(s.startswith(text[start:at]) for s in candidate.suggestions))
               for at in range(start + 1, end))


def _level_inside(index: NameIndex, text: str, end: int) -> Candidate | None:
    """A three-character name's level character swapped with the stem's last (福省建, 江省苏, 北市京): the
    character after the level one completes the stem.  Not where the level character makes a word with
    either neighbour (上市|海, 全省|建设) or the span cuts one, unless the characters around read far
    likelier with the name (西市宁获评)."""
    start, level = end - 2, text[end - 1]
    name = text[start] + text[end:end + 1] + level
    if len(name) != 3 or name not in index.names or text[start:end + 1] == name:
        return None  # nearly every level character: one lookup (津市市 is the name itself, written right)
    model = load_word_model()
    if (model.count(text[start:end]) >= LEVEL_INSIDE_WORD_MIN_COUNT or model.count(text[end - 1:end + 1]) >=
            LEVEL_INSIDE_WORD_MIN_COUNT or cuts_a_word(text, start, end + 1, WINDOW, ORDINARY_MIN_COUNT)) \
            and not reads_far_better_fixed(text, start, end + 1, name):
        return None  # 上市|海, 全省|建设; not 西市宁获评, which reads as no prose
    return _candidate(text, start, end + 1, Kind.TRANSPOSITION, (name,))


def _at(compiled: CompiledLexicon, index: NameIndex, known: KnownForms, text: str, end: int,
        local: frozenset[str], parents: tuple[str, ...],
        memo: dict[str, tuple[tuple[str, Kind | None], ...]], parents_before: tuple[str, ...] = ()
        ) -> Candidate | None:
    model = load_word_model()
    reordered = _stem_reordered(compiled, index, known, model, text, end, parents_before)
    if reordered is not None:
        return reordered
    body = _body_after(text, end)
    if body is not None:
        named_body = _before_a_body(compiled, index, known, text, end, memo, body.group(1) is not None)
        if named_body is not None:
            return named_body
    # Cheap tests first, on most level characters of a page: 城市, 全市, 地区 (the level character ends
    # a common word), 市场, 区域 (it begins one; but the level character written twice is the name's
    # and then a body's or an office's: 江苏省|省长, 北京市|市委, never 省省 'save')
    pair = model.count(text[end - 1:end + 1])
    begins = text[end:end + 1] != text[end - 1] and pair >= LEVEL_WORD_MIN_COUNT
    if begins and pair >= ORDINARY_MIN_COUNT:
        return None
    # where the level character ends a common word (城市, 州市), a character put inside a longer name's
    # stem is read (福成|州市 for 福州市, 白设|城市 for 白城市): the word is the name's own end.  Any other
    # character replaced there (岁|州市 for 随州市), or by a grammatical one (内将市 for 内江市), only where the
    # characters around read far likelier with the name: never a character added (吉林两省, 南部海区), which
    # any text reads likelier without
    ends_a_word = model.count(text[end - 2:end]) >= ORDINARY_MIN_COUNT
    found: list[tuple[int, str, Kind]] = []
    others: list[tuple[int, str, str]] = []  # no slip of its own sound: maybe of its fuzzy one (蜀散区)
    judged: set[tuple[int, str]] = set()  # read only where the character model says so, once all else has
    child: list[tuple[int, str, Kind]] = []  # a county's remnant after its parent: the parent is the evidence
    if ends_a_word:
        found = _inserted_before_its_end(index, model, text, end)
        # only a replaced character is read here: spans as long as the names themselves
        lengths = tuple(sorted(index.sizes.get(text[end - 1], ()), reverse=True))
    else:
        lengths = index.lengths.get(text[end - 1], ())
    han = _han_tail(text, max(0, end - lengths[0]), end) if lengths else 0  # as far as a name reaches
    for length in lengths:
        if length > han or length < 3:
            continue
        start = end - length
        written = text[start:end]
        if not index.may_be_near(written):
            continue
        if ends_a_word and (text[start] in GRAMMATICAL or start and model.count(text[start - 1:start + 1])
                            >= LEVEL_WORD_MIN_COUNT):
            continue  # the first character is grammar or ends a word (海绵|城市, 新型|城市): prose, no slip
        near = memo.get(written)
        if near is None:
            near = memo[written] = tuple((name, slip(written, name, compiled))
                                         for name in sorted(index.near(written)))
        for name, kind in near:
            if ends_a_word and len(name) != length:
                continue  # a character added or dropped is read by _inserted_before_its_end, or not here
            if kind is None:
                if len(written) == len(name) and not ends_a_word:
                    others.append((start, written, name))
            elif not ends_a_word and (_plausible(written, name, kind)
                                      or _before_the_level(compiled, written, name, kind, model, known)
                                      or _grammatical_in_a_province(written, name, kind, known)):
                found.append((start, name, kind))
            elif kind in REPLACED:
                found.append((start, name, kind))
                judged.add((start, name))
    if not found:
        found = child = _child_stem_dropped(compiled, index, text, end, parents)
        if not found and not ends_a_word:
            found = _stem_char_dropped(compiled, index, known, model, text, end, local)
    # the same fuzzy syllable only (蜀散区 for 蜀山区: san, shan), where no closer slip reads
    fuzzy = not found
    if fuzzy:
        found = [(start, name, Kind.HOMOPHONE) for start, written, name in others
                 if slip(written, name, compiled, fuzzy=True) is Kind.HOMOPHONE
                 and _plausible(written, name, Kind.HOMOPHONE)]
        if not found:
            return None  # most level characters of a page: no name's slip ends here
    # a character of the name written twice (南平平市) is the telling reading where others compete (平平市
    # would be 开平市 with a look-alike)
    doubled = [(s, name, kind) for s, name, kind in found if kind is Kind.INSERTION
               and any(a == b for a, b in zip(text[s:end], text[s + 1:end]))]
    if doubled:
        found = doubled
    found = _nearby(compiled, found, local)
    # slips of spans of different lengths: the longest reading agrees with the name in more characters
    # (金域江区 is 金城江区 with a look-alike, more surely than 域江区 a slip of a three-character name)
    start = min((s for s, _, _ in found), default=end)
    found = [f for f in found if f[0] == start]
    names = sorted({name for _, name, _ in found})
    kind = found[0][2] if found else None
    # a one-character stem left before the level character (阳市, 化市) is no division's name, however many
    # it may be left of (信阳市, 安阳市 … 39): reported with the likeliest few, as no reading is surer
    remnant = kind is Kind.OMISSION and end - start == 2
    if not names or len(names) > MAX_NAMES and not remnant:
        return None
    written = text[start:end]
    # a province's stem swapped or cut to one character (北湖省, 福省) is read as a province: neither a
    # place under another level (福州 is a city, not 福省 under its level) nor an ordinary word (福) says prose
    province = kind in (Kind.TRANSPOSITION, Kind.OMISSION) and all(n in known.provinces for n in names)
    if not province and (written in known if remnant else
                         any(written[:-1] + level in known for level in LEVELS)):
        # 宁乡县 (宁乡市 since 2017), 田阳县 (田阳区): a place under a former level, no slip.  A
        # one-character stem's other forms say nothing (钦|州 is the name 钦市 was cut from; no division
        # with such a stem, 宁县, 吉县, changed its level without keeping it: 沙县区): only a name (邱县)
        return None
    if model.is_ordinary(written[:-1], ORDINARY_MIN_COUNT) and not (province or doubled or child):
        return None  # 示范区, 贫困县: the stem is a word, or words (a province's swapped, 北湖省, or its
        # one character left, 福省, is none: _stem_char_dropped has ruled out 幸福|省); a stem's character
        # written twice is no word's (旅顺顺口区, though 旅顺 and 顺口 are words)
    # 的|城市 for 邹城市, 南|片区 for 南川区: the level character ends a word.  Where the name itself ends
    # so (义县 of 武义县, which jieba lists as a place), only a common word counts (tested above).  A rare
    # word (西市, 花市) is the slip's own making after a character that is no word by itself and begins
    # none with the one before it (玉西市 for 玉溪市, 通花市 for 通化市), as it is not after 南 (南|片区) or
    # in 梅江|院区
    ending = written[-2:]
    if not (child or province) and not any(n.endswith(ending) for n in names) \
            and model.count(ending) >= LEVEL_WORD_MIN_COUNT \
            and (len(written) > 3 or model.count(written[0]) >= STANDALONE_COUNT
                 or model.count(text[start - 1:start + 1] if start else "") >= LEVEL_WORD_MIN_COUNT):
        return None
    if cuts_a_word(text, start, end, WINDOW, ORDINARY_MIN_COUNT):
        return None
    # a rarer pair with the next character (县率, 市实) is a word only where the best reading says so
    if begins and model.segment(text[end - 1:end + WINDOW])[0][1] > 1:
        return None
    names = [name for name in names if (start, name) not in judged
             or reads_far_better_fixed(text, start, end, name)]  # the model loads for a page's few suspects
    if not names:
        return None
    if len(names) > MAX_NAMES:
        return _one_of(compiled, text, start, end, names)
    return _candidate(text, start, end, kind, names, fuzzy=fuzzy)


def _before_a_body(compiled: CompiledLexicon, index: NameIndex, known: KnownForms, text: str, end: int,
                   memo: dict[str, tuple[tuple[str, Kind | None], ...]], numbered: bool) -> Candidate | None:
    """A division's name before a people's body named with it (安徽全省|第十四届人民代表大会, 海上市|第一人民
    医院, 从庆市|人民政府): such a body is named after the division in full, so a character put into the
    name, two swapped or one dropped is the name's slip whatever word it makes (全省, 海上), where prose
    guards hold a span back elsewhere.  A character put in is no list's (北京、上海等市人民政府), and
    grammar (广东的县人民医院), a list's other joints, a numeral, a determiner or an administrative
    change are read only before a numbered body or at a title's start (湖北湖南两省人民政府, but 江苏一省第十四届,
    《河南设省国民经济……》); a character replaced, only where the span reads as no prose
    (_prose_before_its_level)."""
    lengths = index.lengths.get(text[end - 1], ())
    han = _han_tail(text, max(0, end - lengths[0]), end) if lengths else 0
    model, found, fuzzy = load_word_model(), [], set()
    for length in lengths:
        if length > han or length < 3:
            continue
        start = end - length
        written = text[start:end]
        if written in known:
            return None
        near = memo.get(written)
        if near is None:
            near = memo[written] = tuple((name, slip(written, name, compiled))
                                         for name in sorted(index.near(written)))
        # a title that begins with the division (《河南设省国民经济和社会发展……纲要》) is as sure as a number
        sure = numbered or _opens_a_title(text, start)
        for name, kind in near:
            if kind is Kind.INSERTION:
                put = _slip_characters(written, name)
                if put == "等" or not sure and (put in GRAMMATICAL or put in ITEM_ENDS
                                                 or put in ADMINISTRATIVE_CHANGES or put in NUMERALS):
                    continue
            elif kind in REPLACED and _prose_before_its_level(model, written, sure):
                continue
            elif kind is None:
                # the same fuzzy syllable (重禽市 for 重庆市: qin, qing), as the body leaves no other reading
                if len(written) != len(name) or _prose_before_its_level(model, written, sure) \
                        or slip(written, name, compiled, fuzzy=True) is not Kind.HOMOPHONE:
                    continue
                fuzzy.add(name)
                kind = Kind.HOMOPHONE
            found.append((start, name, kind))
    if not found:
        return _remnant_before_a_body(compiled, index, known, model, text, end) \
            if numbered or _opens_a_title(text, end - 2) else None
    start = min(s for s, _, _ in found)
    found = [f for f in found if f[0] == start]
    names = sorted({name for _, name, _ in found})
    written = text[start:end]
    if len(names) > MAX_NAMES or any(written[:-1] + level in known for level in LEVELS):
        return None  # 宁乡县人民医院: a place under its former level
    return _candidate(text, start, end, found[0][2], names, fuzzy=fuzzy.issuperset(names))


def _prose_before_its_level(model, written: str, sure: bool) -> bool:
    """A span with a character replaced that reads as prose before a body: it ends in a common word with
    the level (和|本市, 原|城区), it begins with a mark of the past (原), or its stem is words (所在|县),
    unless the body is numbered or a title begins with the span (《关东省国民经济……》)."""
    return written[0] in TITLE_PREFIXES or model.count(written[-2:]) >= ORDINARY_MIN_COUNT \
        or not sure and model.is_ordinary(written[:-1], ORDINARY_MIN_COUNT)


def _opens_a_title(text: str, start: int) -> bool:
    return start > 0 and text[start - 1] == "《"


def _remnant_before_a_body(compiled: CompiledLexicon, index: NameIndex, known: KnownForms, model, text: str,
                           end: int) -> Candidate | None:
    """One character of a stem left before the level and a numbered body (在庆市第十四届人民代表大会, 海市
    第一人民医院): no such body is any but a named division's.  Not a numeral, a determiner, a pronoun or
    grammar (我市, 该市, 四省 'four provinces'), or a common word with the level (省市, 沪市 the stock
    market); a rarer one (海市, 贵省 'your province') or a word with the character before (在建|省) names
    no such body."""
    start = end - 2
    written, char = text[start:end], text[start]
    if not "\u4e00" <= char <= "\u9fff" or char in NUMERALS or char in GRAMMATICAL \
            or character_tags().get(char, "").startswith("r") or written in known \
            or model.count(written) >= ORDINARY_MIN_COUNT:
        return None
    names = _cut_from(compiled, index, written)
    if not names:
        return None
    return _one_of(compiled, text, start, end, names)


def _one_of(compiled: CompiledLexicon, text: str, start: int, end: int, names: Sequence[str],
            where: str = "") -> Candidate:
    """A stem's remnant (阳市) with the likeliest few of the names it may be left of, and how many there are
    where they are more than MAX_NAMES: no reading is surer."""
    note = f"等{len(names)}个地名之一（漏字{where}）" if len(names) > MAX_NAMES else ""
    return _candidate(text, start, end, Kind.OMISSION, _likeliest(compiled, names), note=note)


def _likeliest(compiled: CompiledLexicon, names: Sequence[str]) -> list[str]:
    """The MAX_NAMES names a remnant most likely stands for: a prefecture's before a county's (a page names
    the larger city more often), then in the names' order."""
    table = compiled.places
    def rank(name: str) -> int:
        levels = {table.division(code).level for code in _codes(compiled, name)}
        return min((LEVEL_RANK.get(level, len(LEVEL_RANK)) for level in levels), default=len(LEVEL_RANK))
    return sorted(names, key=rank)[:MAX_NAMES]


def _stem_reordered(compiled: CompiledLexicon, index: NameIndex, known: KnownForms, model, text: str,
                    end: int, parents: tuple[str, ...] = ()) -> Candidate | None:
    """A three-character name's two-character stem swapped (宁西市 for 西宁市, 洼大区 for 大洼区) or its
    last character written twice (池州州市): one set lookup, before the tests that read the level
    character's word with the one before it (西市, 大区, 州市 are words; in a swapped or doubled name
    they are the name's own characters, unless a common one: 又建|新区).  Not where the written stem is
    another place's under another level (宁乡县), the level character begins a word (宁西市|场), the
    character before makes a word with the span's first (安宁|西市), the written stem is an ordinary
    word, or the span cuts one; none of those where the name's own parent is written right before it
    (盘锦|洼大区: 大区 is a word, but 盘锦 has a 大洼区)."""
    if end < 3:
        return None
    first, second, level = text[end - 3], text[end - 2], text[end - 1]
    if first != second:  # 宁西市: 西宁市 swapped
        start, name, kind = end - 3, second + first + level, Kind.TRANSPOSITION
    elif end >= 4:  # 池州州市: 池州市 with its last stem character twice
        start, name, kind = end - 4, text[end - 4] + second + level, Kind.INSERTION
    else:
        return None
    if name in index.names:
        written = text[start:end]
        if not all("\u4e00" <= c <= "\u9fff" for c in written) or written in known \
                or any(written[:-1] + other in known for other in LEVELS):
            return None  # 宁乡县: 宁乡市 since 2017, a place under its former level
        if model.count(text[end - 1:end + 1]) >= LEVEL_WORD_MIN_COUNT:
            return None  # the level character begins a word (宁西市|场)
        if kind is Kind.TRANSPOSITION and _child_of(compiled, name, parents):
            return _candidate(text, start, end, kind, (name,))
        if kind is Kind.TRANSPOSITION and model.count(written[-2:]) >= ORDINARY_MIN_COUNT \
                or (start and model.count(text[start - 1:start + 1]) >= LEVEL_WORD_MIN_COUNT) \
                or model.is_ordinary(written[:2], ORDINARY_MIN_COUNT) \
                or cuts_a_word(text, start, end, WINDOW, ORDINARY_MIN_COUNT):
            return None
        return _candidate(text, start, end, kind, (name,))
    return None


# Tests of a few characters each, written as comparisons: a regular expression with a Han class costs
# ~1 ms to compile in every process (issue 21), more than all a page's calls of these.
# An item of a list ends at one of these (or at any non-Han character).
ITEM_ENDS = frozenset("、，。；：和及与等")
# A direction and a level character name a zone of any city (南区, 北市), not a stem cut short.
DIRECTIONS = frozenset("东西南北中上下前后左右内外")
# The marks that bound a list item on its left: a list's, or a clause's (，同德县、达日县).
BOUNDS = frozenset("、，。；：")
MAX_ITEM = 8


def _han_tail(text: str, start: int, end: int) -> int:
    """How many Han characters ``text[start:end]`` ends with."""
    at = end
    while at > start and "\u4e00" <= text[at - 1] <= "\u9fff":
        at -= 1
    return end - at


def township_ahead(text: str, at: int) -> bool:
    """A township's name begins at ``at``: its suffix (镇, 乡, 街道) within the next three characters."""
    for gap in range(3):
        if text.startswith(TOWNSHIP_SUFFIXES, at + gap):
            return True
        if at + gap >= len(text) or not "\u4e00" <= text[at + gap] <= "\u9fff":
            return False
    return False


def _ends_an_item(char: str) -> bool:
    return char in ITEM_ENDS or not "\u4e00" <= char <= "\u9fff"


def _item_end(text: str, start: int) -> int:
    """Where the list item that starts at ``start`` ends, looking MAX_ITEM + 1 characters ahead."""
    stop = min(len(text), start + MAX_ITEM + 1)
    return next((at for at in range(start, stop) if _ends_an_item(text[at])), stop)


def _listed_beside_places(scan: Scan) -> Iterator[Candidate]:
    """An item of a list of places (通辽市、固县、乌海市) that is no division's name but one slip from one:
    its neighbour, a division written right, says a place is meant, so the stem may be an ordinary word
    and the item as short as two characters (固县 for 城固县), which the scan of level characters leaves
    alone."""
    compiled, text = scan.compiled, scan.text
    index, known = compiled.place_forms
    names = compiled.places.names
    seen: set[int] = set()
    model = None
    for hit, place in scan.places:
        if not names[place][1] or not text.startswith(LIST_MARK, hit.end) and \
                text[hit.start - 1:hit.start] != LIST_MARK:
            continue
        if model is None:
            model = load_word_model()
        if model.is_ordinary(names[place][0], ORDINARY_MIN_COUNT):
            continue  # 城区, 矿区: a division's name that is also a word says no place is listed
        for start, after in _neighbour_items(text, hit.start, hit.end):
            if start in seen:
                continue
            seen.add(start)
            candidate = _listed_item(compiled, index, known, scan, start, after) \
                or _listed_level_slip(compiled, known, scan, start)
            if candidate is not None:
                yield candidate


def _neighbour_items(text: str, start: int, end: int) -> Iterator[tuple[int, bool]]:
    """Where the list items right after and right before a name start (、 between), and whether after."""
    if text.startswith(LIST_MARK, end):
        yield end + 1, True
    if start > 1 and text[start - 1] == LIST_MARK:
        before = start - 1
        first = before
        while first > 0 and before - first < MAX_ITEM and not _ends_an_item(text[first - 1]):
            first -= 1
        if first == 0 or _ends_an_item(text[first - 1]):
            yield first, False  # an item whose start is seen (not cut off at MAX_ITEM: 原四川省总队…)


def _listed_item(compiled: CompiledLexicon, index: NameIndex, known: KnownForms, scan: Scan,
                 start: int, after: bool) -> Candidate | None:
    text = scan.text
    end = _item_end(text, start)
    swapped = _level_swapped_out(known, text, start, end)
    if swapped is not None:
        return swapped
    if after and end > start and text[end - 1] not in LEVELS:
        # the list's last item runs on into the sentence (亭县开行动车): the name ends at its first level
        # character
        level = _LEVEL.search(text, start + 1, end)
        end = level.end() if level else end
    written = text[start:end]
    if not 2 <= len(written) <= MAX_ITEM or written[-1] not in LEVELS or written in known \
            or scan.correct.covers(start, end) or len(written) == 2 and written[0] in DIRECTIONS:
        return None  # a zone named by its direction (东区、西区、南区、北区): 攀枝花's 东区 and 西区 are names
    model = load_word_model()
    # an item with list marks (or a clause's) on both sides (城北区、兴还县、班玛县) is the name and nothing
    # else: a grammatical character in its place (还 for 海) or the same fuzzy syllable (品 for 平) is its slip
    left = start == 0 or text[start - 1] in BOUNDS
    bounded = left and text.startswith(LIST_MARK, end)
    # the last item after a place, running on into the sentence (湟中区、平乡中县入选), is as surely one,
    # unless the character put in makes a noun with the level (石景山城区交通) or the level begins a word
    # (兴海的县城建设)
    running = left and after and not bounded
    kinds, fuzzy = {}, set()
    for name in sorted(index.near(written)):
        kind = slip(written, name, compiled)
        if kind is None and bounded and len(written) == len(name) >= 3 \
                and slip(written, name, compiled, fuzzy=True) is Kind.HOMOPHONE:
            kind = Kind.HOMOPHONE
            fuzzy.add(name)
        if kind is None or NUMERALS.intersection(_slip_characters(written, name) if len(written) >= len(name)
                                                  else written):
            continue  # a numeral's phrase (辽宁三省, 两市), not a name's own numeral (万全区)
        if _plausible(written, name, kind) or bounded and kind in REPLACED \
                or (bounded or running and _runs_on_as_a_name(model, text, end, written, name)) \
                and kind is Kind.INSERTION and _put_in_an_item(written, name, text[start - 1:start]) \
                or _before_the_level(compiled, written, name, kind, model, known, True):
            kinds[name] = kind
    near = _nearby(compiled, [(start, name, kind) for name, kind in kinds.items()], _local(scan))
    found = sorted(name for _, name, _ in near)
    if not found or model.is_ordinary(written, ORDINARY_MIN_COUNT):
        return None
    if len(found) > MAX_NAMES:
        # one stem character left in a list of places (西宁市、南市地质灾害) is no place, however many it
        # may be left of: reported with the likeliest few, as _at reports a remnant
        remnant = len(written) == 2 and all(kinds[n] is Kind.OMISSION for n in found)
        if not (remnant and (bounded or running)) \
                or _township_here(compiled, written, _local(scan), text, start, found):
            return None  # 海口市、固县、三亚市: 固县 may be 固县镇 without its suffix
        return _one_of(compiled, text, start, end, found, "，与前后地名并列")
    return _candidate(text, start, end, kinds[found[0]], found, fuzzy=fuzzy.issuperset(found),
                      note="（与前后地名并列）")


def _put_in_an_item(written: str, name: str, before: str) -> bool:
    """A character put into a bounded list item (湟中区、茫崖大市、玛沁县, 兴海的县) makes no phrase there,
    whatever word it makes with the level (大市, 政区); but a list's own 等, a numeral or a determiner
    (祁连全县 'all of Qilian') and an administrative change may (青海等省、新疆).  Before the name in the
    list's first item (``before`` is no list mark), it is the sentence's word (在六盘水市、赤水市), unless it
    is the name's first character written twice."""
    put = _slip_characters(written, name)
    if written[0] != name[0] and before != LIST_MARK:
        return False  # a doubled first character (六六盘水市) leaves the name's first in place
    return put != "" and put not in ITEM_ENDS and put not in NUMERALS and put not in ADMINISTRATIVE_CHANGES


def _runs_on_as_a_name(model, text: str, end: int, written: str, name: str) -> bool:
    """The character put in makes no common noun with the level (城区) and is no grammar, and the level
    begins no word with what follows (县城)."""
    put = _slip_characters(written, name)
    return put not in GRAMMATICAL and model.count(put + written[-1]) < ORDINARY_MIN_COUNT \
        and model.count(text[end - 1:end + 1]) < LEVEL_WORD_MIN_COUNT


def _slip_characters(written: str, name: str) -> str:
    """The characters of ``written`` that are not ``name``'s own: a replaced one, or one put in."""
    if len(written) == len(name):
        return "".join(a for a, b in zip(written, name) if a != b and a not in name)
    if len(written) == len(name) + 1:
        return next((written[i] for i in range(len(written)) if written[:i] + written[i + 1:] == name), "")
    return ""


def _level_swapped_out(known: KnownForms, text: str, start: int, end: int) -> Candidate | None:
    """A whole list item (城北区、兴县海、班玛县) that is a division's name with its level character and the
    stem's last swapped: the item ends where the name does, so the character after the level one is no
    next word; not where the two make a word (南县|城区: the county seat) or the item is a name itself."""
    written = text[start:end]
    if not 3 <= len(written) <= NAME_MAX or written[-2] not in LEVELS or written in known \
            or not all("\u4e00" <= char <= "\u9fff" for char in written) \
            or load_word_model().count(written[-2:]) >= LEVEL_WORD_MIN_COUNT:
        return None
    name = written[:-2] + written[-1] + written[-2]
    if name not in known:
        return None
    return _candidate(text, start, end, Kind.TRANSPOSITION, (name,), note="（与前后地名并列）")


def _listed_level_slip(compiled: CompiledLexicon, known: KnownForms, scan: Scan,
                       start: int) -> Candidate | None:
    """A list item that is a division's stem with its level character replaced by a same-sounding or
    look-alike one (西宁市、海东私, 镇远先、达日县): the list says a place is meant, where the stem alone
    (an ordinary word as often as a place: 海东, 镇远) is left to _level_misspelt's stricter reading."""
    text, slips = scan.text, compiled.level_slips
    for size in range(2, MAX_ITEM - 1):
        at = start + size
        if at >= len(text) or not "\u4e00" <= text[at - 1] <= "\u9fff":
            return None
        levels = "" if _counts_divisions(text, at) else slips.get(text[at], "")
        # a common word after a short stem is grammar (镇远|先行), but not where the item ends with it
        # (洛浦想、达日县: nothing follows a verb there)
        if levels and _grammar_after(load_word_model(), text[at], size) \
                and not text.startswith(LIST_MARK, at + 1):
            levels = ""
        stem = text[start:at]
        names = sorted(stem + level for level in levels if stem + level in known)
        if len(names) == 1 and not scan.correct.covers(start, at + 1):
            model = load_word_model()
            first = model.segment(text[at:at + WINDOW + 1])[0]
            if first[1] - first[0] > 1 or model.is_ordinary(text[start:at + 1], ORDINARY_MIN_COUNT):
                return None  # the character begins a word (海东|私营, not 海东私|地质), or the whole is one
            kind, fuzzy = _level_char_slip(compiled, text[at], names[0][-1])
            return _candidate(text, start, at + 1, kind, names, fuzzy=fuzzy, note="（与前后地名并列）")
        if stem in known or _ends_an_item(text[at]):
            return None
    return None


def _level_misspelt(scan: Scan) -> Iterator[Candidate]:
    """A division's stem written right and its level character replaced by a same-sounding or look-alike
    one (北京介, 湖北面, 荆州施, 崇明巴): the stems are surfaces of the main scan, so only the character after
    each hit is looked at.  Not where the character begins a word with what follows (荆州施工, 北京时间,
    山东生态) or makes one with the stem; nor where the stem cuts a word (上|海东|方), nor where a firm's or
    a school's name may begin (北京实宝来公司, 山东矿院: a place's stem begins many)."""
    compiled, text = scan.compiled, scan.text
    stems, slips = compiled.level_stems, compiled.level_slips
    if not stems:
        return
    surface, size, model = compiled.patterns.surface, len(text), None
    for hit in scan.hits:
        at = hit.end
        if at >= size or text[at] not in slips:
            continue  # nearly every hit: one lookup
        names = stems.get(surface(hit.pattern))
        if not names:
            continue
        char, start = text[at], hit.start
        names = [name for name in names if name[-1] in slips[char]]
        if not names or _counts_divisions(text, at):
            continue
        if model is None:
            model = load_word_model()
        # a people's body right after (河北神|人民政府) is named with the division: no word the character
        # makes with the body's first (神人, 生人) is read; nor is grammar where the body is numbered or a
        # title opens with the name (《天津是国民经济和社会发展……》)
        after = _body_after(text, at + 1)
        body = after is not None
        if _grammar_after(model, char, at - start) \
                and not (body and (after.group(1) is not None or _opens_a_title(text, start))) \
                and not _after_its_parent(scan, start, names) \
                and not reads_far_better_fixed(text, at, at + 1, names[0][-1]):
            continue  # 在北京时|第十四届 reads as no prose: the grammatical character is the slip
        if not body and model.segment(text[at:at + FOLLOWING])[0][1] > 1 \
                or model.count(text[start:at + 1]) >= LEVEL_WORD_MIN_COUNT \
                or (start and model.count(text[start - 1:start + 1]) >= ORDINARY_MIN_COUNT) \
                or not body and cuts_a_word(text, start, at + 1, WINDOW, ORDINARY_MIN_COUNT) \
                or _begins_organization(text, at + 1) and not PUBLIC_BODY.match(text, at + 1) \
                or scan.correct.covers(start, at + 1):
            continue
        kind, fuzzy = _level_char_slip(compiled, char, names[0][-1])
        yield _candidate(text, start, at + 1, kind, names, fuzzy=fuzzy)


def _after_its_parent(scan: Scan, start: int, names: Sequence[str]) -> bool:
    """The division's own parent is written right before its stem (盘锦|大洼去: 盘锦 has a 大洼区): the
    grammatical character after the stem stands for its level (asked of a page's few such spans)."""
    parents = _parents_by_end(scan).get(start, ())
    return any(_child_of(scan.compiled, name, parents) for name in names)


def _parents_by_end(scan: Scan) -> dict[int, tuple[str, ...]]:
    """Where each name of two or more characters written right ends → the codes of the divisions it names."""
    names = scan.compiled.places.names
    parents: dict[int, tuple[str, ...]] = {}
    for hit, place in scan.places:
        if hit.end - hit.start >= 2:
            parents[hit.end] = parents.get(hit.end, ()) + names[place][2]
    return parents


def _counts_divisions(text: str, at: int) -> bool:
    """A numeral before a level character counts divisions (北京、上海、广州、深圳四市, 两省): it stands for
    no level character, whatever it sounds like (四 si, 市 shi)."""
    return text[at] in NUMERALS and text[at + 1:at + 2] in LEVELS


def _grammar_after(model, char: str, stem_length: int) -> bool:
    """``char`` after a stem this long is grammar, whatever level character it sounds like (LONG_STEM)."""
    return stem_length < LONG_STEM and model.count(char) >= LEVEL_SLIP_MAX_COUNT


def _level_char_slip(compiled: CompiledLexicon, char: str, level: str) -> tuple[Kind, bool]:
    """How ``char`` is a slip of the level character: a look-alike, else a same-sounding one, and whether
    only its fuzzy sound is the same (身 shen for 省 sheng)."""
    kind = Kind.SHAPE if char in compiled.shapes.get(level, "") else Kind.HOMOPHONE
    return kind, kind is Kind.HOMOPHONE and compiled.sound.encode(char) != compiled.sound.encode(level)


# The characters after a level character's slip read to tell whether it begins a word (荆州|施工, 北京|时间
# begin one; 河北生|人民政府 does not, though 生人 is a word).
FOLLOWING = 6
# An organization's name that begins with a place's stem ends in one of these soon after it (a team too: 辽宁沈飞客车队,
# but not a delegation's 代表队).
ORGANIZATION = re.compile("公司|集团|院(?!士)|社(?!会)|厂|店|中心|银行|大学|学校|协会|(?<!代表)队")
ORGANIZATION_WINDOW = 6
# ... but a people's body (人民医院, 第一人民医院, 人民法院) is named after the division with its level
# (上海市第一人民医院): a character in the level's place before one is the level's slip.
PUBLIC_BODY = re.compile("(?:第[一二三四五六七八九十]+)?人民")
# The bodies named after a division in full (detect: _before_a_body); the numbered ones are surest.
BODY_AFTER = re.compile("(第[一二三四五六七八九十]+届?)?(?:[中高]级)?人民(?:代表大会|政府|医院|法院|检察院)"
                        "|国民经济和社会发展")
BODY_FIRST = frozenset("第中高人国")  # the characters BODY_AFTER can begin with: a set lookup before the regex


def _body_after(text: str, at: int) -> re.Match | None:
    """A body named after a division, beginning at ``at`` (BODY_AFTER): its first character looked up before
    the regex, as the callers ask at every level character."""
    return BODY_AFTER.match(text, at) if text[at:at + 1] in BODY_FIRST else None


def _begins_organization(text: str, at: int) -> bool:
    """An organization's name ending within ORGANIZATION_WINDOW characters of ``at`` (the look-aheads of
    ORGANIZATION see one character past the window: 社会 is no 社)."""
    match = ORGANIZATION.search(text[at:at + ORGANIZATION_WINDOW + 1])
    return match is not None and match.start() < ORGANIZATION_WINDOW


def _child_stem_dropped(compiled: CompiledLexicon, index: NameIndex, text: str, end: int,
                        parents: tuple[str, ...]) -> list[tuple[int, str, Kind]]:
    """A prefecture written right, then one of its own counties with a stem character dropped (盘锦|大区 for
    大洼区, 天水|麦区 for 麦积区): the parent says which county is meant, where the remnant alone is a word
    (大区) or follows a character as often as any prose.  Only the county's own parent: a province's name
    before a former county's (浙江嵊县, 河北省滦县) is no such evidence."""
    start = end - 2
    if not parents or text[start] in NUMERALS or text[start] in GRAMMATICAL or text[start] in LEVELS:
        return []
    return [(start, name, Kind.OMISSION) for name in _cut_from(compiled, index, text[start:end])
            if _child_of(compiled, name, parents)]


def _child_of(compiled: CompiledLexicon, name: str, parents: tuple[str, ...]) -> bool:
    """A division of this name lies right under one of the ``parents`` (codes)."""
    table = compiled.places
    return bool(parents) and any(table.rows[code][4] in parents for code in _codes(compiled, name)
                                 if code in table.rows)


def _cut_from(compiled: CompiledLexicon, index: NameIndex, written: str) -> list[str]:
    """The three-character names ``written`` (a stem's character and a level one) is one with a character
    dropped (淄市 of 淄博市)."""
    return [name for name in sorted(index.near(written))
            if len(name) == 3 and slip(written, name, compiled) is Kind.OMISSION]


def _stem_char_dropped(compiled: CompiledLexicon, index: NameIndex, known: KnownForms, model,
                       text: str, end: int, local: frozenset[str] = frozenset()
                       ) -> list[tuple[int, str, Kind]]:
    """A division's two-character stem with one character dropped before its level character (陕省, 福省,
    淄市 for 淄博市): not where the character and the level one make a word (全省, 各省, 内省, 沪市, 超市;
    a province's first character and its level making a rare one, 浙省, is read), nor where the character ends a word with the one before it (华东|省), nor a numeral or a determiner
    (四省, 两市, 本县), a level (旗县, 市市).  A province's first character kept (陕|西省) is read anywhere, its
    other after a mark or a function character (在苏省, 《川省); a city's or a county's only after a mark
    (、淄市) and where it is no common word by itself (当市领导); never a verb's (建省 'founding the
    province', 撤县设市)."""
    start = end - 2
    if start < 0 or not "\u4e00" <= text[start] <= "\u9fff" or text[start] in NUMERALS \
            or text[start] in GRAMMATICAL or text[start] in LEVELS:
        return []
    written = text[start:end]
    if start and model.count(text[start - 1:start + 1]) >= LEVEL_WORD_MIN_COUNT:
        return []
    count = model.count(written)
    if count >= LEVEL_WORD_MIN_COUNT:
        # a province's first character and its level are at most a rare word (浙省 3 in jieba's counts; 沪市
        # 119, the stock market, and 贵省, 'your province', are words): every reader knows the province
        if count >= RARE_WORD_COUNT or not any(name[0] == written[0] for name in known.provinces
                                                 if name[-1] == written[-1]):
            return []
        return [(start, name, Kind.OMISSION) for name in _cut_from(compiled, index, written)
                if name in known.provinces and name[0] == written[0]]
    before = text[start - 1] if start else ""
    verb = _verb(written[0])
    # a province's other character after a function one too (在苏省); a city's or a county's only after a
    # mark (、淄市): after a character, it may end a name of another country's (那|霸市) or a former one
    # (从|化市), or a township's be written without its suffix (固县)
    province = not before or not "\u4e00" <= before <= "\u9fff" or before in GRAMMATICAL
    names = _cut_from(compiled, index, written)
    lower = (not before or unicodedata.category(before).startswith("P")) \
        and _may_be_a_stem(model, written[0]) \
        and not _township_here(compiled, written, local, text, start, names)
    return [(start, name, Kind.OMISSION) for name in names
            if (name in known.provinces and (name[0] == written[0] or province and not verb)
                or name not in known.provinces and lower and written[0] not in ADMINISTRATIVE_CHANGES)]


def _may_be_a_stem(model, char: str) -> bool:
    """A character left alone of a city's or a county's stem, not a word of its own
    (REMNANT_STANDALONE_COUNT)."""
    alone = model.count(char)
    return alone < STANDALONE_COUNT or (alone < REMNANT_STANDALONE_COUNT and char not in TITLE_PREFIXES
                                        and character_tags().get(char, "").startswith(CONTENT_TAGS))


def _verb(char: str) -> bool:
    return character_tags().get(char, "").startswith("v")


def _township_here(compiled: CompiledLexicon, stem: str, local: frozenset[str], text: str, at: int,
                   names: Sequence[str]) -> bool:
    """``stem`` may be a township's name without its suffix (练市 of 练市镇): where the page speaks of
    townships around it (毛集、固县、朱庄等乡镇), or names places and either one above that township or none
    above any of the ``names`` the stem may be cut from (海口市、固县、三亚市).  A page that names no place
    means a stem cut short (庄市 for 枣庄市) more likely than a township of a county it never names."""
    counties = _township_counties(stem)
    if not counties:
        return False
    around = text[max(0, at - TOWNSHIP_CONTEXT):at + TOWNSHIP_CONTEXT]
    if any(suffix in around for suffix in TOWNSHIP_SUFFIXES):
        return True
    if not local:
        return False
    table = compiled.places
    return not any(_under(compiled, name, local) for name in names) or any(
        code not in table.rows or any(above in local for above in table.ancestors(code)) for code in counties)


def _township_counties(stem: str) -> list[str]:
    """The codes of the counties with a township of this stem and any suffix."""
    townships = load_townships()
    return [code for suffix in TOWNSHIP_SUFFIXES for code in townships.counties(stem + suffix)]


def _level_doubled(text: str, end: int, start: int) -> Candidate | None:
    """A name written right and its level character once more (福建省省国民经济, 宜昌市市区域): unless the
    second makes a word with the next (福建省省长, 上海市市委, 宜昌市市民)."""
    level = text[end - 1]
    if not text.startswith(level, end):
        return None
    # the second begins a word where the best reading of what follows says so (省长, 市委, 市民), not where
    # it and the next character are only a pair of the dictionary (市|地质 holds 市地, 市|区域 holds 市区)
    first = load_word_model().segment(text[end:end + WINDOW + 2])[0]
    if first[1] - first[0] > 1:
        return None
    return _candidate(text, start, end + 1, Kind.INSERTION, (text[start:end],), note="（叠字）")


def _before_the_level(compiled: CompiledLexicon, written: str, name: str, kind: Kind, model,
                      known: KnownForms, listed: bool = False) -> bool:
    """A character put right before a division's level character (福建务省, 四川加省, 玛沁推县): the name is
    written in full before it, so the character is no noun of a list (泰安等市 is read by _plausible as
    prose); not where the character makes a word with the level one (广东|全省, 福建|各省) or with the
    stem's last (城中心区; a province's stem is no other place's, so 江西化省 is no 西化 of a place, and an
    item of a list of places is a place: 祁连县、平乡中县), a numeral's phrase (辽宁|三省), an administrative
    change (米林|撤县设市, 路桥|建区以来, 海南|建省), or begins the name of a township of that division's
    written without its suffix (湖州|练市)."""
    if not (kind is Kind.INSERTION and len(name) >= 3 and written[:-2] + written[-1] == name
            and model.count(written[-2:]) < LEVEL_WORD_MIN_COUNT and written[-2] not in GRAMMATICAL
            and written[-2] not in NUMERALS and written[-2] not in ADMINISTRATIVE_CHANGES
            and (listed or name in known.provinces or model.count(written[-3:-1]) < LEVEL_WORD_MIN_COUNT)):
        return False
    return not _township_under(compiled, written[-2:], name)


def _township_under(compiled: CompiledLexicon, stem: str, name: str) -> bool:
    """``stem`` is the name of a township under the division ``name`` without its suffix (湖州|练市: 练市镇
    is in 湖州's 南浔区), not merely of one somewhere (开封|高市 is no 开封's)."""
    table = compiled.places
    codes = set(_codes(compiled, name))
    return any(code not in table.rows or codes.intersection(table.ancestors(code))
               for code in _township_counties(stem))


def _grammatical_in_a_province(written: str, name: str, kind: Kind, known: KnownForms) -> bool:
    """A province's stem character written as a same-sounding grammatical one (上还市, 福要省): a province's
    name is known to every reader, and the level character's word tests have already passed."""
    return kind is Kind.HOMOPHONE and name in known.provinces and len(written) == len(name) == 3


def _local(scan: Scan) -> frozenset[str]:
    """The divisions the document names in full (and the site's), with every division above them: the
    places it is about (城北区 names 西宁市 and 青海省)."""
    table = scan.compiled.places
    codes = {code for code in scan.site if code in table.rows}
    for _, place in scan.places:
        if table.names[place][1]:
            codes.update(table.names[place][2])
    return frozenset(above for code in codes for above in table.ancestors(code))


def _nearby(compiled: CompiledLexicon, found: list[tuple[int, str, Kind]], local: frozenset[str]
            ) -> list[tuple[int, str, Kind]]:
    """Of several divisions a slip may stand for, the ones under a division the document names (海县 in
    城北区、海县、班玛县 is 兴海县 of Qinghai, not 临海县 or 铜海县); all of them where none is or all are."""
    if not local or len({name for _, name, _ in found}) < 2:
        return found
    near = [f for f in found if _under(compiled, f[1], local)]
    return near or found


def _under(compiled: CompiledLexicon, name: str, local: frozenset[str]) -> bool:
    """A division of this name lies under one the document names."""
    table = compiled.places
    return any(above in local for code in _codes(compiled, name) for above in table.ancestors(code)[1:])


def _codes(compiled: CompiledLexicon, name: str) -> tuple[str, ...]:
    """A division's name → its codes (朝阳区: Beijing's and Changchun's), through the pattern the main
    automaton holds for it (its place, as the scan's hits carry it)."""
    index = compiled.automaton.get(name, None)
    place = compiled.patterns.place_of(index) if index is not None else -1
    return compiled.places.names[place][2] if place >= 0 else ()


def _candidate(text: str, start: int, end: int, kind: Kind, names: Sequence[str], *, fuzzy: bool = False,
               note: str = "") -> Candidate:
    """The finding of a division's name written with a slip: two names one slip away (武义县, 武邑县 for
    武议县) are both shown, none applied unseen, and a fuzzy sound is less sure than the name's own.  A
    span that lacks a character of one of the names standing beside it grows to take it in (深市|圳 is
    深圳市 with two neighbours swapped, not 深圳市 or 深州市 with 圳 left behind)."""
    if kind in (Kind.OMISSION, Kind.HOMOPHONE, Kind.SHAPE):
        for name in names:
            wider = widened(text, start, end, name)
            if wider is not None:
                (start, end, kind), names = wider, (name,)
                break
    confidence = CONFIDENCE[kind] - (AMBIGUOUS_PENALTY if len(names) > 1 else 0.0) \
        - (FUZZY_PENALTY if fuzzy else 0.0)
    return Candidate(start, end, Category.PLACE, kind, tuple(names), round(confidence, 3),
                     "places/divisions.tsv", f"地名疑有错误：「{text[start:end]}」应为「{'」或「'.join(names)}」{note}")


def _inserted_before_its_end(index: NameIndex, model, text: str, end: int) -> list[tuple[int, str, Kind]]:
    """Where the level character ends a common word (城市, 州市), the names that end in that word with one
    character put inside the rest of their stem (福成|州市, 白设|城市): the names by their last two
    characters, each compared with the span a character longer than itself."""
    found: list[tuple[int, str, Kind]] = []
    ending = text[end - 2:end]
    by_start = index.endings.get(ending)
    if not by_start:
        return found
    for size in index.ending_sizes[ending]:
        start = end - size - 1
        names = by_start.get((text[start], size), ()) if start >= 0 and size >= 3 else ()
        if not names:
            continue
        written = text[start:end]
        found += [(start, name, Kind.INSERTION) for name in names
                  if all("\u4e00" <= c <= "\u9fff" for c in written) and _inside_the_stem(written, name)
                  and _inserted_alone(model, written, name)]
    return found


def _inserted_alone(model, written: str, name: str) -> bool:
    """The character put inside the name is no grammatical one and makes no word of jieba's dictionary with
    either neighbour: 海绵|城市, 宜居|城市, 绿色|园区 are words before a word, 郁南等|山区 a list, not 海城市,
    宜城市, 绿园区, 南山区 with one put in.  A stem's character written twice (广州州市) is the name's own,
    whatever word it makes (州市); the level character written twice is the name's and an office's (市市长)."""
    return any(written[:i] + written[i + 1:] == name and written[i] not in GRAMMATICAL
               and (written[i] != written[-1] and written[i] in (written[i - 1], written[i + 1])
                    or model.count(written[i - 1:i + 1]) < LEVEL_WORD_MIN_COUNT
                    and model.count(written[i:i + 2]) < LEVEL_WORD_MIN_COUNT)
               for i in range(1, len(written) - 1))


def _plausible(written: str, name: str, kind: Kind) -> bool:
    """A slip a writer makes in a name: no grammatical character in its place (他和区 is prose, not 仁和区),
    and an added character inside the stem."""
    if kind is Kind.INSERTION:
        return _inside_the_stem(written, name)
    changed = [c for c, r in zip(written, name) if c != r] if len(written) == len(name) else []
    return not GRAMMATICAL.intersection(changed)


def _inside_the_stem(written: str, name: str) -> bool:
    """An added character between two of the stem's (武X义县), or one doubled: not before the name (和|兴安盟,
    盘锦|大洼区: the name itself, written right) nor before the level character (东丽院区, 泰安等市, 振兴片区:
    another noun, a list)."""
    return any(written[:i] + written[i + 1:] == name
               and (written[i] in (written[i - 1], written[i + 1]) or i < len(written) - 2)
               for i in range(1, len(written) - 1))


