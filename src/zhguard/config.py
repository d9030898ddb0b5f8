"""What a user can set; defaults favour precision. File loading lives in ``config_file``."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from zhguard.finding import Severity

DEFAULT_MIN_CONFIDENCE = 0.5


class Config(NamedTuple):
    """Selection by code prefix (``ZG1`` = all leader-name rules), thresholds and lexicons.

    ``lexicons`` are extra TSV files or directories in the bundled format;
    ``bundled=False`` checks against the user's lexicons alone.  ``exclude``
    (globs), ``per_file_ignores`` (glob → code prefixes) and ``encoding`` (of
    the files, instead of detecting UTF-8 or GB18030) are for the CLI.
    ``place`` is the site's own division (烟台市): another city's name in a
    local slogan (热爱西安) is then reported.  ``config._replace(...)`` makes a changed copy (a
    NamedTuple, as Finding, for the start-up time).
    """

    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    min_confidence: float = DEFAULT_MIN_CONFIDENCE
    fail_on: Severity = Severity.WARNING
    lexicons: tuple[str, ...] = ()
    as_of: dt.date | None = None
    bundled: bool = True
    exclude: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    encoding: str | None = None
    place: str | None = None
