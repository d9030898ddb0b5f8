"""zhguard beside a peer, pycorrector, on the same texts: throughput and which real errors each finds.

pycorrector's rule-based correctors are the peers that install offline from PyPI: ProperCorrector
(proper nouns by pinyin and stroke similarity, with its bundled name lists).  Its language-model
and neural correctors download models at run time, which this machine (and a government network)
cannot, so they are not compared.  pycorrector needs torch and transformers: run this in a venv of
its own, never the project's:

    python3 -m venv /tmp/peer && /tmp/peer/bin/pip install pycorrector==1.1.4 torch -e .
    /tmp/peer/bin/python benchmarks/peer_pycorrector.py

Prints load time, characters per second on the clean corpus (or the real cases where it is
absent), and on benchmarks/data/real_cases.tsv how many errors each flags and fixes right.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from quality import SHARED, load_cases  # noqa: E402

SAMPLE_CHARS = 30_000  # pycorrector's corrector works sentence by sentence in Python: keep it short


def main() -> None:
    start = time.perf_counter()
    try:
        from pycorrector.proper_corrector import ProperCorrector
    except ImportError:
        sys.exit("pycorrector is not installed here; see this file's docstring")
    peer = ProperCorrector()
    peer_load = time.perf_counter() - start
    start = time.perf_counter()
    import zhguard
    from zhguard.checker import Checker

    checker = Checker()
    checker.check("各单位要认真学习贯彻会议精神，推动工作落实，宽严相济。")  # loads the word model and typo tables
    ours_load = time.perf_counter() - start

    cases = list(load_cases())
    clean = sorted((SHARED / "clean").glob("*.txt"))
    text = "\n".join(p.read_text(encoding="utf-8") for p in clean) if clean else \
        "\n".join(context for _, context, *_ in cases)
    text = text[:SAMPLE_CHARS]
    lines = [line for line in text.split("\n") if line.strip()]
    peer_seconds = _timed(lambda: [peer.correct(line) for line in lines])
    ours_seconds = _timed(lambda: checker.check(text))

    counts = {"zhguard": [0, 0], "pycorrector": [0, 0]}
    for _, context, begin, end, expected in cases:
        findings = [f for f in checker.check(context) if f.start < end and begin < f.end]
        counts["zhguard"][0] += bool(findings)
        counts["zhguard"][1] += any(context[:f.start] + (f.suggestion or f.found) + context[f.end:] == expected
                                    for f in findings)
        result = peer.correct(context)
        errors = [e for e in result["errors"] if e[2] < end and begin < e[2] + len(e[0])]
        counts["pycorrector"][0] += bool(errors)
        counts["pycorrector"][1] += result["target"] == expected

    print(f"zhguard {zhguard.__version__} beside pycorrector ProperCorrector, one run on this machine")
    print(f"  import+load: zhguard {ours_load:.2f} s, pycorrector {peer_load:.2f} s")
    print(f"  throughput:  {len(text):,} characters; zhguard {len(text) / ours_seconds:,.0f} chars/s, "
          f"pycorrector {len(text) / peer_seconds:,.0f} chars/s (ratio {peer_seconds / ours_seconds:.1f})")
    for name, (found, right) in counts.items():
        print(f"  real cases:  {name:<11} any finding on the error {found}/{len(cases)}, "
              f"right fix {right}/{len(cases)}")


def _timed(work) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
