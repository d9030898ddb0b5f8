"""``zhguard lexicon check``: every problem of every file, each naming ``path:line``.

Loading (parse.build_lexicon) stops at the first bad row, which is right for a check run; an editor
fixing a file wants them all at once (issue 24).  This reads each line on its own, then checks what
loading does not: rows sorted by their first column in code-point order (the README's rule), and
the bindings' own date rules (an ``under_investigation`` or ``removed`` row ends on a valid_to;
no two rows of one person and title hold at the same time).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from zhguard.errors import LexiconError
from zhguard.lexicon import parse
from zhguard.lexicon.model import Source
from zhguard.lexicon.parse import Header, Row

# Statuses that end an office: the row must say on which day.
ENDED = frozenset({"removed", "under_investigation"})
_ROW_BUILDERS = {
    "terms": lambda header, row, sources: parse._entry(header.category, row, sources),
    "allow": lambda header, row, sources: parse._allow(row, sources),
    "confusion": lambda header, row, sources: parse._confusion(row, sources),
    "cues": lambda header, row, sources: parse._cue(header.category, row, sources),
    "bindings": lambda header, row, sources: parse._binding(row, sources),
    "places": lambda header, row, sources: parse._place(row, sources),
    "renames": lambda header, row, sources: parse._rename(row, sources),
    "laws": lambda header, row, sources: parse._law(row, sources),
    "regulations": lambda header, row, sources: parse._regulation(row, sources),
    "nonstandard": lambda header, row, sources: parse._nonstandard(header.category, row, sources),
    "lists": lambda header, row, sources: parse._ordered_list(header.category, row, sources),
}


def problems(files: Iterable[tuple[str, bytes]]) -> list[LexiconError]:
    """Every problem found, in file and line order, references between rows and files included."""
    read: list[tuple[Header, list[Row]]] = []
    found: list[LexiconError] = []
    for path, data in files:
        header, rows, errors = _read(path, data)
        found += errors
        if header is not None:
            read.append((header, rows))
    sources = {row.cells["id"]: parse._source(row) for header, rows in read if header.kind == "sources"
               for row in rows}
    built: list[tuple[str, Row, object]] = []
    for header, rows in read:
        errors, objects = _row_problems(header, rows, sources)
        found += errors
        built += [(header.kind, row, obj) for row, obj in objects]
        found += _unsorted(header, rows)
        if header.kind == "bindings":
            found += binding_date_problems(rows)
    found += _reference_problems(built)
    return sorted(found, key=lambda e: (e.path, e.line or 0))


def check_all(files: Sequence[tuple[str, bytes]]) -> list[LexiconError]:
    """``problems``; if there is none, the lexicon is loaded as a check run would (anything loading
    refuses that ``problems`` missed is still reported)."""
    found = problems(files)
    if not found:
        try:
            parse.build_lexicon(files)
        except LexiconError as exc:
            found.append(exc)
    return found


def _read(path: str, data: bytes) -> tuple[Header | None, list[Row], list[LexiconError]]:
    try:
        text = parse.decode(path, data)
        if not text.strip():
            raise LexiconError(path, 1, "file is empty; it needs a '# zhguard:' header")
        header = parse.parse_header(path, text.split("\n", 1)[0])
    except LexiconError as exc:
        return None, [], [exc]
    rows: list[Row] = []
    errors: list[LexiconError] = []
    for number, line in enumerate(text.split("\n")[1:], start=2):
        if line and not line.startswith("#"):
            try:
                rows.append(parse.parse_line(path, number, line, header))
            except LexiconError as exc:
                errors.append(exc)
    errors += _duplicates(header, rows)
    return header, rows, errors


def _duplicates(header: Header, rows: list[Row]) -> list[LexiconError]:
    key_columns = header.columns[:parse.KEY_WIDTH.get(header.kind, 1)]
    seen: dict[str, int] = {}
    errors = []
    for row in rows:
        key = "\t".join(row.cells[c] for c in key_columns)
        if key in seen:
            shown = " ".join(row.cells[c] for c in key_columns)
            errors.append(row.error(f"duplicate {'+'.join(key_columns)} {shown!r} "
                                    f"(first on line {seen[key]})"))
        else:
            seen[key] = row.line
    return errors


def _row_problems(header: Header, rows: list[Row], sources: Mapping[str, Source]
                  ) -> tuple[list[LexiconError], list[tuple[Row, object]]]:
    """Each row's own problems, and the model object of every row without one."""
    build = _ROW_BUILDERS.get(header.kind)
    errors, built = [], []
    for row in rows:
        try:
            if build is not None:
                built.append((row, build(header, row, sources)))
            elif header.kind != "sources":
                parse._cited(row, sources)
        except LexiconError as exc:
            errors.append(exc)
    return errors, built


def _reference_problems(built: list[tuple[str, Row, object]]) -> list[LexiconError]:
    """What loading checks between rows, every instance: a place's parent and a law's successor
    must exist; a known wrong form must not be a correct form elsewhere."""
    kinds: dict[str, list[tuple[Row, Any]]] = {}
    for kind, row, obj in built:
        kinds.setdefault(kind, []).append((row, obj))
    places, laws, terms = kinds.get("places", []), kinds.get("laws", []), kinds.get("terms", [])
    codes = {place.code for _, place in places}
    titles = {law.title for _, law in laws}
    correct = {entry.canonical: entry.origin for _, entry in terms}
    correct.update((allow.phrase, allow.origin) for _, allow in kinds.get("allow", []))
    errors = [row.error(f"parent {place.parent!r} is not a code in any places file")
              for row, place in places if place.parent and place.parent not in codes]
    errors += [row.error(f"successor {law.successor!r} is not a title in any laws file")
               for row, law in laws if law.successor and law.successor not in titles]
    errors += [row.error(f"known_wrong {form!r} is a correct form in {correct[form]}")
               for row, entry in terms for form in entry.known_wrong if form in correct]
    return errors


def _unsorted(header: Header, rows: list[Row]) -> list[LexiconError]:
    """Each row whose first cell sorts before the row above it (code-point order, as ``sorted``)."""
    first = header.columns[0]
    return [row.error(f"rows are not sorted by {first}: {row.cells[first]!r} sorts before "
                      f"{above.cells[first]!r} (line {above.line})")
            for above, row in zip(rows, rows[1:]) if row.cells[first] < above.cells[first]]


def binding_date_problems(rows: Sequence[Row]) -> list[LexiconError]:
    """The bindings file's own date rules: an ended office has its last day; no two rows of one
    person and title cover the same day (a current row and a removed one would contradict)."""
    errors = []
    spans: dict[tuple[str, str], list[tuple[dt.date, dt.date, Row]]] = {}
    for row in rows:
        try:
            start, end = _day(row, "valid_from"), _day(row, "valid_to")
        except LexiconError:
            continue  # reported by the row's own check
        if row.cells["status"] in ENDED and end is None:
            errors.append(row.error(f"status {row.cells['status']} needs valid_to (the day the office ended "
                                    "or the investigation was announced)"))
        spans.setdefault((row.cells["person"], row.cells["title"]), []).append(
            (start or dt.date.min, end or dt.date.max, row))
    for (person, title), periods in spans.items():
        periods.sort(key=lambda p: (p[0], p[2].line))
        for (_, end, above), (start, _, row) in zip(periods, periods[1:]):
            if start < end:
                errors.append(row.error(f"{person} {title}: {_period(row)} overlaps {_period(above)} "
                                        f"on line {above.line}"))
    return errors


def _day(row: Row, column: str) -> dt.date | None:
    return parse._date(row, column)


def _period(row: Row) -> str:
    return f"{row.cells['valid_from'] or '…'}–{row.cells['valid_to'] or '…'} ({row.cells['status']})"
