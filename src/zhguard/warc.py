"""Web archives (WARC, as wget --warc-file, Heritrix and browsertrix write them): each HTML response
record checked as an HTML document named ``ARCHIVE#URL``, its line:col pointing into that page.

warcio reads gzip members as a stream, so memory is bounded by one record, whatever the archive's
size.  Non-HTML records, redirects and error responses are skipped and counted (issue 22).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import NamedTuple

from zhguard.errors import InputError
from zhguard.report import FileResult

WARC_SUFFIXES = (".warc", ".warc.gz")


def is_warc(path) -> bool:
    return path is not None and str(path).lower().endswith(WARC_SUFFIXES)


class Page(NamedTuple):
    """One HTML response record: picklable, so a bag of them can go to dask workers."""

    name: str
    body: bytes
    charset: str | None = None


def pages(archive: str, skipped: Counter | None = None) -> Iterator[Page]:
    """The archive's HTML responses in order; what is passed over is counted in ``skipped``."""
    from warcio.archiveiterator import ArchiveIterator

    skipped = Counter() if skipped is None else skipped
    with open(archive, "rb") as stream:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response":
                continue
            url = record.rec_headers.get_header("WARC-Target-URI") or "?"
            why = _skip_reason(record)
            if why:
                skipped[why] += 1
                continue
            content_type = record.http_headers.get_header("Content-Type") or ""
            yield Page(f"{archive}#{url}", record.content_stream().read(), _charset(content_type))


def _skip_reason(record) -> str | None:
    if record.http_headers is None:
        return "non-HTTP"
    status = int(record.http_headers.get_statuscode() or 0)
    if 300 <= status < 400:
        return "redirect"
    if status >= 400 or status < 200:
        return "error response"
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    if not content_type.startswith(("text/html", "application/xhtml")):
        return "non-HTML"
    return None


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ").lower()
    return None


def check_page(checker, page: Page) -> FileResult:
    """One page's result; a record that cannot be decoded or checked is an error result, never a raise."""
    from zhguard import formats
    from zhguard.batch import matches
    from zhguard.document import decode_document
    from zhguard.rules import code_matches

    try:
        encoding = checker.config.encoding or page.charset
        try:
            text, _ = decode_document(page.name, page.body, encoding)
        except (InputError, LookupError):  # a wrong or unknown charset in the header: guess
            text, _ = decode_document(page.name, page.body)
        # the URL may end in anything (/, .php): a response record is HTML whatever its name
        found = formats.check(checker, "record.html", text)
        ignored = tuple(code for pattern, codes in checker.config.per_file_ignores
                        if matches(page.name, pattern) for code in codes)
        findings = tuple(f for f in found if not code_matches(f.code, ignored))
    except InputError as exc:
        return FileResult(page.name, error=exc.reason)
    except Exception as exc:  # noqa: BLE001 - one bad record must not stop an archive of millions
        return FileResult(page.name, error=f"{type(exc).__name__}: {exc}")
    # a clean page keeps no text: an archive's results must not hold the whole archive
    return FileResult(page.name, text if findings else "", findings)


def summary(archive: str, checked: int, skipped: Counter) -> str:
    parts = ", ".join(f"{n} {why}" for why, n in sorted(skipped.items()))
    return f"{archive}: note: {checked} HTML pages checked" + (f"; skipped {parts}" if parts else "")


class Closing(NamedTuple):
    """An archive's own result after its pages (clean, or the error that stopped reading), and the
    summary note of what was checked and skipped."""

    result: FileResult
    note: str


def read_archive(archive: str) -> Iterator[Page | Closing]:
    """The archive's pages, then its Closing: a damaged archive keeps what was read."""
    skipped: Counter = Counter()
    checked = 0
    error = None
    try:
        for page in pages(archive, skipped):
            checked += 1
            yield page
    except Exception as exc:  # noqa: BLE001 - a truncated archive: what was read stands
        error = f"cannot read the archive: {type(exc).__name__}: {exc}"
    yield Closing(FileResult(archive, error=error), summary(archive, checked, skipped))


def check_archive(checker, archive: str) -> Iterator[tuple[FileResult, tuple[str, ...]]]:
    """Each page's result, then the archive's own with the summary note."""
    for part in read_archive(archive):
        if isinstance(part, Closing):
            yield part.result, (part.note,)
        else:
            yield check_page(checker, part), ()
