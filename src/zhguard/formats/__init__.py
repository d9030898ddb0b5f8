"""Format adapters: the text to check, with what is not prose blanked out in place.

Blanking (each character of a code block, a link target or a comment becomes a
space, line ends kept) leaves every offset, line and column of the file as it
was, so findings point into the original file with no offset map at all.
"""

from __future__ import annotations

from pathlib import PurePath


MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")


def prose(path: str, text: str) -> tuple[str, list[int] | None]:
    """The checkable text of a document, picked by ``path``'s suffix: ``text`` itself, or a copy with
    what is not prose blanked; and, where HTML character references were decoded (so the lengths
    differ), the offset in ``text`` of each of its characters, else None."""
    suffix = PurePath(path).suffix.lower()
    if suffix in MARKDOWN_SUFFIXES:
        from zhguard.formats.markdown import prose as markdown_prose

        return markdown_prose(text), None
    if suffix in HTML_SUFFIXES:
        from zhguard.formats.html import prose_and_offsets

        return prose_and_offsets(text)
    return text, None


def check(checker, path: str, text: str, **options) -> list:
    """``checker.check`` on a document's prose, with findings pointing into ``text`` itself.

    A finding that reaches into blanked text (a code span, a link target) is not about prose and is
    dropped.  In HTML a decoded character reference (习&#36817;平) is mapped back, so the finding's
    ``found`` is the source text and a fix replaces the reference too.
    """
    body, offsets = prose(path, text)
    findings = checker.check(body, **options)
    if offsets is None:
        return [f for f in findings if text[f.start:f.end] == f.found]
    from html import unescape

    mapped = (_mapped(f, text, offsets) for f in findings)
    return [f for f, original in zip(mapped, findings) if unescape(f.found) == original.found]


def _mapped(finding, text: str, offsets: list[int]):
    start, end = offsets[finding.start], offsets[finding.end]
    return finding._replace(start=start, end=end, found=text[start:end])


def blank(text: str) -> str:
    """Spaces for every character except line ends."""
    return "".join(c if c in "\r\n" else " " for c in text)
