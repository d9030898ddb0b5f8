"""The held-out parts of the evaluation sets, fixed in code before anything was tuned on them.

Nothing is tuned on a held-out part: no word list, model, threshold or guard is built or chosen by
looking at it.  Every benchmark reports the held-out figures first; the tune part only shows that
nothing broke.

- clean-2026 (``../shared/data/clean-2026``, 22 provincial work reports): the 8 provinces listed in
  HELD_OUT_PROVINCES.  They are the first 8 of the 22 when sorted by the SHA-256 of the province's
  name (``held_out_by_hash``), listed here so the split never moves if the folder grows.
- the real-case table (``benchmarks/data/real_cases.tsv``): whole sources (a publisher, or a report's
  address where the publisher is blank) go to the test part, taken in the order of the SHA-256 of
  the source until the test part holds at least 30% of the cases (``real_case_part``).
"""

from __future__ import annotations

import csv
import hashlib
import re
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
CLEAN_2026 = SHARED / "clean-2026"
CASES = ROOT / "benchmarks" / "data" / "real_cases.tsv"
HAN = re.compile(r"[\u4e00-\u9fff]")

HELD_OUT_PROVINCES = ("福建省", "黑龙江省", "北京市", "上海市", "陕西省", "西藏自治区", "内蒙古自治区", "湖北省")
HELD_OUT_COUNT = len(HELD_OUT_PROVINCES)
TEST_SHARE = 0.30

HELD_OUT = "held-out"
TUNE = "tune"


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def province(path: Path) -> str:
    """``2026_北京市_政府工作报告.txt`` → ``北京市``."""
    return path.stem.split("_")[1]


def held_out_by_hash(provinces: list[str], count: int = HELD_OUT_COUNT) -> tuple[str, ...]:
    """The rule HELD_OUT_PROVINCES was drawn by (a test checks it still gives the same list)."""
    return tuple(sorted(provinces, key=_sha)[:count])


def clean_2026_files() -> list[Path]:
    return sorted(CLEAN_2026.glob("*.txt")) if CLEAN_2026.is_dir() else []


def clean_2026(part: str) -> Iterator[tuple[str, str]]:
    """(province, text) of one part (HELD_OUT or TUNE) of clean-2026; nothing where it is absent."""
    for path in clean_2026_files():
        name = province(path)
        if (name in HELD_OUT_PROVINCES) == (part == HELD_OUT):
            yield name, path.read_text(encoding="utf-8")


def han_count(text: str) -> int:
    """Han characters as the data README counts them: code points U+4E00–U+9FFF."""
    return len(HAN.findall(text))


def case_source(row: dict[str, str]) -> str:
    return row["publisher"].strip() or row["source_url"].strip()


def read_cases(path: Path = CASES) -> list[dict[str, str]]:
    lines = [line for line in path.open(encoding="utf-8") if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def test_sources(rows: list[dict[str, str]], share: float = TEST_SHARE) -> frozenset[str]:
    """Whole sources, in SHA-256 order, until they hold ``share`` of the rows."""
    by_source: dict[str, int] = {}
    for row in rows:
        by_source[case_source(row)] = by_source.get(case_source(row), 0) + 1
    chosen: set[str] = set()
    held = 0
    for source in sorted(by_source, key=_sha):
        if held >= share * len(rows):
            break
        chosen.add(source)
        held += by_source[source]
    return frozenset(chosen)


def real_case_part(row: dict[str, str], chosen: frozenset[str]) -> str:
    """HELD_OUT (the test part) or TUNE for one row of the real-case table."""
    return HELD_OUT if case_source(row) in chosen else TUNE
