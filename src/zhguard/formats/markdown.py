"""Markdown: check the prose; blank code blocks, inline code, link targets, autolinks and comments.

Front matter keeps only its prose values (title, description).  An inline
directive inside an HTML comment (<!-- zhguard: ignore[ZG101] -->) stays
visible, so suppressions work in Markdown.
"""

from __future__ import annotations

import re

from zhguard.formats import blank
from zhguard.suppress import DIRECTIVE

_FENCE = re.compile(r"^(?P<indent> {0,3})(?P<fence>`{3,}|~{3,}).*?$.*?(?:^ {0,3}(?P=fence)[`~]*[ \t]*$|\Z)",
                    re.MULTILINE | re.DOTALL)
_INLINE_CODE = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.DOTALL)
_LINK_TARGET = re.compile(r"(?<=\])\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)")
_REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:\s*\S+.*$", re.MULTILINE)
_AUTOLINK = re.compile(r"<(?:https?|ftp|mailto):[^>\s]+>|https?://[^\s)\]>]+")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n.*?^---[ \t]*$", re.MULTILINE | re.DOTALL)
_PROSE_KEYS = ("title", "description", "summary", "subtitle")


def prose(text: str) -> str:
    chars = list(text)

    def blank_span(start: int, end: int) -> None:
        chars[start:end] = blank(text[start:end])

    front = _FRONT_MATTER.match(text)
    if front:
        _blank_front_matter(text, front.start(), front.end(), blank_span)
    for pattern in (_FENCE, _INLINE_CODE, _LINK_TARGET, _REFERENCE, _AUTOLINK):
        for m in pattern.finditer(text):
            blank_span(*m.span())
    for m in _COMMENT.finditer(text):
        kept = [d.span() for d in DIRECTIVE.finditer(text, m.start(), m.end())]
        position = m.start()
        for start, end in kept:  # a directive inside a comment stays readable
            blank_span(position, start)
            position = end
        blank_span(position, m.end())
    return "".join(chars)


def _blank_front_matter(text: str, start: int, end: int, blank_span) -> None:
    """Keep the values of prose keys (title: …); blank everything else."""
    for line in re.finditer(r"[^\r\n]*", text[start:end]):
        line_start, line_end = start + line.start(), start + line.end()
        key, sep, _ = line.group().partition(":")
        if sep and key.strip().lower() in _PROSE_KEYS:
            blank_span(line_start, line_start + len(key) + 1)
        else:
            blank_span(line_start, line_end)
