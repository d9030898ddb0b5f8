"""Read a document from disk as text, or raise InputError saying why it cannot be checked.

UTF-8 (with or without BOM) first; then GB18030 (which covers GBK and GB2312),
accepted only if the result reads as Chinese text: a legacy decoder turns almost
any bytes into some characters (Latin-1 "Année" becomes "Ann閑"), but real
Chinese prose is made almost only of the common characters of GB 2312.  This is
a yes/no question about two encodings, not general charset detection, so no
detection library is needed.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

from zhguard.errors import InputError

# Bytes that never occur in text: a NUL in the first block means a binary file.
_SNIFF = 8192
# What a Chinese document decoded right consists of: ASCII, CJK, CJK and full-width punctuation.
_PLAUSIBLE = re.compile(r"[\x09\x0a\x0d\x20-\x7e\u00b7\u2000-\u206f\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
_MIN_PLAUSIBLE = 0.95
_HAN = re.compile(r"[\u3400-\u9fff]")


class Document(NamedTuple):
    """A document as read: its text, the encoding to write it back in, and the bytes it came from
    (--fix refuses to write if the file no longer holds them)."""

    text: str
    encoding: str
    data: bytes


def decode_document(path: str, data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """(text, encoding): the BOM is dropped so columns on line 1 stay right; the encoding is kept
    so that --fix writes the file back as it was.  ``encoding`` (from the config) is used as
    given, with no guessing."""
    if b"\0" in data[:_SNIFF]:
        raise InputError(path, "binary file (contains NUL bytes); not checked")
    if encoding is not None:
        return _decode_as(path, data, encoding)
    try:
        if data.startswith(b"\xef\xbb\xbf"):
            return data[3:].decode("utf-8"), "utf-8-sig"
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = ""
    if text and len(_PLAUSIBLE.findall(text)) >= _MIN_PLAUSIBLE * len(text) and _common_han(text):
        return text, "gb18030"
    line = data.count(b"\n", 0, utf8_error.start) + 1
    raise InputError(path, f"not valid UTF-8 at byte {utf8_error.start} (line {line}) nor readable as "
                           "GB18030; save it as UTF-8")


def _decode_as(path: str, data: bytes, encoding: str) -> tuple[str, str]:
    if encoding.replace("_", "-").lower() in ("utf-8", "utf8") and data.startswith(b"\xef\xbb\xbf"):
        encoding = "utf-8-sig"
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(path, f"not valid {encoding} at byte {exc.start} (line {line}), the encoding "
                               "the config sets") from None


def _common_han(text: str) -> bool:
    """At least 90% of the Han characters are in GB 2312 (the 6,763 common simplified ones)."""
    han = _HAN.findall(text)
    if not han:
        return False
    common = sum(1 for char in han if _in_gb2312(char))
    return common >= 0.9 * len(han)


def _in_gb2312(char: str) -> bool:
    try:
        char.encode("gb2312")
        return True
    except UnicodeEncodeError:
        return False


# A document larger than this is refused with its name rather than read whole into memory (a CMS
# export of that size is an archive, not a page; split it, or raise the limit).
MAX_BYTES = 64 * 1024 * 1024


# Formats read from a container rather than decoded: their text is extracted, and written back never.
EXTRACTED = "extracted"


def read_document(path: Path, max_bytes: int | None = None, encoding: str | None = None) -> Document:
    """The document at ``path``; a .docx is extracted (one paragraph a line) with encoding
    ``EXTRACTED``, which --fix refuses to write."""
    limit = MAX_BYTES if max_bytes is None else max_bytes
    try:
        size = path.stat().st_size
        if size > limit:
            raise InputError(str(path), f"file is {size:,} bytes, over the {limit:,}-byte limit; "
                                        "not checked (split it into pages)")
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from None
    if path.suffix.lower() == ".docx":
        from zhguard.formats.docx import docx_text

        return Document(docx_text(str(path), data), EXTRACTED, data)
    return Document(*decode_document(str(path), data, encoding), data)
