"""Errors that name the place: every message starts with ``file:line`` or the file."""

from __future__ import annotations


class ZhguardError(Exception):
    """Base of every error zhguard raises on purpose; the CLI maps it to exit code 2."""


class LexiconError(ZhguardError):
    """A lexicon file is missing or has a bad row: ``path:line: reason``."""

    def __init__(self, path: str, line: int | None, reason: str) -> None:
        self.path = path
        self.line = line
        self.reason = reason
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {reason}")


class ConfigError(ZhguardError):
    """A configuration file or option is wrong: ``path: key: reason``."""

    def __init__(self, path: str, key: str | None, reason: str) -> None:
        self.path = path
        self.key = key
        self.reason = reason
        where = f"{path}: {key}" if key else path
        super().__init__(f"{where}: {reason}")


class InputError(ZhguardError):
    """A document cannot be read or decoded: ``path: reason``."""

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")
