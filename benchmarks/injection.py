"""Injection benchmark: one simple slip in one known term, in sentences of modern official prose.

Run: ``python benchmarks/injection.py [--per-cell N] [--seed S] [--show N [--show-part P]]`` (issue 19).

Sentences come from ``../shared/data/clean-2026`` read in place (never copied): the cases of the
held-out report are built from sentences of the HELD_OUT provinces of ``splits.py``, those of the
tune report from the TUNE provinces, the same way, with the same seed.

How a case is made.  A term of the project's compiled lexicon (``Checker().compiled``: lexicon
entries by category, the places table, the offices table, the laws table) is either found where it
stands in a sentence (a *real* occurrence, preferred: terms that occur are used first) or put into a
*carrier* sentence in the slot of another term of its category (another body, formulation, place or
law title; a county also where a prefecture stood; a leader with a title before the name where the
sentence had 习近平总书记).  Two-character bodies (人行, 中办) are left out: ordinary text too often.  Then one slip
is applied to the term:

- ``homophone``: one character replaced by a common character whose own (commonest) reading is the
  term character's toneless pinyin;
- ``fuzzy``: the same, with fuzzy pinyin (z/zh, c/ch, s/sh, n/l, an/ang, en/eng, in/ing);
- ``shape``: one character replaced by a common look-alike of the shape table
  (``src/zhguard/data/lexicons/confusion/shape.tsv``);
- ``dropped``, ``doubled``: one character dropped or written twice (terms of 3+ characters);
- ``inserted``: one of the commonest characters put between two characters of the term;
- ``swapped``: two different neighbours swapped.

A slip that gives another correct term (any lexicon term, place name or short name, law title, title
or person), an ordinary word (jieba's dictionary, count ORDINARY_WORD_COUNT+: 党中央 → 中央), a numeral
changed into another (第二个百年 → 第一个百年) or the same sentence is not used.  "Common characters" are those seen at least
POOL_MIN_COUNT times in the tune provinces' text (counts of characters only; nothing is tuned).

Each case's sentence is checked on its own by one Checker (default config).  A case is *flagged* when
a finding overlaps the injected span, counted two ways: ``all`` = every default rule except the format
and privacy ones (ZG7xx, ZG8xx), so general typos (ZG9) count; ``terms`` = the term rules ZG1-ZG6 only.
The *right fix* is a flagged finding whose first suggestion, applied, gives back the original sentence.

Beside it: the findings of the same checker on the un-injected sentences of each part, checked one by
one as the cases are, per 100,000 Han characters, so recall bought with false alarms shows.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from splits import HELD_OUT, TUNE, clean_2026, han_count  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SHAPE_TABLE = ROOT / "src" / "zhguard" / "data" / "lexicons" / "confusion" / "shape.tsv"

SEED = 19
PER_CELL = 50
POOL_MIN_COUNT = 3
ORDINARY_WORD_COUNT = 1000
INSERT_POOL = 40  # the commonest characters, for ``inserted``
SENTENCE = re.compile(r"[^。！？；]+[。！？；]?")
HAN_CHAR = re.compile(r"[\u4e00-\u9fff]")
MIN_SENTENCE, MAX_SENTENCE = 8, 160

KINDS = ("homophone", "fuzzy", "shape", "dropped", "doubled", "inserted", "swapped")
# The categories of issue 19, in report order; "idiom" (the lexicon's general terms) is reported apart.
CATEGORIES = ("leader_national", "leader_provincial", "institution", "formulation", "province",
              "prefecture", "county", "law", "idiom")
MAIN_CATEGORIES = CATEGORIES[:-1]

FUZZY_INITIALS = (("zh", "z"), ("ch", "c"), ("sh", "s"), ("n", "l"))
FUZZY_FINALS = (("ang", "an"), ("eng", "en"), ("ing", "in"))
LEADER_SLOT = "习近平总书记"
PLACE_LEVELS = ("province", "prefecture", "county")
# Characters after which a division's name starts a new word: 在武汉市, 赴延安市, 与西安市, 全省, 、
PLACE_BEFORE = set("在和与及至赴到向对把将从同跟为是于等省市州县区盟旗")
PLACE_AFTER = set("与和及、等")
NUMERALS = set("一二三四五六七八九十百千两〇零")


@dataclass(frozen=True)
class Term:
    text: str
    category: str
    cue: str = ""  # written before the term where it is put into a carrier (a leader's title)


@dataclass(frozen=True)
class Case:
    part: str
    province: str
    category: str
    kind: str
    mode: str  # real or carrier
    term: str
    wrong: str
    original: str  # the sentence with the right term
    text: str  # the sentence with the slip
    start: int  # where the term (and the slip) starts in both sentences

    @property
    def end(self) -> int:
        return self.start + len(self.wrong)


# ---------------------------------------------------------------------------------------------- terms


def is_national_title(title: str) -> bool:
    return not re.search(r"省|自治区|[北天上重][京津海庆]市", title)


def lexicon_terms(compiled) -> dict[str, list[Term]]:
    """The terms of each category, from the compiled lexicon (sorted: the order is deterministic)."""
    lexicon = compiled.lexicon
    standard = {row.right for row in lexicon.nonstandard}
    terms: dict[str, list[Term]] = defaultdict(list)
    # Leaders: each person with an office; the cue is the office (a current one where there is one).
    by_person: dict[str, list] = defaultdict(list)
    for b in lexicon.bindings:
        by_person[b.person].append(b)
    for person in sorted(by_person):
        bindings = sorted(by_person[person], key=lambda b: (b.status != "current", b.title))
        best = bindings[0]
        cue = best.title if best.status == "current" else "原" + best.title
        national = any(b.status == "current" and is_national_title(b.title) for b in bindings) or (
            best.status != "current" and is_national_title(best.title))
        terms["leader_national" if national else "leader_provincial"].append(Term(person, "", cue))
    for entry in lexicon.entries:
        value = entry.category.value
        if value == "leader_name" and entry.canonical not in by_person and len(entry.canonical) <= 3:
            terms["leader_national"].append(Term(entry.canonical, "", "同志"))  # a former leader: 胡锦涛同志
        elif value == "institution" and len(entry.canonical) >= 3:  # 人行, 中办: ordinary text too often
            terms["institution"].append(Term(entry.canonical, ""))
        elif value == "political_term" and entry.canonical not in standard:
            terms["formulation"].append(Term(entry.canonical, ""))
        elif value == "general":
            terms["idiom"].append(Term(entry.canonical, ""))
    places = compiled.places
    for code in sorted(places.rows):
        division = places.division(code)
        if len(division.name) >= 3:
            terms[division.level].append(Term(division.name, ""))
    for title in sorted(set(compiled.laws.in_force)):
        terms["law"].append(Term(title, ""))
    out = {}
    for category in CATEGORIES:
        seen: dict[str, Term] = {}
        for term in terms.get(category, []):
            seen.setdefault(term.text, Term(term.text, category, term.cue))
        out[category] = sorted(seen.values(), key=lambda t: t.text)
    return out


def place_ancestors(compiled) -> dict[tuple[str, str], tuple[str, ...]]:
    """(level, full name) → the full and short names of the divisions above each division of that name."""
    places = compiled.places
    out: dict[tuple[str, str], set[str]] = defaultdict(set)
    for code in places.rows:
        division = places.division(code)
        for above in places.ancestors(code)[1:]:
            row = places.division(above)
            out[(division.level, division.name)] |= {row.name, row.short}
    return {key: tuple(sorted(names)) for key, names in out.items()}


def correct_forms(compiled) -> frozenset[str]:
    """Every form a slip must not produce: terms, place names and short names, law titles, titles, people,
    and ordinary words (jieba's dictionary, ORDINARY_WORD_COUNT+)."""
    lexicon = compiled.lexicon
    forms = {e.canonical for e in lexicon.entries}
    for code in compiled.places.rows:
        division = compiled.places.division(code)
        forms |= {division.name, division.short}
    forms |= set(compiled.laws.known)
    forms |= set(compiled.offices.titles) | set(compiled.offices.offices)
    forms |= {row.right for row in lexicon.nonstandard}
    # an ordinary word is no slip either: 党中央 without 党 is 中央 (中央决策部署)
    from zhguard.wordmodel import dictionary_path, read_dictionary

    counts, _ = read_dictionary(dictionary_path())
    forms |= {word for word, n in counts.items() if n >= ORDINARY_WORD_COUNT and len(word) >= 2}
    return frozenset(f for f in forms if f)


# ------------------------------------------------------------------------------------------ characters


class Chars:
    """Common characters by sound, the commonest ones, and look-alikes (restricted to common ones)."""

    def __init__(self, counts: Counter, shape_table: Path = SHAPE_TABLE) -> None:
        from pypinyin import Style, pinyin

        common = sorted((c for c, n in counts.items() if n >= POOL_MIN_COUNT and HAN_CHAR.fullmatch(c)),
                        key=lambda c: (-counts[c], c))
        self.common = frozenset(common)
        self.insertable = tuple(common[:INSERT_POOL])
        # by each character's own reading (pypinyin's first, its commonest): the one a pinyin input method
        # offers it under.  Every reading (heteronym=True) made 划 a homophone of 国 (its rare guo) and
        # 卷 one of 军 (jun): slips no writer types.
        self.by_sound: dict[str, list[str]] = defaultdict(list)
        for char in common:
            self.by_sound[pinyin(char, style=Style.NORMAL)[0][0]].append(char)
        self.shapes: dict[str, list[str]] = defaultdict(list)
        if shape_table.is_file():
            for line in shape_table.open(encoding="utf-8"):
                if line.startswith("#") or "\t" not in line:
                    continue
                char, similar = line.split("\t")[:2]
                for other in similar.split("|"):
                    if other in self.common and char != other:
                        self.shapes[char].append(other)
                        if char in self.common:
                            self.shapes[other].append(char)

    @staticmethod
    def readings(term: str) -> list[str]:
        from pypinyin import Style, lazy_pinyin

        return lazy_pinyin(term, style=Style.NORMAL, errors=lambda s: ["?"] * len(s))

    @staticmethod
    def fuzzy(reading: str) -> list[str]:
        out = []
        for a, b in FUZZY_INITIALS:
            for x, y in ((a, b), (b, a)):
                if reading.startswith(x) and not (x == "z" and reading.startswith(("zh",))) \
                        and not (x in "cs" and reading[1:2] == "h"):
                    out.append(y + reading[len(x):])
        for a, b in FUZZY_FINALS:
            if reading.endswith(a):
                out.append(reading[:-len(a)] + b)
            elif reading.endswith(b):
                out.append(reading + "g")
        return [r for r in out if r != reading]


def slips(term: str, kind: str, chars: Chars, rng: random.Random) -> list[str]:
    """Every wrong form of ``kind`` (shuffled); positions are the term's Han characters."""
    han = [i for i, c in enumerate(term) if HAN_CHAR.fullmatch(c)]
    out: list[str] = []
    if kind in ("homophone", "fuzzy"):
        readings = chars.readings(term)
        for i in han:
            sounds = [readings[i]] if kind == "homophone" else chars.fuzzy(readings[i])
            others = sorted({c for s in sounds for c in chars.by_sound.get(s, ()) if c != term[i]})
            if kind == "homophone":
                # a character that also reads this way is no slip of sound only if it is this one
                others = [c for c in others if c != term[i]]
            if others:
                out.append(term[:i] + rng.choice(others) + term[i + 1:])
    elif kind == "shape":
        for i in han:
            others = sorted(set(chars.shapes.get(term[i], ())))
            if others:
                out.append(term[:i] + rng.choice(others) + term[i + 1:])
    elif kind == "dropped" and len(han) >= 3:
        out = [term[:i] + term[i + 1:] for i in han]
    elif kind == "doubled" and len(han) >= 2:
        out = [term[:i + 1] + term[i:] for i in han]
    elif kind == "inserted" and len(han) >= 2:
        for i in han[1:]:
            if HAN_CHAR.fullmatch(term[i - 1]):
                out.append(term[:i] + rng.choice(chars.insertable) + term[i:])
    elif kind == "swapped":
        for i in han:
            if i + 1 < len(term) and HAN_CHAR.fullmatch(term[i + 1]) and term[i] != term[i + 1]:
                out.append(term[:i] + term[i + 1] + term[i] + term[i + 2:])
    out = sorted(set(out) - {term})
    rng.shuffle(out)
    return out


def leader_cue(sentence: str, start: int, name: str) -> bool:
    """A person's name as a reader writes a leader's: after a title (省长, 主席, 书记…) or in a list of
    names, or before 同志, 总书记 or a 思想 named after the person (习近平法治思想)."""
    before = sentence[:start].rstrip(" \u3000")
    after = sentence[start + len(name):]
    return (before.endswith(("长", "席", "记", "理", "员", "任", "、")) or
            after.startswith(("同志", "总书记", "、")) or "思想" in after[:8])


def numeral_changed(term: str, wrong: str) -> bool:
    """A numeral replaced by another (第二个百年 → 第一个百年) names another thing, not a slip of this one."""
    return len(term) == len(wrong) and any(a != b and a in NUMERALS and b in NUMERALS
                                           for a, b in zip(term, wrong))


# ------------------------------------------------------------------------------------------- sentences


def sentences(texts: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """(province, sentence) of each report, split at 。！？；, of MIN_SENTENCE..MAX_SENTENCE characters."""
    out = []
    for province, text in texts:
        for line in text.splitlines()[1:]:  # line 1 is the report's title
            for match in SENTENCE.finditer(line):
                sentence = match.group().strip()
                if MIN_SENTENCE <= len(sentence) <= MAX_SENTENCE and han_count(sentence) >= MIN_SENTENCE:
                    out.append((province, sentence))
    return out


class Placer:
    """Where a term of a category can stand: its real occurrences, or a slot of another term of the
    same category in a carrier sentence (the carrier's term is replaced by this one)."""

    def __init__(self, sents: Sequence[tuple[str, str]], terms: dict[str, list[Term]],
                 ancestors: dict[tuple[str, str], tuple[str, ...]] | None = None) -> None:
        import ahocorasick

        self.real: dict[tuple[str, str], list[tuple[str, str, int]]] = defaultdict(list)
        self.slots: dict[str, list[tuple[str, str, int, str]]] = defaultdict(list)
        automaton = ahocorasick.Automaton()
        self.ancestors = ancestors or {}
        owners: dict[str, list[str]] = defaultdict(list)
        for category, listed in terms.items():
            for term in listed:
                owners[term.text].append(category)
        for text, categories in owners.items():
            automaton.add_word(text, (text, tuple(categories)))
        automaton.add_word(LEADER_SLOT, (LEADER_SLOT, ("leader_slot",)))
        automaton.make_automaton()
        for province, sentence in sents:
            found = []
            for end, (text, categories) in automaton.iter(sentence):
                found.append((end - len(text) + 1, end + 1, text, categories))
            # the longest match wins where matches overlap (中华人民共和国外交部 over 外交部)
            found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
            kept = []
            for start, end, text, categories in found:
                if any(s <= start and end <= e and (s, e) != (start, end) for s, e, *_ in kept):
                    continue
                kept.append((start, end, text, categories))
            for start, _end, text, categories in kept:
                for category in categories:
                    if category in PLACE_LEVELS and not self.stands_alone(sentence, start, text, category,
                                                                          province):
                        continue  # 应城市 in 适应城市发展, 西安区 in 西安区域
                    if category.startswith("leader_") and category != "leader_slot" \
                            and not leader_cue(sentence, start, text):
                        continue  # 包钢 in 包钢板材厂
                    if category == "leader_slot":
                        self.slots["leader_national"].append((province, sentence, start, text))
                        self.slots["leader_provincial"].append((province, sentence, start, text))
                        self.real[("leader_national", "习近平")].append((province, sentence, start))
                    else:
                        self.real[(category, text)].append((province, sentence, start))
                        if not category.startswith("leader"):  # a leader's slot is 习近平总书记 only
                            self.slots[category].append((province, sentence, start, text))
                # the law slot: a title in book-title marks
            for match in re.finditer(r"《([^《》]{2,30}(?:法|条例|规定|办法))》", sentence):
                self.slots["law"].append((province, sentence, match.start(1), match.group(1)))

    def stands_alone(self, sentence: str, start: int, text: str, level: str, province: str) -> bool:
        """A division's name is taken as one where the character before it is no Han character, a
        function word or the end of a name of a division above it; a county's only in its own
        province's report."""
        ancestors = self.ancestors.get((level, text), ())
        if level == "county" and not any(province == a for a in ancestors):
            return False
        before = sentence[start - 1] if start else ""
        after = sentence[start + len(text):start + len(text) + 1]
        if not HAN_CHAR.fullmatch(before) or before in PLACE_BEFORE:
            return True
        if level == "county" and (not HAN_CHAR.fullmatch(after) or after in PLACE_AFTER):
            return True
        return any(a and sentence.endswith(a, 0, start) for a in ancestors)

    def place(self, term: Term, rng: random.Random) -> tuple[str, str, int, str, str] | None:
        """(province, original sentence, start, mode, written term) or None."""
        real = self.real.get((term.category, term.text))
        if real:
            province, sentence, start = rng.choice(real)
            return province, sentence, start, "real", term.text
        categories = ("county", "prefecture") if term.category == "county" else (term.category,)
        slots = [s for c in categories for s in self.slots.get(c, ()) if s[3] != term.text]
        if not slots:
            return None
        province, sentence, start, other = rng.choice(slots)
        written = term.cue + term.text if term.category.startswith("leader") else term.text
        original = sentence[:start] + written + sentence[start + len(other):]
        return province, original, start + len(written) - len(term.text), "carrier", term.text


def build_cases(part: str, sents: Sequence[tuple[str, str]], terms: dict[str, list[Term]],
                correct: frozenset[str], chars: Chars, per_cell: int = PER_CELL,
                seed: int = SEED, ancestors: dict[tuple[str, str], tuple[str, ...]] | None = None,
                ) -> list[Case]:
    """Up to ``per_cell`` cases per category × kind; terms that occur in the sentences first, each
    term used once before any is used again."""
    placer = Placer(sents, terms, ancestors)
    cases = []
    for category in CATEGORIES:
        listed = terms.get(category, [])
        for kind in KINDS:
            rng = random.Random(f"{seed}:{category}:{kind}")
            occurring = [t for t in listed if (category, t.text) in placer.real]
            others = [t for t in listed if (category, t.text) not in placer.real]
            rng.shuffle(occurring)
            rng.shuffle(others)
            order = occurring + others
            made: list[Case] = []
            used: Counter = Counter()
            seen: set[tuple[str, int, str]] = set()
            for _round in range(4):
                for term in order:
                    if len(made) >= per_cell:
                        break
                    if used[term.text] > _round:
                        continue
                    placed = placer.place(term, rng)
                    if placed is None:
                        continue
                    province, original, start, mode, written = placed
                    for wrong in slips(term.text, kind, chars, rng):
                        if wrong in correct or numeral_changed(term.text, wrong):
                            continue
                        text = original[:start] + wrong + original[start + len(term.text):]
                        if text == original or (original, start, wrong) in seen:
                            continue
                        seen.add((original, start, wrong))
                        made.append(Case(part, province, category, kind, mode, term.text, wrong,
                                         original, text, start))
                        used[term.text] += 1
                        break
                if len(made) >= per_cell:
                    break
            cases.extend(made)
    return cases


# ------------------------------------------------------------------------------------------ measuring


def rule_all(code: str) -> bool:
    return not code.startswith(("ZG7", "ZG8"))


def rule_terms(code: str) -> bool:
    return code[:3] in ("ZG1", "ZG2", "ZG3", "ZG4", "ZG5", "ZG6")


MEASURES = (("all", rule_all), ("terms", rule_terms))


def judge(case: Case, findings) -> dict[str, tuple[bool, bool]]:
    """measure → (flagged, right fix)."""
    out = {}
    for name, keep in MEASURES:
        hit = [f for f in findings if keep(f.code) and f.start < case.end and case.start < f.end]
        right = any(f.suggestions and case.text[:f.start] + f.suggestions[0] + case.text[f.end:]
                    == case.original for f in hit)
        out[name] = (bool(hit), right)
    return out


def pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f}%" if whole else "     -"


def report(title: str, cases: list[Case], results: list[dict[str, tuple[bool, bool]]]) -> None:
    cells: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for case, result in zip(cases, results):
        keys = [(case.category, case.kind), (case.category, "*"), ("*kind", case.kind)]
        if case.category in MAIN_CATEGORIES:
            keys.append(("*", "*"))
        for key in keys:
            c = cells[key]
            c["n"] += 1
            c["real"] += case.mode == "real"
            for name, (hit, right) in result.items():
                c[name + "_flag"] += hit
                c[name + "_fix"] += right
    print(f"\n== {title}: {len(cases)} cases "
          f"({sum(c.mode == 'real' for c in cases)} in real occurrences, the rest in carrier slots)")
    print("   all = default rules except ZG7/ZG8 (ZG9 counts); terms = ZG1-ZG6; flagged / right fix first")
    print(f"{'category':<19}{'kind':<11}{'n':>5}{'real':>6}{'all flagged':>15}{'all fix':>15}"
          f"{'terms flagged':>15}{'terms fix':>15}")

    def line(category: str, kind: str, c: Counter) -> None:
        n = c["n"]
        print(f"{category:<19}{kind:<11}{n:>5}{c['real']:>6}"
              + "".join(f"{c[key]:>7} {pct(c[key], n)}" for key in ("all_flag", "all_fix", "terms_flag",
                                                                     "terms_fix")))

    for category in CATEGORIES:
        if (category, "*") not in cells:
            print(f"{category:<19}{'(no cases)':<11}")
            continue
        for kind in KINDS:
            if (category, kind) in cells:
                line(category, kind, cells[(category, kind)])
        line(category, "*", cells[(category, "*")])
    print("-- by kind, every category (idioms included)")
    for kind in KINDS:
        if ("*kind", kind) in cells:
            line("*", kind, cells[("*kind", kind)])
    print("-- total over the issue's categories (idioms apart)")
    line("*", "*", cells[("*", "*")])


def false_alarms(title: str, checker, sents: Sequence[tuple[str, str]]) -> None:
    han = 0
    codes: Counter = Counter()
    for _province, sentence in sents:
        han += han_count(sentence)
        for f in checker.check(sentence):
            codes[f.code] += 1
    per = 100_000 / max(han, 1)
    everything = sum(n for code, n in codes.items() if rule_all(code))
    terms = sum(n for code, n in codes.items() if rule_terms(code))
    families = Counter()
    for code, n in codes.items():
        families[code[:3]] += n
    print(f"   false alarms on the un-injected {title} sentences, checked one by one "
          f"({len(sents)} sentences, "
          f"{han} Han characters): all {everything} = {everything * per:.2f} per 100k; "
          f"ZG1-ZG6 {terms} = {terms * per:.2f} per 100k; by family: "
          + ", ".join(f"{fam} {n}" for fam, n in sorted(families.items())))


def show_misses(cases: list[Case], results, limit: int) -> None:
    """Up to ``limit`` misses (no right fix under all default rules), taken in turn from each cell."""
    by_cell: dict[tuple[str, str], list] = defaultdict(list)
    for case, result in zip(cases, results):
        if not result["all"][1]:
            by_cell[(case.category, case.kind)].append((case, result))
    print(f"\n-- misses (no right fix), up to {limit}, in turn from each category × kind")
    shown = 0
    depth = 0
    while shown < limit and any(len(v) > depth for v in by_cell.values()):
        for cell in sorted(by_cell):
            if shown >= limit:
                break
            if len(by_cell[cell]) > depth:
                case, result = by_cell[cell][depth]
                context = case.text[max(0, case.start - 6):case.end + 6]
                state = "flagged, wrong fix" if result["all"][0] else "not flagged"
                print(f"  {case.category}/{case.kind} {case.mode}: {case.term} -> {case.wrong} ({state}) "
                      f"…{context}… {case.findings}")
                shown += 1
        depth += 1


def char_counts(sents: Iterable[tuple[str, str]]) -> Counter:
    counts: Counter = Counter()
    for _province, sentence in sents:
        counts.update(HAN_CHAR.findall(sentence))
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-cell", type=int, default=PER_CELL, help="cases per category × kind and part")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--show", type=int, default=0, metavar="N",
                        help="list N misses of the tune part (the one rules are chosen on)")
    parser.add_argument("--show-part", choices=(TUNE, HELD_OUT), default=TUNE,
                        help="the part --show lists (held-out: to read, never to tune on)")
    args = parser.parse_args()
    from zhguard import Checker

    held = sentences(clean_2026(HELD_OUT))
    tune = sentences(clean_2026(TUNE))
    if not held or not tune:
        print("injection: skipped (../shared/data/clean-2026 is absent)")
        return 0
    began = time.perf_counter()
    checker = Checker()
    compiled = checker.compiled
    terms = lexicon_terms(compiled)
    correct = correct_forms(compiled)
    ancestors = place_ancestors(compiled)
    chars = Chars(char_counts(tune))
    print(f"zhguard injection benchmark, seed {args.seed}, {args.per_cell} cases per category × kind "
          "and part")
    print("terms per category: " + ", ".join(f"{c} {len(terms[c])}" for c in CATEGORIES))
    for title, part, sents in (("held-out provinces", HELD_OUT, held), ("tune provinces", TUNE, tune)):
        cases = build_cases(part, sents, terms, correct, chars, args.per_cell, args.seed, ancestors)
        results = []
        annotated = []
        for case in cases:
            findings = checker.check(case.text)
            results.append(judge(case, findings))
            annotated.append(_Annotated(case, [(f.code, f.found, f.suggestion) for f in findings]))
        report(title, cases, results)
        false_alarms(title, checker, sents)
        if args.show and part == args.show_part:
            show_misses(annotated, results, args.show)
    print(f"\n{time.perf_counter() - began:.1f} s")
    return 0


class _Annotated:
    """A case with its findings, for --show."""

    def __init__(self, case: Case, findings) -> None:
        self._case = case
        self.findings = findings

    def __getattr__(self, name):
        return getattr(self._case, name)


if __name__ == "__main__":
    sys.exit(main())
