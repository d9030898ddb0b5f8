"""How much the lexicons hold and how old their facts and sources are (``zhguard lexicon stats``).

Facts about offices age: a check dated long after the newest fact may name a holder who has since
left.  The newest fact is the latest valid_from or valid_to of the bindings (appointments, removals,
announced investigations), the events a newer release of the data would add.  Future-dated renames
and repeals are known in advance and say nothing about how recent the data is.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from zhguard.lexicon.model import Lexicon

if TYPE_CHECKING:
    from zhguard.lexicon.parse import Header, Row

# A check dated more than this after the newest fact is told so, once (issue 24).
STALE_AFTER = dt.timedelta(days=183)


def newest_fact(lexicon: Lexicon) -> dt.date | None:
    """The latest date of any binding (valid_from or valid_to), or None without bindings."""
    dates = [day for b in lexicon.bindings for day in (b.valid_from, b.valid_to) if day is not None]
    return max(dates, default=None)


def stale_note(newest: dt.date | None, as_of: dt.date) -> str | None:
    """One line for the run's summary when ``as_of`` is more than six months past ``newest``."""
    if newest is None or as_of - newest <= STALE_AFTER:
        return None
    return (f"zhguard: note: the facts about offices end at {newest.isoformat()}, more than six months "
            f"before the check date {as_of.isoformat()}: who holds which office may have changed "
            "(update zhguard, or give the document's date with --as-of)")


def parse_all(files: Iterable[tuple[str, bytes]]) -> list[tuple[str, Header, list[Row]]]:
    """Each file's name, header and rows, parsed once for row_counts and source_dates."""
    from zhguard.lexicon.parse import parse_file  # not for newest_fact, which every check calls

    return [(name, *parse_file(name, data)) for name, data in files]


def row_counts(parsed: Iterable[tuple[str, Header, list[Row]]]) -> list[tuple[str, str, int]]:
    """(file, kind or kind/category, rows) for each parsed file (parse_all), in the given order."""
    counts = []
    for name, header, rows in parsed:
        label = f"{header.kind}/{header.category.value}" if header.category is not None else header.kind
        counts.append((name, label, len(rows)))
    return counts


def totals(counts: Iterable[tuple[str, str, int]]) -> Counter:
    total: Counter = Counter()
    for _, label, rows in counts:
        total[label] += rows
    return total


def source_dates(parsed: Sequence[tuple[str, Header, list[Row]]]
                 ) -> tuple[dict[str, str | None], Counter, dict[str, str]]:
    """For each parsed data file (parse_all) the publication date of the newest source its rows cite
    (None: no dated source), the rows citing each source id, and each source's publication date ('' where
    unknown).  Dates are as SOURCES.tsv writes them (2022-10-25, 2026-04, 2026): they compare as strings."""
    published = {row.cells["id"]: row.cells.get("published", "") or ""
                 for _, header, rows in parsed if header.kind == "sources" for row in rows}
    newest: dict[str, str | None] = {}
    cited: Counter = Counter()
    for name, header, rows in parsed:
        if header.kind == "sources" or "source" not in header.columns:
            continue
        ids = [sid for row in rows for sid in (row.cells.get("source") or "").split("|") if sid]
        cited.update(ids)
        newest[name] = max((published[sid] for sid in set(ids) if published.get(sid)), default=None)
    return newest, cited, published


def age_in_days(published: str, today: dt.date) -> int:
    """Days from a source's date (a month or a year counts from its first day) to ``today``."""
    parts = [int(p) for p in published.split("-")] + [1, 1]
    return (today - dt.date(parts[0], parts[1], parts[2])).days
