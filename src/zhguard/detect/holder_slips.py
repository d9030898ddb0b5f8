"""A name one slip from someone who held the office written just before it (ZG102–ZG106): 重庆市委书记袁家卷,
江苏省省长小涛, 司法部部长贺成荣, 陕西省省长 找刚.

The near-miss engine finds a leader's misspelt name by its sound and shape alone, and a bare name's
near miss needs a cue; a two-character name (赵刚, 李强) gets few.  A specific title (江苏省省长, not 省长)
says whose name follows: the holders of that office in the facts (facts/title_binding.tsv).  Where the
characters after the title are one slip from one holder's name (a same-sounding or look-alike character,
one dropped, one put inside, two neighbours swapped), and no known person's name stands there, the name
is misspelt.  A different person in that office is the binding rule's (ZG310), not a slip.
"""

from __future__ import annotations

from collections.abc import Iterator

from zhguard.detect import Candidate, Scan
from zhguard.detect.slips import slip
from zhguard.finding import Category, Kind
from zhguard.lexicon.canonical import canonical_names
from zhguard.lexicon.compile import CompiledLexicon
from zhguard.matcher import keyed, tagged
from zhguard.text import is_han
from zhguard.wordmodel import word_count

CONFIDENCE = 0.8
# Two holders' names one slip away: both are shown, none applied unseen.
AMBIGUOUS_PENALTY = 0.1
# The title and the name may stand apart by a space (陕西省省长 赵刚), as a byline or caption writes them.
SPACES = " \u3000"
MIN_WRITTEN = 2
# A two-character word this frequent in jieba's counts right after a shortened name (关于 13,762, 殷殷 62)
# says the name ends there, a character dropped.
FOLLOWING_WORD = 50


def detect(scan: Scan) -> Iterator[Candidate]:
    compiled, text, hits = scan.compiled, scan.text, scan.hits
    holders_of = compiled.title_holders
    if not holders_of:
        return
    people_at: set[int] | None = None
    for hit, holders in keyed(hits, holders_of):
        at = hit.end
        while at < len(text) and at - hit.end < 2 and text[at] in SPACES:
            at += 1
        if at >= len(text) or not is_han(text[at]):
            continue
        if people_at is None:
            # where a known person's name begins: one with offices, or any leader's name written right
            # (李克强, a former premier: 国务院总理李克强 is no 李强 misspelt)
            leaders = canonical_names(compiled, Category.LEADER_NAME)
            people_at = {person.start for person, _ in tagged(compiled, hits, "person")} | {
                hit.start for hit, pattern in tagged(compiled, hits, "correct") if pattern.surface in leaders}
        if at in people_at:
            continue  # a known person's name: right, or the binding rule's
        found = _slips(compiled, text, at, holders)
        if not found:
            continue
        end = found[0][1]
        names = tuple(dict.fromkeys(name for name, stop, _ in found if stop == end))
        kind = found[0][2]
        written = text[at:end]
        confidence = CONFIDENCE - (AMBIGUOUS_PENALTY if len(names) > 1 else 0.0)
        title = text[hit.start:hit.end]
        yield Candidate(at, end, Category.LEADER_NAME, kind, names, round(confidence, 3), "facts/title_binding.tsv",
                        f"领导人姓名疑有错误：「{title}」之后的「{written}」应为「{'」或「'.join(names)}」")


def _slips(compiled: CompiledLexicon, text: str, at: int, holders: tuple[str, ...]) -> list[tuple[str, int, Kind]]:
    """(holder, end of the written name, kind) for each holder whose name the text after ``at`` misspells;
    a same-length reading first, then one with a character put inside, then one with a character dropped."""
    found = []
    for name in holders:
        same = text[at:at + len(name)]
        # one character replaced by an unrelated one (袁家卷) reads as no dropped one before it, unless
        # what follows the shorter name is a word (任振|关于, 魏小|殷殷嘱托); a character put inside
        # (赵能刚, 李家高超) is read whatever the same-length string is
        unrelated = len(same) == len(name) and all(map(is_han, same)) \
            and sum(a != b for a, b in zip(same, name)) == 1 and _name_slip(compiled, same, name) is None
        for length in (len(name), len(name) + 1, len(name) - 1):
            written = text[at:at + length]
            if len(written) != length or length < MIN_WRITTEN or not all(map(is_han, written)):
                continue
            following = text[at + length:at + length + 2]
            if unrelated and length < len(name) and (len(following) < 2
                                                      or word_count(following) < FOLLOWING_WORD):
                continue
            kind = _name_slip(compiled, written, name)
            if kind is not None:
                found.append((name, at + length, kind))
                break
    return found


def _name_slip(compiled: CompiledLexicon, written: str, name: str) -> Kind | None:
    """One slip anywhere in a name, fuzzy pinyin included: the title leaves no other reading (陈吉磷)."""
    return slip(written, name, compiled, suffix=False, fuzzy=True)
