"""A place's Party committee named wrong: 江苏省省委书记 → 江苏省委书记, 天津市宣传部 → 天津市委宣传部.

A place's committee is its name with 委 (江苏省委, 南京市委, 朝阳区委), so its level is never doubled
(江苏省省委), and the committee's departments (组织部, 宣传部, 统战部, 政法委) belong to it, not to the place
(天津市宣传部).  Both are in the style guides editors work to and in published corrections
(benchmarks/data/real_cases.tsv).  The place must be a division's full name (places/divisions.tsv);
autonomous regions, prefectures and counties are left alone: their committees are 党委 or a short form
(西藏自治区党委, 延边州委), which no single character fixes.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from zhguard.detect import Candidate, Scan
from zhguard.finding import Category, Kind
from zhguard.lexicon.compile import CompiledLexicon

LEVELS = frozenset("省市县区")
DEPARTMENTS = ("组织部", "宣传部", "统战部", "政法委")
# 宣传部门 (propaganda departments in general) and 统战部署 are other words.
NOT_A_DEPARTMENT = frozenset("门署")
CONFIDENCE = 0.9


def detect(scan: Scan) -> Iterator[Candidate]:
    compiled, text = scan.compiled, scan.text
    table = compiled.places
    if table is None:
        return
    for hit, index in scan.places:
        name, full, _ = table.names[index]
        level = name[-1]
        if not full or level not in LEVELS or "自治" in name or len(name) <= 2:
            continue  # a two-character name is its level word too: 城区区委 is 城区's committee
        end = hit.end
        if text.startswith(level + "委", end):
            yield Candidate(hit.start, end + 2, Category.INSTITUTION, Kind.NONSTANDARD, (name + "委",),
                            CONFIDENCE, None, f"党委名称不规范：「{name}」的党委称「{name}委」，不重复“{level}”字")
            continue
        for department in DEPARTMENTS:
            after = end + len(department)
            if text.startswith(department, end) and text[after:after + 1] not in NOT_A_DEPARTMENT:
                yield Candidate(hit.start, after, Category.INSTITUTION, Kind.NONSTANDARD,
                                (name + "委" + department,), CONFIDENCE, None,
                                f"党委部门名称不规范：{department}是{name}委的工作部门，应称「{name}委{department}」")
