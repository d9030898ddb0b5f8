"""Place bound to the wrong parent: 湖南省宜昌市 (宜昌 is in 湖北), 宜昌市江夏区 (江夏 is in 武汉).

Two division names written back to back are read as "parent + child"; the
child must lie below the parent in places/divisions.tsv.  Guards against
ordinary text: a province's short name must be followed by a full name (or a
short name not followed by a street word: 上海南京路 is a road, not 南京), and
a prefecture + county pair needs both full names.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from zhguard.detect import Candidate, Scan
from zhguard.finding import Category, Kind
from zhguard.lexicon.compile import CompiledLexicon, PlaceTable

# After two short names, these characters mean a street, station or building named after a place.
STREET = frozenset("路街道巷桥站店厦馆园港湾口门楼村镇乡里")
DIRECTIONS = frozenset("东西南北中")
MUNICIPALITIES = frozenset({"110000", "120000", "310000", "500000"})
FULL_PAIR_CONFIDENCE = 0.95
MIXED_PAIR_CONFIDENCE = 0.9
SHORT_PAIR_CONFIDENCE = 0.75


def detect(scan: Scan) -> Iterator[Candidate]:
    compiled, text = scan.compiled, scan.text
    table = compiled.places
    if table is None or not text:
        return
    by_start: dict[int, list[tuple[int, int]]] = {}
    first_start: dict[int, int] = {}  # end → the earliest start of a name ending there
    for hit, place in scan.places:
        by_start.setdefault(hit.start, []).append((hit.end, place))
        first_start[hit.end] = min(hit.start, first_start.get(hit.end, hit.start))
    for start, starts_here in by_start.items():
        for middle, parent_index in starts_here:
            if first_start[middle] < start:
                continue  # 鞍山市 inside 马鞍山市: the longer name is the one written
            children = by_start.get(middle, ())
            # 北京市朝阳区: 朝阳 (a city in 辽宁) starts 朝阳区, a district of 北京市; one consistent reading
            # of the names written there is enough.
            if any(_below(table, parent_index, child_index) for _, child_index in children):
                continue
            for end, child_index in children:
                candidate = _judge(table, text, start, middle, end, parent_index, child_index)
                if candidate is not None:
                    yield candidate


def _below(table: PlaceTable, parent_index: int, child_index: int) -> bool:
    """The child name names a division below one reading of the parent name."""
    parents = table.names[parent_index][2]
    return any(p in table.ancestors(c)[1:] for p in parents for c in table.names[child_index][2])


def _street(text: str, end: int) -> bool:
    """A street, station or building named after the place: 南京路, 南京东路, 广安门."""
    if text[end:end + 1] in DIRECTIONS:
        end += 1
    return end < len(text) and text[end] in STREET


def _judge(table: PlaceTable, text: str, start: int, middle: int, end: int,
           parent_index: int, child_index: int) -> Candidate | None:
    parent_name, parent_full, parent_codes = table.names[parent_index]
    child_name, child_full, child_codes = table.names[child_index]
    parents = [c for c in parent_codes if table.division(c).level != "county"]
    if not parents:
        return None
    levels = {table.division(c).level for c in parents}
    provincial = [c for c in child_codes if table.division(c).level == "province"]
    if provincial and parent_full and child_full and levels == {"province"} and not _in_a_list(table, text, start, end):
        # 河北省天津市: a province-level division is under no province
        child = table.division(provincial[0])
        reason = (f"地名归属错误：「{child.name}」是省级行政区，不属于「{parent_name}」；"
                  f"「{text[start:end]}」应为「{child.name}」")
        return Candidate(start, end, Category.PLACE, Kind.WRONG_BINDING, (child.name,), FULL_PAIR_CONFIDENCE,
                         child.origin, reason)
    if "province" not in levels and not (parent_full and child_full):
        return None  # prefecture + county only with both full names
    if not child_full and _street(text, end):
        return None  # 上海市南京东路, 北京市广安门: a street or gate named after the place
    if child_full and len(child_name) == 2 and child_name.endswith("区"):
        return None  # 合肥市郊区: the suburbs, not 阳泉市's district named 郊区 (also 城区, 矿区)
    if not parent_full and not child_full and MUNICIPALITIES.intersection(parents):
        return None  # 北京朝阳, 上海南京: municipalities' short names head too many other names
    # A child one level below what the parent is: a prefecture (or a county governed directly by the
    # province) under a province, a county under a prefecture.
    wanted = "province" if "province" in levels else "prefecture"
    children = [table.division(c) for c in child_codes
                if table.division(c).parent and table.division(table.division(c).parent).level == wanted]
    if not children:
        return None
    suggestions = tuple(dict.fromkeys(
        _parent_form(table, child.parent, parent_full) + text[middle:end] for child in children))
    where = "、".join(dict.fromkeys(table.division(child.parent).name for child in children))
    confidence = (FULL_PAIR_CONFIDENCE if parent_full and child_full else
                  MIXED_PAIR_CONFIDENCE if parent_full or child_full else SHORT_PAIR_CONFIDENCE)
    reason = (f"地名归属错误：「{text[middle:end]}」不属于「{parent_name}」，而属于{where}；"
              f"「{text[start:end]}」应为「{'」或「'.join(suggestions)}」")
    return Candidate(start, end, Category.PLACE, Kind.WRONG_BINDING, suggestions, confidence,
                     table.division(children[0].code).origin, reason)


def _in_a_list(table: PlaceTable, text: str, start: int, end: int) -> bool:
    """北京市天津市河北省: a third province-level name before or after the pair makes a list, not a parent
    and a child."""
    names = [row[1] for row in table.rows.values() if row[3] == "province"]
    return any(text.startswith(name, end) or text.endswith(name, 0, start) for name in names)


def _parent_form(table: PlaceTable, code: str, full: bool) -> str:
    division = table.division(code)
    return division.name if full else division.short
