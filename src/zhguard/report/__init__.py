"""Reporters: pure functions from results to text; only the CLI prints."""

from __future__ import annotations

from typing import NamedTuple

from zhguard.finding import Category, Finding
from zhguard.text import LineIndex


class FileResult(NamedTuple):
    """One document's outcome: its findings, or the error that kept it from being checked."""

    path: str
    text: str = ""
    findings: tuple[Finding, ...] = ()
    error: str | None = None
    # For a document checked in segments (its text is not kept): the line:col of each finding's
    # start and end offset, computed while its segment was in memory.
    positions: dict[int, tuple[int, int]] | None = None

    def index(self):
        """What turns an offset into (line, column): a LineIndex of the text, or the positions."""
        if self.positions is not None:
            return _Positions(self.positions)
        return LineIndex(self.text)


def shown(finding: Finding, part: str | None = None) -> str:
    """What a report may show of ``finding.found`` (or of ``part`` of it): personal data is reported
    by position and masked form, never repeated in full."""
    if finding.category is Category.PRIVACY:
        return finding.suggestion or "*" * len(finding.found)
    return finding.found if part is None else part


class _Positions:
    __slots__ = ("_table",)

    def __init__(self, table: dict[int, tuple[int, int]]) -> None:
        self._table = table

    def position(self, offset: int) -> tuple[int, int]:
        return self._table[offset]
