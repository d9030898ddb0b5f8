"""History markers: 原, 前, 时任, 曾任, 已撤销 … make the rest of their phrase a statement about the past.

``原国家工商总局的有关职责已划入…`` names the former body on purpose, and ``前国家质检总局局长``,
``原区环保局局长`` name a former office: neither is an outdated name, and no fix may rewrite them
(issue 24).  A marker governs its phrase up to the next clause punctuation, not only the next
character: 原 governs 区环保局 in 原区环保局局长.  A one-character marker that is part of an ordinary
word (原则, 高原, 目前, 前进) marks nothing, unless the name follows right after it (原文化部).
"""

from __future__ import annotations

import re

# Multi-character markers of a past office or body.
_WORD_MARKERS = ("时任", "曾任", "历任", "原任", "前任", "已撤销", "撤销", "不再保留", "更名前", "改革前")
# 原 and 前 mark history unless they are part of one of these words, or of a place's name (太原市,
# 固原市, 镇原县, 原平市, 原阳县, 原州区, 前郭县: 太原市环保局 is an outdated name, not a former one).
_NOT_HISTORY_BEFORE = {
    "原": "高平草太中还复病抗燎荒雪本九五固镇清",
    "前": "目当眼面提向空门跟胸阵台窗床超",
}
_NOT_HISTORY_AFTER = {
    "原": "则因来本料始创告理先有文件貌样地油生稿籍形版装价谅子汁味产型声野初点数计作著住平阳州",
    "前": "进往沿列提景期后面方夕线来者端瞻行途茅所哨台场院厅排卫置缀奏兆车锋额赴述郭",
}
# The end of a phrase: a marker governs nothing beyond it.
_PHRASE_END = re.compile(r"[，。；：！？,;:!?\n\r]")
_LOOKBACK = 40


def inside_a_marker(text: str, at: int) -> bool:
    """``text[at]`` is a multi-character marker's second character or later (曾任|任振鹤, 曾任|区城乡规划局):
    a span starting there takes the marker's character for a name's."""
    return any(text.startswith(marker, at - back) for marker in _WORD_MARKERS
               for back in range(1, len(marker)) if at - back >= 0)


def holds_a_marker(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` holds a multi-character marker (时任|区 read as a document's 时任某区): a span
    that takes a marker into a name reads the marker as a name's characters."""
    span = text[start:end]
    return any(marker in span for marker in _WORD_MARKERS)


def marks_history(text: str, at: int) -> bool:
    """``text[at]`` is 原 or 前 marking history (原某区, 前国家质检总局), not a character of an ordinary word
    or a place (原则, 太原, 原平市, 前进)."""
    char = text[at:at + 1]
    if char not in _NOT_HISTORY_BEFORE:
        return False
    before, after = text[at - 1:at] if at > 0 else "", text[at + 1:at + 2]
    return not (before and before in _NOT_HISTORY_BEFORE[char]) \
        and not (after and after in _NOT_HISTORY_AFTER[char])


def governed(text: str, start: int) -> bool:
    """True if a history marker before ``start`` in the same phrase governs the text at ``start``.

    >>> governed("原区环保局局长", 2)
    True
    >>> governed("目前区环保局要", 3)
    False
    """
    low = max(0, start - _LOOKBACK)
    phrase_start = low
    for match in _PHRASE_END.finditer(text, low, start):
        phrase_start = match.end()
    phrase = text[phrase_start:start]
    if any(marker in phrase for marker in _WORD_MARKERS):
        return True
    for offset, char in enumerate(phrase):
        if char not in _NOT_HISTORY_BEFORE:
            continue
        position = phrase_start + offset
        if position + 1 == start:
            return True  # right before the name: 原文化部 and 前卫生部 are former bodies, not 原文 or 前卫
        if marks_history(text, position):
            return True
    return False
