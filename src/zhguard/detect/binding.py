"""A true title bound to the wrong person, or a past office named as current (code ZG310).

The seed notice's case: 区委书记郑志恒 written 市委书记郑志恒.  For a person with
known offices (facts/title_binding.tsv, or the user's own bindings file), the
title written right before the name must be one they hold on the document's
date (``as_of``).  Otherwise: if they held it once, the page names a past
office as current; if they never held it, the title is bound to the wrong
person.  时任, 原 and 前 before the title mark history and are not checked.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from zhguard.detect import Candidate, Scan, title_slips
from zhguard.finding import Category, Kind
from zhguard.lexicon.compile import Office, OfficeTable
from zhguard.lexicon.model import HISTORICAL
from zhguard.matcher import tagged
from zhguard.text import han_run_before
from zhguard.titles import PARTY, full_forms, is_bare_head, is_local, title_tail

HISTORY_MARKS = ("时任", "原", "前", "曾任")
SAR, SAR_SHORT = "特别行政区", "特区"
# A level-only title (省长) stands for the page's own place after these, not after another place's name
# (青海省委书记 is Qinghai's).
GENERIC_BEFORE = frozenset("由和与及同对向请经据是为任")
NOT_CURRENT = frozenset({"removed", "under_investigation"})
LOOKBACK = 16
CONFIDENCE = 0.9
# An office whose status could not be verified is shown only below the default threshold.
UNVERIFIED_CONFIDENCE = 0.4
# A head word alone (书记, 主任) names no body: shown below the default threshold (titles.is_bare_head).
BARE_HEAD_CONFIDENCE = 0.4


def detect(scan: Scan) -> Iterator[Candidate]:
    compiled, text, hits, title_cues, as_of = scan.compiled, scan.text, scan.hits, scan.judge.title_cues, scan.as_of
    table = compiled.offices
    if table is None or not text:
        return
    titles: title_slips.TitleReader | None = None
    for hit, pattern in tagged(compiled, hits, "person"):
        person, start = pattern.surface, hit.start
        run = han_run_before(text, start, LOOKBACK)
        cue = next((c.cue for c in title_cues if run.endswith(c.cue)), None)
        if cue is None:
            continue
        if titles is None:
            titles = title_slips.reader(scan)
        if titles.before(text, start, person) is not None:
            continue  # 中共青海沈委书记: the person's own title misspelt (title_slips.py), not another's office
        candidate = _judge(table, text, person, start, run, cue, as_of)
        if candidate is not None:
            yield candidate


def _judge(table: OfficeTable, text: str, person: str, start: int, run: str, cue: str,
           as_of: dt.date) -> Candidate | None:
    offices = tuple(o for o in table.offices[person] if o.status != HISTORICAL)
    if not offices:
        return None  # a retired leader's offices without dates: read for spelling only (title_slips.py)
    written = _formal_title(run, cue, offices) or _title_phrase(table, run, cue, offices)
    title_start = start - len(written)
    if text.endswith(HISTORY_MARKS, 0, title_start):
        return None
    current = [o for o in offices if _holds(o, as_of)]
    if any(_same_office(written, o, cue) for o in current):
        return None
    if any(run.endswith(form) and (len(run) == len(form) or run[-len(form) - 1] in GENERIC_BEFORE)
           for o in current for form in _generic_forms(o)):
        return None  # 会议由省长王正谱主持: the office named by its level alone (省长 of 河北省省长)
    tail = title_tail(run)
    if is_local(tail) and not any(is_local(o.title) for o in offices):
        return None  # 副市长刘伟, 区委书记王志刚: a local official of the same name as a minister or governor
    past = [o for o in offices if _same_office(written, o, cue)]
    if not past and not current:
        return None  # a retired leader's earlier post (团中央第一书记李克强): the facts hold the last offices only
    suggestions = tuple(dict.fromkeys(o.title for o in current if o.title.endswith(cue))) or tuple(
        dict.fromkeys(o.title for o in current))
    holds = "、".join(dict.fromkeys(o.title for o in current)) or "（无在任职务记录）"
    confidence = CONFIDENCE
    if past:
        office = past[-1]
        if office.status == "unverified":
            reason = f"职务状态待核实：{person}「{written}」的现任状态未能核实，请核对后发布"
            confidence = UNVERIFIED_CONFIDENCE
        elif office.status in NOT_CURRENT and (office.valid_to is None or as_of >= office.valid_to):
            state = "已被立案审查" if office.status == "under_investigation" else "已被免职或开除"
            reason = f"职务状态有误：{person}{state}，不宜称为「{written}」；{as_of.isoformat()}时其在任职务：{holds}"
        elif office.valid_from is not None and as_of < office.valid_from:
            reason = (f"职务与日期不符：{person}于{office.valid_from.isoformat()}起任「{written}」，"
                      f"{as_of.isoformat()}时尚未担任；其时在任职务：{holds}")
        else:
            until = f"已于{office.valid_to.isoformat()}卸任" if office.valid_to else "已不再担任"
            reason = f"职务已变更：{person}{until}「{written}」；{as_of.isoformat()}时其在任职务：{holds}"
        successors = _holders(table, office.title, as_of, person)
        if successors and confidence == CONFIDENCE:
            reason += f"；现任{office.title}：{'、'.join(successors)}"
        origin = office.origin
    else:
        reason = f"职务与人员不符：{person}的职务不是「{written}」；{as_of.isoformat()}时其在任职务：{holds}"
        origin = offices[0].origin
        if is_bare_head(tail, cue):
            reason += "（仅有职务称谓，也可能是同名的另一人）"
            confidence = BARE_HEAD_CONFIDENCE
    return Candidate(title_start, start, Category.TITLE, Kind.WRONG_BINDING, suggestions, confidence,
                     origin, reason)


def _holders(table: OfficeTable, title: str, as_of: dt.date, other_than: str) -> list[str]:
    """Who holds ``title`` on ``as_of`` by the facts (the message names them: 现任…)."""
    return [person for person, offices in table.offices.items()
            if person != other_than and any(o.title == title and _holds(o, as_of) for o in offices)]


def _holds(office: Office, as_of: dt.date) -> bool:
    """In office on ``as_of``.  A removed or investigated person's office ends at valid_to (the day
    it was announced), and with no date it is never current; an unverified one is never current."""
    if office.status in ("unverified", HISTORICAL):
        return False
    if office.status in NOT_CURRENT and office.valid_to is None:
        return False
    started = office.valid_from is None or office.valid_from <= as_of
    if office.status in NOT_CURRENT:
        return started and as_of < office.valid_to
    return started and (office.valid_to is None or as_of <= office.valid_to)


def _same_title(written: str, title: str) -> bool:
    """国家主席 matches 国家主席; 主席 alone matches any 主席 office; 市委书记 does not match 区委书记."""
    return title.endswith(written) or written.endswith(title)


def _formal_forms(office: Office, cue: str) -> tuple[str, ...]:
    """The office's title, and its formal full form where the cue is the title's head word: the body's
    full name and the head (中华人民共和国主席 for 国家主席, 中国人民政治协商会议全国委员会主席 for
    全国政协主席).  国务院副总理's head is 副总理, so 国务院总理 is no form of it."""
    head = office.title[:-len(cue)]
    in_full = full_forms(office.title)  # 安徽省人民政府省长 for 安徽省省长, 中国共产党…委员会书记 for 中共…委书记
    if office.org and office.title.endswith(cue) and head and head[-1] not in title_slips.HEAD_MODIFIERS:
        return (office.title, office.org + cue, *in_full)
    return (office.title, *in_full)


def _generic_forms(office: Office) -> tuple[str, ...]:
    """The office named by its level alone, as a page of that place writes it: 省长 for 河北省省长,
    省人大常委会主任 for 四川省人大常委会主任, 省委书记 for 中共河北省委书记."""
    title = office.title.removeprefix(PARTY)
    if not office.org or not title.startswith(office.org):
        return ()
    rest = title[len(office.org):]
    level = office.org[-1]
    return tuple(form for form in (rest if rest.startswith(level) else level + rest,) if len(form) >= 2)


def _formal_title(run: str, cue: str, offices: tuple[Office, ...]) -> str | None:
    """The longest formal full form of one of the person's offices (held or not) ending the run."""
    forms = [form for o in offices for form in _formal_forms(o, cue)[1:] if run.endswith(form)]
    return max(forms, key=len, default=None)


def _same_office(written: str, office: Office, cue: str) -> bool:
    written = written.replace(SAR_SHORT, SAR)  # 香港特区行政长官: the title shortened as pages write it
    return any(_same_title(written, form) for form in _formal_forms(office, cue))


def _title_phrase(table: OfficeTable, run: str, cue: str, offices: tuple[Office, ...]) -> str:
    """The title written before the name: the longest known title ending the run, else as long as the
    person's own title it most resembles (市委书记 against 区委书记), else the cue word."""
    # 青海省委书记 is 中共青海省委书记 as pages write it: the party's name before a committee is optional;
    # 香港特区行政长官 is 香港特别行政区行政长官 shortened as pages write it
    known = [form for t in table.titles for form in (t, t.removeprefix(PARTY), t.replace(SAR, SAR_SHORT))
             if form and run.endswith(form)]
    if known:
        return max(known, key=len)
    lengths = [len(form) for o in offices for form in (o.title, o.title.removeprefix(PARTY))
               if form.endswith(cue) and len(form) <= len(run)]
    if not lengths:
        return cue
    phrase = run[-max(lengths):]
    # 会议由省长: the title starts after a function word, not as far back as the person's own title
    return title_tail(phrase[:-len(cue)]) + phrase[-len(cue):]
