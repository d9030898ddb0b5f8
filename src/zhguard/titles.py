"""Title phrases written before a name: where one starts, whether it is a local body's, whether it is a head
word alone.  A minister's or governor's name is also many local officials' name (刘伟, 董军): the title
tells which person is meant (detect/binding.py, context.py)."""

from __future__ import annotations

import re

PARTY = "中共"
# No title runs across these (和 and 任 do: 住房和城乡建设部部长, 主任).
TITLE_STOPS = frozenset("由与及同向请经据是为对的")
# Heads of one national office: 总理李强 names the premier, while 主任刘伟 may be anyone's director.
NATIONAL_HEAD_CHARS = frozenset("总国")
NATIONAL_HEADS = frozenset({"委员长", "副委员长", "国务委员"})
# A body of a city, county, district, township or village before the head word (市委, 县长, 区人大, 镇党委,
# 市卫健委 at the title's start); province-level cities' names are taken out first (北京市委 is provincial).
LOCAL_BODY = re.compile(r"(?<!自治)(?<!行政)[市县区镇乡村](?:委|长|人民政府|政府|人大|政协|党委|党工委|纪委|监委)"
                        r"|^副?[市县区镇乡]")
PROVINCE_LEVEL_CITIES = re.compile("北京市|天津市|上海市|重庆市")


def title_tail(run: str) -> str:
    """The title phrase before a name, as far back as a function word (会议由市长 → 市长)."""
    cut = max((i + 1 for i, char in enumerate(run) if char in TITLE_STOPS), default=0)
    return run[cut:]


def is_local(title: str) -> bool:
    """A title of a city's, county's or township's body (市委书记, 副县长, 市卫健委主任), not a province's or
    the state's (湖南省委书记, 重庆市委书记, 住房和城乡建设部部长)."""
    return LOCAL_BODY.search(PROVINCE_LEVEL_CITIES.sub("", title.removeprefix(PARTY))) is not None


def is_bare_head(title: str, cue: str) -> bool:
    """The title is a head word naming no body (书记, 主任, 副省长) that many people hold: not a national
    office's (总理, 委员长) nor a governor's (省长: one per province, all in the facts)."""
    if title != cue and title != "副" + cue or title in NATIONAL_HEADS or NATIONAL_HEAD_CHARS & set(title):
        return False
    return title.startswith("副") or "省" not in title


# A governor's or a mayor's title: the place, its level character, the level character again and 长.
_HEAD_OF_GOVERNMENT = re.compile(r"(.+([省市]))\2长")
# A provincial party committee's secretary: 中共江苏省委书记, 中共宁夏回族自治区党委书记.
_PARTY_SECRETARY = re.compile(r"中共(.+?[省市区])党?委(副?书记)")
CONGRESS_SHORT, CONGRESS_FULL = "人大常委会", "人民代表大会常务委员会"


def full_forms(title: str) -> tuple[str, ...]:
    """An office's title as documents write it in full: a governor's or mayor's by the government's name
    (江苏省省长 → 江苏省人民政府省长), a standing committee's by the congress's (江苏省人大常委会主任 →
    江苏省人民代表大会常务委员会主任), a party secretary's by the committee's (中共江苏省委书记 →
    中国共产党江苏省委员会书记); none where there is no other form."""
    if match := _HEAD_OF_GOVERNMENT.fullmatch(title):
        return (f"{match[1]}人民政府{match[2]}长",)
    if match := _PARTY_SECRETARY.fullmatch(title):
        return (f"中国共产党{match[1]}委员会{match[2]}",)
    if CONGRESS_SHORT in title and not title.startswith("全国"):
        return (title.replace(CONGRESS_SHORT, CONGRESS_FULL, 1),)
    return ()
