"""Apply findings' suggestions to text: checked, non-overlapping, nothing else touched."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from zhguard.finding import Applicability, Category, Finding, Kind
from zhguard.history import governed

Recheck = Callable[[str], Iterable[Finding]]
# A listed wrong form (习进平) is wrong in any tense, and format and privacy fixes change no name: only
# these may be applied inside a phrase a history marker governs (原国家工商总局 stays as written).
_FIXABLE_IN_HISTORY = frozenset({Category.FORMAT, Category.PRIVACY})


def fixable(findings: Iterable[Finding], *, unsafe: bool = False, text: str | None = None) -> list[Finding]:
    """The findings whose first suggestion may be applied, sorted, overlaps dropped.

    With ``text``, a finding in a phrase that a history marker governs (原, 前, 时任 …) is left
    alone unless it is a listed wrong form or a format or privacy fix.
    """
    allowed = {Applicability.SAFE, Applicability.UNSAFE} if unsafe else {Applicability.SAFE}
    chosen: list[Finding] = []
    for finding in sorted(findings, key=lambda f: f.sort_key):
        if finding.applicability not in allowed or not finding.suggestions:
            continue
        if chosen and finding.start < chosen[-1].end:
            continue
        if text is not None and _in_history(text, finding):
            continue
        chosen.append(finding)
    return chosen


def _in_history(text: str, finding: Finding) -> bool:
    if finding.kind is Kind.KNOWN_WRONG or finding.category in _FIXABLE_IN_HISTORY:
        return False
    return governed(text, finding.start)


def apply_fixes(text: str, findings: Iterable[Finding], *, unsafe: bool = False,
                recheck: Recheck | None = None) -> str:
    """``text`` with every SAFE finding (and UNSAFE ones if ``unsafe``) replaced by its suggestion.

    The fixed text is checked again (with ``recheck``, by default the default checker's
    ``check``): a fix that creates a finding of its own (区工商局 → 区市场监管局 must not then be
    "corrected" to 总局) is dropped and its span keeps the original text.  A phrase that a history
    marker governs (原国家工商总局的有关职责…) keeps its names.

    Raises ValueError if a finding's span no longer holds its ``found`` text
    (the findings belong to another version of the text); text outside the
    fixed spans is returned unchanged.

    >>> from zhguard import check
    >>> t = "学习习进平讲话"
    >>> apply_fixes(t, check(t))
    '学习习近平讲话'
    """
    return fix_text(text, findings, unsafe=unsafe, recheck=recheck)[0]


def fix_text(text: str, findings: Iterable[Finding], *, unsafe: bool = False,
             recheck: Recheck | None = None) -> tuple[str, list[Finding]]:
    """``apply_fixes``, and the findings whose fixes were applied."""
    chosen = fixable(findings, unsafe=unsafe, text=text)
    for finding in chosen:
        if text[finding.start:finding.end] != finding.found:
            raise ValueError(f"finding {finding.code} at {finding.start}-{finding.end} expects "
                             f"{finding.found!r}, text has {text[finding.start:finding.end]!r}")
    if not chosen:
        return text, []
    if recheck is None:
        from zhguard import default_checker

        recheck = default_checker().check
    before = Counter(_identity(f) for f in recheck(text))
    while chosen:
        fixed, spans = _splice(text, chosen)
        culprits = _creators(list(recheck(fixed)), before, spans)
        if not culprits:
            return fixed, chosen
        chosen = [f for i, f in enumerate(chosen) if i not in culprits]
    return text, []


def _identity(finding: Finding) -> tuple[str, str]:
    """What makes two findings the same mistake, wherever an earlier fix moved it."""
    return finding.code, finding.found


def _splice(text: str, chosen: Sequence[Finding]) -> tuple[str, list[tuple[int, int]]]:
    """The text with ``chosen`` applied, and each replacement's span in it."""
    pieces: list[str] = []
    spans: list[tuple[int, int]] = []
    position = length = 0
    for finding in chosen:
        kept = text[position:finding.start]
        pieces.append(kept)
        length += len(kept)
        replacement = finding.suggestions[0]
        pieces.append(replacement)
        spans.append((length, length + len(replacement)))
        length += len(replacement)
        position = finding.end
    pieces.append(text[position:])
    return "".join(pieces), spans


def _distance(finding: Finding, span: tuple[int, int]) -> int:
    return min(abs(finding.start - span[1]), abs(span[0] - finding.end))


def _creators(after: list[Finding], before: Counter, spans: list[tuple[int, int]]) -> set[int]:
    """The indexes of the fixes that made a finding the text did not have: the fix whose new text
    the finding touches, else the nearest one (a fix can change a count or a context)."""
    left = before.copy()
    culprits: set[int] = set()
    for finding in after:
        identity = _identity(finding)
        if left[identity] > 0:
            left[identity] -= 1
            continue
        touching = {i for i, (start, end) in enumerate(spans)
                    if finding.start <= end and start <= finding.end}
        culprits |= touching or {min(range(len(spans)), key=lambda i: _distance(finding, spans[i]))}
    return culprits


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
