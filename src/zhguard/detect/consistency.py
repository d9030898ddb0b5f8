"""A name the document writes right several times and once with a slip (ZG917): 长三角一体体化示范区.

No lexicon holds a document's own names (a project, a zone, a local body, a slogan), but the document
does.  A form of 3+ Han characters written at least MIN_REPEATS times, with no grammatical character in
it, is a term of this document; a span written exactly once that is one slip away from such a form (a
doubled, dropped or swapped character, a look-alike, a same-sounding character) is reported, with the
frequent form as its fix.  A slip must not read as ordinary words: a swapped pair that is a word itself
(开展/展开), a doubled character that is a word (人人), a span that cuts through an ordinary word.

The forms are counted per document in Python (one pass per length over the Han runs); the variants of
the frequent ones go into one automaton and the text is scanned once in C.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

import ahocorasick

from zhguard.detect import Candidate
from zhguard.finding import Category, Kind
from zhguard.lexicon.compile import ORDINARY_MIN_COUNT, CompiledLexicon
from zhguard.matcher import CorrectSpans

HAN_RUN = re.compile(r"[\u4e00-\u9fff]{3,}")
# A form is a term of the document when written this often ...
MIN_REPEATS = 3
# ... and this long (longer ones are rare enough to be counted by their parts).
MIN_LENGTH, MAX_LENGTH = 3, 16
# Characters of grammar: a form holding one is a phrase of the prose (要加强, 的发展), not a name.
GRAMMATICAL = frozenset("的了着过是在和与及或等对把被为以之其也都而并从向于将要就还又这那个们不我你他她它有")
# A dropped character leaves at least this many: a two-character remnant is any other word.
DROP_MIN_LENGTH = 4
WINDOW = 3
# Evidence of each slip; a form written more often, or a longer one, is surer.
# A character dropped, or replaced by a look-alike or a homophone, is shown below the default threshold
# (--min-confidence 0.4 shows it): those slips raise ~5 false alarms per 100,000 Han characters of the
# 2026 reports (abbreviations: 康养服务 is no 养老服务 short of 老), 2x the default budget.
PRIOR = {"doubled": 0.8, "swapped": 0.8, "dropped": 0.45, "shape": 0.45, "sound": 0.45}
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
SLIP_LABEL = {"doubled": "叠字", "swapped": "字序颠倒", "dropped": "漏字", "shape": "形近错字",
              "sound": "同音错字"}


def detect(compiled: CompiledLexicon, text: str, correct: CorrectSpans) -> Iterator[Candidate]:
    forms = frequent_forms(text)
    if not forms:
        return
    variants = _variants(forms, compiled.shapes)
    spans: dict[tuple[int, int], tuple[str, str, int]] = {}
    if variants:
        automaton = ahocorasick.Automaton()
        for variant, value in variants.items():
            automaton.add_word(variant, value)
        automaton.make_automaton()
        for last, (variant, form, slip, at) in automaton.iter(text):
            spans.setdefault((last + 1 - len(variant), last + 1), (form, slip, at))
    if compiled.sound is not None:
        for span, value in _sound_slips(compiled, text, forms):
            spans.setdefault(span, value)
    for (start, end), (form, slip, at) in sorted(spans.items()):
        if slip not in SLIPS and len(form) < EDIT_MIN_LENGTH:
            continue
        written = text[start:end]
        if (text.count(written) != 1 or correct.covers(start, end)
                or not _slip_reads_wrong(text, start, end, slip, at)):
            continue
        repeats = forms[form]
        confidence = PRIOR[slip]
        if slip in SLIPS:  # a form written more often, or a longer one, is surer
            confidence += (0.04 if repeats >= 2 * MIN_REPEATS else 0.0) + (0.04 if len(form) >= 5 else 0.0)
        reason = (f"前后写法不一致：本文{repeats}处写作「{form}」，此处「{written}」疑似"
                  f"{SLIP_LABEL[slip]}")
        yield Candidate(start, end, Category.GENERAL, Kind.INCONSISTENT, (form,), round(confidence, 3),
                        None, reason)


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


def _variants(forms: dict[str, int], shapes: dict[str, str]) -> dict[str, tuple[str, str, str, int]]:
    """variant → (variant, form, slip, where in the variant) for one slip of each form; a variant of two
    forms is neither's."""
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
        for i, char in enumerate(form):
            # an edge character doubled is as often the next word's first (安全|全链条, 产业链|链主)
            if 0 < i < len(form) - 1 and form[i + 1] != char:
                add(form[:i + 1] + char + form[i + 1:], form, "doubled", i)
            if i + 1 < len(form) and form[i + 1] != char:
                add(form[:i] + form[i + 1] + char + form[i + 2:], form, "swapped", i)
            if len(form) >= DROP_MIN_LENGTH and 0 < i < len(form) - 1:
                add(form[:i] + form[i + 1:], form, "dropped", i)
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
