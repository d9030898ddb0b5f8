"""TSV lexicon files → model rows; every error names ``file:line`` and the reason.

A file starts with a header the parser reads, e.g.::

    # zhguard: kind=terms category=leader_name columns=canonical,known_wrong,source,note

Cells are separated by one tab; a cell with several values uses ``|``;
whole-line ``#`` comments and blank lines are skipped.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from zhguard.errors import LexiconError
from zhguard.finding import Category, Kind
from zhguard.lexicon.model import (
    HISTORICAL, Allow, Binding, Confusion, Cue, Entry, Law, Lexicon, NonStandard, OrderedList, Place,
    Regulation, Rename, Source,
)
from zhguard.text import is_han

HEADER_PREFIX = "# zhguard:"

# The columns each kind of file must declare, in this order.
SCHEMAS: Mapping[str, tuple[str, ...]] = {
    "sources": ("id", "title", "publisher", "url_or_document", "published", "retrieved", "note"),
    "terms": ("canonical", "known_wrong", "source", "note"),
    "allow": ("phrase", "protects", "source", "note"),
    "confusion": ("char", "similar", "source", "note"),
    "cues": ("cue", "side", "role", "source", "note"),
    "bindings": ("person", "title", "org", "valid_from", "valid_to", "status", "source", "note"),
    "places": ("code", "name", "short", "level", "parent", "source", "note"),
    "renames": ("old", "new", "effective", "scope", "source", "note"),
    "laws": ("title", "short", "status", "repealed", "successor", "source", "note"),
    "regulations": ("title", "short", "source", "note"),
    "nonstandard": ("wrong", "right", "source", "note"),
    "lists": ("name", "items", "source", "note"),
}
# How many leading columns identify a row (a duplicate key is an error); default 1.
KEY_WIDTH: Mapping[str, int] = {"cues": 2, "bindings": 4, "renames": 3}
# Columns that may be empty; every other column needs a value.
OPTIONAL = frozenset({"note", "known_wrong", "published", "protects", "org", "valid_from", "valid_to",
                      "parent", "short", "repealed", "successor"})
# An ordered list has this many items at least (fewer is a term: 一国两制).
MIN_LIST_ITEMS = 3
PLACE_LEVELS = frozenset({"province", "prefecture", "county"})
RENAME_SCOPES = frozenset({"central", "local"})
BINDING_STATUS = frozenset({"current", "former", HISTORICAL, "removed", "under_investigation", "unverified"})
# Categories a terms file may declare (format/privacy/meta are checks, not term lists).
TERM_CATEGORIES = frozenset({
    Category.LEADER_NAME, Category.POLITICAL_TERM, Category.TITLE, Category.INSTITUTION,
    Category.PLACE, Category.LAW_NAME, Category.GENERAL,
})


@dataclass(frozen=True, slots=True)
class Header:
    kind: str
    category: Category | None
    columns: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Row:
    """One data line: its cells by column name and where it is (``file:line``)."""

    cells: Mapping[str, str]
    path: str
    line: int

    @property
    def origin(self) -> str:
        return f"{self.path}:{self.line}"

    def values(self, column: str) -> tuple[str, ...]:
        cell = self.cells[column]
        return tuple(cell.split("|")) if cell else ()

    def error(self, reason: str) -> LexiconError:
        return LexiconError(self.path, self.line, reason)


def decode(path: str, data: bytes) -> str:
    """UTF-8 without BOM and with LF line ends, or a LexiconError saying how to fix it."""
    if data.startswith(b"\xef\xbb\xbf"):
        raise LexiconError(path, 1, "file starts with a UTF-8 BOM; save it as UTF-8 without BOM")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise LexiconError(path, line, f"not valid UTF-8 (byte {exc.start})") from None
    if "\r" in text:
        line = text.count("\n", 0, text.index("\r")) + 1
        raise LexiconError(path, line, "CR line ending; zhguard lexicons use LF (\\n) only")
    return text


def parse_header(path: str, first_line: str) -> Header:
    """Read ``# zhguard: kind=… [category=…] columns=…`` and check it against SCHEMAS."""
    if not first_line.startswith(HEADER_PREFIX):
        raise LexiconError(path, 1, f"first line must be a header starting with {HEADER_PREFIX!r}")
    fields: dict[str, str] = {}
    for item in first_line[len(HEADER_PREFIX):].split():
        key, sep, value = item.partition("=")
        if not sep or not value:
            raise LexiconError(path, 1, f"header item {item!r} is not key=value")
        fields[key] = value
    kind = fields.pop("kind", None)
    if kind not in SCHEMAS:
        raise LexiconError(path, 1, f"header kind={kind} is not one of {', '.join(SCHEMAS)}")
    columns = tuple(fields.pop("columns", "").split(","))
    if columns != SCHEMAS[kind]:
        raise LexiconError(
            path, 1, f"kind={kind} needs columns={','.join(SCHEMAS[kind])}, got {','.join(columns)}"
        )
    category = None
    if kind in ("terms", "cues", "nonstandard", "lists"):
        raw = fields.pop("category", None)
        try:
            category = Category(raw)
        except ValueError:
            category = None
        if category not in TERM_CATEGORIES:
            names = ", ".join(sorted(c.value for c in TERM_CATEGORIES))
            raise LexiconError(path, 1, f"header category={raw} is not one of {names}")
        _check_reported(path, kind, category)
    if fields:
        raise LexiconError(path, 1, f"unknown header key(s): {', '.join(sorted(fields))}")
    return Header(kind, category, columns)


# The rule that reports a listed form of each kind of file: a category without one would be read and
# then never reported (a site's title terms, say), so such a file is refused with the categories that work.
_REPORTED_AS = {"terms": Kind.KNOWN_WRONG, "nonstandard": Kind.NONSTANDARD, "lists": Kind.TRANSPOSITION}


def _check_reported(path: str, kind: str, category: Category) -> None:
    from zhguard.rules import rule_for

    wanted = _REPORTED_AS.get(kind)
    if wanted is None or rule_for(category, wanted) is not None:
        return
    usable = ", ".join(sorted(c.value for c in TERM_CATEGORIES if rule_for(c, wanted) is not None))
    hint = {Category.TITLE: "; a person's offices go in kind=bindings",
            Category.LAW_NAME: "; laws and regulations go in kind=laws"}.get(category, "")
    raise LexiconError(path, 1, f"no rule reports kind={kind} of category={category.value}; "
                                f"use one of {usable}{hint}")


def iter_rows(path: str, text: str, header: Header) -> Iterator[Row]:
    """Data lines as Rows; checks column count, whitespace, NFC and empty required cells."""
    for number, line in enumerate(text.split("\n")[1:], start=2):
        if line and not line.startswith("#"):
            yield parse_line(path, number, line, header)


def parse_line(path: str, number: int, line: str, header: Header) -> Row:
    """One data line as a Row, or a LexiconError naming ``path:number``."""
    width = len(header.columns)
    cells = line.split("\t")
    if len(cells) != width:
        raise LexiconError(path, number, f"expected {width} columns, got {len(cells)}")
    if not unicodedata.is_normalized("NFC", line):
        raise LexiconError(path, number, "text is not in Unicode NFC form")
    for column, cell in zip(header.columns, cells):
        if cell != cell.strip() or "\u3000" in cell:
            raise LexiconError(path, number, f"column {column!r} has surrounding or full-width spaces")
        if not cell and column not in OPTIONAL:
            raise LexiconError(path, number, f"column {column!r} is empty")
        if "|" in cell and any(not part for part in cell.split("|")):
            raise LexiconError(path, number, f"column {column!r} has an empty value between '|'")
    return Row(dict(zip(header.columns, cells)), path, number)


def parse_file(path: str, data: bytes) -> tuple[Header, list[Row]]:
    """Decode, read the header and return the rows; duplicate first cells are errors."""
    text = decode(path, data)
    if not text.strip():
        raise LexiconError(path, 1, "file is empty; it needs a '# zhguard:' header")
    header = parse_header(path, text.split("\n", 1)[0])
    rows = list(iter_rows(path, text, header))
    key_columns = header.columns[:KEY_WIDTH.get(header.kind, 1)]
    seen: dict[str, int] = {}
    for row in rows:
        key = "\t".join(row.cells[c] for c in key_columns)
        if key in seen:
            shown = " ".join(row.cells[c] for c in key_columns)
            raise row.error(f"duplicate {'+'.join(key_columns)} {shown!r} (first on line {seen[key]})")
        seen[key] = row.line
    return header, rows


def build_lexicon(files: Iterable[tuple[str, bytes]]) -> Lexicon:
    """Parse files of any kind into one Lexicon and check references between them."""
    sources: dict[str, Source] = {}
    term_rows: list[tuple[Category, Row]] = []
    allow_rows: list[Row] = []
    confusion_rows: list[Row] = []
    cues: list[Cue] = []
    binding_rows: list[Row] = []
    place_rows: list[Row] = []
    rename_rows: list[Row] = []
    law_rows: list[Row] = []
    regulation_rows: list[Row] = []
    nonstandard_rows: list[tuple[Category, Row]] = []
    lists: list[OrderedList] = []
    for path, data in files:
        header, rows = parse_file(path, data)
        if header.kind == "sources":
            for row in rows:
                if row.cells["id"] in sources:
                    raise row.error(f"source id {row.cells['id']!r} is already defined in "
                                    f"{sources[row.cells['id']].origin}")
                sources[row.cells["id"]] = _source(row)
        elif header.kind == "terms":
            assert header.category is not None
            term_rows.extend((header.category, row) for row in rows)
        elif header.kind == "confusion":
            confusion_rows.extend(rows)
        elif header.kind == "bindings":
            binding_rows.extend(rows)
        elif header.kind == "places":
            place_rows.extend(rows)
        elif header.kind == "renames":
            rename_rows.extend(rows)
        elif header.kind == "laws":
            law_rows.extend(rows)
        elif header.kind == "regulations":
            regulation_rows.extend(rows)
        elif header.kind == "nonstandard":
            assert header.category is not None
            nonstandard_rows.extend((header.category, row) for row in rows)
        elif header.kind == "cues":
            assert header.category is not None
            cues.extend(_cue(header.category, row, sources) for row in rows)
        elif header.kind == "lists":
            assert header.category is not None
            lists.extend(_ordered_list(header.category, row, sources) for row in rows)
        else:
            allow_rows.extend(rows)
    entries = tuple(_entry(category, row, sources) for category, row in term_rows)
    allows = tuple(_allow(row, sources) for row in allow_rows)
    confusions = tuple(_confusion(row, sources) for row in confusion_rows)
    _check_cross_references(entries, allows)
    bindings = tuple(_binding(row, sources) for row in binding_rows)
    places = tuple(_place(row, sources) for row in place_rows)
    _check_place_parents(places, place_rows)
    renames = tuple(_rename(row, sources) for row in rename_rows)
    laws = tuple(_law(row, sources) for row in law_rows)
    regulations = tuple(_regulation(row, sources) for row in regulation_rows)
    nonstandard = tuple(_nonstandard(category, row, sources) for category, row in nonstandard_rows)
    _check_successors(laws, law_rows)
    return Lexicon(sources=sources, entries=entries, allows=allows, confusions=confusions,
                   cues=tuple(cues), bindings=bindings, places=places, renames=renames, laws=laws,
                   regulations=regulations, nonstandard=nonstandard, lists=tuple(lists))


def _source(row: Row) -> Source:
    c = row.cells
    return Source(c["id"], c["title"], c["publisher"], c["url_or_document"], c["published"],
                  c["retrieved"], c["note"], row.origin)


def _cited(row: Row, sources: Mapping[str, Source]) -> tuple[str, ...]:
    ids = row.values("source")
    for source_id in ids:
        if source_id not in sources:
            raise row.error(f"unknown source id {source_id!r} (not in any SOURCES.tsv)")
    return ids


def _entry(category: Category, row: Row, sources: Mapping[str, Source]) -> Entry:
    canonical = row.cells["canonical"]
    wrong = row.values("known_wrong")
    if canonical in wrong:
        raise row.error(f"known_wrong repeats the canonical form {canonical!r}")
    if len(set(wrong)) != len(wrong):
        raise row.error("known_wrong lists the same form twice")
    return Entry(canonical, category, wrong, _cited(row, sources), row.cells["note"], row.origin)


def _allow(row: Row, sources: Mapping[str, Source]) -> Allow:
    return Allow(row.cells["phrase"], row.values("protects"), _cited(row, sources),
                 row.cells["note"], row.origin)


def _confusion(row: Row, sources: Mapping[str, Source]) -> Confusion:
    char = row.cells["char"]
    similar = row.values("similar")
    if len(char) != 1 or any(len(other) != 1 or other == char for other in similar):
        raise row.error("char and similar must be single characters, each different from char")
    return Confusion(char, similar, _cited(row, sources), row.origin)


def _cue(category: Category, row: Row, sources: Mapping[str, Source]) -> Cue:
    side, role = row.cells["side"], row.cells["role"]
    if side not in ("before", "after"):
        raise row.error(f"side must be 'before' or 'after', got {side!r}")
    if role not in ("title", "word", "list"):
        raise row.error(f"role must be 'title', 'word' or 'list', got {role!r}")
    return Cue(row.cells["cue"], side, role, category, _cited(row, sources), row.origin)


def _date(row: Row, column: str) -> dt.date | None:
    """ISO YYYY-MM-DD; YYYY-MM and YYYY mean the first day (the earliest the fact can hold)."""
    value = row.cells[column]
    if not value:
        return None
    parts = value.split("-")
    try:
        numbers = [int(p) for p in parts] + [1] * (3 - len(parts))
        if len(parts) > 3 or len(parts[0]) != 4:
            raise ValueError
        return dt.date(*numbers)
    except (ValueError, TypeError):
        raise row.error(f"{column} {value!r} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)") from None


def _binding(row: Row, sources: Mapping[str, Source]) -> Binding:
    status = row.cells["status"]
    if status not in BINDING_STATUS:
        raise row.error(f"status {status!r} is not one of {', '.join(sorted(BINDING_STATUS))}")
    start, end = _date(row, "valid_from"), _date(row, "valid_to")
    if start and end and start > end:
        raise row.error(f"valid_from {start} is later than valid_to {end}")
    c = row.cells
    return Binding(c["person"], c["title"], c["org"], start, end, status, _cited(row, sources),
                   c["note"], row.origin)


def _rename(row: Row, sources: Mapping[str, Source]) -> Rename:
    c = row.cells
    if c["scope"] not in RENAME_SCOPES:
        raise row.error(f"scope {c['scope']!r} is not one of {', '.join(sorted(RENAME_SCOPES))}")
    effective = _date(row, "effective")
    assert effective is not None  # a required column
    new = row.values("new")
    if c["old"] in new:
        raise row.error(f"new repeats the old name {c['old']!r}")
    return Rename(c["old"], new, effective, c["scope"], _cited(row, sources), c["note"], row.origin)


def _ordered_list(category: Category, row: Row, sources: Mapping[str, Source]) -> OrderedList:
    items = tuple(row.cells["items"].split("|"))
    if len(items) < MIN_LIST_ITEMS:
        raise row.error(f"a list needs {MIN_LIST_ITEMS} items or more, separated by |")
    if len(set(items)) != len(items):
        raise row.error("an item is listed twice")
    if not all(len(item) >= 2 and all(map(is_han, item)) for item in items):
        raise row.error("each item must be two or more Chinese characters")
    return OrderedList(row.cells["name"], items, category, _cited(row, sources), row.cells["note"],
                       row.origin)


def _nonstandard(category: Category, row: Row, sources: Mapping[str, Source]) -> NonStandard:
    if row.cells["wrong"] == row.cells["right"]:
        raise row.error("wrong and right are the same")
    return NonStandard(row.cells["wrong"], row.cells["right"], category, _cited(row, sources),
                       row.cells["note"], row.origin)


def _law(row: Row, sources: Mapping[str, Source]) -> Law:
    c = row.cells
    if c["status"] not in ("in_force", "repealed"):
        raise row.error(f"status {c['status']!r} is not in_force or repealed")
    repealed = _date(row, "repealed")
    if (c["status"] == "repealed") != (repealed is not None):
        raise row.error("a repealed law needs the repealed date, a law in force must not have one")
    return Law(c["title"], c["short"], c["status"], repealed, c["successor"], _cited(row, sources),
               row.origin)


def _regulation(row: Row, sources: Mapping[str, Source]) -> Regulation:
    c = row.cells
    if not c["title"].endswith("条例"):
        raise row.error(f"title {c['title']!r} does not end in 条例")
    return Regulation(c["title"], c["short"], _cited(row, sources), row.origin)


def _check_successors(laws: tuple[Law, ...], rows: list[Row]) -> None:
    titles = {law.title for law in laws}
    for law, row in zip(laws, rows):
        if law.successor and law.successor not in titles:
            raise row.error(f"successor {law.successor!r} is not a title in any laws file")


def _place(row: Row, sources: Mapping[str, Source]) -> Place:
    c = row.cells
    if c["level"] not in PLACE_LEVELS:
        raise row.error(f"level {c['level']!r} is not one of {', '.join(sorted(PLACE_LEVELS))}")
    if (c["level"] == "province") != (c["parent"] == ""):
        raise row.error("a province has no parent, every other division has one")
    return Place(c["code"], c["name"], c["short"], c["level"], c["parent"], _cited(row, sources),
                 row.origin)


def _check_place_parents(places: tuple[Place, ...], rows: list[Row]) -> None:
    codes = {place.code for place in places}
    for place, row in zip(places, rows):
        if place.parent and place.parent not in codes:
            raise row.error(f"parent {place.parent!r} is not a code in any places file")


def _check_cross_references(entries: tuple[Entry, ...], allows: tuple[Allow, ...]) -> None:
    """A wrong form must not be a correct form elsewhere (another canonical or an allowed phrase)."""
    correct = {e.canonical: e.origin for e in entries}
    correct.update((a.phrase, a.origin) for a in allows)
    for entry in entries:
        for form in entry.known_wrong:
            if form in correct:
                path, _, line = entry.origin.rpartition(":")
                raise LexiconError(path, int(line), f"known_wrong {form!r} is a correct form "
                                                    f"in {correct[form]}")
