"""Read ``zhguard.toml`` or ``[tool.zhguard]`` in ``pyproject.toml`` into a Config.

Unknown keys and bad values are ConfigErrors naming the file and the key.
Paths (lexicons) are relative to the file that names them.  Discovery walks
up from the working directory; ``zhguard.toml`` wins over ``pyproject.toml``.

    [tool.zhguard]
    select = ["ZG1", "ZG2"]
    ignore = ["ZG411"]
    fail-on = "error"
    min-confidence = 0.6
    lexicons = ["lexicons/"]
    as-of = 2024-05-01
    exclude = ["archive/**"]
    per-file-ignores = { "news/2017/*.md" = ["ZG411"] }
    encoding = "gb18030"        # default: UTF-8 (BOM or not), else GB18030 if it reads as Chinese
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from zhguard.config import Config
from zhguard.errors import ConfigError
from zhguard.finding import Severity
from zhguard.rules import is_code_prefix

CONFIG_NAMES = ("zhguard.toml", "pyproject.toml")


def find_config(start: Path) -> Path | None:
    """The nearest zhguard.toml, or pyproject.toml with a [tool.zhguard] table, at or above start."""
    for directory in (start.resolve(), *start.resolve().parents):
        candidate = directory / "zhguard.toml"
        if candidate.is_file():
            return candidate
        pyproject = directory / "pyproject.toml"
        if pyproject.is_file() and _may_hold_our_table(pyproject) \
                and "zhguard" in _read(pyproject).get("tool", {}):
            return pyproject
    return None


# Every way TOML can hold a tool.zhguard table: a header or dotted key (tool.zhguard, tool."zhguard"), a
# [tool] table, an inline tool = {…}.  A pyproject.toml with none of them is not parsed (tomllib: ~3 ms
# of a run's start inside any Python project, issue 21).
_OUR_TABLE = re.compile(rb"""tool\s*\.\s*["']?zhguard|\[\s*["']?tool["']?\s*\]|tool["']?\s*=\s*\{""")


def _may_hold_our_table(path: Path) -> bool:
    try:
        return _OUR_TABLE.search(path.read_bytes()) is not None
    except OSError:
        return True  # let _read say what is wrong


def load_config(path: Path) -> Config:
    """The Config a file describes; raises ConfigError naming the file and key."""
    document = _read(path)
    table = document.get("tool", {}).get("zhguard") if path.name == "pyproject.toml" else document
    if table is None:
        raise ConfigError(str(path), None, "has no [tool.zhguard] table")
    if not isinstance(table, dict):
        raise ConfigError(str(path), "tool.zhguard", "must be a table")
    values: dict[str, Any] = {}
    for key, value in table.items():
        reader = _READERS.get(key)
        if reader is None:
            raise ConfigError(str(path), key, f"unknown key (known: {', '.join(sorted(_READERS))})")
        field, parse = reader
        try:
            values[field] = parse(value, path)
        except (TypeError, ValueError) as exc:
            raise ConfigError(str(path), key, str(exc)) from None
    return Config(**values)


def _read(path: Path) -> dict[str, Any]:
    import tomllib  # only where a config file is found (3 ms of a run's start)

    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except OSError as exc:
        raise ConfigError(str(path), None, f"cannot read: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(str(path), None, f"not valid TOML: {exc}") from None


def _codes(value: Any, _: Path) -> tuple[str, ...]:
    codes = _strings(value, _)
    for code in codes:
        if not is_code_prefix(code):
            raise ValueError(f"{code!r} is not a code prefix such as ZG1 or ZG101")
    return codes


def _strings(value: Any, _: Path) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise TypeError("must be a string or a list of strings")
    return tuple(value)


def _severity(value: Any, _: Path) -> Severity:
    if not isinstance(value, str) or value.upper() not in Severity.__members__:
        raise ValueError(f"must be one of {', '.join(s.label for s in Severity)}")
    return Severity[value.upper()]


def _confidence(value: Any, _: Path) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
        raise ValueError("must be a number between 0 and 1")
    return float(value)


def _date(value: Any, _: Path) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        return dt.date.fromisoformat(value)
    raise TypeError("must be a date such as 2024-05-01")


def _paths(value: Any, path: Path) -> tuple[str, ...]:
    return tuple(str((path.parent / item)) for item in _strings(value, path))


def _per_file(value: Any, path: Path) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not isinstance(value, dict):
        raise TypeError("must be a table of glob = [codes]")
    return tuple((pattern, _codes(codes, path)) for pattern, codes in value.items())


def _encoding(value: Any, _: Path) -> str:
    import codecs

    if not isinstance(value, str):
        raise TypeError("must be an encoding name such as \"gb18030\"")
    try:
        return codecs.lookup(value).name
    except LookupError:
        raise ValueError(f"unknown encoding {value!r}") from None


def _place(value: Any, _: Path) -> str:
    if not isinstance(value, str) or not value.strip():
        raise TypeError("must be a division's full name, e.g. \"烟台市\"")
    return value.strip()


def _bool(value: Any, _: Path) -> bool:
    if not isinstance(value, bool):
        raise TypeError("must be true or false")
    return value


_READERS: dict[str, tuple[str, Callable[[Any, Path], Any]]] = {
    "select": ("select", _codes),
    "ignore": ("ignore", _codes),
    "fail-on": ("fail_on", _severity),
    "min-confidence": ("min_confidence", _confidence),
    "lexicons": ("lexicons", _paths),
    "as-of": ("as_of", _date),
    "bundled-lexicons": ("bundled", _bool),
    "exclude": ("exclude", _strings),
    "per-file-ignores": ("per_file_ignores", _per_file),
    "encoding": ("encoding", _encoding),
    "place": ("place", _place),
}
