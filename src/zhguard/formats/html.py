"""HTML: check visible text and the prose attributes (title, alt, meta description); nothing else.

The standard library's HTMLParser reports where every piece of text starts in
the source, which is what line:col into the original file needs (the fast
PyPI parsers give a tree without source positions).  Everything that is not
visible prose is blanked in place, as for Markdown, so offsets need no map.
Character references are blanked too (&nbsp; is not prose), and a zhguard
directive inside an HTML comment stays readable.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from zhguard.formats import blank
from zhguard.suppress import DIRECTIVE

_INVISIBLE = frozenset({"script", "style", "template", "noscript"})
_PROSE_ATTRIBUTES = frozenset({"title", "alt", "placeholder", "aria-label"})


def prose(text: str) -> str:
    collector = _Collector(text)
    collector.feed(text)
    collector.close()
    chars = list(blank(text))
    for start, end in collector.keep:
        chars[start:end] = text[start:end]
    return "".join(chars)


class _Collector(HTMLParser):
    """Collects the [start, end) source ranges that hold prose."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self.text = text
        self.line_starts = [0, *(m.end() for m in re.finditer(r"\r\n|\r|\n", text))]
        self.keep: list[tuple[int, int]] = []
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
