"""Institution names left unchanged after a reorganisation: 环保局 → 生态环境局 (code ZG411).

Whether a name is outdated depends on the document's date (``as_of``): a
2017 notice may say 环保局.  Renames chain (银监会 → 银保监会 → 金融监管总局),
and the suggestion is the name in force on that date.  A name written as a
former one (原环保局, 前国家安监总局, 原区环保局局长) is history, not an error: a marker governs the
rest of its phrase (see zhguard.history).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence

from zhguard.detect import Candidate, Scan
from zhguard.finding import Applicability, Category, Kind
from zhguard.history import governed
from zhguard.lexicon.compile import CompiledLexicon, RenameTable
from zhguard.matcher import CorrectSpans, Hit, tagged

CENTRAL_CONFIDENCE = 0.95
LOCAL_CONFIDENCE = 0.9
_MAX_CHAIN = 5


def detect(scan: Scan) -> Iterator[Candidate]:
    compiled, text, hits, correct, as_of = scan.compiled, scan.text, scan.hits, scan.correct, scan.as_of
    table = compiled.renames
    if table is None or not text:
        return
    for hit, pattern in tagged(compiled, hits, "renamed"):
        old, start, end = pattern.surface, hit.start, hit.end
        if governed(text, start) or correct.covers(start, end):
            continue
        if old.endswith("部") and text.startswith("门", end):
            continue  # 纪检、监察部门: such departments in general, not the former 监察部
        found = _successors(table, old, as_of)
        if found is None:
            continue
        names, first, scope, origin = found
        if _successor_written(table, old, names, text, start):
            continue  # 县生态环境保护局: the words of 生态环境局 are written, the hit is not the old name
        written = _written_prefix(names, old, text, start)
        start -= max(written, 0)  # 国家|监察部: the fix is 国家监察委员会 for both, never 国家国家监察委员会
        old = text[start:end]
        current = "」或「".join(names)
        if scope == "local":
            reason = (f"机构名称已变更：机构改革后不再使用「{old}」，现名「{current}」（地方机构改革于"
                      f"{first.year}年{first.month}月前基本完成；各地名称可能不同，请以本地机构名称为准）")
        else:
            reason = (f"机构名称已变更：「{old}」自{first.year}年{first.month}月{first.day}日起不再使用，"
                      f"现名「{current}」")
        central = scope == "central"
        # A central body's single successor is safe to apply; local names vary from place to place.
        applicability = (Applicability.SAFE if central and len(names) == 1 else
                         Applicability.UNSAFE if len(names) == 1 and written >= 0 else
                         Applicability.DISPLAY_ONLY)
        if _title_changes(old, names, text, end):
            # 国家旅游局局长 is no 文化和旅游部局长, 法制办主任 no 司法局主任: the office is another one
            applicability = Applicability.DISPLAY_ONLY
            reason += "；其负责人职务名称也随之不同，请人工核对"
        yield Candidate(start, end, Category.INSTITUTION, Kind.OUTDATED, names,
                        CENTRAL_CONFIDENCE if central else LOCAL_CONFIDENCE, origin, reason,
                        applicability)


# The head of a body by the last character of its name: 局 → 局长, 部 → 部长, 委 / 办 → 主任 …
_HEAD_BY_SUFFIX = {"局": "局长", "部": "部长", "厅": "厅长", "署": "署长", "委": "主任", "办": "主任",
                   "室": "主任", "会": "主任", "院": "院长"}
_OFFICE_WORDS = ("局长", "部长", "厅长", "署长", "主任", "主席", "院长", "副局长", "副部长", "副厅长",
                 "副署长", "副主任", "副主席", "副院长")


def _title_changes(old: str, names: Sequence[str], text: str, end: int) -> bool:
    """True if an office word follows ``old`` and a successor's head has another title: the fix
    would rename the office too."""
    if not text.startswith(_OFFICE_WORDS, end):
        return False
    head = _HEAD_BY_SUFFIX.get(old[-1])
    return head is None or any(_HEAD_BY_SUFFIX.get(name[-1]) != head for name in names)


# Words that only say whose body it is: 国家监察部 and 地方金融办 are the old names, not 国家监察委员会's
# or 地方金融管理局's words.
_SCOPE_WORDS = frozenset({"国家", "中央", "地方", "省", "市", "县", "区", "乡", "镇"})


def _successor_written(table: RenameTable, old: str, names: Sequence[str], text: str, start: int) -> bool:
    """True if the text before ``old`` ends with the words a successor name writes before ``old``'s first
    two characters: 生态 + 环境保护局 is a 生态环境(保护)局, a name in the new words, not the old 环境保护局."""
    successors = {name for rename in table.renames.get(old, ()) for name in rename[1]} | set(names)
    head = old[:2]
    for name in successors:
        at = name.find(head, 1)
        while at > 0:
            if name[:at] not in _SCOPE_WORDS and text.endswith(name[:at], 0, start):
                return True
            at = name.find(head, at + 1)
    return False


def _written_prefix(names: Sequence[str], old: str, text: str, start: int) -> int:
    """How many characters right before ``old`` begin its successors' names (国家 before 监察部, whose
    successor is 国家监察委员会; 地方 before 金融办): the span takes them, or the fix would write them
    twice.  -1 where the successors disagree (no span fits every fix)."""
    widths = set()
    for name in names:
        widths.add(next((n for n in range(len(name) - 1, 0, -1)
                         if not old.startswith(name[:n]) and text.endswith(name[:n], 0, start)), 0))
    return widths.pop() if len(widths) == 1 else -1


def _successors(table: RenameTable, old: str, as_of: dt.date
                ) -> tuple[tuple[str, ...], dt.date, str, str] | None:
    """The names in force on ``as_of`` for ``old`` (following renames of the successors), the date
    ``old`` went out of use, and the scope and origin of that first rename."""
    renames = [r for r in table.renames.get(old, ()) if r[0] <= as_of]
    if not renames:
        return None
    first, names, scope, origin = renames[-1]
    effective = first
    for _ in range(_MAX_CHAIN):
        later = [r for name in names for r in table.renames.get(name, ()) if effective <= r[0] <= as_of]
        if not later:
            break
        effective, names, _, _ = max(later)
    return names, first, scope, origin


