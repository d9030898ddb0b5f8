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
    files = []
    for result in results:
        if result.error is not None:
            files.append({"path": result.path, "error": result.error})
            continue
        index = result.index()
        findings = []
        for finding in result.findings:
            line, column = index.position(finding.start)
            record = {**finding.to_dict(), "found_masked": shown(finding), "line": line, "column": column}
            findings.append(record)
        files.append({"path": result.path, "findings": findings})
    document = {"schema": SCHEMA, "version": __version__, "files": files}
    return json.dumps(document, ensure_ascii=False, indent=2)
