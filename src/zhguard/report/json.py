"""A versioned JSON document: each file has either ``findings`` or an ``error``.

Schema 1: ``{"schema": 1, "version", "files": [{"path", "findings": [...]} |
{"path", "error"}]}``; each finding adds 1-based ``line`` and code-point
``column`` to ``Finding.to_dict()``, and ``found_masked``: ``found`` as a report may show it
(personal data masked, ZG82x).  ``found`` itself stays exact, ``text[start:end] == found``
(issue 24), so a tool that edits the file by offsets can check what it replaces; publish
``found_masked``, never ``found``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from zhguard import __version__
from zhguard.report import FileResult, shown

SCHEMA = 1


def format_results(results: Iterable[FileResult]) -> str:
    files = [file_record(result) for result in results]
    document = {"schema": SCHEMA, "version": __version__, "files": files}
    return json.dumps(document, ensure_ascii=False, indent=2)


def file_record(result: FileResult) -> dict:
    """One file's entry: ``{"path", "findings"}`` or ``{"path", "error"}``."""
    if result.error is not None:
        return {"path": result.path, "error": result.error}
    index = result.index()
    findings = []
    for finding in result.findings:
        line, column = index.position(finding.start)
        findings.append({**finding.to_dict(), "found_masked": shown(finding), "line": line, "column": column})
    return {"path": result.path, "findings": findings}


def format_line(result: FileResult) -> str:
    """JSON Lines (--format jsonl): one file's entry on one line, printed as soon as it is checked."""
    return json.dumps({"schema": SCHEMA, **file_record(result)}, ensure_ascii=False)
