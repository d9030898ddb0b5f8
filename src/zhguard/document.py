"""Read a document from disk as text, or raise InputError saying why it cannot be checked.

UTF-8 (with or without BOM) first; then GB18030 (which covers GBK and GB2312),
accepted only if the result reads as Chinese text: a legacy decoder turns almost
any bytes into some characters (Latin-1 "Année" becomes "Ann閑"), but real
Chinese prose is made almost only of the common characters of GB 2312.  This is
a yes/no question about two encodings, not general charset detection, so no
detection library is needed.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from zhguard.errors import InputError
from zhguard.formats import HTML_SUFFIXES, MARKDOWN_SUFFIXES
from zhguard.text import NEWLINE

# Bytes that never occur in text: a NUL in the first block means a binary file.
_SNIFF = 8192
# What a Chinese document decoded right consists of: ASCII, CJK, CJK and full-width punctuation.
_PLAUSIBLE = r"[\x09\x0a\x0d\x20-\x7e\u00b7\u2000-\u206f\u3000-\u303f\u3400-\u9fff\uff00-\uffef]"
_MIN_PLAUSIBLE = 0.95
_HAN = r"[\u3400-\u9fff]"
# (compiled where used, through re's own cache: only a non-UTF-8 file needs them, and a class of
# 27,000 characters costs milliseconds to compile at every start)


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
    if text and len(re.findall(_PLAUSIBLE, text)) >= _MIN_PLAUSIBLE * len(text) and _common_han(text):
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
    han = re.findall(_HAN, text)
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


# A .md, .html or .docx larger than this is refused with its name rather than read whole into memory
# (its structure spans the file, so it cannot be cut into pieces); a plain-text file of any size is
# checked in segments instead (read_segments), in bounded memory.
MAX_BYTES = 64 * 1024 * 1024
# Plain text above this is read in segments of about SEGMENT_BYTES, each cut after a line end.
LARGE_BYTES = 16 * 1024 * 1024
SEGMENT_BYTES = 4 * 1024 * 1024
STRUCTURED = (*MARKDOWN_SUFFIXES, *HTML_SUFFIXES, ".docx")


def is_segmented(path: Path) -> bool:
    """Whether ``path`` is plain text too large to hold whole: check it with read_segments."""
    try:
        return path.suffix.lower() not in STRUCTURED and path.stat().st_size > LARGE_BYTES
    except OSError:
        return False  # read_document names the error


class Segment(NamedTuple):
    """A piece of a large file: its text, where it starts (code points into the whole file), how
    many line ends come before it, and how many characters of its first line came before it."""

    text: str
    start: int
    lines_before: int
    column_before: int


def read_segments(path: Path, encoding: str | None = None,
                  segment_bytes: int | None = None) -> Iterator[Segment]:
    """The file in segments cut after a line end (a line longer than a segment is cut where it
    must, and a term across that cut is missed), decoded incrementally; the encoding is detected
    on the first block as ``decode_document`` would.  Raises InputError naming the file and byte
    when a later part does not decode or holds a NUL."""
    size = SEGMENT_BYTES if segment_bytes is None else segment_bytes
    try:
        with path.open("rb") as handle:
            yield from _segments(str(path), handle, encoding, size)
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from None


def _segments(name: str, handle, encoding: str | None, size: int) -> Iterator[Segment]:
    decoder = None
    start = lines = column = consumed = 0
    pending = ""
    while True:
        block = handle.read(size if decoder else max(size, _DETECT_BYTES))
        if decoder is None:
            encoding = _detect(name, block, encoding)
            decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
        if b"\0" in block:
            raise InputError(name, f"binary data (a NUL byte) near byte {consumed + block.index(0)}; "
                                   "not checked")
        try:
            text = pending + decoder.decode(block, final=not block)
        except UnicodeDecodeError as exc:
            raise InputError(name, f"not valid {encoding} at byte {consumed + exc.start}; "
                                   "not checked") from None
        consumed += len(block)
        cut = len(text)
        if block:  # keep the last, unfinished line for the next segment
            cut = _after_last_line_end(text)
            if cut == len(text) and text.endswith("\r"):
                cut -= 1  # a \r that may be the first half of a \r\n
            cut = cut or len(text)  # a line longer than a segment
        piece, pending = text[:cut], text[cut:]
        if piece:
            yield Segment(piece, start, lines, column)
            start += len(piece)
            piece_lines = text_lines(piece)
            column = (column if piece_lines == 0 else 0) + len(piece) - _after_last_line_end(piece)
            lines += piece_lines
        if not block:
            return


_DETECT_BYTES = 1 << 16  # enough text to tell UTF-8 from GB18030


def _after_last_line_end(text: str) -> int:
    return max(text.rfind("\n"), text.rfind("\r")) + 1


def _detect(name: str, block: bytes, encoding: str | None) -> str:
    """The encoding of a large file, from its first block (which may end inside a character)."""
    if not block:
        return encoding or "utf-8"
    line_end = block.rfind(b"\n") + 1 or len(block)
    if encoding is not None:  # validated on the first whole lines, as decode_document would
        return decode_document(name, block[:line_end], encoding)[1]
    if b"\0" in block[:_SNIFF]:
        raise InputError(name, "binary file (contains NUL bytes); not checked")
    if block.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(block, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        return decode_document(name, block[:line_end])[1]


def text_lines(text: str) -> int:
    """How many line ends ``text`` holds, counted as LineIndex counts them (CRLF is one)."""
    return len(NEWLINE.findall(text))


# Formats read from a container rather than decoded: their text is extracted, and written back never.
EXTRACTED = "extracted"


def read_document(path: Path, max_bytes: int | None = None, encoding: str | None = None) -> Document:
    """The document at ``path``; a .docx is extracted (one paragraph a line) with encoding
    ``EXTRACTED``, which --fix refuses to write."""
    limit = MAX_BYTES if max_bytes is None else max_bytes
    try:
        size = path.stat().st_size
        if size > limit:
            raise InputError(str(path), f"file is {size:,} bytes, over the {limit:,}-byte limit for "
                                        f"{path.suffix or 'its'} files; not checked (split it into pages)")
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from None
    if path.suffix.lower() == ".docx":
        from zhguard.formats.docx import docx_text

        return Document(docx_text(str(path), data), EXTRACTED, data)
    return Document(*decode_document(str(path), data, encoding), data)
