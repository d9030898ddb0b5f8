"""SARIF 2.1.0 for code scanning (GitHub reads it): ruleId = code, code-point columns.

Columns are counted in Unicode code points (``run.columnKind``), because a
character of CJK Extension B is one code point but two UTF-16 units.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from zhguard import __version__
from zhguard.finding import Severity
from zhguard.report import FileResult
from zhguard.rules import RULES

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def format_results(results: Iterable[FileResult]) -> str:
    sarif_results = []
    notifications = []
    used = {}
    for result in results:
        uri = Path(result.path).as_posix()
        if result.error is not None:
            notifications.append({"level": "error", "message": {"text": f"{result.path}: {result.error}"},
                                  "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}}}]})
            continue
        index = result.index()
        for f in result.findings:
            start_line, start_column = index.position(f.start)
            end_line, end_column = index.position(f.end)
            used[f.code] = RULES[f.code]
            item = {
                "ruleId": f.code,
                "level": _LEVEL[f.severity],
                "message": {"text": f.message},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": uri},
                    "region": {"startLine": start_line, "startColumn": start_column,
                               "endLine": end_line, "endColumn": end_column},
                }}],
                "properties": {"confidence": round(f.confidence, 3), "category": f.category.value,
                               "kind": f.kind.value, "applicability": f.applicability.value},
            }
            sarif_results.append(item)
    rules = [{
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        "properties": {"category": rule.category.value, "kind": rule.kind.value,
                       "status": rule.status.value},
    } for rule in sorted(used.values(), key=lambda r: r.code)]
    run = {
        "tool": {"driver": {"name": "zhguard", "version": __version__, "rules": rules}},
        "columnKind": "unicodeCodePoints",
        "results": sarif_results,
    }
    if notifications:
        run["invocations"] = [{"executionSuccessful": False,
                               "toolExecutionNotifications": notifications}]
    return json.dumps({"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}, ensure_ascii=False, indent=2)
