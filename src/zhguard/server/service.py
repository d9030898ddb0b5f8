"""The check behind the HTTP API: request options validated by name, run in a bounded pool with a deadline.

Nothing here knows about HTTP; ``app.py`` maps the exceptions to status codes.
"""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import hashlib
import logging
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from zhguard.checker import Checker
from zhguard.config import Config
from zhguard.finding import Finding
from zhguard.lexicon.load import bundled_files, user_files
from zhguard.rules import RULES, code_matches, is_code_prefix, selected

log = logging.getLogger(__name__)

# What a draft may be checked as; the name picks the adapter in zhguard.formats (by suffix).
FORMATS = {"plain": "draft.txt", "markdown": "draft.md", "html": "draft.html"}
FILE_OPTION_FIELDS = ("as_of", "select", "ignore", "min_confidence")  # an upload's suffix says its format
OPTION_FIELDS = (*FILE_OPTION_FIELDS, "format")


class FieldError(ValueError):
    """A request field is missing or wrong; the message starts with the field's name."""

    def __init__(self, field: str, reason: str) -> None:
        self.field = field
        super().__init__(f"{field}: {reason}")


class Busy(Exception):
    """Every worker was taken for the whole time limit: the check never started."""


class TooSlow(Exception):
    """The check started but did not finish within the time limit."""


@dataclass(frozen=True, slots=True)
class Options:
    """What one request may choose; None means the server's configuration decides."""

    as_of: dt.date | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    min_confidence: float | None = None
    format: str = "plain"


def parse_options(fields: Mapping[str, object], allowed: Sequence[str]) -> Options:
    """Options from a JSON object or form fields; raises FieldError naming the first bad field.

    Unknown fields are refused: a misspelt ``min_confidance`` must not pass silently.
    """
    for name in fields:
        if name not in allowed:
            raise FieldError(name, f"unknown field (expected one of {', '.join(allowed)})")
    options = Options()
    if fields.get("as_of") is not None:
        options = dataclasses.replace(options, as_of=_date("as_of", fields["as_of"]))
    for name in ("select", "ignore"):
        if fields.get(name) is not None:
            options = dataclasses.replace(options, **{name: _codes(name, fields[name])})
    if fields.get("min_confidence") is not None:
        options = dataclasses.replace(options, min_confidence=_confidence(fields["min_confidence"]))
    if fields.get("format") is not None:
        if fields["format"] not in FORMATS:
            raise FieldError("format", f"expected one of {', '.join(FORMATS)}")
        options = dataclasses.replace(options, format=fields["format"])
    return options


def _date(field: str, value: object) -> dt.date:
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise FieldError(field, "expected a date as YYYY-MM-DD")


def _codes(field: str, value: object) -> tuple[str, ...]:
    """A list of code prefixes, or one comma-separated string (what a form field can carry)."""
    items = value.split(",") if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
        raise FieldError(field, "expected a list of code prefixes such as [\"ZG1\", \"ZG201\"]")
    codes = tuple(item.strip().upper() for item in items if item.strip())
    for code in codes:
        if not is_code_prefix(code):
            raise FieldError(field, f"{code[:20]!r} is not a code prefix such as ZG1 or ZG101")
    return codes


def _confidence(value: object) -> float:
    if isinstance(value, str):  # a form field
        try:
            value = float(value)
        except ValueError:
            pass
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0.0 <= value <= 1.0:
        raise FieldError("min_confidence", "expected a number between 0 and 1")
    return float(value)


class CheckService:
    """One Checker shared by a few worker threads; each check has a deadline.

    The Checker is built with every rule selected and no confidence threshold, and each request's
    selection is applied to its findings afterwards.  That gives the findings a Checker built with
    the request's own settings would (selection is the checker's last step) without compiling one
    per request.
    """

    def __init__(self, config: Config, *, workers: int, timeout: float) -> None:
        everything = config._replace(select=("ZG",), ignore=(), min_confidence=0.0)
        self.config = config
        self.timeout = timeout
        self._checker = Checker(everything)
        # The first check loads the word model (seconds); pay that before serving, not in a request.
        self._checker.check("\n".join(rule.example for rule in RULES.values()))
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="zhguard-check")
        files = bundled_files() if config.bundled else []
        self.lexicon_version = lexicon_version(files + user_files(config.lexicons))

    def findings(self, text: str, options: Options, name: str | None = None) -> list[Finding]:
        """The findings the server's config plus ``options`` select; ``name``'s suffix picks the format."""
        from zhguard import formats

        config = self.config
        select = options.select if options.select is not None else config.select
        ignore = options.ignore if options.ignore is not None else config.ignore
        threshold = options.min_confidence if options.min_confidence is not None else config.min_confidence
        # as the CLI does: prose only, findings mapped back to the text (HTML character references)
        found = formats.check(self._checker, name or FORMATS[options.format], text, as_of=options.as_of)
        return [f for f in found
                if f.confidence >= threshold and selected(RULES[f.code], select)
                and not code_matches(f.code, ignore)]

    def fix(self, text: str, options: Options) -> tuple[str, int, list[Finding]]:
        """``text`` with its safe fixes applied as ``zhguard check --fix`` applies them: a fix that
        creates a finding of its own is dropped, and a phrase a history marker governs keeps its
        names.  Returns the fixed text, how many fixes were applied, and the fixed text's findings."""
        from zhguard.fix import fix_text

        findings = self.findings(text, options)
        fixed, applied = fix_text(text, findings, recheck=lambda draft: self.findings(draft, options))
        return fixed, len(applied), (self.findings(fixed, options) if applied else findings)

    async def run(self, function, *args):
        """``function(*args)`` on a worker thread; raises Busy or TooSlow after the time limit.

        A check cannot be interrupted, so one that overruns finishes on its worker and its result
        is dropped; the pool's size bounds how many can run at once.
        """
        future = self._pool.submit(function, *args)
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), self.timeout)
        except TimeoutError:
            # wait_for cancelled the future: that succeeds only for a check still in the queue
            if future.cancelled():
                raise Busy() from None
            raise TooSlow() from None

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)


def lexicon_version(files: Sequence[tuple[str, bytes]]) -> str:
    """12 hex digits of sha256 over every lexicon file's name and bytes: changes when the data does."""
    digest = hashlib.sha256()
    for name, data in files:
        digest.update(name.encode("utf-8") + b"\0" + len(data).to_bytes(8, "little") + data)
    return digest.hexdigest()[:12]
