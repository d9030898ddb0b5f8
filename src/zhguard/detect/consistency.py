"""A name the document writes right several times and once with a slip (ZG917): 长三角一体体化示范区.

No lexicon holds a document's own names (a project, a zone, a local body, a slogan), but the document
does.  A form of 3+ Han characters written at least MIN_REPEATS times, with no grammatical character in
it, is a term of this document; a span written exactly once that is one slip away from such a form (a
doubled, dropped or swapped character, a look-alike, a same-sounding character) is reported, with the
frequent form as its fix.  A slip must not read as ordinary words: a swapped pair that is a word itself
(开展/展开), a doubled character that is a word (人人), a span that cuts through an ordinary word.

Every slip is found from one table: the document's three-character strings, counted in C
(detect/trigrams.py).  A recurring one whose swapped or doubled variant is written once, or one
written once that has a recurring one's outer characters and a look-alike, same-sounding or no middle
character (示泛区, 示区 for 示范区), is grown into the name it belongs to.  Python sees the recurring
strings and the few strings written once that share their ends, never each position of the text.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import compress
from operator import add, and_

from zhguard.detect import Candidate, Scan
from zhguard.detect.trigrams import Trigrams, trigrams
from zhguard.finding import Category, Kind
from zhguard.history import marks_history
from zhguard.lexicon.compile import ORDINARY_MIN_COUNT, CompiledLexicon
from zhguard.text import GRAMMATICAL

CODE = "ZG917"
# A form is a term of the document when written this often ...
MIN_REPEATS = 3
ONCE = 1
# A form grows to the name it belongs to, up to this long.
MAX_LENGTH = 16


WINDOW = 3
# Evidence of each slip; a form written more often, or a longer one, is surer.
# A look-alike or same-sounding character inside a form is surer than a dropped one: an abbreviation
# drops a character on purpose (康养服务, 创中心), and the guards below cannot tell every one.
PRIOR = {"doubled": 0.8, "swapped": 0.8, "dropped": 0.5, "shape": 0.6, "sound": 0.6}
MAX_BONUS = 0.08  # doubled or swapped, in a form written 2 * MIN_REPEATS times and 5+ characters long
# Slips reported for any form; a dropped, look-alike or same-sounding character only in a form of
# EDIT_MIN_LENGTH or more: in a three-character one it reads as another phrase too often.
SLIPS = ("doubled", "swapped")
NUMERALS = frozenset("〇零一二两三四五六七八九十百千万亿")
MEASURE_WORDS = frozenset("个场次步件条块片层座项批轮位名家颗棵张幅")
EDIT_MIN_LENGTH = 4
# A dropped character joins two characters that official prose hardly writes side by side (提|行动 for
# 提升行动: log P(行 | 提) <= this under the character bigram model, charmodel.py); an abbreviation joins
# ones it writes often (新|产业 for 新兴产业, 年|增长 for 年均增长).  On the tune provinces this kept 27 of
# 35 injected drops and 3 of 19 false alarms.
DROP_JUNCTION = -7.5
# A two-character word this frequent in jieba's dictionary across an edge of a dropped, look-alike or
# same-sounding slip's span puts the edge inside a word (业态 45, 车船 48, 活性 559).
EDGE_WORD_MIN_COUNT = 40
SLIP_LABEL = {"doubled": "叠字", "swapped": "字序颠倒", "dropped": "漏字", "shape": "形近错字",
              "sound": "同音错字"}


def detect(scan: Scan) -> Iterator[Candidate]:
    """The slips whose evidence can reach ``min_confidence`` (all of them at the default 0.5)."""
    compiled, text, correct, min_confidence = scan.compiled, scan.text, scan.correct, scan.floor
    kinds = {slip for slip, prior in PRIOR.items()
             if prior + (MAX_BONUS if slip in SLIPS else 0.0) >= min_confidence}
    spans: dict[tuple[int, int], tuple[str, str, int]] = {}
    counts = trigrams(text)
    # the strings written MIN_REPEATS times, with no grammar
    recurring = counts.written(MIN_REPEATS)
    frequent = list(compress(recurring, map(GRAMMATICAL.isdisjoint, recurring)))
    if kinds & set(SLIPS):
        spans.update(_adjacent_slips(text, counts, frequent))
    edits = kinds - set(SLIPS)
    if edits:
        for span, value in _edit_slips(compiled, text, counts, frequent, edits):
            spans.setdefault(span, value)
    for (start, end), (form, slip, at) in sorted(spans.items()):
        written = text[start:end]
        if (text.count(written) != 1 or correct.covers(start, end) or marks_history(text, start)
                or not _slip_reads_wrong(text, start, end, slip, at)
                or (slip not in SLIPS and _edge_in_a_word(text, start, end))
                or (slip == "dropped" and _abbreviation(text, start, end, form, at))):
            continue
        repeats = text.count(form)
        confidence = PRIOR[slip]
        if slip in SLIPS:  # a form written more often, or a longer one, is surer
            confidence += (0.04 if repeats >= 2 * MIN_REPEATS else 0.0) + (0.04 if len(form) >= 5 else 0.0)
        reason = (f"前后写法不一致：本文{repeats}处写作「{form}」，此处「{written}」疑似"
                  f"{SLIP_LABEL[slip]}")
        yield Candidate(start, end, Category.GENERAL, Kind.INCONSISTENT, (form,), round(confidence, 3),
                        None, reason)


def _adjacent_slips(text: str, counts: Trigrams, frequent: list[str]
                    ) -> Iterator[tuple[tuple[int, int], tuple[str, str, int]]]:
    """Doubled and swapped characters: a three-character form written MIN_REPEATS times or more whose
    swapped (or inner-doubled) variant is written once; the span then grows on each side while the
    form it belongs to is still written that often (一体化 → 长三角一体化示范区).  The variants of every
    form are built and looked up in C (map, compress); Python sees the ones written."""
    joined = "".join(frequent)
    first, middle, last = joined[0::3], joined[1::3], joined[2::3]
    for variants, at in ((list(map(add, map(add, middle, first), last)), 0),   # 体一化
                         (list(map(add, map(add, first, last), middle)), 1)):  # 一化体
        written_once = map(ONCE.__eq__, counts.counts(variants))
        for form, variant in compress(zip(frequent, variants), written_once):
            yield from _placed_once(text, variant, form, "swapped", at)
    # an inner character doubled (一体体化): its two halves are three-character strings of the text too
    halves_written = map(and_, map(bool, counts.counts(list(map(add, map(add, first, middle), middle)))),
                         map(bool, counts.counts(list(map(add, map(add, middle, middle), last)))))
    for form in compress(frequent, halves_written):
        if form[1] != form[2]:
            yield from _placed_once(text, form[:2] + form[1:], form, "doubled", 1)


def _placed_once(text: str, written: str, form: str, slip: str, at: int
                 ) -> Iterator[tuple[tuple[int, int], tuple[str, str, int]]]:
    """A doubled or swapped variant where it stands, if the text writes it once, grown with its form."""
    start = text.find(written)
    if start >= 0 and text.find(written, start + 1) < 0:
        grown = _grown(text, form, start, start + len(written), slip, at)
        if grown is not None:
            yield grown


def _grown(text: str, form: str, start: int, end: int, slip: str, at: int
           ) -> tuple[tuple[int, int], tuple[str, str, int]] | None:
    """The written span and its form widened a character at a time while the wider form is still
    written MIN_REPEATS times (the name the slip is in, not a piece of it); None if the form is always
    part of a longer one that the written span is not (产总值 of 生产总值 against 农业总产值)."""
    while len(form) < MAX_LENGTH and start > 0 and _is_form_char(text[start - 1]) \
            and text.count(text[start - 1] + form) >= MIN_REPEATS:
        form, start, at = text[start - 1] + form, start - 1, at + 1
    while len(form) < MAX_LENGTH and end < len(text) and _is_form_char(text[end]) \
            and text.count(form + text[end]) >= MIN_REPEATS:
        form, end = form + text[end], end + 1
    if _always_inside(text, form):
        return None
    return (start, end), (form, slip, at)


def _always_inside(text: str, form: str) -> bool:
    """``form`` is a piece of a longer unit where it is written right: every occurrence has the same
    character beside it and the wider string is a unit there (遵纪守 of 遵纪守法, 产总值 of 生产总值;
    but 技创新中心 cuts 科技, so 创新中心 stands), or its first occurrence cuts an ordinary word."""
    from zhguard.wordmodel import cuts_a_word

    first, n = text.find(form), text.count(form)
    end = first + len(form)
    for start, stop in ((first - 1, end), (first, end + 1)):
        if 0 <= start and stop <= len(text) and _is_form_char(text[start] if start < first else text[stop - 1]) \
                and text.count(text[start:stop]) == n \
                and not cuts_a_word(text, start, stop, WINDOW, ORDINARY_MIN_COUNT):
            return True
    return cuts_a_word(text, first, end, WINDOW, ORDINARY_MIN_COUNT)


def _is_form_char(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff" and char not in GRAMMATICAL


def _edit_slips(compiled: CompiledLexicon, text: str, counts: Trigrams, frequent: list[str], kinds: set[str]
                ) -> Iterator[tuple[tuple[int, int], tuple[str, str, int]]]:
    """Spans one look-alike, same-sounding or dropped character away from a recurring form, grown to the
    name they belong to.

    A character replaced inside a form of four or more characters is the middle of one of the form's
    three-character strings (示泛区 for 示范区); a dropped one joins the ends of a four-character string
    whose halves both recur (国际组织 → 国组织, from 国际组 and 际组织).  Either way the string written
    once has the outer characters of a recurring one.  So the recurring strings are indexed by their
    outer characters, and the strings written once are looked up by theirs in C (map and compress):
    Python sees only the few that share a recurring string's ends."""
    forms = "".join(frequent)  # each form's characters sliced out in C, not form by form
    first, middle, last = forms[0::3], forms[1::3], forms[2::3]
    outer: dict[str, list[str]] = {}
    for pair, form in zip(map(add, first, last), frequent):
        outer.setdefault(pair, []).append(form)
    keys = outer.keys()
    if "dropped" in kinds:
        recurring = set(frequent)
        following: dict[str, list[str]] = {}
        preceding: dict[str, list[str]] = {}
        tails = list(map(add, middle, last))
        for head, tail, start, end in zip(map(add, first, middle), tails, first, last):
            following.setdefault(head, []).append(end)
            preceding.setdefault(tail, []).append(start)
        # the outer characters of a four-character string whose halves both recur
        keys = keys | {start + char for start, tail in zip(first, tails) for char in following.get(tail, ())}
    for written in counts.once_between(keys):
        for form in outer.get(written[0] + written[2], ()):
            slip = _substitution(written[1], form[1], kinds, compiled)
            if slip is not None:
                yield from _placed(text, written, form, slip, 1)
        if "dropped" not in kinds:
            continue
        # the third of four characters dropped (示范|区 ...) or the second; the junction it leaves is a
        # pair official prose hardly writes
        for char in following.get(written[:2], ()):
            if written[1] + char + written[2] in recurring and _unlikely_pair(written[1], written[2]):
                yield from _placed(text, written, written[:2] + char + written[2], "dropped", 2)
        for char in preceding.get(written[1:], ()):
            if written[0] + char + written[1] in recurring and _unlikely_pair(written[0], written[1]):
                yield from _placed(text, written, written[0] + char + written[1:], "dropped", 1)


def _continues_alike(text: str, span: tuple[int, int], value: tuple[str, str, int]) -> bool:
    """Where every occurrence of the form has the same character beside it, the span has it too: a
    form always inside a longer name is misspelt inside that name (发展新质 is always 发展新质生产力, so
    发展质|效 is no slip of it; 陆海新通道 is always 西部陆海新通道)."""
    (start, end), form = span, value[0]
    first, count = text.find(form), text.count(form)
    before, after = text[first - 1:first], text[first + len(form):first + len(form) + 1]
    if before and _is_form_char(before) and text[start - 1:start] != before \
            and text.count(before + form) == count:
        return False
    return not (after and _is_form_char(after) and text[end:end + 1] != after
                and text.count(form + after) == count)


def _substitution(char: str, right: str, kinds: set[str], compiled: CompiledLexicon) -> str | None:
    """The slip ``char`` is for ``right`` (a look-alike or a same-sounding character), if any."""
    if "shape" in kinds and char in compiled.shapes.get(right, ""):
        return "shape"
    sound = compiled.sound
    if "sound" in kinds and sound is not None and sound.encode(char) == sound.encode(right):
        return "sound"
    return None


def _placed(text: str, written: str, form: str, slip: str, at: int
            ) -> Iterator[tuple[tuple[int, int], tuple[str, str, int]]]:
    """The once-written string where it stands, grown with its form to the name (EDIT_MIN_LENGTH+)."""
    start = text.find(written)
    if len(form) > 3 and text.count(form) < MIN_REPEATS:
        return  # a four-character string whose halves recur but which is not written itself
    grown = _grown(text, form, start, start + len(written), slip, at)
    if grown is not None and len(grown[1][0]) >= EDIT_MIN_LENGTH and _continues_alike(text, *grown):
        yield grown


def _slip_reads_wrong(text: str, start: int, end: int, slip: str, at: int) -> bool:
    """The written span is no ordinary wording: 展开 for 开展, 人人 doubled, 产业原|料 for 产业园.

    ``at`` is where the slip is in the span: the first of a doubled or swapped pair."""
    from zhguard.wordmodel import cuts_a_word, load_word_model

    model = load_word_model()
    written = text[start:end]
    if NUMERALS.intersection(written[at:at + (2 if slip in SLIPS else 1)]):
        return False  # 第一百一十条, 一八九八年: another number is another fact, not a slip
    if slip == "doubled" and text[start + at - 1:start + at] == "一" and written[at] in MEASURE_WORDS:
        return False  # 一场场大雪, 一个个: a measure word doubled after 一 is a reduplication
    if slip in ("doubled", "swapped"):
        if model.count(written[at:at + 2]) >= ORDINARY_MIN_COUNT:
            return False
        if _pair_in_words(model, text, start + at):
            return False  # 吴淞江|江苏段, 食品安全|全链条: each character of the pair ends or starts a word
    elif model.is_ordinary(written, ORDINARY_MIN_COUNT):
        return False
    elif slip == "dropped" and not _unlikely_pair(written[at - 1], written[at]):
        return False
    return not cuts_a_word(text, start, end, WINDOW, ORDINARY_MIN_COUNT)


def _unlikely_pair(first: str, second: str) -> bool:
    from zhguard.charmodel import load_char_model

    return load_char_model().logp(first, second) <= DROP_JUNCTION


def _edge_in_a_word(text: str, start: int, end: int) -> bool:
    """A word of jieba's dictionary seen EDGE_WORD_MIN_COUNT times across an edge of the span (文化业|态,
    助|推全省, 新能源车|船, 生活|性服务业): the span is no unit of the text."""
    from zhguard.wordmodel import word_count

    return any(0 < edge < len(text) and word_count(text[edge - 1:edge + 1]) >= EDGE_WORD_MIN_COUNT
               for edge in (start, end))


def _abbreviation(text: str, start: int, end: int, form: str, at: int) -> bool:
    """A dropped character that makes an abbreviation the document writes elsewhere: the character before
    the span and the span's first make a pair written beside other words too (科|创中心 beside 科创板,
    科创飞地; 康|养服务), the character before starting no word with its own neighbour (建设|国际 is no
    abbreviation 设国); or the dropped character's neighbours are written side by side elsewhere (提质|效
    where 质效 recurs)."""
    from zhguard.wordmodel import word_count

    if start > 0 and _is_form_char(text[start - 1]) \
            and (start < 2 or word_count(text[start - 2:start]) < EDGE_WORD_MIN_COUNT):
        before = text[start - 1]
        pair = before + text[start]
        if text.count(pair) - text.count(before + form) - text.count(before + text[start:end]) >= 1:
            return True
    junction = text[start + at - 1:start + at + 1]
    return text.count(junction) - text.count(form[at - 1:at + 2]) > 1


def _pair_in_words(model, text: str, at: int) -> bool:
    """The characters at ``at`` and ``at + 1`` each belong to a word of two or more characters of the
    window's best segmentation, and to different ones: the pair is where two words meet."""
    from zhguard.text import han_run_after, han_run_before

    left = han_run_before(text, at, WINDOW + 1)
    right = han_run_after(text, at + 2, WINDOW + 1)
    window = left + text[at:at + 2] + right
    first, second = len(left), len(left) + 1
    word_of = {}
    for a, b in model.segment(window):
        for i in range(a, b):
            word_of[i] = (a, b)
    wide = [word_of[i] for i in (first, second) if word_of[i][1] - word_of[i][0] >= 2]
    return len(wide) == 2 and wide[0] != wide[1]
