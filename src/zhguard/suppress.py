"""Inline suppression in any comment syntax, and ZG001 for a suppression that silenced nothing.

    学习习进平讲话 <!-- zhguard: ignore[ZG101] -->     the line itself
    # zhguard: ignore-next-line[ZG4]                  the next line
    zhguard: disable[ZG7] … zhguard: enable[ZG7]      a block (disable without codes: everything)

A bare ``zhguard: ignore`` silences every code on its line.  The directive is
found by a regular expression, so it works inside HTML, Markdown, TeX or
plain-text comments alike (codespell and autocorrect do the same).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from zhguard.finding import Applicability, Category, Finding, Kind, Severity
from zhguard.rules import code_matches
from zhguard.text import LineIndex

DIRECTIVE = re.compile(r"zhguard:\s*(?P<verb>ignore-next-line|ignore|disable|enable)"
                        r"(?:\[(?P<codes>[A-Za-z0-9, ]*)\])?")
ALL = ("ZG",)


class Directive(NamedTuple):
    start: int
    end: int
    verb: str
    codes: tuple[str, ...]
    lines: tuple[int, int]  # the lines it silences, 1-based, inclusive


MARK = "zhguard:"  # no directive without it


def directives(text: str) -> list[Directive]:
    if MARK not in text:
        return []
    index = LineIndex(text)
    last_line = index.position(len(text))[0]
    found: list[Directive] = []
    open_blocks: list[tuple[re.Match[str], tuple[str, ...]]] = []
    for m in DIRECTIVE.finditer(text):
        verb = m.group("verb")
        codes = tuple(c.strip().upper() for c in (m.group("codes") or "").split(",") if c.strip()) or ALL
        line = index.position(m.start())[0]
        if verb == "ignore":
            found.append(Directive(m.start(), m.end(), verb, codes, (line, line)))
        elif verb == "ignore-next-line":
            found.append(Directive(m.start(), m.end(), verb, codes, (line + 1, line + 1)))
        elif verb == "disable":
            open_blocks.append((m, codes))
        else:  # enable closes the latest block with the same codes, or the latest block
            for i in range(len(open_blocks) - 1, -1, -1):
                if codes == ALL or open_blocks[i][1] == codes:
                    start, block_codes = open_blocks.pop(i)
                    found.append(Directive(start.start(), start.end(), "disable", block_codes,
                                           (index.position(start.start())[0], line)))
                    break
    for start, block_codes in open_blocks:  # a block never enabled runs to the end
        found.append(Directive(start.start(), start.end(), "disable", block_codes,
                               (index.position(start.start())[0], last_line)))
    return found


def apply(text: str, findings: Sequence[Finding], report_unused: bool = True) -> list[Finding]:
    """The findings no directive silences, plus a ZG001 finding for each directive that silenced nothing."""
    marks = directives(text)
    if not marks:
        return list(findings)
    index = LineIndex(text)
    used = [False] * len(marks)
    kept = []
    for finding in findings:
        line = index.position(finding.start)[0]
        silenced = False
        for i, mark in enumerate(marks):
            if mark.lines[0] <= line <= mark.lines[1] and code_matches(finding.code, mark.codes):
                used[i] = silenced = True
        if not silenced:
            kept.append(finding)
    if report_unused:
        kept.extend(_unused(text, mark) for mark, was_used in zip(marks, used) if not was_used)
    return sorted(kept, key=lambda f: f.sort_key)


def _unused(text: str, mark: Directive) -> Finding:
    codes = "" if mark.codes == ALL else f"[{','.join(mark.codes)}]"
    return Finding(
        start=mark.start, end=mark.end, code="ZG001", found=text[mark.start:mark.end], suggestions=(),
        category=Category.META, kind=Kind.UNUSED_SUPPRESSION, severity=Severity.WARNING, confidence=1.0,
        applicability=Applicability.DISPLAY_ONLY,
        message=f"抑制指令「zhguard: {mark.verb}{codes}」没有抑制任何问题，可以删除", origin=None)
