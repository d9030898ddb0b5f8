"""Law titles cited in 《》: a repealed law cited as current (ZG611), a mis-cited title (ZG612), a law
cited as a regulation (《中华人民共和国行政处罚条例》, ZG612).

A citation in 《》 that is not a known title but lies within a small edit
distance of exactly one law in force is a mis-citation: 《中华中人民共和国刑事诉讼法》,
《中华人民共和国共物防疫法》.  rapidfuzz finds the nearest title in C.  A
substituted character must sound the same as the one it replaces: a single
different character may name another law (海关法, 海商法), so only omissions,
insertions, transpositions and homophones are trusted.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterator

from zhguard.detect import Candidate, Scan
from zhguard.finding import Applicability, Category, Kind
from zhguard.lexicon.compile import CompiledLexicon

_CITATION = re.compile(r"《([^《》\n]{3,40})》")
PREFIX = "中华人民共和国"
REGULATION = "条例"
LAW = "法"
# 《…合同法》同时废止, 原《…》: a text that states the repeal, or names the law as former, is right.
REPEAL_WORDS = re.compile(r"》\s*(?:同时|即行|予以|一并)?(?:废止|失效|停止施行)")
HISTORY_MARKS = ("原", "已废止的", "废止的")
CONFIDENCE = 0.85
# Characters a cited title may lack, in order, of a law's (《中华人民共物防疫法》 dropped 和国动).
MAX_DROPPED = 3
REPEALED_CONFIDENCE = 0.95
# What a document about a law adds to the law's title at least (释义, 修正案, 实施条例).
DOCUMENT_WORD = 2


def detect(scan: Scan) -> Iterator[Candidate]:
    compiled, text, as_of = scan.compiled, scan.text, scan.as_of
    table = compiled.laws
    if table is None:
        return
    yield from _without_book_marks(table.in_force, text)
    if "《" not in text:
        return
    for match in _CITATION.finditer(text):
        title = match.group(1)
        start, end = match.span(1)
        if title in table.known:
            repealed = table.repealed.get(title)
            if (repealed is not None and as_of >= repealed[0]
                    and not REPEAL_WORDS.match(text, end)
                    and not text.endswith(HISTORY_MARKS, 0, match.start())):
                date, successor, origin = repealed
                reason = (f"法律已废止：《{title}》自{date.year}年{date.month}月{date.day}日起废止，"
                          f"现行为《{successor}》（引用历史法律请注明）")
                yield Candidate(start, end, Category.LAW_NAME, Kind.OUTDATED, (successor,),
                                REPEALED_CONFIDENCE, origin, reason, Applicability.DISPLAY_ONLY)
            continue
        if title in table.regulations:
            continue  # 《国防交通条例》: a regulation of its own, beside the 国防交通法
        candidate = _miscited(compiled, title, start, end)
        if candidate is not None:
            yield candidate


def _without_book_marks(titles: tuple[str, ...], text: str) -> Iterator[Candidate]:
    """A law's full title in running text without 《》 (or 〈〉 inside a title): a warning."""
    if PREFIX not in text:
        return
    for match in _titles_pattern(titles).finditer(text):
        position, end = match.span()
        found = match.group()
        opened = position > 0 and text[position - 1] in "《〈"
        if not opened and not _alone_on_its_line(text, position, end):
            yield Candidate(position, end, Category.FORMAT, Kind.MISSING_BOOK_MARKS, (f"《{found}》",),
                            0.9, None, f"引用法律全称应加书名号：《{found}》", Applicability.UNSAFE)


@functools.cache
def _titles_pattern(titles: tuple[str, ...]) -> re.Pattern[str]:
    """One alternation of every title, longest first, so the regex engine (in C) finds them."""
    return re.compile("|".join(re.escape(t) for t in sorted(titles, key=len, reverse=True)))


def _alone_on_its_line(text: str, start: int, end: int) -> bool:
    """A title that is the whole line is a heading (the law's own title), not a citation."""
    before = text.rfind("\n", 0, start) + 1
    after = text.find("\n", end)
    after = len(text) if after == -1 else after
    return not text[before:start].strip() and not text[end:after].strip()


def _names_a_law_first(known: frozenset[str], title: str) -> bool:
    """``title`` begins with a known law's full title and goes on by a word or more (修正案, 实施条例, 释义;
    not one character, as in 宪法法, a character written twice)."""
    return any(title[:end] in known for end in range(len(PREFIX) + 2, len(title) - DOCUMENT_WORD + 1))


def _miscited(compiled: CompiledLexicon, title: str, start: int, end: int) -> Candidate | None:
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    table = compiled.laws
    assert table is not None
    if not (title.endswith(("法", "法典", "条例")) or title.startswith(PREFIX)):
        return None
    law = title.removesuffix(REGULATION) + LAW if title.endswith(REGULATION) else None
    if law is not None and title.startswith(PREFIX) and law in table.in_force:
        # 《中华人民共和国行政处罚条例》: a law cited as a regulation (the state's own regulations that
        # carry its name are named for no law of the same words); where a regulation has the title
        # without the state's name (国防交通条例 beside the 国防交通法), either may be meant
        reason = f"法律名称有误：《{law}》是法律，不是条例"
        regulation = table.regulations.get(title.removeprefix(PREFIX))
        suggestions = (law,) if regulation is None else (law, regulation[0])
        return Candidate(start, end, Category.LAW_NAME, Kind.NONSTANDARD, suggestions, CONFIDENCE,
                         table.origins.get(law), reason, Applicability.UNSAFE)
    # (a measure's title, X办法, is read so only where X办条例 is a regulation: 社会保险经办条例)
    regulation = table.regulations.get(title.removeprefix(PREFIX).removesuffix(LAW) + REGULATION) \
        if title.endswith(LAW) else None
    if regulation is not None:
        # 《政府信息公开法》: no law has this title (the laws table is complete to its date), a
        # regulation has it with 条例; the fix keeps the state's name only where it was written
        official, origin = regulation
        fix = official if title.startswith(PREFIX) else official.removeprefix(PREFIX)
        reason = f"名称有误：《{official}》是行政法规，不是法律"
        return Candidate(start, end, Category.LAW_NAME, Kind.NONSTANDARD, (fix,), CONFIDENCE, origin, reason,
                         Applicability.UNSAFE)
    if _names_a_law_first(table.known, title):
        return None  # 《中华人民共和国宪法修正案》, 《…实施条例》: a document of its own about that law
    limit = 1 if len(title) < 8 else 2 if len(title) < 12 else 3
    # OSA: two neighbours swapped (育教法) is one edit, as a dropped or a replaced character is
    best = process.extract(title, table.in_force, scorer=OSA.distance, score_cutoff=limit, limit=None)
    nearest_laws = [law for law, distance, _ in best if distance == best[0][1]] if best else []
    if best and best[0][1] == 1:
        # one edit away from several: a replaced character must sound like the one it replaces
        # (中华人民共和国役法 is one edit from 兵役法, 宪法 and 刑法; only 兵役法's is a slip)
        nearest_laws = [law for law in nearest_laws if _trusted_edits(compiled, title, law)]
    if not nearest_laws and len(title) >= 8:
        # 中华人民共物防疫法: three characters dropped (和国动), as near to 刑法 and 宪法 by distance; only
        # the one law the title is a part of, in order, is meant
        nearest_laws = [law for law in table.in_force
                        if len(law) - len(title) <= MAX_DROPPED and _dropped_from(title, law)]
    if len(nearest_laws) != 1:
        return None  # nothing near, or two laws equally near: not ours to guess
    nearest = nearest_laws[0]
    if not _trusted_edits(compiled, title, nearest):
        return None
    reason = f"法律名称有误：《{title}》应为《{nearest}》"
    return Candidate(start, end, Category.LAW_NAME, Kind.NONSTANDARD, (nearest,), CONFIDENCE,
                     table.origins.get(nearest), reason, Applicability.UNSAFE)


def _dropped_from(short: str, long: str) -> bool:
    """``short`` is ``long`` with some characters left out (a subsequence)."""
    chars = iter(long)
    return all(char in chars for char in short)


def _trusted_edits(compiled: CompiledLexicon, written: str, title: str) -> bool:
    """Every replaced character sounds like the one it replaces (fuzzy pinyin included: 著卓权法) or looks
    like it (城乡抱划法), or two replaced neighbours are the title's swapped (育教法); insertions and
    deletions always.  Inside 《》 a title one such edit from one law's is that law's."""
    from rapidfuzz.distance import Levenshtein

    sound, shapes = compiled.sound, compiled.shapes
    replaced = [op for op in Levenshtein.editops(written, title) if op.tag == "replace"]
    if len(replaced) == 2 and replaced[1].src_pos == replaced[0].src_pos + 1 \
            and written[replaced[0].src_pos] == title[replaced[1].dest_pos] \
            and written[replaced[1].src_pos] == title[replaced[0].dest_pos]:
        return True
    for op in replaced:
        a, b = written[op.src_pos], title[op.dest_pos]
        if not (sound is not None and sound.hear(a) == sound.hear(b)
                or a in shapes.get(b, "") or b in shapes.get(a, "")):
            return False
    return True
