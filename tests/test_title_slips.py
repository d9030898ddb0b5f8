"""A leader's title misspelt beside the name (detect/title_slips.py), measured over the class: every current
office in facts/title_binding.tsv, written before its holder's name with each simple slip."""

from __future__ import annotations

import datetime as dt

from zhguard.finding import Category

AS_OF = dt.date(2026, 3, 15)


def _current_titles(checker):
    table = checker.compiled.offices
    for person, offices in sorted(table.offices.items()):
        for office in offices:
            if office.status == "current" and len(person) >= 2:
                yield person, office.title


def _slips(checker, title):
    """One of each kind: the first character dropped, the middle one doubled, the last two swapped, and a
    look-alike and a same-sounding character for the last one (the head word's, outside any place name)."""
    compiled = checker.compiled
    yield title[1:]
    middle = len(title) // 2
    yield title[:middle + 1] + title[middle:]
    if title[-1] != title[-2]:
        yield title[:-2] + title[-1] + title[-2]
    last = title[-1]
    shapes = [c for c in compiled.shapes.get(last, "") if "\u4e00" <= c <= "\u9fff"]
    if shapes:
        yield title[:-1] + shapes[0]
    sound = compiled.sound
    same = [chr(p) for p in range(0x4E00, 0x9FA6)
            if chr(p) != last and sound.encode(chr(p)) == sound.encode(last)]
    if same:
        yield title[:-1] + same[0]


def test_most_slips_of_every_current_title_are_found_with_the_title(checker):
    cases = found = right = 0
    missed = []
    for person, title in _current_titles(checker):
        for wrong in _slips(checker, title):
            if wrong == title:
                continue
            text = f"会上，{wrong}{person}讲话。"
            start, end = 3, 3 + len(wrong)
            hits = [f for f in checker.check(text, as_of=AS_OF) if f.start < end and start < f.end]
            cases += 1
            found += bool(hits)
            # a slip in the division's name within the title is reported as that place's (陕省 of 陕省省长)
            fixed = [f for f in hits if f.category in (Category.TITLE, Category.PLACE) and f.suggestions
                     and text[:f.start] + f.suggestions[0] + text[f.end:] == text.replace(wrong, title, 1)]
            right += bool(fixed)
            if not hits:
                missed.append(wrong + person)
    assert cases > 500
    assert found / cases >= 0.95, missed[:20]
    assert right / cases >= 0.9


def test_titles_written_right_before_and_after_their_holders_are_quiet(checker):
    loud = []
    for person, title in _current_titles(checker):
        for text in (f"会议由{title}{person}主持。", f"{title}{person}、{person}同志出席。"):
            if any(f.code.startswith("ZG30") for f in checker.check(text, as_of=AS_OF)):
                loud.append(text)
    assert loud == []


def test_a_sites_own_officials_titles_are_read_too():
    """A site's bindings (examples/district: 郑志恒, 区委书记) feed the same reader."""
    from pathlib import Path

    from zhguard import Checker

    district = Checker(lexicons=[Path(__file__).resolve().parent.parent / "examples" / "district"])
    as_of = dt.date(2018, 5, 9)
    [finding] = district.check("区委书纪郑志恒同志莅临城厢街道。", as_of=as_of)
    assert (finding.code, finding.found, finding.suggestions) == ("ZG302", "区委书纪", ("区委书记",))
    assert district.check("区委书记郑志恒同志莅临城厢街道。", as_of=as_of) == []
