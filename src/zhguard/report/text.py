"""``path:line:col: CODE [severity] message (置信度 0.95)``, one finding per line."""

from __future__ import annotations

from collections.abc import Iterator

from zhguard.report import FileResult


def format_findings(result: FileResult) -> Iterator[str]:
    """Lines for one document's findings (errors are reported by ``format_error``)."""
    if not result.findings:
        return
    index = result.index()
    for f in result.findings:
        line, col = index.position(f.start)
        yield (f"{result.path}:{line}:{col}: {f.code} [{f.severity.label}] {f.message} "
               f"(置信度 {f.confidence:.2f})")


def format_error(result: FileResult) -> str:
    return f"{result.path}: error: {result.error}"
