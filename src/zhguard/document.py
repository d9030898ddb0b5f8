"""Read a document from disk as text, or raise InputError saying why it cannot be checked."""

from __future__ import annotations

from pathlib import Path

from zhguard.errors import InputError

# Bytes that never occur in text: a NUL in the first block means a binary file.
_SNIFF = 8192


def decode_document(path: str, data: bytes) -> str:
    """UTF-8 text (a BOM is dropped, so columns on line 1 stay right)."""
    if b"\0" in data[:_SNIFF]:
        raise InputError(path, "binary file (contains NUL bytes); not checked")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(path, f"not valid UTF-8 at byte {exc.start} (line {line}); "
                               "save it as UTF-8") from None


def read_document(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from None
    return decode_document(str(path), data)
