"""A multipart/form-data upload parsed in memory: a draft never touches the disk.

Starlette's own form parser spools a part over 1 MiB to a temporary file; the
body here is already bounded by ``--max-bytes`` and read whole, so parsing it
in memory costs nothing more and keeps drafts off the disk.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath

from python_multipart.multipart import MultipartParseError, MultipartParser, parse_options_header

from zhguard.document import decode_document
from zhguard.errors import InputError
from zhguard.formats import HTML_SUFFIXES, MARKDOWN_SUFFIXES

# Suffixes checked as they are (formats.prose picks the adapter by suffix).
TEXT_SUFFIXES = (".txt", ".text", *MARKDOWN_SUFFIXES, *HTML_SUFFIXES)
MAX_PARTS = 16


class UploadError(ValueError):
    """The upload cannot be checked; ``status`` is the HTTP status to answer with."""

    def __init__(self, status: int, message: str, field: str | None = None) -> None:
        self.status = status
        self.field = field
        super().__init__(message)


@dataclass(frozen=True, slots=True)
class Upload:
    filename: str
    data: bytes
    fields: dict[str, str]


def parse_upload(content_type: str, body: bytes) -> Upload:
    """The ``file`` part and the other (text) fields of a multipart/form-data body."""
    kind, params = parse_options_header(content_type)
    boundary = params.get(b"boundary")
    if kind != b"multipart/form-data" or not boundary:
        raise UploadError(400, "expected a multipart/form-data body with a 'file' part")
    parts: list[tuple[dict[bytes, bytes], bytearray]] = []
    header: list[bytearray] = [bytearray(), bytearray()]

    def begin() -> None:
        if len(parts) >= MAX_PARTS:
            raise UploadError(400, f"more than {MAX_PARTS} parts in the form")
        parts.append(({}, bytearray()))

    def header_end() -> None:
        parts[-1][0][bytes(header[0]).lower()] = bytes(header[1])
        header[0].clear()
        header[1].clear()

    parser = MultipartParser(boundary, {
        "on_part_begin": begin,
        "on_header_field": lambda data, start, end: header[0].extend(data[start:end]),
        "on_header_value": lambda data, start, end: header[1].extend(data[start:end]),
        "on_header_end": header_end,
        "on_part_data": lambda data, start, end: parts[-1][1].extend(data[start:end]),
    })
    try:
        parser.write(body)
        parser.finalize()
    except MultipartParseError:
        raise UploadError(400, "malformed multipart/form-data body") from None
    return _upload(parts)


def _upload(parts: list[tuple[dict[bytes, bytes], bytearray]]) -> Upload:
    filename, data, fields = None, b"", {}
    for headers, content in parts:
        _, disposition = parse_options_header(headers.get(b"content-disposition", b""))
        name = disposition.get(b"name", b"").decode("utf-8", "replace")
        if name == "file":
            filename = disposition.get(b"filename", b"").decode("utf-8", "replace")
            data = bytes(content)
        elif name:
            try:
                fields[name] = content.decode("utf-8")
            except UnicodeDecodeError:
                raise UploadError(422, f"{name}: not UTF-8", name) from None
    if filename is None:
        raise UploadError(422, "file: required (a part named 'file' with a filename)", "file")
    return Upload(PurePath(filename.replace("\\", "/")).name or "upload.txt", data, fields)


def upload_text(upload: Upload) -> tuple[str, str]:
    """(text, encoding) of an uploaded document; raises UploadError 415 or 422 saying why not."""
    suffix = PurePath(upload.filename).suffix.lower()
    if suffix == ".docx":
        return _docx_text(upload)
    if suffix not in TEXT_SUFFIXES:
        raise UploadError(415, f"file: {suffix or 'no suffix'} is not supported; upload .txt, .md or .html",
                          "file")
    try:
        return decode_document(upload.filename, upload.data)
    except InputError as exc:
        raise UploadError(422, f"file: {exc.reason}", "file") from None


def _docx_text(upload: Upload) -> tuple[str, str]:
    """The paragraphs of a .docx, one a line, if this zhguard has the Word adapter (else 415)."""
    try:
        from zhguard.formats.docx import docx_text
    except ModuleNotFoundError:
        raise UploadError(415, "file: .docx is not supported by this version of zhguard; save the draft "
                               "as .txt, .md or .html, or paste its text", "file") from None
    try:
        return docx_text(upload.filename, upload.data), "extracted"
    except InputError as exc:
        raise UploadError(422, f"file: {exc.reason}", "file") from None
