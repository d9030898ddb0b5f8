"""A name the document writes right several times and once with a slip (ZG917): 长三角一体体化示范区.

No lexicon holds a document's own names (a project, a zone, a local body, a slogan), but the document
does.  A form of 3+ Han characters written at least MIN_REPEATS times, with no grammatical character in
it, is a term of this document; a span written exactly once that is one slip away from such a form (a
doubled, dropped or swapped character, a look-alike, a same-sounding character) is reported, with the
frequent form as its fix.  A slip must not read as ordinary words: a swapped pair that is a word itself
(开展/展开), a doubled character that is a word (人人), a span that cuts through an ordinary word.

Only the slips whose evidence can reach the caller's threshold are computed.  A doubled or swapped
character (the default) needs only the document's three-character strings, counted in C (a regular
expression and a Counter): a frequent one whose slipped variant is written once is grown into the name
it belongs to.  A dropped, look-alike or same-sounding character (--min-confidence 0.4) needs every
frequent form of 3 to 16 characters; their variants go into one automaton, scanned once in C.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

import ahocorasick

from zhguard.detect import Candidate, Scan
from zhguard.finding import Category, Kind
from zhguard.lexicon.compile import ORDINARY_MIN_COUNT, CompiledLexicon
from zhguard.matcher import CorrectSpans
from zhguard.text import GRAMMATICAL

CODE = "ZG917"
HAN_RUN = re.compile(r"[\u4e00-\u9fff]{3,}")
# A form is a term of the document when written this often ...
MIN_REPEATS = 3
# ... and this long (longer ones are rare enough to be counted by their parts).
MIN_LENGTH, MAX_LENGTH = 3, 16


def _form_class() -> str:
    """A regular-expression class of the Han characters a form may hold (GRAMMATICAL left out)."""
    ranges, start = [], 0x4E00
    for code in sorted(map(ord, GRAMMATICAL)):
        if code > start:
            ranges.append(f"{chr(start)}-{chr(code - 1)}")
        start = code + 1
    ranges.append(f"{chr(start)}-\u9fff")
    return "[" + "".join(ranges) + "]"


# Every three-character string of form characters (overlapping, found in C in one pass).
_TRIGRAM = re.compile("(?=(" + _form_class() + "{3}))")
# A dropped character leaves at least this many: a two-character remnant is any other word.
DROP_MIN_LENGTH = 4
WINDOW = 3
# Evidence of each slip; a form written more often, or a longer one, is surer.
# A character dropped, or replaced by a look-alike or a homophone, is shown below the default threshold
# (--min-confidence 0.4 shows it): those slips raise ~5 false alarms per 100,000 Han characters of the
# 2026 reports (abbreviations: 康养服务 is no 养老服务 short of 老), 2x the default budget.
PRIOR = {"doubled": 0.8, "swapped": 0.8, "dropped": 0.45, "shape": 0.45, "sound": 0.45}
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
    """The slips whose evidence can reach ``min_confidence``: by default (0.5) a doubled or swapped
    character only, found from the document's three-character forms (a dict lookup each); a dropped,
    look-alike or same-sounding one (--min-confidence 0.4) needs every frequent form's variants."""
    compiled, text, correct, min_confidence = scan.compiled, scan.text, scan.correct, scan.floor
    kinds = {slip for slip, prior in PRIOR.items()
             if prior + (MAX_BONUS if slip in SLIPS else 0.0) >= min_confidence}
    spans: dict[tuple[int, int], tuple[str, str, int]] = {}
    if kinds & set(SLIPS):
        spans.update(_adjacent_slips(text))
    edits = kinds - set(SLIPS)
    if edits:
        forms = frequent_forms(text)
        variants = _variants(forms, compiled.shapes, edits) if forms else {}
        if variants:
            automaton = ahocorasick.Automaton()
            for variant, value in variants.items():
                automaton.add_word(variant, value)
            automaton.make_automaton()
            for last, (variant, form, slip, at) in automaton.iter(text):
                spans.setdefault((last + 1 - len(variant), last + 1), (form, slip, at))
        if "sound" in edits and compiled.sound is not None and forms:
            for span, value in _sound_slips(compiled, text, forms):
                spans.setdefault(span, value)
    for (start, end), (form, slip, at) in sorted(spans.items()):
        if slip not in SLIPS and len(form) < EDIT_MIN_LENGTH:
            continue
        written = text[start:end]
        if (text.count(written) != 1 or correct.covers(start, end)
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


def _trigram_counts(text: str) -> Counter:
    """Every three-character string of the document's form characters (no grammar, no punctuation),
    counted in C: one regular-expression pass, one Counter."""
    return Counter(_TRIGRAM.findall(text))


def _adjacent_slips(text: str) -> Iterator[tuple[tuple[int, int], tuple[str, str, int]]]:
    """Doubled and swapped characters: a three-character form written MIN_REPEATS times or more whose
    swapped (or inner-doubled) variant is written once; the span then grows on each side while the
    form it belongs to is still written that often (一体化 → 长三角一体化示范区)."""
    counts = _trigram_counts(text)
    for form in [form for form, n in counts.items() if n >= MIN_REPEATS]:  # a tenth: one comprehension
        a, b, c = form
        variants = []
        if a != b:
            variants.append((b + a + c, "swapped", 0))
        if b != c:
            variants.append((a + c + b, "swapped", 1))
            # an inner character doubled: its two halves are three-character strings of the text too
            if a + b + b in counts and b + b + c in counts:
                variants.append((a + b + b + c, "doubled", 1))
        for variant, slip, at in variants:
            if len(variant) == 3 and counts.get(variant) != 1:
                continue
            start = text.find(variant)
            if start < 0 or text.find(variant, start + 1) >= 0:
                continue
            grown = _grown(text, form, start, start + len(variant), slip, at)
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


def frequent_forms(text: str) -> dict[str, int]:
    """The forms written at least MIN_REPEATS times, none inside a longer one written as often."""
    runs = HAN_RUN.findall(text)
    counts: dict[int, Counter] = {}
    for length in range(MIN_LENGTH, MAX_LENGTH + 1):
        counts[length] = Counter(run[i:i + length] for run in runs if len(run) >= length
                                 for i in range(len(run) - length + 1))
        counts[length] = Counter({form: n for form, n in counts[length].items() if n >= MIN_REPEATS})
        if not counts[length]:
            break
    kept: dict[str, int] = {}
    for length, forms in counts.items():
        longer = counts.get(length + 1, Counter())
        inside: Counter = Counter()
        for form, n in longer.items():
            for part in (form[:-1], form[1:]):
                inside[part] = max(inside[part], n)
        for form, n in forms.items():
            if n > inside[form] and not GRAMMATICAL.intersection(form):
                kept[form] = n
    return kept


def _variants(forms: dict[str, int], shapes: dict[str, str], kinds: set[str]
              ) -> dict[str, tuple[str, str, str, int]]:
    """variant → (variant, form, slip, where in the variant) for one dropped or look-alike character of
    each form (of ``kinds``); a variant of two forms is neither's."""
    found: dict[str, tuple[str, str, str, int]] = {}
    clashes: set[str] = set()

    def add(variant: str, form: str, slip: str, at: int) -> None:
        if variant in forms or variant in clashes:
            return
        if variant in found and found[variant][1] != form:
            clashes.add(variant)
            del found[variant]
            return
        found.setdefault(variant, (variant, form, slip, at))

    for form in forms:
        if len(form) < EDIT_MIN_LENGTH:
            continue
        for i, char in enumerate(form):
            if "dropped" in kinds and len(form) >= DROP_MIN_LENGTH and 0 < i < len(form) - 1:
                add(form[:i] + form[i + 1:], form, "dropped", i)
            if "shape" in kinds:
                for other in shapes.get(char, ""):
                    add(form[:i] + other + form[i + 1:], form, "shape", i)
    return found


def _sound_slips(compiled: CompiledLexicon, text: str,
                 forms: dict[str, int]) -> Iterator[tuple[tuple[int, int], tuple[str, str, int]]]:
    """Spans that sound like a form and differ from it in one character (str.find over the coded text)."""
    sound = compiled.sound
    coded = sound.encode(text)
    for form in forms:
        key = sound.encode(form)
        if key == form:
            continue
        at = coded.find(key)
        while at >= 0:
            written = text[at:at + len(form)]
            changed = [i for i, (a, b) in enumerate(zip(written, form)) if a != b]
            if len(changed) == 1:
                yield (at, at + len(form)), (form, "sound", changed[0])
            at = coded.find(key, at + 1)


def _slip_reads_wrong(text: str, start: int, end: int, slip: str, at: int) -> bool:
    """The written span is no ordinary wording: 展开 for 开展, 人人 doubled, 产业原|料 for 产业园.

    ``at`` is where the slip is in the span: the first of a doubled or swapped pair."""
    from zhguard.charmodel import load_char_model
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
    elif slip == "dropped" and load_char_model().logp(written[at - 1], written[at]) > DROP_JUNCTION:
        return False
    return not cuts_a_word(text, start, end, WINDOW, ORDINARY_MIN_COUNT)


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
