"""Context decides, not similarity alone: the confidence of one near-miss hit.

The evidence, in the order the design card measured it:
1. the fix must make the text more probable: a window of about ±3 Han
   characters is scored under a word unigram model (jieba's frequencies, with
   the lexicon's terms added) before and after the suggestion;
2. longer terms carry more evidence than short ones; a two-character form is
   reported only next to a cue (a title, 同志, a speech verb: context/cues.tsv);
   a title beside a name that the person never held (facts/title_binding.tsv)
   means another person: 村委会主任刘国忠 is not 副总理刘国中;
3. a near miss of a bare name (no title inside the term) needs a cue: 村民王沪宇
   may be another person; a substitution that reads as ordinary words (利息
   for 李希, 社会注意 for 社会主义) needs one too.
"""

from __future__ import annotations

import math
import re
from typing import NamedTuple

from zhguard.finding import Category, Kind
from zhguard.lexicon.canonical import canonical_names
from zhguard.lexicon.compile import ORDINARY_MIN_COUNT, CompiledLexicon
from zhguard.lexicon.model import Cue
from zhguard.text import COUNTING, NUMBERED, han_run_after, han_run_before, is_han
from zhguard.titles import is_bare_head, title_tail
from zhguard.wordmodel import MAX_WORD, cuts_a_word, is_ordinary, load_word_model, word_count

# Prior evidence of each kind of near miss before context (tuned on the real-case table).
KIND_PRIOR = {
    Kind.HOMOPHONE: 0.75,
    Kind.SHAPE: 0.70,
    Kind.OMISSION: 0.60,
    Kind.INSERTION: 0.70,
    Kind.TRANSPOSITION: 0.75,
    # any character for any: weaker than a sound or a shape, but only inner characters of 6+ character terms
    Kind.SUBSTITUTION: 0.55,
}
FUZZY_PRIOR = 0.60
# A formulation or a body this long with one character replaced is reported on that alone (confidence).
DISTINCTIVE_TERM = 8
WINDOW = 3
# A cue this many characters away still shows a name is meant (习近干在会上强调), but adds no bonus.
NEAR = 8
# Titles this long (总书记, 委员长, 副总理) mark a leader; shorter ones (主席, 总理) many people hold.
LONG_TITLE = 3
# A character seen this often as a word by itself (大 144,099 in jieba's counts) reads as its own word.
SINGLE_WORD_COUNT = 10_000
# A site's two-character place, one look-alike character off and standing alone (_short_place_alone).
SHORT_PLACE_CONFIDENCE = 0.6
# Characters ending a division's full name (克拉玛依市, 和田地区, 锡林郭勒盟).
LEVEL_SUFFIXES = frozenset("省市县区州盟旗")
# A formulation with a whole two-character word left out keeps at least this many characters.
WORD_DROPPED_LENGTH = 8
# A term this long with a character dropped from inside one of its words is a slip (_drops_inside_a_word).
OMISSION_IN_WORD_LENGTH = 8
# The lengths of the leaders' names a formulation may begin with (习近平, 习近平新时代…).
NAME_SIZES = (2, 3, 4)
# A term's count in the word model is at least this: names are rare in a general dictionary.
TERM_MIN_COUNT = 100


class NearHit(NamedTuple):
    """A near-miss hit before context: text[start:end] may be a wrong form of ``entry``."""

    start: int
    end: int
    entry: int
    kind: Kind
    fuzzy: bool = False


def _reworded(found: str, term: str) -> bool:
    """The one replaced character makes a common word where the term has one (民主法制建设 for 民主法治建设:
    法制, the wording before 法治): an older or another wording, judged like any near miss."""
    at = next(i for i, (a, b) in enumerate(zip(found, term)) if a != b)
    return any(word_count(found[i:i + 2]) >= TERM_MIN_COUNT and word_count(term[i:i + 2]) >= TERM_MIN_COUNT
               for i in (at - 1, at) if 0 <= i < len(term) - 1)


class ContextJudge:
    """Scores NearHits against their surroundings; built once per Checker, used read-only."""

    __slots__ = ("_compiled", "_before", "_after", "_any_cue", "_longest_cue", "_titles", "_leaders", "title_cues",
                 "long_titles_after")

    def __init__(self, compiled: CompiledLexicon) -> None:
        self._compiled = compiled
        before: dict[Category, tuple[Cue, ...]] = {}
        after: dict[Category, tuple[Cue, ...]] = {}
        for cue in compiled.lexicon.cues:
            side = before if cue.side == "before" else after
            side[cue.category] = (*side.get(cue.category, ()), cue)
        self._before = before
        self._after = after
        # Any cue of a category, as one regular expression per side: most hits have none beside or near
        # them (a bare name's fuzzy homophones, hundreds a report), which one search in C tells.
        self._longest_cue = max((len(cue.cue) for cue in compiled.lexicon.cues), default=0)
        self._any_cue = {category: (_any_of(after.get(category, ())), _any_of(before.get(category, ())),
                                    _any_of(before.get(category, ()), r"\Z"))
                         for category in {*before, *after}}
        titles: dict[str, tuple[str, ...]] = {}
        for binding in compiled.lexicon.bindings:
            titles[binding.person] = (*titles.get(binding.person, ()), binding.title)
        self._titles = titles
        self._leaders = canonical_names(compiled, Category.LEADER_NAME)
        # Title words written before a name, longest first (副总理 before 总理): the binding detector's cues.
        self.title_cues = tuple(sorted((c for c in compiled.lexicon.cues
                                        if c.role == "title" and c.side == "before"),
                                       key=lambda c: -len(c.cue)))
        # Offices written after a leader's name that few other people hold (总书记, 委员长): see
        # detect/initials.py.
        self.long_titles_after = tuple(sorted({c.cue for c in after.get(Category.LEADER_NAME, ())
                                               if c.role == "title" and len(c.cue) >= LONG_TITLE}))

    def _begins_with_a_name(self, term: str) -> bool:
        """``term`` begins with a leader's name (习近平法治思想): no dictionary word is the name, so the
        word before it may seem to run into it."""
        return any(term[:size] in self._leaders for size in NAME_SIZES)

    def held(self, person: str, title: str) -> bool:
        """True if ``title`` is (part of) an office ``person`` holds or held: 总书记 of 中共中央总书记."""
        return any(title in office for office in self._titles.get(person, ()))

    def cues_beside(self, text: str, hit: NearHit, category: Category) -> list[Cue]:
        """Cues right beside the hit: 李西同志, 国家主席习近乎; a list mark only in a list of leaders."""
        patterns = self._any_cue.get(category)
        if patterns is None:
            return []
        after, _, ending = patterns
        cues = [c for c in self._after.get(category, ()) if text.startswith(c.cue, hit.end)] \
            if after.match(text, hit.end) else []
        if ending.search(text, max(0, hit.start - self._longest_cue), hit.start):
            cues += [c for c in self._before.get(category, ()) if text.endswith(c.cue, 0, hit.start)]
        if any(c.role == "list" for c in cues) and not self.listed_with_a_leader(text, hit):
            return [c for c in cues if c.role != "list"]
        return cues

    def listed_with_a_leader(self, text: str, hit: NearHit) -> bool:
        """The item next to the hit in an enumeration, across a 、, holds a leader's name (习近平、赵乐;
        习近平总书记、李西同志): names listed with other people's (记者王波、符卫建) are those people's."""
        before = han_run_before(text, hit.start - 1, NEAR * 2) if text.endswith("、", 0, hit.start) else ""
        after = han_run_after(text, hit.end + 1, NEAR * 2) if text.startswith("、", hit.end) else ""
        return any(name in before or name in after for name in self._leaders)

    def has_near_cue(self, text: str, hit: NearHit, category: Category, person: str) -> bool:
        """A word cue, or a title this person held, within NEAR characters of the hit."""
        patterns = self._any_cue.get(category)
        if patterns is None or not (patterns[0].search(text, hit.end, hit.end + NEAR)
                                    or patterns[1].search(text, max(0, hit.start - NEAR), hit.start)):
            return False
        after = text[hit.end:hit.end + NEAR]
        before = text[max(0, hit.start - NEAR):hit.start]
        held = self._titles.get(person, ())
        def fits(cue: Cue, side: str) -> bool:
            if cue.cue not in side:
                return False
            if cue.role == "list":
                return self.listed_with_a_leader(text, hit)
            return cue.role == "word" or not held or any(cue.cue in title for title in held)
        return (any(fits(c, after) for c in self._after.get(category, ()))
                or any(fits(c, before) for c in self._before.get(category, ())))

    def foreign_title(self, person: str, text: str, hit: NearHit, cues: list[Cue]) -> bool:
        """True if a title beside the name is one this person never held.

        Before the name the whole title phrase is compared: 县委书记李西 is not
        中央纪委书记李希, 国务院副总理刘国忠 may be 国务院副总理刘国中.
        """
        held = self._titles.get(person)
        titles = [c for c in cues if c.role == "title"]
        if not held or not titles:
            return False
        written = han_run_before(text, hit.start, NEAR)
        run = _short_form(written)
        short_held = [_short_form(title) for title in held]
        for cue in titles:
            if cue.side == "before":
                # 部长刘卫: a head word alone before a two-character name near a minister's (刘伟) names
                # any of many officials, not the minister misspelt
                if len(person) == 2 and is_bare_head(title_tail(written), cue.cue):
                    return True
                # one is a suffix of the other: 国务院副总理 ~ 副总理, but 县委书记 ≁ 中央纪委书记
                if not any(_common_suffix(run, title) >= min(len(run), len(title)) for title in short_held):
                    return True
            elif not any(cue.cue in title for title in held):
                return True
        return False

    def confidence(self, text: str, hit: NearHit) -> float:
        """0..1; 0 means "do not report" (a two-character name without a cue)."""
        entry = self._compiled.lexicon.entries[hit.entry]
        term = entry.canonical
        found = text[hit.start:hit.end]
        if term in found:  # 学习习近平: the extra 习 belongs to the word before
            return 0.0
        cues = self.cues_beside(text, hit, entry.category)
        if self.foreign_title(term, text, hit, cues):
            return 0.0
        if hit.fuzzy and entry.category is Category.LEADER_NAME and not cues \
                and not self.has_near_cue(text, hit, entry.category, term):
            return 0.0  # only fuzzy-alike a bare name (hundreds a report): a namesake, or prose
        if entry.category is Category.PLACE and _suffix_swapped(found, term):
            return 0.0  # 克拉玛依是, 驻马店分(行): the place's name and the next word, not 克拉玛依市
        if entry.category is not Category.PLACE and not (entry.category is Category.LEADER_NAME and cues) \
                and cuts_a_word(text, hit.start, hit.end, WINDOW, ORDINARY_MIN_COUNT,
                                start_edge=not self._begins_with_a_name(term), own=term):
            # 生态环境不|断改善, 以法治政|府: the span ends inside an ordinary word.  Not for places, whose
            # last character (道, 路, 街) joins the next word as often as not: 溧阳道|路牌; nor for a
            # leader's name with a title beside it, which any word may abut (落实|习近灭总书记 holds 实习),
            # nor at the start of a formulation that begins with a name (落实|习迈平生态文明思想)
            return 0.0
        cue = bool(cues)
        if hit.kind is Kind.OMISSION and (_telling_omission(term, found, entry.category)
                                          or _numeral_dropped(text, hit.start, term, found)):
            # what is left reads as ordinary words by construction, so neither the model nor the
            # ordinary reading can speak against it
            return KIND_PRIOR[Kind.OMISSION] + 0.15 + (0.15 if cue else 0.0)
        if len(found) <= 2 and not cue:  # 李希 ~ 利息, 赵乐 ~ 赵乐际 cut short: only beside a cue
            if _short_place_alone(text, hit, entry.category):
                return SHORT_PLACE_CONFIDENCE
            return 0.0
        if entry.category is Category.LEADER_NAME and len(found) == 2 and self._name_goes_on(text, hit):
            return 0.0  # 副局长王凤俊: a three-character name, not 王峰
        score = FUZZY_PRIOR if hit.fuzzy else KIND_PRIOR[hit.kind]
        score += 0.15 if len(term) >= 6 else 0.1 if len(term) >= 4 else -0.2 if len(term) <= 2 else 0.0
        if hit.kind in (Kind.HOMOPHONE, Kind.SHAPE) and len(found) == len(term):
            changed = sum(a != b for a, b in zip(found, term))
            if len(term) < 6:
                score -= 0.1 * (changed - 1)
            elif changed == 1 and len(term) >= DISTINCTIVE_TERM \
                    and entry.category is not Category.LEADER_NAME and not _reworded(found, term):
                # one character of so long a formulation or body replaced, the rest written right
                # (职工带形错峰休假制度, 大中小学思真课一体化): no prose comes that near it by chance, however
                # the one character reads with its neighbours
                return max(0.0, min(0.99, score + (0.15 if cues else 0.0)))
        if cue:
            score += 0.15
        elif (entry.category is Category.LEADER_NAME and len(term) <= 3 and hit.kind is not Kind.TRANSPOSITION
              and not self.has_near_cue(text, hit, entry.category, term)):
            # 村民王沪宇 may be another person: a bare name near miss needs a cue to be reported.  A swap
            # (丁祥薛) keeps exactly the leader's characters, so it is no sign of another person.
            score -= 0.35
        if not cue and self._reads_as_ordinary(found, hit):
            # 引起社会注意: a substitution that reads as ordinary words needs support beside it
            if len(term) <= 4:
                return 0.0
            score -= 0.3
        if cue and entry.category is Category.LEADER_NAME and len(term) > MAX_WORD:
            # the word model holds no word this long, so its gain cannot see the name (努尔兰·阿不都满金):
            # the title beside it is the evidence
            return max(0.0, min(0.99, score))
        model = load_word_model()
        gain = self._gain(text, hit, term, model)
        if gain < 0:
            score -= 0.5
        elif gain < 3:
            score -= 0.25
        elif gain >= 6:
            score += 0.05
        return max(0.0, min(0.99, score))

    def _name_goes_on(self, text: str, hit: NearHit) -> bool:
        """The Han character after a two-character span is no cue and rarely a word by itself (俊 of
        王凤俊, not 在 or 说): the name written there is longer."""
        after = text[hit.end:hit.end + 1]
        cues = self._after.get(Category.LEADER_NAME, ())
        return (is_han(after) and word_count(after) < SINGLE_WORD_COUNT
                and not any(text.startswith(c.cue, hit.end) for c in cues))

    def _reads_as_ordinary(self, found: str, hit: NearHit) -> bool:
        """A homophone is checked against the compiled homophone vocabulary (no model load); a look-alike,
        a dropped or an added character against the whole word model (中国现代化, one character short of
        中国式现代化), and a dropped character also against a word plus a common one-character word
        (全国大, as in 全国大市场).  A swap keeps the term's own characters (丁祥薛), which rarely make
        other words; any character replaced in a long name makes ordinary words as often as not
        (中国人民共和国)."""
        if hit.kind is Kind.HOMOPHONE and not hit.fuzzy:
            words = self._compiled.homophone_words
            return is_ordinary(found, words.__contains__)
        if hit.kind in (Kind.HOMOPHONE, Kind.SHAPE, Kind.OMISSION, Kind.INSERTION):
            model = load_word_model()
            if model.is_ordinary(found, ORDINARY_MIN_COUNT):
                return True
            if hit.kind is Kind.OMISSION and len(found) >= 3:
                # 全国大(市场): a word and a character common as a word by itself (大), at either end
                return any(model.count(single) >= SINGLE_WORD_COUNT
                           and model.is_ordinary(rest, ORDINARY_MIN_COUNT)
                           for single, rest in ((found[-1], found[:-1]), (found[0], found[1:])))
        return False

    def _gain(self, text: str, hit: NearHit, term: str, model) -> float:
        """log P(window with the fix) - log P(window as written), in nats."""
        left = han_run_before(text, hit.start, WINDOW)
        right = han_run_after(text, hit.end, WINDOW)
        before = left + text[hit.start:hit.end] + right
        after = left + term + right
        extra = {term: math.log(max(model.count(term), TERM_MIN_COUNT)) - model.logp_total}
        return model.score(after, extra) - model.score(before, extra)


def _any_of(cues: tuple[Cue, ...], end: str = "") -> re.Pattern[str]:
    """One expression for any of the cues' words (never matching where there are none)."""
    words = sorted({re.escape(cue.cue) for cue in cues}, key=len, reverse=True) or [r"(?!)"]
    return re.compile(f"(?:{'|'.join(words)}){end}")


def _telling_omission(term: str, found: str, category: Category) -> bool:
    """A dropped character or word that no rewording drops: a whole word left out of a long formulation,
    the rest verbatim (以习近平为核心的党中央); a character dropped from inside one of a long term's words,
    leaving a half word (义务教育优质均|发展, 国家|族事务委员会; 统筹发展安全 drops a whole word, 和); a
    numbered formulation's measure word (两确立, 四意识); a three-character body's first or middle character
    (育部, 党央: compile.py checks only those that leave no word)."""
    if len(term) - len(found) == 2 and len(found) >= WORD_DROPPED_LENGTH:
        return True
    if len(term) >= OMISSION_IN_WORD_LENGTH and len(found) == len(term) - 1 \
            and category is not Category.LEADER_NAME and _drops_inside_a_word(term, found):
        return True
    if category is Category.INSTITUTION and len(term) == 3 and found in (term[1:], term[0] + term[2]):
        return True  # a three-character body's first or middle character: what is left is no word (育部, 党央)
    if category in (Category.INSTITUTION, Category.POLITICAL_TERM) and len(term) > 3 and found == term[:-1]:
        return True  # the last character, where compile.py found it leaves half a word (全国政, 新型能源体)
    return NUMBERED.match(term) is not None and found == term[0] + term[2:]


def _numeral_dropped(text: str, start: int, term: str, found: str) -> bool:
    """A numbered formulation's numeral left out (坚定“个自信”, 拥护个确立): a measure word with nothing to
    count, unless a word before it counts or points (这个自信心 is read as a cut word before this)."""
    return NUMBERED.match(term) is not None and found == term[1:] and text[start - 1:start] not in COUNTING


def _drops_inside_a_word(term: str, found: str) -> bool:
    """``found`` is ``term`` with one character dropped from a word of two or more characters of the
    term's segmentation (均衡 → 均), not a one-character word (和, 的)."""
    dropped = next((i for i, (a, b) in enumerate(zip(found, term)) if a != b), len(found))
    if found[:dropped] + term[dropped] + found[dropped:] != term:
        return False
    start, end = load_word_model().word_at(term, dropped)
    return end - start >= 2


def _short_place_alone(text: str, hit: NearHit, category: Category) -> bool:
    """A look-alike of a two-character place a site lists (客桂 for 容桂, 毫州 for 亳州) that is no
    ordinary word and joins neither neighbour into one: nothing else is written there."""
    if category is not Category.PLACE or hit.kind is not Kind.SHAPE or hit.end - hit.start != 2:
        return False
    start, end = hit.start, hit.end
    spans = (text[start:end], text[max(0, start - 1):start + 1], text[end - 1:end + 1])
    return all(len(span) < 2 or word_count(span) < ORDINARY_MIN_COUNT for span in spans)


def _suffix_swapped(found: str, term: str) -> bool:
    """Only the level character ending a place's full name differs: the place's short name and whatever
    word follows it."""
    return (len(found) == len(term) and term[-1] in LEVEL_SUFFIXES and found[-1] != term[-1]
            and found[:-1] == term[:-1])


def _short_form(title: str) -> str:
    """广东省省长 is written 广东省长 as often: compare titles with the level said once."""
    for level in "省市县区":
        title = title.replace(level + level + "长", level + "长")
    return title


def _common_suffix(a: str, b: str) -> int:
    n = 0
    while n < len(a) and n < len(b) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n
