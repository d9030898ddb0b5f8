"""Reporters: pure functions from results to text; only the CLI prints."""

from __future__ import annotations

from dataclasses import dataclass

from zhguard.finding import Finding


@dataclass(frozen=True, slots=True)
class FileResult:
    """One document's outcome: its findings, or the error that kept it from being checked."""

    path: str
    text: str = ""
    findings: tuple[Finding, ...] = ()
    error: str | None = None
