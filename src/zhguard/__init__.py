"""zhguard: checks Chinese official text for errors in sensitive terms before it is published.

>>> import zhguard
>>> [f.code for f in zhguard.check("深入学习习进平总书记重要讲话")]
['ZG101']

Importing zhguard loads neither jieba nor pypinyin, so a pre-commit hook starts fast.
"""

from __future__ import annotations

__version__ = "0.1.0"

import datetime as dt
import functools
from typing import TYPE_CHECKING

from zhguard.errors import ConfigError, InputError, LexiconError, ZhguardError
from zhguard.finding import Applicability, Category, Finding, Kind, Severity
from zhguard.fix import apply_fixes
from zhguard.rules import RULES, Rule, Status

if TYPE_CHECKING:
    from zhguard.checker import Checker
    from zhguard.config import Config

__all__ = [
    "RULES", "Applicability", "Category", "Checker", "Config", "ConfigError", "Finding",
    "InputError", "Kind", "LexiconError", "Rule", "Severity", "Status", "ZhguardError",
    "__version__", "apply_fixes", "check", "default_checker",
]

@functools.cache
def default_checker() -> Checker:
    """The Checker with bundled lexicons and default config, built once per process.

    Two threads racing on the first call may both build one; both are equal
    and the cache keeps one, so no lock is needed.
    """
    from zhguard.checker import Checker

    return Checker()


def check(text: str, *, as_of: dt.date | None = None) -> list[Finding]:
    """Findings in ``text`` with the bundled lexicons; pure and thread-safe.

    Raises TypeError if ``text`` is not a str.
    """
    return default_checker().check(text, as_of=as_of)


def __getattr__(name: str) -> object:
    # Checker and Config import the matcher and lexicon machinery: load on first use.
    if name == "Checker":
        from zhguard.checker import Checker

        return Checker
    if name == "Config":
        from zhguard.config import Config

        return Config
    raise AttributeError(f"module 'zhguard' has no attribute {name!r}")
