"""Another city's name in the site's own slogan: 热爱西安 on 烟台's site, 共建文明郑州 on 延安's.

Sites copy each other's banners and notices and forget a name (published cases in
benchmarks/data/real_cases.tsv).  Only with ``Config.place`` set (the site's own division): a province's or
prefecture's name, full or short, right after a slogan word (热爱, 建设, 共建文明, 和谐, 平安 …) is reported
unless it is the site's place, lies above it or below it.  Any other mention of another city is ordinary
news and left alone; a name followed by a street word (南阳路) is a street.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from zhguard.detect import Candidate, Scan
from zhguard.detect.places import STREET
from zhguard.errors import ConfigError
from zhguard.finding import Category, Kind
from zhguard.lexicon.compile import CompiledLexicon, PlaceTable
from zhguard.matcher import Hit

# Words a local slogan puts right before the place it praises (建设和谐潜江, 构建和谐平安漯河, 热爱西安).
SLOGAN_WORDS = ("热爱", "建设", "共建", "构建", "爱我", "和谐", "文明", "平安", "美丽", "魅力", "幸福",
                "宜居")
CONFIDENCE = 0.75


def detect(scan: Scan) -> Iterator[Candidate]:
    """``own``: the codes of the site's place (site_codes); nothing to do without one."""
    compiled, text, own = scan.compiled, scan.text, scan.site
    table = compiled.places
    if not own or table is None:
        return
    for hit, index in scan.places:
        if not text.endswith(SLOGAN_WORDS, 0, hit.start):
            continue
        name, full, codes = table.names[index]
        if hit.end < len(text) and text[hit.end] in STREET:
            continue
        if all(table.division(c).level == "county" for c in codes):
            continue  # a county's short name is no name here, and county names are too many to judge
        if any(_related(table, c, own) for c in codes):
            continue
        site = table.division(own[0])
        suggestion = site.name if full else site.short
        yield Candidate(hit.start, hit.end, Category.PLACE, Kind.OTHER_PLACE, (suggestion,), CONFIDENCE, None,
                        f"本站所在地为「{site.name}」，宣传语中却写「{name}」：疑为套用他地模板")


def site_codes(compiled: CompiledLexicon, place: str | None) -> tuple[str, ...]:
    """The division codes of the site's place (a full name: 烟台市); an unknown name is a ConfigError."""
    if not place or compiled.places is None:
        return ()
    codes = tuple(code for name, full, cs in compiled.places.names if name == place and full for code in cs)
    if not codes:
        raise ConfigError("config", "place", f"{place!r} is not the full name of an administrative division "
                                             "(e.g. 烟台市)")
    return codes


def _related(table: PlaceTable, code: str, own: tuple[str, ...]) -> bool:
    """The same division, one above the site (its province) or one below it (its counties)."""
    return any(code == site or code in table.ancestors(site) or site in table.ancestors(code) for site in own)
