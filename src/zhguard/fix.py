"""Apply findings' suggestions to text: checked, non-overlapping, nothing else touched."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

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


def write_fixed(path: Path, original: bytes, fixed_text: str, encoding: str = "utf-8") -> None:
    """Replace ``path`` with ``fixed_text`` atomically, keeping its encoding, BOM and permissions.

    The file is re-read first: if it changed since ``original`` was read, nothing is written
    (raises InputError).  The new content goes to a temporary file in the same directory, is
    flushed to disk, then renamed over the original, so a crash leaves the old file or the new
    one, never half of either.  Line ends are whatever the text holds (it was decoded as is).
    """
    import os
    import shutil
    import tempfile

    from zhguard.errors import InputError

    try:
        current = path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot read before fixing: {exc.strerror or exc}") from None
    if current != original:
        raise InputError(str(path), "changed while it was being checked; not fixed")
    data = fixed_text.encode(encoding)  # utf-8-sig writes the BOM back
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".zhguard-tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        shutil.copymode(path, tmp)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
