"""A people's congress's offices named as another level has them (ZG312): 镇人大主任 → 镇人大主席, 省人大主任
→ 省人大常委会主任.

《中华人民共和国地方各级人民代表大会和地方各级人民政府组织法》(2022 amendment):
- Art. 18: the congress of a 乡, 民族乡 or 镇 has a 主席 (and 副主席), and no standing committee;
- Arts. 46–47: the congresses of provinces, autonomous prefectures, counties, cities and districts have a
  standing committee, headed by a 主任 (and 副主任): 县人大常委会主任, not 县人大主席 (a 主席团, the
  session's presidium, is another body).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from zhguard.detect import Candidate, Scan
from zhguard.finding import Category, Kind

ORIGIN = "地方组织法（2022）第十八条、第四十六条、第四十七条"
CONFIDENCE = 0.85
TOWNSHIP = "乡镇"
ABOVE = "省市县区州"
# (pattern, the level characters one of which must stand right before it, the right form given the
# match, message).  The patterns start with a literal, which re scans for in C; the level character
# before is checked on the few matches (a look-behind first made re try every position: 25x slower).
RULES = (
    (re.compile(r"(人大|人民代表大会)(?:常委会|常务委员会)(副?)(主任)?"), TOWNSHIP,
     lambda m: m.group(1) + (f"{m.group(2)}主席" if m.group(3) else m.group(2)),
     "乡镇人民代表大会不设常务委员会，设主席、副主席"),
    (re.compile(r"人大(副?)主任"), TOWNSHIP,
     lambda m: f"人大{m.group(1)}主席", "乡镇人民代表大会设主席、副主席，不设主任"),
    (re.compile(r"人大(副?)主席(?!团)"), ABOVE,
     lambda m: f"人大常委会{m.group(1)}主任", "县级以上人民代表大会常务委员会设主任、副主任，不设主席"),
    # the standing committee's head is its 主任: 省人大主任 leaves the committee out (the news of 1998
    # writes it in headlines; the style guides and the law name 人大常委会主任)
    (re.compile(r"人大(副?)主任"), ABOVE,
     lambda m: f"人大常委会{m.group(1)}主任", "县级以上人民代表大会的主任、副主任是其常务委员会的职务"),
)


def detect(scan: Scan) -> Iterator[Candidate]:
    text = scan.text
    if "人大" not in text and "人民代表大会" not in text:
        return
    for pattern, levels, right, why in RULES:
        for match in pattern.finditer(text):
            if match.start() == 0 or text[match.start() - 1] not in levels:
                continue
            fix = right(match)
            reason = f"人大职务称谓不规范：{why}；「{match.group()}」应为「{fix}」"
            yield Candidate(match.start(), match.end(), Category.TITLE, Kind.NONSTANDARD, (fix,), CONFIDENCE,
                            ORIGIN, reason)
