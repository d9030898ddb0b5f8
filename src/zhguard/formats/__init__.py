"""Format adapters: the text to check, with what is not prose blanked out in place.

Blanking (each character of a code block, a link target or a comment becomes a
space, line ends kept) leaves every offset, line and column of the file as it
was, so findings point into the original file with no offset map at all.
"""

from __future__ import annotations

from pathlib import PurePath


def prose(path: str, text: str) -> str:
    """The checkable text of a document: ``text`` itself, or a blanked copy for known formats."""
    suffix = PurePath(path).suffix.lower()
    if suffix in (".md", ".markdown"):
        from zhguard.formats.markdown import prose as markdown_prose

        return markdown_prose(text)
    if suffix in (".html", ".htm", ".xhtml"):
        from zhguard.formats.html import prose as html_prose

        return html_prose(text)
    return text


def blank(text: str) -> str:
    """Spaces for every character except line ends."""
    return "".join(c if c in "\r\n" else " " for c in text)
