"""A national congress session numbered in the other body's order: 全国政协 and 全国人大 differ.

The National People's Congress is "x届全国人大x次会议" (十四届全国人大二次会议), the CPPCC "全国政协x届x
次会议" (全国政协十四届二次会议); writing one in the other's order is a common slip that the style notes
on the two sessions' wording name first (rmrb-2020-lianghui-words in SOURCES.tsv; benchmarks/data/
real_cases.tsv).  Only the short forms are checked: the full names (第十四届全国人民代表大会第二次会议,
中国人民政治协商会议第十四届全国委员会第二次会议) have no such twin.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from zhguard.detect import Candidate, Scan
from zhguard.finding import Category, Kind

NUMBER = "[一二三四五六七八九十]{1,3}"
# (wrong form, its fix, the body); a term number starts the match (never a digit of it), and 第 before it
# is another wording, left alone.
PATTERNS = (
    (re.compile(f"全国人大({NUMBER})届({NUMBER})次会议"), r"\1届全国人大\2次会议", "全国人大"),
    (re.compile(f"(?<![第一二三四五六七八九十])({NUMBER})届全国政协({NUMBER})次会议"),
     r"全国政协\1届\2次会议", "全国政协"),
)
ORDER = {"全国人大": "x届全国人大x次会议", "全国政协": "全国政协x届x次会议"}
CONFIDENCE = 0.9
SOURCE = "rmrb-2020-lianghui-words"


def detect(scan: Scan) -> Iterator[Candidate]:
    text = scan.text
    if "全国" not in text:
        return
    for pattern, fix, body in PATTERNS:
        if body not in text:
            continue  # a plain substring test in C first: the patterns' look-behind tries every position
        for match in pattern.finditer(text):
            yield Candidate(match.start(), match.end(), Category.INSTITUTION, Kind.NONSTANDARD,
                            (match.expand(fix),), CONFIDENCE, SOURCE,
                            f"会议届次写法不规范：{body}的会议称「{ORDER[body]}」")
