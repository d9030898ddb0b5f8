"""The bundled lexicons, checked like codespell's dictionaries: format, order, sources, references."""

from __future__ import annotations

import re
import unicodedata

import pytest

from zhguard.lexicon.load import bundled_files
from zhguard.lexicon.parse import build_lexicon, parse_file

FILES = bundled_files()
ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@pytest.fixture(scope="module")
def lexicon():
    return build_lexicon(FILES)


def test_bundled_lexicons_are_found_inside_the_package():
    names = {name for name, _ in FILES}
    assert "SOURCES.tsv" in names
    assert {"terms/leader_name.tsv", "terms/political_term.tsv"} <= names


@pytest.mark.parametrize(("name", "data"), FILES, ids=[n for n, _ in FILES])
def test_file_is_clean_utf8_nfc_lf_with_a_final_newline(name, data):
    text = data.decode("utf-8")
    assert not text.startswith("\ufeff")
    assert "\r" not in text
    assert text.endswith("\n") and not text.endswith("\n\n")
    assert unicodedata.is_normalized("NFC", text)


@pytest.mark.parametrize(("name", "data"), FILES, ids=[n for n, _ in FILES])
def test_rows_are_sorted_by_first_column_in_code_point_order(name, data):
    header, rows = parse_file(name, data)
    keys = [row.cells[header.columns[0]] for row in rows]
    assert keys == sorted(keys), f"{name}: rows are not sorted by {header.columns[0]}"


def test_every_source_is_cited_and_dated(lexicon):
    rows = (*lexicon.entries, *lexicon.allows, *lexicon.confusions, *lexicon.cues, *lexicon.bindings,
            *lexicon.places, *lexicon.renames,
            *lexicon.laws, *lexicon.nonstandard, *lexicon.lists)
    cited = {source for row in rows for source in row.sources}
    assert cited == set(lexicon.sources), "SOURCES.tsv lists ids that no row cites"
    for source in lexicon.sources.values():
        assert ISO_DATE.match(source.retrieved), source.origin
        assert not source.published or ISO_DATE.match(source.published), source.origin


def test_wrong_forms_are_unique_across_entries_of_a_category(lexicon):
    seen: dict[tuple[str, str], str] = {}
    for entry in lexicon.entries:
        for form in entry.known_wrong:
            key = (entry.category, form)
            assert key not in seen, f"{entry.origin}: {form} also listed at {seen[key]}"
            seen[key] = entry.origin


def test_canonical_forms_are_han_text_without_spaces(lexicon):
    for entry in lexicon.entries:
        assert entry.canonical.strip() == entry.canonical and " " not in entry.canonical, entry.origin
        assert all(len(form) >= 2 for form in (entry.canonical, *entry.known_wrong)), entry.origin


def _overlap(a, b) -> bool:
    """Validity periods share more than a handover day (one post ends the day the next begins)."""
    import datetime as dt

    start = max(a.valid_from or dt.date.min, b.valid_from or dt.date.min)
    end = min(a.valid_to or dt.date.max, b.valid_to or dt.date.max)
    return start < end


def test_no_person_heads_two_provinces_at_once(lexicon):
    """A party secretary or governor of one province cannot be the same in another at the same time."""
    provincial = [b for b in lexicon.bindings if b.org.endswith(("省", "市", "自治区"))]
    roles = ("书记", "省长", "市长", "主席")
    for i, a in enumerate(provincial):
        for b in provincial[i + 1:]:
            if a.person != b.person or a.org == b.org or not _overlap(a, b):
                continue
            role = next((r for r in roles if a.title.endswith(r)), None)
            assert role is None or not b.title.endswith(role), (
                f"{a.origin} and {b.origin}: {a.person} as {a.title} and {b.title} at once")


def test_every_repealed_law_names_a_successor_in_force(lexicon):
    in_force = {law.title for law in lexicon.laws if law.status == "in_force"}
    for law in lexicon.laws:
        if law.status == "repealed":
            assert law.successor in in_force, law.origin
