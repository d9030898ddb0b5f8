"""A leader's title misspelt right beside the name (ZG302–ZG306): 国家注席习近平, 家主席习近平, 习近平总书纪,
李强总里, 赵乐际委员张.

binding.py reads a title written right and asks whether it is the person's; holder_slips.py reads a name
misspelt after a title written right.  Here the name is written right (a person with offices in
facts/title_binding.tsv) and the characters right before or after it are one slip (a same-sounding or
look-alike character, one dropped, one put inside, two neighbours swapped) from a title that person holds
or held: the title itself or its head word (国家主席, 总书记, 总理).  Nothing is read where those
characters are a title anyone holds, or a word (李强总经理 may be a firm's manager of that name).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from typing import NamedTuple

from zhguard.detect import Candidate, Scan
from zhguard.detect.holder_slips import SPACES
from zhguard.detect.slips import slip
from zhguard.finding import Category, Kind
from zhguard.lexicon.compile import CompiledLexicon, OfficeTable
from zhguard.lexicon.nameindex import LEVELS
from zhguard.matcher import tagged
from zhguard.text import han_run_after, han_run_before
from zhguard.titles import full_forms
from zhguard.wordmodel import function_characters, word_count

# Above the binding rule's 0.9: a title one slip from the person's own (家国主席习近平) is that title misspelt,
# not another office bound to the person, and the merge keeps the surer reading of a span.
CONFIDENCE = 0.92
# The longest title read beside a name (中华人民共和国中央军事委员会副主席 is 17).
REACH = 18
# A string this frequent in jieba's counts is a word, however near a title it is (总经理, 出席).
WORD_COUNT = 3
MIN_TITLE = 2
# The same fuzzy syllable (z/zh, in/ing …) is read in a title this long: a two-character one's (组席 for
# 主席) is as often another word.
FUZZY_MIN = 3
ORIGIN = "facts/title_binding.tsv"
# A title's head word begins earlier where one of these stands before it (副总理, 常务副省长).
HEAD_MODIFIERS = frozenset("副总常")
REPLACED = frozenset({Kind.HOMOPHONE, Kind.SHAPE})
# A head word after a name (行政长官, 副委员长) is at most 4 characters; one put in makes 5.
AFTER_REACH = 5
# The characters next to the name that a slip of a title leaves some of its own among.
NEAR = 3
# Spaces between a title and the name (holder_slips.py's): at most this many.
MAX_GAP = 2
CONTRACTED = re.compile(r"(.+)([省市县区])\2长")


class Slip(NamedTuple):
    """What is written beside a name (``size`` characters) and the titles it is one slip from; where the
    slip lies in a division's name within the title, that name (``place``: where it stands in what is
    written, and how it is spelt right)."""

    size: int
    titles: tuple[str, ...]
    kind: Kind
    place: tuple[int, int, str] | None = None


class TitleReader:
    """Reads the characters before and after a person's name for a slip of one of their titles; kept across
    checks (reader()), it works out the forms of each person's titles on first use."""

    def __init__(self, compiled: CompiledLexicon, heads: frozenset[str]) -> None:
        self._compiled, self._heads = compiled, heads
        self._table = compiled.offices
        self._valid = self._table.titles | heads
        self._forms: dict[str, tuple[tuple[str, ...], frozenset[str], frozenset[str]]] = {}
        known = compiled.place_forms[1] if compiled.place_forms else frozenset()
        self._places = functools.cache(lambda form: _places_in(form, known))

    def before(self, text: str, start: int, person: str) -> tuple[int, Slip] | None:
        """Where the slip before the name ends (a space or two may stand between: 广东省省长 王伟中, as a
        byline writes it), and the slip."""
        gap = start
        while gap > 0 and start - gap < MAX_GAP and text[gap - 1] in SPACES:
            gap -= 1
        start = gap
        run = han_run_before(text, start, REACH)
        forms, ends, _ = self._forms_of(person)
        if ends.isdisjoint(run[-NEAR:]):
            return None  # most names: no title of theirs ends in the characters before
        found = _slipped(self._compiled, lambda size: run[len(run) - size:], len(run), forms, self._valid,
                         self._places, 0)
        return None if found is None else (start, found)

    def after(self, text: str, end: int, person: str) -> Slip | None:
        """A title after the name is its head word (习近平总书记, 李家超行政长官): only those are read."""
        run = han_run_after(text, end, AFTER_REACH)
        forms, _, starts = self._forms_of(person)
        if starts.isdisjoint(run[:NEAR]):
            return None
        heads = tuple(form for form in forms if len(form) < AFTER_REACH)
        return _slipped(self._compiled, lambda size: run[:size], len(run), heads, self._valid, self._places,
                        -1)

    def _forms_of(self, person: str) -> tuple[tuple[str, ...], frozenset[str], frozenset[str]]:
        """The person's titles, and the characters near either end of them: one slip leaves some of them
        within NEAR characters of the name."""
        found = self._forms.get(person)
        if found is None:
            forms = _forms(self._table, person, self._valid, self._heads)
            found = self._forms[person] = (forms, frozenset("".join(form[-NEAR:] for form in forms)),
                                           frozenset("".join(form[:NEAR] for form in forms)))
        return found


def reader(scan: Scan) -> TitleReader:
    """The reader of this lexicon's titles, kept across checks (a page names a few people; a site's pages
    name the same ones)."""
    key = (id(scan.compiled.offices), id(scan.judge))
    kept = _READERS.get(key)
    if kept is None or kept[0] is not scan.compiled.offices or kept[1] is not scan.judge:
        if len(_READERS) >= KEPT_READERS:
            _READERS.clear()
        heads = frozenset(cue.cue for cue in scan.judge.title_cues)
        kept = _READERS[key] = (scan.compiled.offices, scan.judge, TitleReader(scan.compiled, heads))
    return kept[2]


_READERS: dict[tuple[int, int], tuple[OfficeTable, object, TitleReader]] = {}
KEPT_READERS = 8


def detect(scan: Scan) -> Iterator[Candidate]:
    compiled, text = scan.compiled, scan.text
    if compiled.offices is None or not text:
        return
    titles: TitleReader | None = None
    for hit, pattern in tagged(compiled, scan.hits, "person"):
        person = pattern.surface
        if titles is None:
            titles = reader(scan)
        before = titles.before(text, hit.start, person)
        if before is not None:
            end, found = before
            yield _candidate(text, end - found.size, person, found)
        found = titles.after(text, hit.end, person)
        if found is not None:
            yield _candidate(text, hit.end, person, found)


def _forms(table: OfficeTable, person: str, valid: frozenset[str], heads: frozenset[str]) -> tuple[str, ...]:
    """The titles ``person`` holds or held, in every form documents write them, and their tails that are
    titles too (总书记 of 中共中央总书记, 总理 of 国务院总理), longest first."""
    forms = {title[i:] for title in _own_titles(table, person, heads)
             for i in range(len(title) - MIN_TITLE + 1) if i == 0 or title[i:] in valid}
    return tuple(sorted(forms, key=lambda form: (-len(form), form)))


def _own_titles(table: OfficeTable, person: str, heads: frozenset[str]) -> set[str]:
    """The titles ``person`` holds or held, in every form documents write them: the body's full name and
    the head word too (中华人民共和国主席 for 国家主席; not 国务院总理 for 国务院副总理, whose head is 副总理)."""
    titles = set()
    for office in table.offices.get(person, ()):
        title = office.title
        titles.update((title, *full_forms(title), *_contracted(title)))
        if office.org and office.org[-1] not in LEVELS:  # a body (国务院), not a place (吉林省书记 is none)
            titles.update(office.org + head for head in heads
                          if title.endswith(head) and len(title) > len(head)
                          and title[-len(head) - 1] not in HEAD_MODIFIERS)
    return titles


def _slip_kind(compiled: CompiledLexicon, written: str, form: str) -> Kind | None:
    kind = slip(written, form, compiled, suffix=False)  # a character put in: inside the title only
    if kind is None and len(written) >= FUZZY_MIN:
        kind = slip(written, form, compiled, suffix=False, fuzzy=True)  # 国务院副重理 (zhong, zong)
    return kind


def _contracted(title: str) -> tuple[str, ...]:
    """A head's title with its level written once (江苏省长 for 江苏省省长, 上海市长 for 上海市市长)."""
    match = CONTRACTED.fullmatch(title)
    return (f"{match[1]}{match[2]}长",) if match else ()


def _slipped(compiled: CompiledLexicon, beside: Callable[[int], str], reach: int, forms: tuple[str, ...],
             valid: frozenset[str], places_of: Callable[[str], tuple[tuple[int, int], ...]],
             far: int) -> Slip | None:
    """The longest string next to the name (``beside(size)``, at most ``reach``) that is one slip from a
    title in ``forms``.  The slip must reach past the longest title anyone holds written there: 家主席
    (国家主席 with 国 dropped) does, though it ends in 主席; 副书记 beside a 书记 is another title, not a
    character put in.  A function word replacing the character farthest from the name (``far``: 0 before
    it, -1 after) is the sentence's, the title's own character dropped: 会议由|央政治局常委, not 由 for 中."""
    written_right = max((size for size in range(MIN_TITLE, reach + 1) if beside(size) in valid
                         or beside(size) in forms), default=0)
    best: Slip | None = None
    for form in forms:
        for size in (len(form), len(form) + 1, len(form) - 1):
            if size < MIN_TITLE or size > reach or size <= written_right or best and size < best.size:
                continue
            written = beside(size)
            chars = set(written)
            if len(chars.difference(form)) > 1 or len(chars.symmetric_difference(form)) > 2:
                continue  # most strings beside a name: no one slip makes them of this title's characters
            kind = _slip_kind(compiled, written, form)
            if kind is None or word_count(written) >= WORD_COUNT \
                    or kind in REPLACED and written[far] != form[far] \
                    and written[far] in function_characters() \
                    or kind is Kind.OMISSION and _replaced_beyond(beside, size, reach, written, form, far) \
                    or kind is Kind.INSERTION and _doubled_across(beside, size, reach, written, far):
                continue
            place = _place_misspelt(written, form, places_of(form))
            if best is None or size > best.size:
                best = Slip(size, (form,), kind, place)
            elif form not in best.titles and place == best.place:
                best = best._replace(titles=(*best.titles, form))
    return best


def _doubled_across(beside: Callable[[int], str], size: int, reach: int, written: str, far: int) -> bool:
    """The title's farthest character written twice, the first of them the text's own: a place's level and
    the head's (广东省|省长), or a word's end (中国|国家主席)."""
    near = 1 if far == 0 else -2
    if written[far] != written[near]:
        return False
    if far == 0 and written[0] in LEVELS:
        return True
    beyond = _beyond(beside, size, reach, far)
    pair = beyond + written[far] if far == 0 else written[far] + beyond
    return beyond != "" and word_count(pair) >= WORD_COUNT


def _replaced_beyond(beside: Callable[[int], str], size: int, reach: int, written: str, form: str,
                     far: int) -> bool:
    """The title's farthest character is missing, and a content character stands in its place: that is
    another title (市委书记 beside a 区委书记, binding.py's), not 委书记 cut short; a function word there is
    the sentence's (会议由|央政治局常委)."""
    if written != (form[1:] if far == 0 else form[:-1]):
        return False
    beyond = _beyond(beside, size, reach, far)
    return beyond != "" and beyond not in function_characters()


def _beyond(beside: Callable[[int], str], size: int, reach: int, far: int) -> str:
    """The character next to the ``size`` read, on the side away from the name; "" where the Han run ends."""
    return beside(size + 1)[far] if size < reach else ""


def _place_misspelt(written: str, form: str, places: tuple[tuple[int, int], ...]
                    ) -> tuple[int, int, str] | None:
    """Where in ``written`` the division's name stands that the slip falls in (河北神 of 河北神人民政府省长,
    陕省 of 陕省省长), and the name spelt right; None where the slip is outside every name."""
    shorter = min(len(written), len(form))
    same_start = next((i for i, (a, b) in enumerate(zip(written, form)) if a != b), shorter)
    same_end = next((i for i, (a, b) in enumerate(zip(reversed(written), reversed(form))) if a != b), shorter)
    changed = range(same_start, max(same_start + 1, len(form) - same_end))
    for start, end in places:
        if all(start <= i < end for i in changed):  # a swap across its edge (青海委省) is the title's
            return start, end + len(written) - len(form), form[start:end]
    return None


def _places_in(form: str, known: frozenset[str]) -> tuple[tuple[int, int], ...]:
    """Where divisions' names stand in a title, the longest first (河北省 of 河北省人民政府省长, 江苏省 of
    中共江苏省委书记)."""
    spans = [(start, end) for start in range(len(form)) for end in range(start + 2, len(form) + 1)
             if form[start:end] in known]
    return tuple(sorted(spans, key=lambda span: span[0] - span[1]))


def _candidate(text: str, start: int, person: str, found: Slip) -> Candidate:
    """The title misspelt; or, where the slip is in a division's name within it, that name, as the place
    rules report it (陕省省长赵刚: 陕省 for 陕西省)."""
    if found.place is not None:
        first, last, name = found.place
        return Candidate(start + first, start + last, Category.PLACE, found.kind, (name,), CONFIDENCE, ORIGIN,
                         f"地名疑有错误：「{person}」的职务「{text[start:start + found.size]}」中"
                         f"「{text[start + first:start + last]}」应为「{name}」")
    written = text[start:start + found.size]
    return Candidate(start, start + found.size, Category.TITLE, found.kind, found.titles, CONFIDENCE, ORIGIN,
                     f"职务称谓疑有错误：「{person}」旁的「{written}」应为「{'」或「'.join(found.titles)}」")
