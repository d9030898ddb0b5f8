"""Document consistency (ZG917): one slip injected into a name the report writes right elsewhere.

Run: ``python benchmarks/consistency.py [--show N] [--min-confidence C]``.

For each 2026 work report (``../shared/data/clean-2026``, split by benchmarks/splits.py, held-out provinces
first), the names that recur are taken as a reader would pick them: maximal strings of 4–12 Han characters
written at least MIN_COUNT times that end in a head noun of a name (a zone, a project, a body: the HEADS
below, chosen before any run and never tuned).  One occurrence (never the first) gets one slip of each kind
in turn, each a case of its own, checked as the whole report:

- doubled: an inner character written twice (一体体化); swapped: two inner neighbours (一化体);
- dropped: an inner character left out; shape: an inner character replaced by a look-alike from the
  project's confusion table; sound: an inner character replaced by the commonest other character of the
  same reading (pypinyin), never one that makes the span another recurring name.

flagged = a finding of a term rule (ZG917, or a lexicon's own near miss where the name is a known term:
新发展展格局 is ZG205) overlaps the slip; right fix = applying its suggestion restores the report.
Beside it: ZG917's findings on the untouched reports per 100,000 Han characters (every one a false
alarm to review).  The shared sets are skipped, saying so, where ../shared is absent.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from splits import HELD_OUT, TUNE, clean_2026, han_count  # noqa: E402

CODE = "ZG917"
MIN_COUNT = 4  # so that three right forms remain beside the slip
HEADS = ("示范区", "试验区", "实验室", "开发区", "产业园", "新区", "园区", "工程", "行动", "计划", "中心",
         "基地", "平台", "集团", "公司", "大学", "医院", "委员会", "走廊", "通道", "经济带", "城市群",
         "都市圈", "大会", "博览会", "合作区", "自贸区", "港", "局", "厅")
NAMES_PER_REPORT = 6
KINDS = ("doubled", "swapped", "dropped", "shape", "sound")
HAN_RUN = re.compile(r"[\u4e00-\u9fff]{4,}")


def recurring_names(text: str) -> list[str]:
    counts: Counter = Counter()
    for run in HAN_RUN.findall(text):
        for length in range(4, 13):
            for i in range(len(run) - length + 1):
                form = run[i:i + length]
                if form.endswith(HEADS):
                    counts[form] += 1
    frequent = {form: n for form, n in counts.items() if n >= MIN_COUNT}
    # maximal: not inside a longer frequent name written as often
    return sorted(form for form, n in frequent.items()
                  if not any(form in other and other != form and frequent[other] >= n for other in frequent))


def slipped(name: str, kind: str, rng: random.Random, shapes, sounds) -> str | None:
    inner = list(range(1, len(name) - 1))
    rng.shuffle(inner)
    for i in inner:
        char = name[i]
        if kind == "doubled":
            return name[:i + 1] + char + name[i + 1:]
        if kind == "swapped" and name[i + 1] != char and i + 1 < len(name) - 0:
            return name[:i] + name[i + 1] + char + name[i + 2:]
        if kind == "dropped":
            return name[:i] + name[i + 1:]
        if kind == "shape" and shapes.get(char):
            return name[:i] + sorted(shapes[char])[0] + name[i + 1:]
        if kind == "sound" and sounds.get(char):
            return name[:i] + sounds[char] + name[i + 1:]
    return None


def sound_table() -> dict[str, str]:
    """char → the commonest other character of its reading (by jieba's character counts)."""
    from pypinyin.pinyin_dict import pinyin_dict

    from zhguard.wordmodel import load_word_model

    model = load_word_model()
    by_reading: dict[str, list[str]] = defaultdict(list)
    for code, readings in pinyin_dict.items():
        if 0x4E00 <= code <= 0x9FFF:
            by_reading[readings.split(",")[0]].append(chr(code))
    table = {}
    for chars in by_reading.values():
        ranked = sorted(chars, key=lambda c: -model.count(c))
        for char in chars:
            other = next((c for c in ranked if c != char), None)
            if other is not None:
                table[char] = other
    return table


def run(checker, part: str, show: int, shapes, sounds) -> None:
    rng = random.Random(917)
    counts: dict[str, Counter] = defaultdict(Counter)
    misses = []
    han = alarms = 0
    for province, text in clean_2026(part):
        han += han_count(text)
        alarms += sum(f.code == CODE for f in checker.check(text))
        names = recurring_names(text)
        rng.shuffle(names)
        for name in names[:NAMES_PER_REPORT]:
            places = [m.start() for m in re.finditer(re.escape(name), text)]
            at = places[rng.randrange(1, len(places))]
            for kind in KINDS:
                wrong = slipped(name, kind, rng, shapes, sounds)
                if wrong is None:
                    continue
                case = text[:at] + wrong + text[at + len(name):]
                hit = [f for f in checker.check(case)
                       if f.code[2] not in "78" and f.start < at + len(wrong) and at < f.end]
                right = any(case[:f.start] + f.suggestion + case[f.end:] == text for f in hit if f.suggestion)
                for key in (kind, "*"):
                    counts[key]["cases"] += 1
                    counts[key]["flagged"] += bool(hit)
                    counts[key]["right"] += right
                if not hit:
                    misses.append(f"{province} {kind}: {name} -> {wrong}")
    print(f"\n== {part} provinces: {han} Han characters; {CODE} on the untouched reports: {alarms} = "
          f"{100_000 * alarms / max(han, 1):.2f} per 100,000")
    print(f"{'kind':<10}{'cases':>6}{'flagged':>9}{'fix ok':>8}")
    for kind in ("*", *KINDS):
        c = counts[kind]
        if c["cases"]:
            print(f"{kind:<10}{c['cases']:>6}{100 * c['flagged'] / c['cases']:>8.0f}%"
                  f"{100 * c['right'] / c['cases']:>7.0f}%")
    for line in misses[:show]:
        print("  missed:", line)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=10)
    parser.add_argument("--min-confidence", type=float, default=None,
                        help="the threshold (default: the checker's, 0.5)")
    args = parser.parse_args()
    if not any(clean_2026(HELD_OUT)):
        print("== clean-2026: skipped (../shared/data/clean-2026 is absent)")
        return 0
    from zhguard import Checker, Config

    checker = Checker(Config() if args.min_confidence is None else Config(min_confidence=args.min_confidence))
    shapes = checker.compiled.shapes
    sounds = sound_table()
    for part in (HELD_OUT, TUNE):
        run(checker, part, args.show, shapes, sounds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
