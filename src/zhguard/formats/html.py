"""HTML: check visible text and the prose attributes (title, alt, meta description); nothing else.

The standard library's HTMLParser reports where every piece of text starts in
the source, which is what line:col into the original file needs (the fast
PyPI parsers give a tree without source positions).  Everything that is not
visible prose is blanked in place, as for Markdown, so offsets need no map.
A character reference in prose (习&#36817;平, &ldquo;) is decoded: the text
then differs in length from the file, so ``prose_and_offsets`` also returns
each character's offset in the file, and findings are mapped back through it.
&nbsp; and other spaces stay blanks.  A zhguard directive inside an HTML
comment stays readable.
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

from zhguard.formats import blank
from zhguard.suppress import DIRECTIVE
from zhguard.text import NEWLINE

_INVISIBLE = frozenset({"script", "style", "template", "noscript"})
_PROSE_ATTRIBUTES = frozenset({"title", "alt", "placeholder", "aria-label"})


_REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?")


def prose(text: str) -> str:
    """The visible prose, blanked in place (character references blanked too)."""
    return _blanked(text, _collect(text))


def prose_and_offsets(text: str) -> tuple[str, list[int] | None]:
    """The visible prose with character references decoded, and where each of its characters
    starts in ``text`` (plus one entry for the end); None when no reference was decoded, i.e. the
    prose is ``prose(text)`` and offsets are the file's."""
    collector = _collect(text)
    blanked = _blanked(text, collector)
    if not collector.references:
        return blanked, None
    pieces: list[str] = []
    offsets: list[int] = []
    position = 0
    for start, end, char in collector.references:
        pieces.append(blanked[position:start])
        offsets.extend(range(position, start))
        pieces.append(char)
        offsets.append(start)
        position = end
    pieces.append(blanked[position:])
    offsets.extend(range(position, len(text) + 1))
    return "".join(pieces), offsets


def _collect(text: str) -> _Collector:
    collector = _Collector(text)
    collector.feed(text)
    collector.close()
    return collector


def _blanked(text: str, collector: _Collector) -> str:
    chars = list(blank(text))
    for start, end in collector.keep:
        chars[start:end] = text[start:end]
    return "".join(chars)


class _Collector(HTMLParser):
    """Collects the [start, end) source ranges that hold prose."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self.text = text
        self.line_starts = [0, *(m.end() for m in NEWLINE.finditer(text))]
        self.keep: list[tuple[int, int]] = []
        self.references: list[tuple[int, int, str]] = []  # prose references: start, end, the character
        self.hidden = 0

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag, attrs):
        if tag in _INVISIBLE:
            self.hidden += 1
        self._keep_attributes(tag, attrs)

    def handle_startendtag(self, tag, attrs):
        self._keep_attributes(tag, attrs)

    def handle_endtag(self, tag):
        if tag in _INVISIBLE and self.hidden:
            self.hidden -= 1

    def handle_data(self, data):
        if not self.hidden and data.strip():
            start = self._offset()
            self.keep.append((start, start + len(data)))

    def handle_entityref(self, name):
        self._reference()

    def handle_charref(self, name):
        self._reference()

    def _reference(self):
        if self.hidden:
            return
        start = self._offset()
        m = _REFERENCE.match(self.text, start)
        if m is None:
            return
        char = unescape(m.group(0))
        if len(char) == 1 and not char.isspace() and char.isprintable():
            self.references.append((start, m.end(), char))

    def handle_comment(self, data):
        start = self._offset() + len("<!--")
        for m in DIRECTIVE.finditer(data):
            self.keep.append((start + m.start(), start + m.end()))

    def _keep_attributes(self, tag, attrs):
        names = dict(attrs)
        wanted = [name for name in names if name in _PROSE_ATTRIBUTES]
        if tag == "meta" and (names.get("name") or "").lower() in ("description", "keywords"):
            wanted.append("content")
        if not wanted:
            return
        source = self.get_starttag_text() or ""
        base = self._offset()
        for name in wanted:
            value = names.get(name)
            if not value:
                continue
            m = re.search(rf"\b{re.escape(name)}\s*=\s*([\"']?){re.escape(value)}\1", source, re.IGNORECASE)
            if m:  # values with character references are not located, and not checked
                value_start = base + m.start() + m.group(0).index(value, len(name))
                self.keep.append((value_start, value_start + len(value)))
