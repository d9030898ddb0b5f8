"""Apply findings' suggestions to text: checked, non-overlapping, nothing else touched."""

from __future__ import annotations

from collections.abc import Iterable

from zhguard.finding import Applicability, Finding


def fixable(findings: Iterable[Finding], *, unsafe: bool = False) -> list[Finding]:
    """The findings whose first suggestion may be applied, sorted, overlaps dropped."""
    allowed = {Applicability.SAFE, Applicability.UNSAFE} if unsafe else {Applicability.SAFE}
    chosen: list[Finding] = []
    for finding in sorted(findings, key=lambda f: f.sort_key):
        if finding.applicability not in allowed or not finding.suggestions:
            continue
        if chosen and finding.start < chosen[-1].end:
            continue
        chosen.append(finding)
    return chosen


def apply_fixes(text: str, findings: Iterable[Finding], *, unsafe: bool = False) -> str:
    """``text`` with every SAFE finding (and UNSAFE ones if ``unsafe``) replaced by its suggestion.

    Raises ValueError if a finding's span no longer holds its ``found`` text
    (the findings belong to another version of the text); text outside the
    fixed spans is returned unchanged.

    >>> from zhguard import check
    >>> t = "学习习进平讲话"
    >>> apply_fixes(t, check(t))
    '学习习近平讲话'
    """
    pieces: list[str] = []
    position = 0
    for finding in fixable(findings, unsafe=unsafe):
        if text[finding.start:finding.end] != finding.found:
            raise ValueError(f"finding {finding.code} at {finding.start}-{finding.end} expects "
                             f"{finding.found!r}, text has {text[finding.start:finding.end]!r}")
        pieces.append(text[position:finding.start])
        pieces.append(finding.suggestions[0])
        position = finding.end
    pieces.append(text[position:])
    return "".join(pieces)
