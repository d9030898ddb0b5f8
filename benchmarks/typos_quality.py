"""General typos (ZG9xx): recall, correction accuracy, precision and false alarms, per data set.

Run: ``python benchmarks/typos_quality.py [--split test|train] [--min-score X] [--show N]``.

- ``../shared/data/ecspell/{odw,law}.<split>.jsonl`` (official-document and law spelling errors, with
  spans): span-level detection recall (a gold span overlapped by a ZG9 finding), correction accuracy
  (detected spans whose first suggestion, applied, gives the corrected text there), precision of the
  findings (ZG9 findings overlapping a gold span), and the sentence-level false-alarm rate (error-free
  sentences with any ZG9 finding).  Tune on ``train``; report ``test``.
- ``../shared/data/clean/*.txt``: ZG9 findings per 100,000 Han characters (each a false positive to study).

Only ZG9 findings count here; benchmarks/quality.py measures the sensitive-term rules.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
HAN = re.compile(r"[\u4e00-\u9fff]")


def general(findings):
    return [f for f in findings if f.code.startswith("ZG9")]


def ecspell(checker, name: str, show: int) -> None:
    path = SHARED / "ecspell" / name
    records = [json.loads(line) for line in path.open(encoding="utf-8")]
    spans = found = right = tp = fp = alarms = clean = 0
    wrong_flags: Counter = Counter()
    started = time.perf_counter()
    for record in records:
        text, correct, errors = record["text"], record["correct"], record["errors"]
        findings = general(checker.check(text))
        if not errors:
            clean += 1
            alarms += bool(findings)
        for error in errors:
            spans += 1
            hit = [f for f in findings if f.start < error["end"] and error["start"] < f.end]
            found += bool(hit)
            right += any(f.suggestion and correct[f.start:f.end] == f.suggestion for f in hit)
        for f in findings:
            if any(f.start < e["end"] and e["start"] < f.end for e in errors):
                tp += 1
            else:
                fp += 1
                wrong_flags[(f.code, f.found, f.suggestion)] += 1
    seconds = time.perf_counter() - started
    print(f"\n== ecspell {name}: {len(records)} sentences, {spans} error spans, {clean} error-free "
          f"({seconds:.1f} s)")
    print(f"  detection recall     {pct(found, spans):>6}  ({found}/{spans} spans overlapped by a ZG9 "
          "finding)")
    print(f"  correction accuracy  {pct(right, found):>6}  ({right}/{found} detected spans fixed exactly; "
          f"{pct(right, spans)} of all spans)")
    print(f"  precision            {pct(tp, tp + fp):>6}  ({tp}/{tp + fp} findings on a gold span)")
    print(f"  false-alarm rate     {pct(alarms, clean):>6}  ({alarms}/{clean} error-free sentences with a "
          "finding)")
    for (code, text, suggestion), n in wrong_flags.most_common(show):
        print(f"    {n} x {code} {text} -> {suggestion}")


def clean_text(checker, show: int) -> None:
    folder = SHARED / "clean"
    han = 0
    listed = []
    started = time.perf_counter()
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        han += len(HAN.findall(text))
        for f in general(checker.check(text)):
            listed.append((path.name, f.code, f.found, f.suggestion, round(f.confidence, 2),
                           text[max(0, f.start - 8):f.end + 8].replace("\n", " ")))
    seconds = time.perf_counter() - started
    print(f"\n== clean official text: {han} Han characters, {len(listed)} ZG9 findings = "
          f"{100000 * len(listed) / han:.2f} per 100,000 Han characters ({seconds:.1f} s)")
    for item in listed[:show]:
        print("   ", *item)


def pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "-"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("test", "train"), default="test")
    parser.add_argument("--min-confidence", type=float, default=None)
    parser.add_argument("--min-score", type=float, default=None,
                        help="the detector's own threshold (default: typos.MIN_SCORE): shows the trade-off")
    parser.add_argument("--show", type=int, default=10, help="list this many false positives per set")
    args = parser.parse_args()
    from zhguard import Checker, Config
    from zhguard.detect import typos

    if args.min_score is not None:
        typos.MIN_SCORE = args.min_score
    # the dictionary scan (ZG915, ZG916) is preview: select it with the rest of ZG9
    config = Config(select=("ZG9",)) if args.min_confidence is None else Config(
        select=("ZG9",), min_confidence=args.min_confidence)
    checker = Checker(config)
    print(f"zhguard general typos (ZG9), min_confidence={config.min_confidence}, "
          f"min_score={typos.MIN_SCORE}, split={args.split}")
    if (SHARED / "ecspell").is_dir():
        for domain in ("odw", "law"):
            ecspell(checker, f"{domain}.{args.split}.jsonl", args.show)
    else:
        print("\n== ecspell: skipped (../shared/data/ecspell is absent)")
    if (SHARED / "clean").is_dir():
        clean_text(checker, args.show)
    else:
        print("\n== clean: skipped (../shared/data/clean is absent)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
